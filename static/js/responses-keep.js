// The anticipated responses list is redrawn after Move, Share, Remove or a drop (#responses).
// What someone is filling in on this screen stays as it is: an open field editor
// (data-field-form) and any form marked data-live-keep (a new response, a sketch), as the
// lesson page's live re-fetch keeps them. The undo offer is the one thing redrawn.
(function () {
  "use strict";

  var KEPT = "[data-field-form][id], [data-live-keep][id]:not(#undo-offer)";

  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    if (!target || target.id !== "responses" || !event.detail.shouldSwap) return;
    var kept = target.querySelectorAll(KEPT);
    if (!kept.length) return;
    var page = new DOMParser().parseFromString(event.detail.serverResponse, "text/html");
    kept.forEach(function (element) {
      var fresh = page.getElementById(element.id);
      if (fresh) fresh.setAttribute("hx-preserve", "true");
    });
    event.detail.serverResponse = page.body.innerHTML;
  });
})();
