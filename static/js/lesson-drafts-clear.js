// data-clears-drafts: signing out forgets every unsaved lesson draft kept on this device
// (school computers are shared).
(function () {
  "use strict";

  document.addEventListener("submit", function (event) {
    if (!event.target.matches || !event.target.matches("[data-clears-drafts]")) return;
    try {
      for (var i = localStorage.length - 1; i >= 0; i--) {
        var key = localStorage.key(i);
        if (key && key.indexOf("tandem-draft:") === 0) localStorage.removeItem(key);
      }
    } catch (e) { /* storage off: nothing kept */ }
  }, true);
})();
