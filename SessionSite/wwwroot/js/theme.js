// The colour scheme the reader's system asks for, as Bootstrap 5.3's data-bs-theme. Loaded as a file in <head>,
// before the page paints, so the CSP can keep forbidding inline script and the page never flashes light.
(() => {
  "use strict";
  const dark = window.matchMedia("(prefers-color-scheme: dark)");
  const apply = () => document.documentElement.setAttribute("data-bs-theme", dark.matches ? "dark" : "light");
  apply();
  dark.addEventListener("change", apply);
})();
