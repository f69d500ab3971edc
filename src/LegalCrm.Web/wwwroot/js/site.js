// Progressive enhancement only; every page works without it. No inline script anywhere (CSP-ready).
(function () {
  "use strict";

  // Destructive actions: <button data-confirm="Are you sure?"> asks before submitting.
  document.addEventListener("submit", function (event) {
    var submitter = event.submitter;
    var message = (submitter && submitter.getAttribute("data-confirm")) || event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });

  // After a failed post, put the keyboard on the first field with an error.
  document.addEventListener("DOMContentLoaded", function () {
    var invalid = document.querySelector(".input-validation-error");
    if (invalid) {
      invalid.focus();
    }
  });
})();
