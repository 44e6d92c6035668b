// data-field-form: what is typed in a lesson field is kept on this device until it is saved,
// so nothing is lost to a dropped connection or a closed tab.
// - Every keystroke keeps a draft (per person, lesson and field); a save that lands clears it.
// - A save that cannot reach the server says so, keeps the editor, and is sent again (same
//   text, same base revision) when the connection returns: the server ignores a value that
//   already stands, and a conflict on the way shows both versions.
// - An unsaved draft found when the page opens is offered back beside its field.
(function () {
  "use strict";

  var PREFIX = "tandem-draft:";
  var RETRY_MS = 5000;
  var KEEP_MS = 14 * 24 * 3600 * 1000;  // a draft older than two weeks is forgotten
  var OFFLINE = "Not saved — you're offline; it will be saved when the connection returns.";
  var SERVER = "Not saved — Tandem could not save just now; it will try again in a moment.";
  var waiting = [];  // forms whose save did not reach the server
  var retryTimer = null;

  function live() { return document.querySelector("[data-lesson-live]"); }
  function storageKey(field) {
    var holder = live();
    if (!holder || !field) return null;
    return PREFIX + holder.getAttribute("data-user-id") + ":" + holder.getAttribute("data-lesson-id") + ":" + field;
  }
  function read(field) {
    var key = storageKey(field);
    var draft = null;
    try { draft = key ? JSON.parse(localStorage.getItem(key) || "null") : null; } catch (e) { return null; }
    if (draft && !(Date.now() - draft.at < KEEP_MS)) {
      forget(field);
      return null;
    }
    return draft;
  }
  function write(field, draft) {
    var key = storageKey(field);
    try { if (key) localStorage.setItem(key, JSON.stringify(draft)); } catch (e) { /* storage full or off */ }
  }
  function forget(field) {
    var key = storageKey(field);
    try { if (key) localStorage.removeItem(key); } catch (e) { /* storage off */ }
  }

  function editorOf(elt) { return elt && elt.closest ? elt.closest("[data-field-form]") : null; }
  function fieldOf(elt) { var editor = editorOf(elt); return editor ? editor.getAttribute("data-field") : null; }

  function keep(box) {
    var editor = editorOf(box);
    var form = box.form;
    var base = form && form.querySelector("[name=base]");
    write(editor.getAttribute("data-field"), { text: box.value, base: base ? base.value : "", at: Date.now() });
  }
  function typed(event) {
    if (event.target.name === "text" && editorOf(event.target)) keep(event.target);
  }
  // "input" only: selects fire it too, and a "change" can come as the editor goes away.
  document.addEventListener("input", typed);

  // ---- Saving -------------------------------------------------------------------------------
  // The form that sent a request (htmx names the swap target `elt` in some events).
  function saveForm(event) {
    var config = event.detail.requestConfig;
    var elt = config && config.elt ? config.elt : event.detail.elt;
    var form = elt && elt.closest ? elt.closest("form") : null;
    return form && editorOf(form) && form.querySelector("[name=text]") ? form : null;
  }

  function say(form, message) {
    var editor = editorOf(form);
    var status = editor && editor.querySelector("[data-field-status]");
    if (!status) {  // a conflict's forms: the message goes above its buttons
      status = editor.querySelector(".field-status") || document.createElement("p");
      status.className = "field-status";
      status.setAttribute("role", "status");
      editor.insertBefore(status, editor.querySelector(".button-row"));
    }
    status.textContent = message;
    status.hidden = !message;
  }

  function retry() {
    clearTimeout(retryTimer);
    retryTimer = null;
    var forms = waiting.filter(function (form) { return document.body.contains(form); });
    waiting = [];
    forms.forEach(function (form) { form.requestSubmit(); });
  }

  function wait(form, message) {
    var box = form.querySelector("[name=text]");
    if (box) keep(box);
    say(form, message);
    if (waiting.indexOf(form) < 0) waiting.push(form);
    if (!retryTimer) retryTimer = setTimeout(retry, RETRY_MS);
  }
  function notSent(event) {
    var form = saveForm(event);
    if (form) wait(form, OFFLINE);
  }
  document.addEventListener("htmx:sendError", notSent);
  document.addEventListener("htmx:timeout", notSent);
  window.addEventListener("online", retry);

  // Before the answer swaps in, so the fresh field offers no draft that was just saved.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var form = saveForm(event);
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    if (!form || !status) return;
    if (status >= 500) {  // the editor stays, with the text; an error page would hide it
      event.detail.shouldSwap = false;
      wait(form, SERVER);
      return;
    }
    // A conflict keeps the draft (and its base) until one version is kept.
    if (status >= 200 && status < 300) forget(fieldOf(form));
  });

  // "Keep theirs" and Cancel drop what was typed, by choice.
  document.addEventListener("click", function (event) {
    var cancel = event.target.closest("[data-field-cancel]");
    if (cancel) forget(fieldOf(cancel));
  });

  // ---- Offering a draft back ----------------------------------------------------------------
  function clock(at) {
    var when = new Date(at);
    return when.toLocaleTimeString([], { hour: "numeric", minute: "2-digit" });
  }

  function offer(field) {
    var offerBox = field.querySelector("[data-draft-offer]");
    var key = field.getAttribute("data-field");
    var draft = read(key);
    if (!offerBox || !draft) return;
    offerBox.textContent = "";
    var text = document.createElement("p");
    text.textContent = "Your unsaved text from " + clock(draft.at) + ": “" + draft.text.slice(0, 160) + (draft.text.length > 160 ? "…" : "") + "”";
    var putBack = document.createElement("button");
    putBack.type = "button";
    putBack.className = "button-quiet";
    putBack.textContent = "Put it back";
    putBack.setAttribute("aria-label", "Put your unsaved text back in " + labelOf(field));
    putBack.addEventListener("click", function () { restore(field, key, draft); });
    var discard = document.createElement("button");
    discard.type = "button";
    discard.className = "button-link";
    discard.textContent = "Discard";
    discard.setAttribute("aria-label", "Discard your unsaved text in " + labelOf(field));
    discard.addEventListener("click", function () { forget(key); offerBox.hidden = true; offerBox.textContent = ""; });
    var row = document.createElement("div");
    row.className = "button-row";
    row.appendChild(putBack);
    row.appendChild(discard);
    offerBox.appendChild(text);
    offerBox.appendChild(row);
    offerBox.hidden = false;
  }

  function labelOf(field) {
    var label = field.querySelector(".lesson-field-label");
    return label ? label.textContent : "this field";
  }

  function restore(field, key, draft) {
    var edit = field.querySelector("[data-field-edit]");
    htmx.ajax("GET", edit.getAttribute("hx-get"), { source: edit, target: field, swap: "outerHTML" }).then(function () {
      var editor = document.querySelector('[data-field-form][data-field="' + key + '"]');
      var box = editor && editor.querySelector("[name=text]");
      if (!box) return;
      box.value = draft.text;
      // Saved against the revision the draft was typed on: if the field changed since,
      // the save shows both versions.
      var base = editor.querySelector("[name=base]");
      if (base && draft.base !== "") {
        base.value = draft.base;
        editor.setAttribute("data-base", draft.base);
      }
      box.focus();
    });
  }

  tandem.onLoad(function (root) { tandem.within(root, "[data-draft-offer]").forEach(function (box) { offer(box.closest("[data-field]")); }); });
})();
