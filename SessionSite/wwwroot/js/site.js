// Progressive enhancements, loaded as a file so the CSP can forbid inline script.
(() => {
  "use strict";

  // Put the keyboard where the problem is: the first field the server marked invalid.
  const firstInvalid = document.querySelector("[aria-invalid='true']");
  if (firstInvalid) {
    firstInvalid.focus();
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
