// factcheck report: counts, verdict filters, popover placement and Escape.
// No network, no storage: the page works from disk under a strict CSP.
(function () {
  "use strict";
  var doc = document;
  var all = function (selector, root) {
    return Array.prototype.slice.call((root || doc).querySelectorAll(selector));
  };
  var notes = all(".notes li[data-verdict]");
  var marks = all("mark.claim[data-verdict]");
  var buttons = all(".filters .filter[data-verdict]");
  var reset = doc.querySelector(".filters .reset");

  // Counts from the claims themselves (one note per claim, highlighted or
  // not), written as data-count so a test reading the DOM sees them.
  var counts = {};
  notes.forEach(function (note) {
    var v = note.getAttribute("data-verdict");
    counts[v] = (counts[v] || 0) + 1;
  });
  buttons.forEach(function (button) {
    var n = counts[button.getAttribute("data-verdict")] || 0;
    button.setAttribute("data-count", String(n));
    var label = button.querySelector(".count");
    if (label) { label.textContent = String(n); }
    button.disabled = n === 0;
  });
  var totals = doc.querySelector(".totals");
  if (totals) {
    totals.setAttribute("data-count", String(notes.length));
    totals.setAttribute("data-highlighted", String(marks.length));
  }

  function apply() {
    var chosen = {};
    var any = false;
    buttons.forEach(function (button) {
      if (button.getAttribute("aria-pressed") === "true") {
        chosen[button.getAttribute("data-verdict")] = true;
        any = true;
      }
    });
    marks.forEach(function (mark) {
      mark.classList.toggle("muted", any && !chosen[mark.getAttribute("data-verdict")]);
    });
    notes.forEach(function (note) {
      note.hidden = any && !chosen[note.getAttribute("data-verdict")];
    });
    if (reset) { reset.hidden = !any; }
    doc.body.setAttribute("data-filter", Object.keys(chosen).join(" "));
  }
  buttons.forEach(function (button) {
    button.addEventListener("click", function () {
      var pressed = button.getAttribute("aria-pressed") === "true";
      button.setAttribute("aria-pressed", pressed ? "false" : "true");
      apply();
    });
  });
  if (reset) {
    reset.addEventListener("click", function () {
      buttons.forEach(function (button) { button.setAttribute("aria-pressed", "false"); });
      apply();
    });
  }

  // `#only=contradicted,outdated` opens the page filtered: a link to share.
  function fromHash() {
    var match = /^#only=([a-z,]*)$/.exec(window.location.hash);
    if (!match) { return; }
    var wanted = match[1].split(",");
    buttons.forEach(function (button) {
      var on = wanted.indexOf(button.getAttribute("data-verdict")) >= 0;
      button.setAttribute("aria-pressed", on ? "true" : "false");
    });
    apply();
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();

  // Keep each popover inside the window.
  function place(mark) {
    var pop = mark.querySelector(".pop");
    if (!pop) { return; }
    pop.style.left = "";
    window.requestAnimationFrame(function () {
      var box = pop.getBoundingClientRect();
      var room = doc.documentElement.clientWidth - 8;
      if (box.width > 0 && box.right > room) {
        pop.style.left = Math.min(0, room - box.right) + "px";
      }
    });
  }
  marks.forEach(function (mark) {
    mark.addEventListener("mouseenter", function () { place(mark); });
    mark.addEventListener("focus", function () { place(mark); });
    mark.addEventListener("mouseleave", function () { mark.classList.remove("closed"); });
    mark.addEventListener("focusout", function (event) {
      if (!mark.contains(event.relatedTarget)) { mark.classList.remove("closed"); }
    });
  });
  // A note's location focuses its highlight, which opens its popover
  // (without JS the link still goes there and :target opens it).
  all(".notes a.at[href^='#']").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var mark = doc.getElementById(link.getAttribute("href").slice(1));
      if (!mark) { return; }
      event.preventDefault();
      mark.scrollIntoView({ block: "center" });
      mark.focus({ preventScroll: true });
    });
  });

  // The report scrolls in .page: give it the focus, so the keyboard
  // scrolls it from the start (a claim the address names keeps its own).
  var page = doc.querySelector(".page");
  if (page && (!doc.activeElement || doc.activeElement === doc.body)) {
    page.focus({ preventScroll: true });
  }

  // Escape dismisses the open popover without moving focus away.
  doc.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var active = doc.activeElement;
    var mark = active && active.closest ? active.closest("mark.claim") : null;
    if (mark) {
      mark.classList.add("closed");
      if (active !== mark) { mark.focus(); }
    }
    all("mark.claim:hover").forEach(function (m) { m.classList.add("closed"); });
  });

  doc.body.setAttribute("data-ready", "true");
})();
