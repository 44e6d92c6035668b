// data-move-form: after a move is logged, clear its few words so the next tap starts fresh.
document.addEventListener("htmx:afterRequest", function (event) {
  var form = event.detail.elt;
  if (form && form.matches && form.matches("[data-move-form]") && event.detail.successful) {
    var note = form.querySelector("[name=note]");
    if (note) note.value = "";
  }
});
