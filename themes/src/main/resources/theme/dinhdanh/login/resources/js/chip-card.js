// Chip-card login page: countdown to the request's expiry and live status of the pending request.
// All texts come from data-* attributes filled from the message bundles. The status is one small GET; it is not asked
// while the tab is hidden (the citizen is in the app, or elsewhere) and is asked at once when the tab is seen again.
(function () {
  "use strict";
  var countdown = document.getElementById("dd-countdown");
  var time = document.getElementById("dd-countdown-time");
  var status = document.getElementById("dd-chip-status");
  var form = document.getElementById("dd-chip-continue");
  if (!countdown || !status || !form) {
    return;
  }
  // With JavaScript the page goes on by itself; the button stays for pages without it (and comes back when offline).
  form.hidden = true;
  var expiresAt = parseInt(countdown.getAttribute("data-expires-at"), 10) * 1000;
  var statusUrl = status.getAttribute("data-status-url");
  var warned = false;
  var lastError = null;
  var finished = false;
  var timer = null;
  var asking = false; // one status request at a time

  function say(key) {
    var text = status.getAttribute("data-msg-" + key);
    if (text && status.textContent !== text) {
      status.textContent = text;
    }
  }

  function finish() {
    if (!finished) {
      finished = true;
      form.submit();
    }
  }

  function tick() {
    var left = Math.max(0, Math.round((expiresAt - Date.now()) / 1000));
    var minutes = Math.floor(left / 60);
    var seconds = left % 60;
    time.textContent = minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
    if (left === 0) {
      countdown.classList.add("dd-countdown--expired");
      say("expired");
      return false;
    }
    if (left <= 30 && !warned) {
      warned = true;
      say("expiring");
    }
    return true;
  }

  function later(ms) {
    clearTimeout(timer);
    timer = setTimeout(poll, ms);
  }

  function poll() {
    timer = null;
    if (finished || !statusUrl || document.hidden || asking) {
      return; // visibilitychange asks again when the tab is seen; an answer on its way schedules the next
    }
    asking = true;
    fetch(statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (body) {
        asking = false;
        if (body.status === "pending") {
          if (body.error && body.error !== lastError) {
            lastError = body.error;
            var explained = document.querySelector('#dd-chip-errors [data-code="' + body.error + '"]');
            status.classList.add("dd-chip-status--error");
            status.textContent = status.getAttribute("data-msg-attempt-failed") + " " + (explained ? explained.textContent.trim() : "");
          }
          later(2000);
        } else if (body.status === "verifying") {
          say("verifying");
          later(1000);
        } else {
          say(body.status === "verified" ? "done" : "verifying");
          finish();
        }
      })
      .catch(function () {
        asking = false;
        say("offline");
        form.hidden = false;
        later(5000);
      });
  }

  document.addEventListener("visibilitychange", function () {
    if (!document.hidden && !finished) {
      later(0);
    }
  });

  if (!isNaN(expiresAt) && expiresAt > 0) {
    tick();
    var clock = setInterval(function () {
      if (!tick()) {
        clearInterval(clock);
      }
    }, 1000);
  }
  poll();
})();
