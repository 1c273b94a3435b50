// respassess clerk's page: copy buttons, a busy note on submit, an early check of the upload size.
// No framework, no external script; the page works without it (copying then needs a manual select).
(function () {
  "use strict";

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.top = "-100rem";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  function selectText(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }

  function onCopy(button) {
    var target = document.getElementById(button.getAttribute("data-copy-target"));
    var status = button.parentNode.querySelector(".copy-status");
    if (!target) { return; }
    var text = target.textContent.trim();
    function done(ok) {
      if (status) { status.textContent = ok ? "Copied" : "Selected: press Ctrl+C (Cmd+C) to copy"; }
      if (!ok) { selectText(target); }
      window.setTimeout(function () { if (status) { status.textContent = ""; } }, 4000);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(fallbackCopy(text)); });
    } else {
      done(fallbackCopy(text));
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[data-copy-target]") : null;
    if (button) { onCopy(button); }
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("busy-form")) { return; }
    var busy = form.querySelector(".busy");
    if (busy) { busy.textContent = form.getAttribute("data-busy") || "Working…"; }
    var button = form.querySelector("button[type=submit]");
    // Disable after the submission has started, so the form still sends.
    if (button) { window.setTimeout(function () { button.disabled = true; }, 0); }
  });

  // Coming back with the Back button restores a page whose button was disabled.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll(".busy-form button[type=submit]").forEach(function (b) { b.disabled = false; });
    document.querySelectorAll(".busy-form .busy").forEach(function (s) { s.textContent = ""; });
  });

  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("input[type=file][data-max-bytes]")) { return; }
    var limit = parseInt(input.getAttribute("data-max-bytes"), 10);
    var file = input.files && input.files[0];
    var out = document.getElementById(input.id + "-error");
    var message = "";
    if (file && limit && file.size > limit) {
      message = "This file is " + (file.size / 1048576).toFixed(1) + " MB, over the limit of " +
        (limit / 1048576).toFixed(0) + " MB. Split the document or save it without images.";
    }
    input.setCustomValidity(message);
    if (out) { out.textContent = message; }
  });
}());
