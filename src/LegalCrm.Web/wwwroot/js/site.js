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

  // <button data-print> prints the page (the print style sheet leaves navigation and forms out).
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-print]")) {
      window.print();
    }
  });

  // A file input with data-max-bytes refuses a file that is too large before it is uploaded (the server checks too).
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (input.type === "file" && input.hasAttribute("data-max-bytes")) {
      var tooLarge = input.files.length > 0 && input.files[0].size > Number(input.getAttribute("data-max-bytes"));
      input.setCustomValidity(tooLarge ? input.getAttribute("data-too-large") : "");
      input.reportValidity();
    }
  });

  // Long work: <section data-poll="url"> asks the url for {status, processed, total} every second, moves the
  // progress bar, and reloads the page when the work has finished.
  function poll(section) {
    var bar = section.querySelector("[data-progress]");
    var text = section.querySelector("[data-progress-text]");
    fetch(section.getAttribute("data-poll"), { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (progress) {
        if (!progress) {
          return;
        }
        if (progress.status !== "Queued" && progress.status !== "Running") {
          window.location.reload();
          return;
        }
        if (bar) {
          bar.value = progress.processed;
          bar.max = progress.total;
        }
        if (text) {
          text.textContent = progress.processed + " / " + progress.total;
        }
        window.setTimeout(function () { poll(section); }, 1000);
      })
      .catch(function () { window.setTimeout(function () { poll(section); }, 3000); });
  }

  // After a failed post, put the keyboard on the first field with an error.
  document.addEventListener("DOMContentLoaded", function () {
    var invalid = document.querySelector(".input-validation-error");
    if (invalid) {
      invalid.focus();
    }
    document.querySelectorAll("[data-poll]").forEach(function (section) {
      window.setTimeout(function () { poll(section); }, 1000);
    });
  });
})();
