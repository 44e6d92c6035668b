// Writes that must arrive exactly once, whatever the network does.
// - A note that could not be sent (no connection, a timeout, a server error) keeps its text in
//   the box, says so beside it, and is sent again when the connection returns: in order, one
//   at a time, with the same idempotency key, so the server saves it once.
// - A facilitation move tapped again after a lost answer reuses its key; a different tap gets
//   a new one.
(function () {
  "use strict";

  var TIMEOUT_MS = 10000;
  var MAX_DELAY_MS = 30000;
  var KEY = "idempotency_key";

  function newKey() {
    var bytes = new Uint8Array(18);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
  }

  function csrfToken() {
    var holder = document.querySelector("[data-csrf-token]");
    return holder ? holder.getAttribute("data-csrf-token") : "";
  }

  function noteForm(elt) {
    return elt && elt.closest ? elt.closest("[data-contribution-form]") : null;
  }

  function withoutKey(params) {
    var copy = new URLSearchParams(params);
    copy.delete(KEY);
    copy.delete("csrf_token");
    return copy.toString();
  }

  // ---- Notes waiting to be sent -----------------------------------------------------------
  var queue = [];        // {url, params: URLSearchParams, body}
  var sending = false;
  var retryTimer = null;
  var delay = 0;
  var refused = null;    // the form answered for a note the server refused (422): shown at the end

  function currentForm() {
    return document.querySelector("#contribution-form [data-contribution-form]");
  }

  function say(message) {
    var form = currentForm();
    var status = form && form.querySelector("[data-send-status]");
    if (!status) return;
    status.textContent = message;
    status.hidden = !message;
  }

  function announceWaiting() {
    var n = queue.length;
    if (!n) return;
    say((n === 1 ? "Your note was not sent: " : n + " notes were not sent: ") +
        "no connection. Tandem will send " + (n === 1 ? "it" : "them") +
        " when the connection returns. Keep this page open.");
  }

  function enqueue(form, url, params) {
    var last = queue[queue.length - 1];
    // The same note sent again (an impatient second tap) waits once, not twice.
    if (!last || withoutKey(last.params) !== withoutKey(params)) {
      queue.push({ url: url, params: params, body: params.get("body") || "" });
    }
    // What is typed next is another note, with a key of its own.
    var field = form && form.querySelector("input[name=" + KEY + "]");
    if (field) field.value = newKey();
    announceWaiting();
    scheduleRetry();
  }

  function scheduleRetry() {
    if (retryTimer || sending) return;
    delay = delay ? Math.min(delay * 2, MAX_DELAY_MS) : 1000;
    retryTimer = setTimeout(flush, delay);
  }

  function send(item) {
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, TIMEOUT_MS);
    return fetch(item.url, {
      method: "POST",
      body: item.params,
      credentials: "same-origin",
      headers: { "HX-Request": "true", "X-CSRFToken": csrfToken() },
      signal: controller.signal
    }).then(function (response) {
      clearTimeout(timer);
      return response.text().then(function (html) { return { status: response.status, html: html }; });
    }, function (error) {
      clearTimeout(timer);
      throw error;
    });
  }

  function flush() {
    clearTimeout(retryTimer);
    retryTimer = null;
    if (sending || !queue.length) return;
    sending = true;
    var item = queue[0];
    send(item).then(function (answer) {
      sending = false;
      if (answer.status >= 500) { announceWaiting(); scheduleRetry(); return; }
      queue.shift();
      delay = 0;
      if (answer.status >= 400) refused = answer.html;
      if (answer.status < 300) htmx.trigger(document.body, "contributions-changed");
      if (queue.length) { flush(); return; }
      finish(item, answer.status < 300 ? answer.html : null);
    }, function () {
      sending = false;
      announceWaiting();
      scheduleRetry();
    });
  }

  // Everything is sent: the box clears (unless something new was typed meanwhile).
  function finish(lastSent, freshForm) {
    var form = currentForm();
    var box = form && form.querySelector("[name=body]");
    var html = refused || freshForm;
    refused = null;
    var untouched = box && (box.value.trim() === "" || box.value === lastSent.body);
    if (html && untouched) {
      var holder = document.getElementById("contribution-form");
      holder.innerHTML = html;
      htmx.process(holder);
      htmx.trigger(holder, "htmx:load");  // run.js shows the fields this kind needs
    } else {
      say("");
    }
  }

  document.addEventListener("htmx:configRequest", function (event) {
    if (!noteForm(event.detail.elt)) return;
    event.detail.timeout = TIMEOUT_MS;
    if (queue.length) {
      // Earlier notes still wait: this one goes after them, in order.
      event.preventDefault();
      enqueue(noteForm(event.detail.elt), event.detail.path, new URLSearchParams(event.detail.formData));
      flush();
    }
  });

  function failed(event) {
    var config = event.detail.requestConfig;
    var form = config && noteForm(config.elt);
    if (!form) return false;
    enqueue(form, config.path, new URLSearchParams(config.formData));
    return true;
  }

  document.addEventListener("htmx:sendError", failed);
  document.addEventListener("htmx:timeout", failed);

  // A server error answer is not swapped into the box: the note waits and is sent again.
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.xhr.status >= 500 && failed(event)) event.detail.shouldSwap = false;
  });

  window.addEventListener("online", function () {
    delay = 0;
    flush();
  });

  // ---- Facilitation moves -----------------------------------------------------------------
  var pendingMove = null;  // {key, payload} of a tap whose answer has not arrived

  document.addEventListener("htmx:configRequest", function (event) {
    var form = event.detail.elt;
    if (!form || !form.matches || !form.matches("[data-move-form]")) return;
    var data = event.detail.formData;
    var payload = [data.get("move_type"), data.get("made_by"), data.get("note")].join("|");
    if (!pendingMove || pendingMove.payload !== payload) pendingMove = { key: newKey(), payload: payload };
    data.set(KEY, pendingMove.key);
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail.elt;
    if (!form || !form.matches || !form.matches("[data-move-form]")) return;
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    if (status >= 200 && status < 500) pendingMove = null;  // answered: the next tap is new
  });
})();
