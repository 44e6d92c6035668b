// data-presenter and data-display-keys: keyboard shortcuts of the presenter console and the
// projector display; data-shortcuts-toggle (or "?") shows the list of them.
(function () {
  "use strict";

  function typingInField(event) {
    var t = event.target;
    return t.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(t.tagName) && t.type !== "submit" && t.tagName !== "BUTTON";
  }

  function toggleShortcuts() {
    var list = document.getElementById("shortcuts");
    var toggle = document.querySelector("[data-shortcuts-toggle]");
    if (!list) return;
    list.hidden = !list.hidden;
    if (toggle) toggle.setAttribute("aria-expanded", String(!list.hidden));
  }

  // The projector display has no buttons: a key posts the presenter action itself (htmx adds
  // the CSRF header) and the display redraws from the live event, like every other screen.
  var DISPLAY_KEYS = { ArrowRight: "next", ArrowLeft: "previous", "+": "add_time" };
  function pressOnDisplay(holder, key) {
    var action = key === "Space" ? holder.getAttribute("data-space") : DISPLAY_KEYS[key];
    if (!action || !window.htmx) return false;
    if (holder.getAttribute("data-can-" + action) === "false") return true;  // first or last
    var values = { run_version: holder.getAttribute("data-run-version") };
    if (action === "add_time") values.minutes = "1";
    var url = holder.getAttribute("data-present-url") + "/" + action;
    htmx.ajax("POST", url, { source: holder, swap: "none", values: values }).catch(function () {});
    return true;
  }

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-shortcuts-toggle]")) toggleShortcuts();
  });

  document.addEventListener("keydown", function (event) {
    var display = document.querySelector("[data-display-keys]");
    if (!display && !document.querySelector("[data-presenter]")) return;
    if (event.altKey || event.ctrlKey || event.metaKey || typingInField(event)) return;
    var key = event.key === " " ? "Space" : event.key;
    if (key === "?") { toggleShortcuts(); event.preventDefault(); return; }
    if (display) {
      if (pressOnDisplay(display, key)) event.preventDefault();
      return;
    }
    var button = document.querySelector("[data-presenter] [data-key='" + key + "']");
    if (button) {
      event.preventDefault();
      // htmx wires freshly swapped controls only when they settle (20 ms later): a key pressed
      // in that moment would post the form natively and reload the whole page.
      if (window.htmx && button.form) htmx.process(button.form);
      button.click();
    }
  });
})();
