// data-field: a lesson field opens its editor in place from Edit or a click on its text;
// Escape cancels an editor; the editor's box takes the focus when it opens.
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var value = event.target.closest("[data-field-value]");
    if (!value || event.target.closest("a, button") || String(window.getSelection()).length) return;
    var field = value.closest("[data-field]");
    var edit = field && field.querySelector("[data-field-edit]");
    if (edit) edit.click();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var editor = event.target.closest && event.target.closest("[data-field-form]");
    if (!editor || editor.hasAttribute("data-conflict")) return;
    var cancel = editor.querySelector("[data-field-cancel]");
    if (cancel) {
      event.preventDefault();
      cancel.click();
    }
  });

  // An editor just swapped in takes the focus; a field just saved or cancelled gives it back
  // to its Edit link, so the keyboard stays where it was.
  document.addEventListener("htmx:afterSwap", function (event) {
    var elt = event.detail.elt;
    if (!elt || !elt.matches) return;
    var swapped = elt.id ? document.getElementById(elt.id) : null;
    if (!swapped || !swapped.matches("[data-field]") || swapped.closest("[data-lesson-content]") === null) return;
    if (event.detail.target !== elt && event.detail.target.id !== elt.id) return;
    var box = swapped.querySelector("[data-field-form] [name=text], [data-field-form] button");
    var target = swapped.matches("[data-field-form]") ? box : swapped.querySelector("[data-field-edit]");
    if (target) target.focus();
  });
})();
