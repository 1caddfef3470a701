// Collections pages: keyboard moves through the worklist and into a client's actions. Works without it.
(function () {
  "use strict";
  const $ = (sel) => document.querySelector(sel);
  const typing = (el) => el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT");
  const rows = Array.from(document.querySelectorAll("#worklist tbody tr"));
  let current = rows.length ? 0 : -1;

  function select(i) {
    if (!rows.length) return;
    current = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach((r, n) => r.classList.toggle("selected", n === current));
    rows[current].scrollIntoView({ block: "nearest" });
  }
  rows.forEach((row, i) => row.addEventListener("click", (e) => {
    if (e.target.closest("a")) return;
    select(i);
    window.location = row.dataset.href;
  }));
  if (rows.length) select(0);

  document.addEventListener("keydown", (e) => {
    if (e.metaKey || e.ctrlKey || e.altKey) return;
    if (typing(document.activeElement)) {
      if (e.key === "Escape") document.activeElement.blur();
      return;
    }
    const keys = {
      j: () => select(current + 1),
      ArrowDown: () => select(current + 1),
      k: () => select(current - 1),
      ArrowUp: () => select(current - 1),
      Enter: () => { if (current >= 0) window.location = rows[current].dataset.href; },
      b: () => $("#filter-band") && $("#filter-band").focus(),
      x: () => $("#export") && $("#export").click(),
      g: () => $("#back") && (window.location = $("#back").href),
      o: () => $("#owner") && $("#owner").focus(),
      l: () => $("#kind") && $("#kind").focus(),
      d: () => $("#dispute-invoice") && $("#dispute-invoice").focus(),
      p: () => ($("#pause-note") || $("#pause-toggle")) && ($("#pause-note") || $("#pause-toggle")).focus(),
    };
    if (keys[e.key]) {
      e.preventDefault();
      keys[e.key]();
    }
  });
})();
