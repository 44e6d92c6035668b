// The anticipated responses list after Move, Share, Remove, Bring back or a drop (#responses).
// - On a lesson page that redraws its content from the live stream after every save
//   (data-lesson-content), that redraw is the one redraw: this answer only brings what is
//   this screen's own (the undo offer, a problem), so a move is not drawn twice (which lost
//   the focus and what was being typed).
// - A redraw of the content around the list settles at once (see below).
// - Elsewhere the answer redraws the list, keeping what someone is filling in on this screen:
//   an open field editor (data-field-form) and any form marked data-live-keep.
(function () {
  "use strict";

  var KEPT = "[data-field-form][id], [data-live-keep][id]:not(#undo-offer)";
  var OWN = ["undo-offer", "responses-problem"];

  function bringOwn(page) {
    OWN.forEach(function (id) {
      var fresh = page.getElementById(id);
      var shown = document.getElementById(id);
      if (!fresh || !shown) return;
      shown.replaceWith(fresh);
      htmx.process(fresh);
      var first = fresh.querySelector("[autofocus]");
      if (first) first.focus();
    });
  }

  // A live redraw that lands while a change's answer is on its way replaces the list the
  // answer was meant for, and htmx drops an answer whose target left the page: what is this
  // screen's own (Undo above all) still goes into the list now shown.
  document.addEventListener("htmx:beforeRequest", function (event) {
    var target = event.detail.target;
    if (!target || target.id !== "responses" || !target.closest("[data-lesson-content]")) return;
    var xhr = event.detail.xhr;
    xhr.addEventListener("load", function () {
      if (target.isConnected || xhr.status < 200 || xhr.status >= 300) return;
      bringOwn(new DOMParser().parseFromString(xhr.responseText, "text/html"));
    });
  });

  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    // Whatever redraws the list settles at once: its buttons work the moment they appear, so
    // a quick second Enter on Move is not a plain form post that reloads the page.
    if (target && target !== document.body && target.querySelector && target.querySelector("#responses")) {
      event.detail.swapOverride = (event.detail.swapOverride || target.getAttribute("hx-swap") || "innerHTML")
        .replace(/\s*settle:\S+/, "") + " settle:0ms";
    }
    if (!target || target.id !== "responses" || !event.detail.shouldSwap) return;
    var page = new DOMParser().parseFromString(event.detail.serverResponse, "text/html");
    if (target.closest("[data-lesson-content]")) {
      event.detail.shouldSwap = false;
      bringOwn(page);
      return;
    }
    var kept = target.querySelectorAll(KEPT);
    if (!kept.length) return;
    kept.forEach(function (element) {
      var fresh = page.getElementById(element.id);
      if (fresh) fresh.setAttribute("hx-preserve", "true");
    });
    event.detail.serverResponse = page.body.innerHTML;
  });
})();
