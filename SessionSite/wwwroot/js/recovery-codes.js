// Copy, download and print the recovery codes shown once on the page. The file is built here from the page:
// the site keeps only hashes and never serves the codes again. A file of its own so the CSP can forbid inline script.
(() => {
  "use strict";
  const list = document.getElementById("recovery-codes");
  const actions = document.getElementById("recovery-codes-actions");
  if (!list || !actions) {
    return;
  }
  const status = document.getElementById("recovery-codes-status");
  const text = () => [
    "SessionSite recovery codes",
    "Each code signs you in once if you lose your authenticator app. Keep them somewhere safe.",
    "",
    ...[...list.querySelectorAll(".recovery-code")].map(code => code.textContent.trim()),
    "",
  ].join("\n");
  const say = message => { if (status) { status.textContent = message; } };

  document.getElementById("recovery-codes-copy").addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(text());
      say("Copied. Paste them into your password manager.");
    } catch {
      say("This browser did not allow copying: select the codes and copy them.");
    }
  });

  document.getElementById("recovery-codes-download").addEventListener("click", () => {
    const url = URL.createObjectURL(new Blob([text()], { type: "text/plain" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = "sessionsite-recovery-codes.txt";
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    say("Downloaded sessionsite-recovery-codes.txt.");
  });

  document.getElementById("recovery-codes-print").addEventListener("click", () => window.print());
  actions.hidden = false;
})();
