// Passkeys: the browser's WebAuthn ceremonies for forms marked with data-options. The server sends options as
// JSON, the browser parses them (parseCreationOptionsFromJSON / parseRequestOptionsFromJSON), and the credential
// goes back as toJSON() in the form's CredentialJson field, posted as an ordinary form. Without this script (or
// WebAuthn) the forms post nothing and the server says so.
(function () {
    'use strict';

    var supported = window.PublicKeyCredential
        && typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function'
        && typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function';

    function status(form, text) {
        var line = form.querySelector('.passkey-status');
        if (line) line.textContent = text;
    }

    // The options are asked with the form's own antiforgery token. A guarded page answers with a redirect to
    // "confirm it's you"; manual redirects let the page go there instead of parsing HTML as JSON.
    function fetchOptions(form, signal) {
        return fetch(form.dataset.options, {
            method: 'POST', body: new FormData(form), credentials: 'same-origin', redirect: 'manual', signal: signal
        }).then(function (response) {
            if (response.type === 'opaqueredirect' && form.dataset.confirm) {
                window.location.assign(form.dataset.confirm);
                return null;
            }
            if (!response.ok) throw new Error('options ' + response.status);
            return response.json();
        });
    }

    function post(form, credential) {
        form.elements.CredentialJson.value = JSON.stringify(credential.toJSON());
        var remember = document.getElementById('RememberMe');
        if (remember && form.elements.RememberMe) form.elements.RememberMe.value = remember.checked ? 'true' : 'false';
        form.submit();
    }

    function failed(form, error) {
        if (error && error.name === 'AbortError') return;
        status(form, error && error.name === 'NotAllowedError'
            ? 'The passkey request was cancelled or timed out.'
            : 'Something went wrong with the passkey. Try again.');
    }

    var addForm = document.getElementById('add-passkey-form');
    if (addForm) {
        addForm.addEventListener('submit', function (event) {
            event.preventDefault();
            if (!supported) { status(addForm, 'This browser cannot create passkeys.'); return; }
            status(addForm, 'Follow your browser\u2019s prompts\u2026');
            fetchOptions(addForm).then(function (json) {
                if (!json) return null;
                return navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(json) });
            }).then(function (credential) {
                if (credential) post(addForm, credential);
            }).catch(function (error) { failed(addForm, error); });
        });
    }

    // The second step (#two-step-passkey-form) and "confirm it's you" (#confirm-passkey-form): the server's options
    // list only the signed-in (or half-way) user's passkeys.
    Array.prototype.forEach.call(document.querySelectorAll('form[data-passkey-get]'), function (form) {
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            if (!supported) { status(form, 'This browser cannot use passkeys.'); return; }
            status(form, 'Follow your browser\u2019s prompts\u2026');
            fetchOptions(form).then(function (json) {
                if (!json) return null;
                return navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(json) });
            }).then(function (credential) {
                if (credential) post(form, credential);
            }).catch(function (error) { failed(form, error); });
        });
    });

    var signInForm = document.getElementById('passkey-signin-form');
    if (signInForm) {
        var pending = null;

        function request(mediation) {
            if (pending) pending.abort();
            var controller = new AbortController();
            pending = controller;
            return fetchOptions(signInForm, controller.signal).then(function (json) {
                var options = { publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(json), signal: controller.signal };
                if (mediation) options.mediation = mediation;
                return navigator.credentials.get(options);
            }).then(function (credential) {
                if (credential) post(signInForm, credential);
            });
        }

        signInForm.addEventListener('submit', function (event) {
            event.preventDefault();
            if (!supported) { status(signInForm, 'This browser cannot use passkeys. Sign in with your password.'); return; }
            status(signInForm, 'Follow your browser\u2019s prompts\u2026');
            request(null).catch(function (error) { failed(signInForm, error); });
        });

        // Autofill: the email field (autocomplete="username webauthn") offers passkeys while this request waits.
        // The button above aborts it before starting its own.
        if (supported && typeof PublicKeyCredential.isConditionalMediationAvailable === 'function') {
            PublicKeyCredential.isConditionalMediationAvailable().then(function (available) {
                if (available) request('conditional').catch(function () { /* aborted or dismissed: the button still works */ });
            });
        }
    }
}());
