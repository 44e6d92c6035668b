// data-sortable: drag and drop reordering of agenda segments; the form posts the new order.
(function () {
  "use strict";

  var ITEM = "[data-sortable] > li";
  var dragged = null;
  document.addEventListener("dragstart", function (event) {
    var item = event.target.closest && event.target.closest(ITEM);
    if (!item) return;
    dragged = item;
    item.classList.add("dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", item.getAttribute("data-segment-id"));
  });
  document.addEventListener("dragover", function (event) {
    var over = event.target.closest && event.target.closest(ITEM);
    if (!dragged || !over || over === dragged || over.parentNode !== dragged.parentNode) return;
    event.preventDefault();
    var rect = over.getBoundingClientRect();
    var after = event.clientY > rect.top + rect.height / 2;
    over.parentNode.insertBefore(dragged, after ? over.nextSibling : over);
  });
  document.addEventListener("dragend", function () {
    if (!dragged) return;
    dragged.classList.remove("dragging");
    var form = dragged.closest("form");
    dragged = null;
    if (form && window.htmx) htmx.trigger(form, "reorder");
  });
})();
