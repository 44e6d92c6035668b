// data-sortable: drag and drop reordering of a list's items (agenda segments, anticipated
// responses); when an item is dropped, its form posts the new order (htmx trigger "reorder").
// The form is the list's own, or the one data-sortable-form names when the items hold forms
// of their own (a form cannot hold another). An item is dragged by itself or by a
// draggable handle inside it.
(function () {
  "use strict";

  var ITEM = "[data-sortable] > li";
  var dragged = null;

  function orderForm(list) {
    var named = list.getAttribute("data-sortable-form");
    return (named && document.getElementById(named)) || list.closest("form");
  }

  document.addEventListener("dragstart", function (event) {
    var item = event.target.closest && event.target.closest(ITEM);
    if (!item) return;
    dragged = item;
    item.classList.add("dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData(
      "text/plain", item.getAttribute("data-id") || item.getAttribute("data-segment-id") || ""
    );
    if (event.target !== item && event.dataTransfer.setDragImage) {
      event.dataTransfer.setDragImage(item, 16, 16);
    }
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
    var form = orderForm(dragged.parentNode);
    dragged = null;
    if (form && window.htmx) htmx.trigger(form, "reorder");
  });
})();
