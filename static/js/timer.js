// data-timer: the segment countdown. Each timer carries the seconds left when the server drew
// it (data-remaining, data-running, data-low) and counts down from there.
(function () {
  "use strict";

  function clock(seconds) {
    var s = Math.abs(seconds);
    var m = Math.floor(s / 60);
    var r = s % 60;
    return m + ":" + (r < 10 ? "0" : "") + r;
  }

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

  tandem.onLoad(function (root) { tandem.within(root, "[data-timer]").forEach(startTimer); });
})();
