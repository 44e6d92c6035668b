// data-lesson-content: when someone saves, the plan and the responses are fetched again; a
// field being edited on this screen is kept as it is (hx-preserve) and, if its saved value
// changed underneath, says so: saving then shows both versions. Any other element of the
// content with an id and data-live-keep (a form being filled in) is kept the same way.
(function () {
  "use strict";

  function sayChanged(editor, fresh) {
    var notice = editor.querySelector("[data-field-notice]");
    if (!notice) return;
    var tell = function (who) {
      notice.textContent = (who || "Someone") + " saved a new version while you were editing — saving will show both.";
      notice.hidden = false;
    };
    fetch(fresh.getAttribute("data-show-url"), { credentials: "same-origin", headers: { "HX-Request": "true" } })
      .then(function (answer) { return answer.ok ? answer.text() : ""; })
      .then(function (html) {
        var shown = new DOMParser().parseFromString(html, "text/html").querySelector("[data-saved-by]");
        tell(shown && shown.getAttribute("data-saved-by"));
      }, function () { tell(null); });
  }

  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    if (!target || !target.matches || !target.matches("[data-lesson-content]")) return;
    if (event.detail.xhr.status !== 200) {
      event.detail.shouldSwap = false;  // a failed refresh leaves the page as it was
      return;
    }
    var editors = target.querySelectorAll("[data-field-form], [data-live-keep][id]");
    if (!editors.length) return;
    var page = new DOMParser().parseFromString(event.detail.serverResponse, "text/html");
    editors.forEach(function (editor) {
      var fresh = page.getElementById(editor.id);
      if (!fresh) return;
      if (editor.hasAttribute("data-field-form") &&
          fresh.getAttribute("data-revision") !== editor.getAttribute("data-base") &&
          fresh.getAttribute("data-revision") !== editor.getAttribute("data-seen")) {
        editor.setAttribute("data-seen", fresh.getAttribute("data-revision"));
        sayChanged(editor, fresh);
      }
      fresh.setAttribute("hx-preserve", "true");
    });
    event.detail.serverResponse = page.body.innerHTML;
  });
})();
