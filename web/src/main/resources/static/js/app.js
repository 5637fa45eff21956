// Progressive enhancement only: every page works as plain forms without this file or htmx.
document.addEventListener("htmx:afterSwap", function (event) {
  // After a save with problems, bring the section's summary into view so the person reads it first.
  var summary = event.detail.target && event.detail.target.querySelector
    ? event.detail.target.querySelector(".error-summary") : null;
  if (summary && !summary.contains(document.activeElement)) {
    summary.focus();
  }
});
