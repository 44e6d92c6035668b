// data-opens-dialog and data-closes-dialog: "End the meeting…" asks in a dialog; its link's
// page asks the same without JavaScript.
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var opener = event.target.closest("[data-opens-dialog]");
    var dialog = opener && document.getElementById(opener.getAttribute("data-opens-dialog"));
    if (dialog && dialog.showModal) {
      event.preventDefault();
      dialog.showModal();
    }
    var closer = event.target.closest("[data-closes-dialog]");
    if (closer && closer.closest("dialog")) closer.closest("dialog").close();
  });

  // A live redraw while the dialog is open brings it back, with the new version in its form.
  var reopenDialog = null;
  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    var open = target && target.querySelector && target.querySelector("dialog[open]");
    reopenDialog = open ? open.id : null;
  });
  document.addEventListener("htmx:afterSwap", function () {
    var dialog = reopenDialog && document.getElementById(reopenDialog);
    reopenDialog = null;
    if (dialog && dialog.showModal && !dialog.open) dialog.showModal();
  });
})();
