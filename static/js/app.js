// Tandem's own behaviour: small, CSP-safe (no inline script, no eval).
(function () {
  "use strict";

  // Elements matching `selector` at or under `root` (htmx:load hands us the swapped element).
  function within(root, selector) {
    var found = Array.prototype.slice.call(root.querySelectorAll(selector));
    if (root.matches && root.matches(selector)) found.unshift(root);
    return found;
  }

  // `init(root)` for the page as it is now and for every element htmx swaps in later.
  function onLoad(init) {
    init(document.body);
    document.addEventListener("htmx:load", function (event) { init(event.detail.elt); });
  }

  window.tandem = { within: within, onLoad: onLoad };

  // A page names the behaviour scripts it needs in base.html's {% block scripts %}, each
  // marked data-behaviour. A boosted link swaps in only the new body (and htmx drops script
  // tags: allowScriptTags is off), so the scripts the new page names are loaded here, once
  // per document however often the page is visited.
  var loaded = {};
  document.querySelectorAll("script[data-behaviour]").forEach(function (tag) {
    loaded[tag.getAttribute("src")] = true;
  });
  function loadBehaviours(html) {
    if (typeof html !== "string" || html.indexOf("data-behaviour") < 0) return;
    var page = new DOMParser().parseFromString(html, "text/html");
    page.querySelectorAll("script[data-behaviour]").forEach(function (tag) {
      var src = tag.getAttribute("src");
      if (loaded[src]) return;
      loaded[src] = true;
      var script = document.createElement("script");
      script.src = src;
      script.async = false;  // in the page's order
      document.head.appendChild(script);
    });
  }
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.shouldSwap) loadBehaviours(event.detail.serverResponse);
  });
  document.addEventListener("htmx:historyCacheMissLoad", function (event) {
    loadBehaviours(event.detail.response);
  });

  function csrfToken() {
    var holder = document.querySelector("[data-csrf-token]");
    return holder ? holder.getAttribute("data-csrf-token") : "";
  }

  // Every htmx request carries the CSRF token (htmx:configRequest is the one place).
  document.addEventListener("htmx:configRequest", function (event) {
    event.detail.headers["X-CSRFToken"] = csrfToken();
  });

  // After a boosted page swap, move focus to the main content for screen readers.
  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.detail.boosted) {
      var main = document.getElementById("main");
      if (main) main.focus({ preventScroll: true });
    }
  });

  // "Copy link" buttons: data-copy-target names the input whose value is copied.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy-target]");
    if (!button) return;
    var input = document.getElementById(button.getAttribute("data-copy-target"));
    var status = document.querySelector("[data-copy-status]");
    input.select();
    var done = function () { if (status) status.textContent = "Copied. Paste it into an email or message."; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(done, function () { document.execCommand("copy"); done(); });
    } else {
      document.execCommand("copy");
      done();
    }
  });
})();
