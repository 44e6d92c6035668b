// The run view: the segment countdown, presenter keyboard shortcuts, the contribution form.
(function () {
  "use strict";

  function clock(seconds) {
    var s = Math.abs(seconds);
    var m = Math.floor(s / 60);
    var r = s % 60;
    return m + ":" + (r < 10 ? "0" : "") + r;
  }

  // Each timer element carries the seconds left when the server drew it; count down from there.
  function startTimer(el) {
    if (el._tandemTimer) return;
    var remaining = parseInt(el.getAttribute("data-remaining"), 10);
    var running = el.getAttribute("data-running") === "true";
    var low = parseInt(el.getAttribute("data-low"), 10);
    var drawnAt = performance.now();
    var clockEl = el.querySelector("[data-timer-clock]");
    var labelEl = el.querySelector("[data-timer-label]");
    function tick() {
      if (!document.body.contains(el)) { clearInterval(el._tandemTimer); return; }
      var left = running ? remaining - Math.floor((performance.now() - drawnAt) / 1000) : remaining;
      var state = left < 0 ? "over" : left <= low ? "low" : "ok";
      clockEl.textContent = left < 0 ? "+" + clock(left) : clock(left);
      labelEl.textContent = state === "over" ? "over time" : !running ? "paused" : state === "low" ? "left, time to wrap up" : "left";
      el.classList.remove("timer-ok", "timer-low", "timer-over");
      el.classList.add("timer-" + state);
    }
    tick();
    el._tandemTimer = setInterval(tick, 250);
  }

  // Elements matching `selector` at or under `root` (htmx:load hands us the swapped element).
  function within(root, selector) {
    var found = Array.prototype.slice.call(root.querySelectorAll(selector));
    if (root.matches && root.matches(selector)) found.unshift(root);
    return found;
  }

  function startTimers(root) {
    within(root, "[data-timer]").forEach(startTimer);
  }

  // Action items need an owner and a due date; private applies to notes only.
  function syncContributionForm(form) {
    var kind = form.querySelector("select[name=kind]");
    if (!kind) return;
    var actionFields = form.querySelector("[data-action-fields]");
    var noteFields = form.querySelector("[data-note-fields]");
    if (actionFields) actionFields.hidden = kind.value !== "action";
    if (noteFields) noteFields.hidden = kind.value !== "note";
  }

  function syncForms(root) {
    within(root, "[data-contribution-form]").forEach(syncContributionForm);
  }

  document.addEventListener("change", function (event) {
    var form = event.target.closest("[data-contribution-form]");
    if (form && event.target.name === "kind") syncContributionForm(form);
  });

  function typingInField(event) {
    var t = event.target;
    return t.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(t.tagName) && t.type !== "submit" && t.tagName !== "BUTTON";
  }

  function toggleShortcuts() {
    var list = document.getElementById("shortcuts");
    var toggle = document.querySelector("[data-shortcuts-toggle]");
    if (!list) return;
    list.hidden = !list.hidden;
    if (toggle) toggle.setAttribute("aria-expanded", String(!list.hidden));
  }

  // The projector display has no buttons: a key posts the presenter action itself (htmx adds
  // the CSRF header) and the display redraws from the live event, like every other screen.
  var DISPLAY_KEYS = { ArrowRight: "next", ArrowLeft: "previous", "+": "add_time" };
  function pressOnDisplay(holder, key) {
    var action = key === "Space" ? holder.getAttribute("data-space") : DISPLAY_KEYS[key];
    if (!action || !window.htmx) return false;
    if (holder.getAttribute("data-can-" + action) === "false") return true;  // first or last
    var values = { run_version: holder.getAttribute("data-run-version") };
    if (action === "add_time") values.minutes = "1";
    var url = holder.getAttribute("data-present-url") + "/" + action;
    htmx.ajax("POST", url, { source: holder, swap: "none", values: values }).catch(function () {});
    return true;
  }

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-shortcuts-toggle]")) toggleShortcuts();
    // "End the meeting…" asks in a dialog; its link's page asks the same without JavaScript.
    var opener = event.target.closest("[data-opens-dialog]");
    var dialog = opener && document.getElementById(opener.getAttribute("data-opens-dialog"));
    if (dialog && dialog.showModal) {
      event.preventDefault();
      dialog.showModal();
    }
    var closer = event.target.closest("[data-closes-dialog]");
    if (closer && closer.closest("dialog")) closer.closest("dialog").close();
  });

  document.addEventListener("keydown", function (event) {
    var display = document.querySelector("[data-display-keys]");
    if (!display && !document.querySelector("[data-presenter]")) return;
    if (event.altKey || event.ctrlKey || event.metaKey || typingInField(event)) return;
    var key = event.key === " " ? "Space" : event.key;
    if (key === "?") { toggleShortcuts(); event.preventDefault(); return; }
    if (display) {
      if (pressOnDisplay(display, key)) event.preventDefault();
      return;
    }
    var button = document.querySelector("[data-presenter] [data-key='" + key + "']");
    if (button) {
      event.preventDefault();
      // htmx wires freshly swapped controls only when they settle (20 ms later): a key pressed
      // in that moment would post the form natively and reload the whole page.
      if (window.htmx && button.form) htmx.process(button.form);
      button.click();
    }
  });

  // Drag and drop reordering of agenda segments; the form posts the new order.
  var dragged = null;
  document.addEventListener("dragstart", function (event) {
    var item = event.target.closest && event.target.closest("[data-sortable] > li");
    if (!item) return;
    dragged = item;
    item.classList.add("dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", item.getAttribute("data-segment-id"));
  });
  document.addEventListener("dragover", function (event) {
    var over = event.target.closest && event.target.closest("[data-sortable] > li");
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

  // A live fragment whose refresh failed (the network dropped while the stream still delivered
  // the event) is fetched again once the network is back, so no screen stays behind.
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

  // A live redraw of the state while the End dialog is open brings the dialog back, with the
  // meeting's new version in its form.
  var reopenDialog = null;
  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    var open = target && target.querySelector && target.querySelector("dialog[open]");
    reopenDialog = open ? open.id : null;
  });
  document.addEventListener("htmx:afterSwap", function () {
    var dialog = reopenDialog && document.getElementById(reopenDialog);
    reopenDialog = null;
    if (dialog && dialog.showModal && !dialog.open) dialog.showModal();
  });

  function init(root) {
    startTimers(root);
    syncForms(root);
  }
  document.addEventListener("DOMContentLoaded", function () { init(document.body); });
  document.addEventListener("htmx:load", function (event) { init(event.detail.elt); });
})();

// After a move is logged, clear its few words so the next tap starts fresh.
document.addEventListener("htmx:afterRequest", function (event) {
  var form = event.detail.elt;
  if (form && form.matches && form.matches("[data-move-form]") && event.detail.successful) {
    var note = form.querySelector("[name=note]");
    if (note) note.value = "";
  }
});
