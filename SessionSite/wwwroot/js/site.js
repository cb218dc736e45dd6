// Progressive enhancements, loaded as a file so the CSP can forbid inline script.
(() => {
  "use strict";

  // Put the keyboard where the problem is: a form-level message first, else the first field the server marked invalid.
  const focusFirst = document.querySelector("[data-focus-on-load]") || document.querySelector("[aria-invalid='true']");
  if (focusFirst) {
    focusFirst.focus();
  }

  // A server message belongs to the value it was about: once the person changes the field, it goes.
  for (const input of document.querySelectorAll("input[aria-invalid='true']")) {
    input.addEventListener("input", () => {
      input.removeAttribute("aria-invalid");
      input.classList.remove("is-invalid");
      const message = document.getElementById(`${input.id}-error`);
      if (message) {
        message.textContent = "";
      }
    }, { once: true });
  }

  // Every time in the reader's own zone, one format with the zone named ("2 Dec 2026, 03:35 GMT+1"); the
  // recent ones of the sessions page in words ("5 minutes ago"). Without script the UTC text stays.
  const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  const absolute = new Intl.DateTimeFormat(undefined, {
    year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short",
  });
  for (const time of document.querySelectorAll("time[datetime]")) {
    const when = new Date(time.dateTime);
    if (Number.isNaN(when.getTime())) {
      continue;
    }
    if (!time.hasAttribute("data-relative")) {
      time.title = time.textContent.trim();
      time.textContent = absolute.format(when);
      continue;
    }
    const seconds = (when.getTime() - Date.now()) / 1000;
    const [value, unit] = Math.abs(seconds) < 60 ? [0, "second"]
      : Math.abs(seconds) < 3600 ? [Math.round(seconds / 60), "minute"]
        : Math.abs(seconds) < 86400 ? [Math.round(seconds / 3600), "hour"]
          : [Math.round(seconds / 86400), "day"];
    time.title = absolute.format(when);
    time.textContent = value === 0 && unit === "second" ? (time.dataset.relative === "active" ? "Active now" : "just now") : relative.format(value, unit);
  }

  // A download leaves the page as it was: a status line under the form says what the file holds. The line is
  // there from the start, empty, so screen readers announce the text when it comes.
  for (const form of document.querySelectorAll("form[data-download-note]")) {
    const note = document.createElement("p");
    note.id = `${form.id}-note`;
    note.className = "small mt-2";
    note.setAttribute("role", "status");
    form.append(note);
    form.addEventListener("submit", () => { note.textContent = form.dataset.downloadNote; });
  }

  // Show/hide toggles for password inputs.
  for (const input of document.querySelectorAll("input[type='password'][data-toggle-password]")) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "btn btn-outline-secondary password-toggle";
    button.textContent = "Show";
    button.setAttribute("aria-controls", input.id);
    button.setAttribute("aria-pressed", "false");
    button.setAttribute("aria-label", "Show password");
    button.addEventListener("click", () => {
      const showing = input.type === "text";
      input.type = showing ? "password" : "text";
      button.textContent = showing ? "Show" : "Hide";
      button.setAttribute("aria-pressed", String(!showing));
      button.setAttribute("aria-label", showing ? "Show password" : "Hide password");
    });
    input.parentElement.append(button);
  }

  // A length-based hint: the server's rules are length and a common-password list, so length is what helps.
  for (const input of document.querySelectorAll("input[data-strength-hint]")) {
    const hint = document.getElementById(input.dataset.strengthHint);
    if (!hint) {
      continue;
    }
    const describe = (length) =>
      length === 0 ? "At least 8 characters; a long passphrase (15 or more) is best."
        : length < 8 ? `Too short: ${8 - length} more character${8 - length === 1 ? "" : "s"} needed.`
          : length < 15 ? "Long enough. A passphrase of 15 or more characters is stronger."
            : "Strong length. Avoid well-known phrases.";
    input.addEventListener("input", () => { hint.textContent = describe(input.value.length); });
  }
})();
