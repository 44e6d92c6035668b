// The tap-to-count queue, for tap-count.js: what waits on this device, the counts it implies,
// and how one waiting item is sent. Items are taps {type: "tap", key, by, response |
// unanticipated | pending, tapped_at} and new responses nobody anticipated {type: "add", key,
// name}; `pending` names the key of an "add" not yet created on the server.
(function () {
  "use strict";

  var TIMEOUT_MS = 10000;
  var MAX_COUNT = 999;

  function newKey() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    var bytes = new Uint8Array(18);  // randomUUID needs a secure context; this does not
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
  }

  function csrfToken() {
    var holder = document.querySelector("[data-csrf-token]");
    return holder ? holder.getAttribute("data-csrf-token") : "";
  }

  // A tap's target as the buttons name it: "r:12" (anticipated), "u:5" (nobody anticipated)
  // or "p:<key>" (nobody anticipated, waiting to be created).
  function targetOf(item) {
    if (item.response) return "r:" + item.response;
    if (item.unanticipated) return "u:" + item.unanticipated;
    return "p:" + item.pending;
  }

  function tapOn(target, by) {
    var kind = target.slice(0, 2), id = target.slice(2);
    var item = { type: "tap", key: newKey(), by: by, tapped_at: new Date().toISOString() };
    if (kind === "r:") item.response = Number(id);
    else if (kind === "u:") item.unanticipated = Number(id);
    else item.pending = id;
    return item;
  }

  // One person's waiting items for one enactment, and their undo history, in localStorage:
  // read and written whole each time, so two tabs never overwrite each other's taps. Where
  // the device cannot store (a full or private store), they wait in memory and `volatile`
  // says so.
  function Store(key) {
    this.key = key;
    this.memory = null;
    this.volatile = false;
  }

  Store.prototype.load = function () {
    var state = this.memory;
    if (!this.volatile) {
      try { state = JSON.parse(window.localStorage.getItem(this.key) || "null"); } catch (e) { state = null; }
    }
    state = state || {};
    return { queue: state.queue || [], undo: state.undo || [] };
  };

  Store.prototype.save = function (state) {
    this.memory = state;
    try {
      if (!state.queue.length && !state.undo.length) window.localStorage.removeItem(this.key);
      else window.localStorage.setItem(this.key, JSON.stringify(state));
    } catch (e) {
      this.volatile = true;
    }
  };

  Store.prototype.forget = function () {
    this.memory = null;
    try { window.localStorage.removeItem(this.key); } catch (e) { /* nothing was stored */ }
  };

  // The counts to show: the server's, with every waiting tap applied in order, each kept
  // within 0-999 as the server keeps it.
  function countsWith(serverCounts, queue) {
    var counts = Object.assign({}, serverCounts);
    queue.forEach(function (item) {
      if (item.type === "add") { counts["p:" + item.key] = 0; return; }
      var target = targetOf(item);
      counts[target] = Math.max(0, Math.min(MAX_COUNT, (counts[target] || 0) + item.by));
    });
    return counts;
  }

  function bodyOf(item) {
    if (item.type === "add") return { key: item.key, name: item.name };
    var body = { key: item.key, by: item.by, tapped_at: item.tapped_at };
    if (item.response) body.response = item.response;
    else body.unanticipated = item.unanticipated;
    return body;
  }

  // Sends one item; resolves {status, data} (data: the JSON answer, or null when the answer
  // was not JSON); rejects when the network failed or the answer took too long.
  function send(item, urls) {
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, TIMEOUT_MS);
    return fetch(item.type === "add" ? urls.add : urls.taps, {
      method: "POST",
      credentials: "same-origin",
      redirect: "manual",  // a redirect is to the sign-in page: nothing was saved
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify(bodyOf(item)),
      signal: controller.signal
    }).then(function (response) {
      clearTimeout(timer);
      var json = (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
      if (!json) return { status: response.type === "opaqueredirect" ? 302 : response.status, data: null };
      return response.json().then(function (data) { return { status: response.status, data: data }; });
    }, function (error) {
      clearTimeout(timer);
      throw error;
    });
  }

  window.tandem.tapQueue = {
    newKey: newKey, targetOf: targetOf, tapOn: tapOn, Store: Store, countsWith: countsWith, send: send
  };
})();
