// data-run-view: a live fragment whose refresh failed (the network dropped while the stream
// still delivered the event) is fetched again once the network is back, so no screen stays
// behind.
(function () {
  "use strict";

  var missed = [];
  var retryTimer = null;
  function refetchMissed() {
    clearTimeout(retryTimer);
    retryTimer = null;
    var elts = missed;
    missed = [];
    elts.forEach(function (elt) {
      if (document.body.contains(elt)) {
        // A failed try rejects the promise; htmx:sendError has queued the element again.
        htmx.ajax("GET", elt.getAttribute("hx-get"), { source: elt, target: elt, swap: "innerHTML" })
          .catch(function () {});
      }
    });
  }
  document.addEventListener("htmx:sendError", function (event) {
    var elt = event.detail.elt;
    if (!elt || !elt.closest("[data-run-view]") || !elt.hasAttribute("hx-get")) return;
    if (missed.indexOf(elt) < 0) missed.push(elt);
    if (!retryTimer) retryTimer = setTimeout(refetchMissed, 2000);
  });
  window.addEventListener("online", function () { if (missed.length) refetchMissed(); });
})();
