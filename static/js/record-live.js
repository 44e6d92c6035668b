// The record page's chart and its responses nobody anticipated follow tap-to-count: each event
// of the cycle's stream redraws them ([data-record-live]), unless they are being filled in on
// this screen. Then nothing typed is lost: a note says new counts arrived, and they are drawn
// with the next save (or once the focus leaves them untouched).
(function () {
  "use strict";

  var NOTE = "New counts arrived from tapping. What you typed stays here; save the chart " +
    "to see them.";
  var waiting = false;

  function area() { return document.getElementById("record-responses"); }
  function listener() { return document.querySelector("[data-record-live]"); }

  function edited(box) { return box.hasAttribute("data-edited"); }
  function focused(box) { return box.contains(document.activeElement); }

  function mark(event) {
    var box = area();
    if (box && box.contains(event.target) && event.target.closest("form")) {
      box.setAttribute("data-edited", "");
    }
  }
  document.addEventListener("input", mark, true);
  document.addEventListener("change", mark, true);

  document.addEventListener("htmx:beforeRequest", function (event) {
    var elt = event.detail.elt;
    if (!elt || !elt.hasAttribute || !elt.hasAttribute("data-record-live")) return;
    var box = area();
    if (!box || !(edited(box) || focused(box))) { waiting = false; return; }
    event.preventDefault();
    waiting = true;
    var note = box.querySelector("[data-live-note]");
    if (note && edited(box) && note.hidden) {
      note.textContent = NOTE;
      note.hidden = false;
    }
  });

  // A redraw keeps the note of a save just made on this screen (its own event comes back).
  document.addEventListener("htmx:configRequest", function (event) {
    var box = area();
    var note = box && box.querySelector("[data-saved]");
    if (note && event.detail.elt.hasAttribute("data-record-live")) {
      event.detail.parameters.saved = note.getAttribute("data-saved");
    }
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target && event.detail.target.id === "record-responses") waiting = false;
  });

  // Looked at but not changed: drawn as soon as the focus has left it.
  document.addEventListener("focusout", function () {
    if (!waiting) return;
    setTimeout(function () {
      var box = area();
      var elt = listener();
      if (waiting && box && elt && !edited(box) && !focused(box)) htmx.trigger(elt, "record-refresh");
    }, 0);
  });
})();
