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

  // Single-key shortcuts: <a data-key="j"> is followed when that key is pressed outside a form field (the agenda's
  // previous/next/today and views). Modifier keys are left to the browser.
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) {
      return;
    }
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(target.tagName))) {
      return;
    }
    var link = document.querySelector('a[data-key="' + event.key.toLowerCase().replace(/["\\]/g, "") + '"]');
    if (link) {
      event.preventDefault();
      window.location.href = link.href;
    }
  });

  // <select data-autosubmit> submits its form when a choice is made (the button stays for keyboard users).
  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches("select[data-autosubmit]") && event.target.form) {
      event.target.form.submit();
    }
  });

  // <button data-print> prints the page (the print style sheet leaves navigation and forms out).
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-print]")) {
      window.print();
    }
  });

  // A file input with data-max-bytes refuses a file that is too large before it is uploaded (the server checks too),
  // and lists the chosen files with their sizes.
  function checkFiles(input) {
    var max = Number(input.getAttribute("data-max-bytes"));
    var tooLarge = Array.prototype.some.call(input.files, function (file) { return file.size > max; });
    input.setCustomValidity(tooLarge ? input.getAttribute("data-too-large") : "");
    var list = input.form && input.form.querySelector("[data-file-list]");
    if (list) {
      list.textContent = "";
      Array.prototype.forEach.call(input.files, function (file) {
        var item = document.createElement("li");
        item.textContent = file.name + " (" + Math.max(1, Math.round(file.size / 1024)) + " KB)";
        list.appendChild(item);
      });
    }
    if (tooLarge) {
      input.reportValidity();
    }
  }

  document.addEventListener("change", function (event) {
    var input = event.target;
    if (input.type === "file" && input.hasAttribute("data-max-bytes")) {
      checkFiles(input);
    }
  });

  // <div data-dropzone> around a file input takes files dropped on it.
  ["dragenter", "dragover"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var zone = event.target.closest && event.target.closest("[data-dropzone]");
      if (zone) {
        event.preventDefault();
        zone.classList.add("dragging");
      }
    });
  });
  document.addEventListener("dragleave", function (event) {
    var zone = event.target.closest && event.target.closest("[data-dropzone]");
    if (zone && !zone.contains(event.relatedTarget)) {
      zone.classList.remove("dragging");
    }
  });
  document.addEventListener("drop", function (event) {
    var zone = event.target.closest && event.target.closest("[data-dropzone]");
    if (!zone) {
      return;
    }
    event.preventDefault();
    zone.classList.remove("dragging");
    var input = zone.querySelector("input[type=file]");
    if (input && event.dataTransfer && event.dataTransfer.files.length > 0) {
      input.files = input.multiple ? event.dataTransfer.files : (function () {
        var one = new DataTransfer();
        one.items.add(event.dataTransfer.files[0]);
        return one.files;
      })();
      checkFiles(input);
    }
  });

  // <form data-upload> sends its files with a progress bar; the answer (the next page, or the form with its
  // messages) replaces the page, as a normal submit would.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || !form.hasAttribute("data-upload") || !window.XMLHttpRequest || !window.FormData) {
      return;
    }
    event.preventDefault();
    var bar = form.querySelector("[data-upload-progress]");
    var button = form.querySelector("button[type=submit]");
    var request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.upload.addEventListener("progress", function (progress) {
      if (bar && progress.lengthComputable) {
        bar.hidden = false;
        bar.value = Math.round(progress.loaded * 100 / progress.total);
      }
    });
    request.addEventListener("load", function () {
      // The answer is already the next page (the redirect was followed, its one-time message included): show it as is.
      if (request.responseURL && request.responseURL !== window.location.href) {
        window.history.replaceState(null, "", request.responseURL);
      }
      document.open();
      document.write(request.responseText);
      document.close();
    });
    request.addEventListener("error", function () {
      if (button) {
        button.disabled = false;
      }
      if (bar) {
        bar.hidden = true;
      }
      window.alert(form.getAttribute("data-upload-failed") || "Upload failed.");
    });
    if (button) {
      button.disabled = true;
    }
    request.send(new FormData(form));
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
