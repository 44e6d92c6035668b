// data-lesson-live: tells the team which field this screen edits (on focus, every 15 s while
// editing, and "nothing" on leaving the field or the page), and shows beside each field who
// else is editing it.
(function () {
  "use strict";

  var HEARTBEAT_MS = 15000;
  var tab = Array.prototype.map.call(window.crypto.getRandomValues(new Uint8Array(12)), function (b) {
    return (b < 16 ? "0" : "") + b.toString(16);
  }).join("");
  var editing = "";
  // Where the mark was made: a boosted link away from the lesson takes the page's element
  // along, and the mark is cleared there.
  var presenceUrl = "";

  function live() { return document.querySelector("[data-lesson-live]"); }
  function csrfToken() {
    var holder = document.querySelector("[data-csrf-token]");
    return holder ? holder.getAttribute("data-csrf-token") : "";
  }

  function body(field) {
    var data = new FormData();
    data.set("csrf_token", csrfToken());
    data.set("tab", tab);
    data.set("field", field);
    return data;
  }

  function tell(field) {
    var holder = live();
    if (field || !presenceUrl) presenceUrl = holder ? holder.getAttribute("data-presence-url") : "";
    if (!presenceUrl) return;
    editing = field;
    fetch(presenceUrl, { method: "POST", body: body(field), credentials: "same-origin" })
      .catch(function () {});  // offline: the mark expires by itself
  }

  function editorOf(elt) { return elt && elt.closest ? elt.closest("[data-field-form]") : null; }

  document.addEventListener("focusin", function (event) {
    var editor = editorOf(event.target);
    var field = editor ? editor.getAttribute("data-field") : "";
    if (editor && field !== editing) tell(field);
  });

  function stillEditing() {
    if (!editing) return;
    var editor = editorOf(document.activeElement);
    var open = document.querySelector('[data-field-form][data-field="' + editing + '"]');
    if (!open || (editor === null && document.hasFocus())) tell("");
  }
  document.addEventListener("focusout", function () { setTimeout(stillEditing, 0); });
  document.addEventListener("htmx:afterSwap", function () { setTimeout(stillEditing, 0); });

  setInterval(function () { if (editing && live()) tell(editing); }, HEARTBEAT_MS);

  window.addEventListener("pagehide", function () {
    if (presenceUrl && editing && navigator.sendBeacon) {
      navigator.sendBeacon(presenceUrl, body(""));
      editing = "";
    }
  });

  function show() {
    var list = document.querySelector("[data-lesson-presence]");
    if (!list) return;
    var who = {};
    list.querySelectorAll("li[data-field]").forEach(function (item) {
      who[item.getAttribute("data-field")] = item.textContent;
    });
    document.querySelectorAll("[data-presence-for]").forEach(function (slot) {
      var text = who[slot.getAttribute("data-presence-for")] || "";
      if (slot.textContent !== text) slot.textContent = text;
    });
  }
  document.addEventListener("htmx:afterSettle", show);
})();
