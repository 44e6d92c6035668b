// data-tap-count: one tap per student, kept on the device until the server has it.
// Each tap gets its own key and goes into a queue in localStorage (per person and enactment)
// BEFORE it is sent; it leaves the queue only when the server answers 200, so a dropped
// connection, a reload or a closed tab loses nothing, and sending it twice counts it once.
// The queue is sent in order, one at a time: a response nobody anticipated, added offline,
// is created before the taps on it, which then name the id the server gave it.
(function () {
  "use strict";

  var Q = window.tandem.tapQueue;  // tap-queue.js
  var MAX_DELAY_MS = 30000;
  var UNDO_KEEP = 50;
  var SAVED = "All taps saved.";

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  function TapCount(root) {
    this.root = root;
    this.store = new Q.Store("tandem.taps." + root.dataset.user + "." + root.dataset.enactment);
    this.urls = { taps: root.dataset.tapsUrl, add: root.dataset.addUrl };
    this.serverCounts = {};
    this.sending = false;
    this.retryTimer = null;
    this.delay = 0;
    this.problem = "";       // "offline", "signed-out", "reload", "server" or ""
    this.answers = 0;        // 200s so far: a counts re-sync taken before the last one is stale
    this.slow = false;       // a send has taken long enough to say so
    this.slowTimer = null;
    var self = this;
    this.buttons().forEach(function (button) {
      self.serverCounts[button.dataset.tapTarget] = Number(button.querySelector("[data-count]").textContent);
    });
  }

  TapCount.prototype.buttons = function () {
    return Array.prototype.slice.call(this.root.querySelectorAll("[data-tap-target]"));
  };

  TapCount.prototype.load = function () { return this.store.load(); };

  TapCount.prototype.change = function (edit) {
    var state = this.load();
    edit(state);
    this.store.save(state);
    this.render(state);
    return state;
  };

  // ---- What the teacher does --------------------------------------------------------------
  TapCount.prototype.tap = function (target, by) {
    var item = Q.tapOn(target, by);
    this.change(function (state) {
      state.queue.push(item);
      if (by > 0) state.undo = state.undo.concat([target]).slice(-UNDO_KEEP);
    });
    this.bump(target);
    this.flush();
  };

  TapCount.prototype.undo = function () {
    var target = this.load().undo.slice(-1)[0];
    if (!target) return;
    var item = Q.tapOn(target, -1);
    this.change(function (state) {
      state.undo.pop();
      state.queue.push(item);
    });
    this.bump(target);
    this.flush();
  };

  TapCount.prototype.add = function (name) {
    this.change(function (state) { state.queue.push({ type: "add", key: Q.newKey(), name: name }); });
    this.flush();
  };

  TapCount.prototype.bump = function (target) {
    var button = this.buttonFor(target);
    if (!button) return;
    button.classList.remove("tap-bumped");
    void button.offsetWidth;  // restart the animation
    button.classList.add("tap-bumped");
    if (navigator.vibrate) navigator.vibrate(15);
  };

  // ---- Drawing: the server's counts with the waiting taps applied, in order ----------------
  TapCount.prototype.buttonFor = function (target) {
    return this.root.querySelector('[data-tap-target="' + target + '"]');
  };

  TapCount.prototype.ensureButton = function (target, name) {
    var button = this.buttonFor(target);
    if (button) return button;
    var item = document.createElement("li");
    button = document.createElement("button");
    button.type = "button";
    button.className = "tap-target";
    button.dataset.tapTarget = target;
    button.dataset.name = name;
    var label = document.createElement("span");
    label.className = "tap-name";
    label.textContent = name;
    var count = document.createElement("span");
    count.className = "tap-count";
    count.setAttribute("data-count", "");
    count.textContent = "0";
    button.appendChild(label);
    button.appendChild(count);
    item.appendChild(button);
    this.root.querySelector("[data-unanticipated-list]").appendChild(item);
    return button;
  };

  TapCount.prototype.render = function (state) {
    var self = this;
    state.queue.forEach(function (item) {
      if (item.type === "add") self.ensureButton("p:" + item.key, item.name);
    });
    var counts = Q.countsWith(this.serverCounts, state.queue);
    this.buttons().forEach(function (button) {
      var n = counts[button.dataset.tapTarget] || 0;
      button.querySelector("[data-count]").textContent = String(n);
      button.setAttribute("aria-label", button.dataset.name + ", " + plural(n, "student", "students"));
    });
    var undo = this.root.querySelector("[data-tap-undo]");
    var last = state.undo.slice(-1)[0];
    var lastButton = last && this.buttonFor(last);
    undo.disabled = !lastButton;
    undo.textContent = lastButton ? "Undo last tap (" + lastButton.dataset.name + ")" : "Undo last tap";
    this.say(state.queue);
  };

  TapCount.prototype.say = function (queue) {
    var status = this.root.querySelector("[data-tap-status]");
    var taps = queue.filter(function (item) { return item.type === "tap"; }).length;
    var adds = queue.length - taps;
    var waiting = plural(taps, "tap", "taps") + (adds ? " and " + plural(adds, "new response", "new responses") : "");
    var them = queue.length === 1 ? "it" : "them";
    var offline = this.problem === "offline" || !navigator.onLine;
    var message;
    if (!queue.length) {
      message = offline ? "Offline — taps are kept on this device and sent when the connection returns." : SAVED;
    } else if (offline) {
      message = "Offline — " + waiting + " waiting; " + (queue.length === 1 ? "it" : "they") + "'ll be sent when the connection returns.";
    } else if (this.problem === "signed-out") {
      message = "Signed out — " + waiting + " kept on this device. Sign in again and open this page to send " + them + ".";
    } else if (this.problem === "reload") {
      message = waiting + " kept on this device. Reload this page to send " + them + ".";
    } else if (this.problem === "server") {
      message = waiting + " waiting: Tandem could not save " + them + " just now and will try again.";
    } else {
      message = "Saving " + waiting + "…";
    }
    if (queue.length && this.store.volatile) message += " Keep this page open: this device cannot store them.";
    status.textContent = message;
    // Colour only for what lasts: a tap saved within a moment leaves the status calm.
    var worrying = offline || this.problem || (queue.length > 0 && this.slow);
    status.classList.toggle("tap-status-waiting", !!worrying);
    this.watchSlow(queue.length > 0);
  };

  TapCount.prototype.watchSlow = function (waiting) {
    var self = this;
    if (!waiting) {
      clearTimeout(this.slowTimer);
      this.slowTimer = null;
      this.slow = false;
    } else if (!this.slowTimer && !this.slow) {
      this.slowTimer = setTimeout(function () {
        self.slowTimer = null;
        self.slow = self.load().queue.length > 0;
        self.render(self.load());
      }, 1500);
    }
  };

  TapCount.prototype.refuse = function (message) {
    var alert = this.root.querySelector("[data-tap-refused]");
    alert.textContent = message;
    alert.hidden = false;
  };

  TapCount.prototype.flush = function () {
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.sending || !document.body.contains(this.root)) return;
    var item = this.load().queue[0];
    if (!item) return;
    if (item.type === "tap" && item.pending) return;  // its response is not created yet
    var self = this;
    this.sending = true;
    Q.send(item, this.urls).then(function (answer) {
      self.sending = false;
      self.answered(item, answer);
    }, function () {
      self.sending = false;
      self.problem = "offline";
      self.render(self.load());
      self.retryLater();
    });
  };

  TapCount.prototype.answered = function (item, answer) {
    var status = answer.status;
    if (status === 200 && answer.data) {
      this.problem = "";
      this.delay = 0;
      this.answers += 1;
      if (item.type === "add") this.created(item, answer.data);
      else this.saved(item, answer.data);
      if (this.load().queue.length) this.flush();
      else this.resync();
      return;
    }
    if (status >= 500 || status === 0) {
      this.problem = "server";
      this.render(this.load());
      this.retryLater();
      return;
    }
    if (answer.data && status !== 409) {
      // Refused for good (a response removed since, a lesson not ours): said, and let go.
      this.refuse((item.type === "add" ? "“" + item.name + "” was not added: " : "A tap was not saved: ") + answer.data.message);
      this.change(function (state) {
        state.queue = state.queue.filter(function (other) {
          return other.key !== item.key && !(item.type === "add" && other.pending === item.key);
        });
        state.undo = state.undo.filter(function (target) { return target !== "p:" + item.key; });
        // Undo must not take back a tap that was never counted.
        var counted = item.type === "tap" && item.by > 0 ? state.undo.lastIndexOf(Q.targetOf(item)) : -1;
        if (counted >= 0) state.undo.splice(counted, 1);
      });
      var pendingButton = this.buttonFor("p:" + item.key);
      if (pendingButton) pendingButton.parentNode.remove();
      this.flush();
      return;
    }
    // Signed out (a redirect or 401) or a page too old to send (its CSRF token): kept.
    this.problem = status === 302 || status === 401 ? "signed-out" : "reload";
    this.render(this.load());
  };

  TapCount.prototype.saved = function (item, data) {
    this.serverCounts[Q.targetOf(item)] = data.count;
    this.change(function (state) {
      state.queue = state.queue.filter(function (other) { return other.key !== item.key; });
    });
  };

  TapCount.prototype.created = function (item, data) {
    var made = "u:" + data.id, pending = "p:" + item.key;
    this.serverCounts[made] = data.count;
    var button = this.buttonFor(pending);
    if (button && this.buttonFor(made)) button.parentNode.remove();
    else if (button) button.dataset.tapTarget = made;
    this.change(function (state) {
      state.queue = state.queue.filter(function (other) { return other.key !== item.key; });
      state.queue.forEach(function (other) {
        if (other.pending === item.key) { delete other.pending; other.unanticipated = data.id; }
      });
      state.undo = state.undo.map(function (target) { return target === pending ? made : target; });
    });
  };

  TapCount.prototype.retryLater = function () {
    if (this.retryTimer) return;
    this.delay = this.delay ? Math.min(this.delay * 2, MAX_DELAY_MS) : 1000;
    this.retryTimer = setTimeout(this.flush.bind(this), this.delay);
  };

  // Everything sent: the counts as the server has them now (other devices' taps included).
  TapCount.prototype.resync = function () {
    var self = this, asked = this.answers;
    fetch(this.root.dataset.countsUrl, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (counts) {
        if (!counts || self.sending || self.answers !== asked || self.load().queue.length) return;
        Object.keys(counts.responses).forEach(function (id) { self.serverCounts["r:" + id] = counts.responses[id]; });
        counts.unanticipated.forEach(function (found) {
          self.ensureButton("u:" + found.id, found.name);
          self.serverCounts["u:" + found.id] = found.count;
        });
        self.render(self.load());
      }, function () {});
  };

  TapCount.prototype.online = function () {
    this.delay = 0;
    this.problem = "";
    this.render(this.load());
    this.flush();
  };

  // ---- Wiring -------------------------------------------------------------------------------
  TapCount.prototype.start = function () {
    var self = this, root = this.root;
    root.addEventListener("click", function (event) {
      var target = event.target.closest("[data-tap-target]");
      if (target) { self.tap(target.dataset.tapTarget, 1); return; }
      if (event.target.closest("[data-tap-undo]")) self.undo();
    });
    // Drawn disabled: a tap in the moment before this script is running would count nothing.
    this.buttons().forEach(function (button) { button.disabled = false; });
    var form = root.querySelector("[data-tap-add]");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var input = form.querySelector("[name=name]");
      var error = form.querySelector("[data-tap-add-error]");
      var name = input.value.replace(/\s+/g, " ").trim();
      error.hidden = !!name;
      error.textContent = name ? "" : "Give the response a short name first.";
      input.setAttribute("aria-invalid", name ? "false" : "true");
      if (!name) { input.focus(); return; }
      input.value = "";
      self.add(name);
    });
    window.addEventListener("online", function () { self.online(); });
    window.addEventListener("offline", function () { self.problem = "offline"; self.render(self.load()); });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") self.flush();
    });
    // Signing out on a shared device: unsent taps stay (they are sent when this person signs
    // in again here), and the person is told so first; sent taps leave nothing behind.
    document.addEventListener("submit", function (event) {
      var action = event.target.getAttribute && event.target.getAttribute("action");
      if (!action || !/\/sign-out$/.test(action) || !document.body.contains(root)) return;
      var waiting = self.load().queue.length;
      if (!waiting) { self.store.forget(); return; }
      var sure = window.confirm(plural(waiting, "tap has", "taps have") + " not been sent yet. " +
        "They stay on this device and are sent when you sign in again and open this page. Sign out anyway?");
      if (!sure) { event.preventDefault(); event.stopImmediatePropagation(); }
    }, true);
    this.render(this.load());
    this.flush();
  };

  window.tandem.onLoad(function (root) {
    window.tandem.within(root, "[data-tap-count]").forEach(function (element) {
      if (element.dataset.tapCountStarted) return;
      element.dataset.tapCountStarted = "true";
      new TapCount(element).start();
    });
  });
})();
