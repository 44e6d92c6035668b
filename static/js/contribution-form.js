// data-contribution-form: action items need an owner and a due date; private applies to notes
// only, so each kind shows only its own fields.
(function () {
  "use strict";

  function sync(form) {
    var kind = form.querySelector("select[name=kind]");
    if (!kind) return;
    var actionFields = form.querySelector("[data-action-fields]");
    var noteFields = form.querySelector("[data-note-fields]");
    if (actionFields) actionFields.hidden = kind.value !== "action";
    if (noteFields) noteFields.hidden = kind.value !== "note";
  }

  document.addEventListener("change", function (event) {
    var form = event.target.closest("[data-contribution-form]");
    if (form && event.target.name === "kind") sync(form);
  });

  tandem.onLoad(function (root) { tandem.within(root, "[data-contribution-form]").forEach(sync); });
})();
