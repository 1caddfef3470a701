// LedgerLens review UI: zoom, keyboard shortcuts, typed validation, lease countdown. Works without it, better with it.
(function () {
  "use strict";

  const $ = (sel, root = document) => root.querySelector(sel);
  const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

  // ---- help overlay
  const help = $("#help");
  const showHelp = (on) => { if (help) help.hidden = !on; };
  $$("[data-help-open]").forEach((b) => b.addEventListener("click", () => showHelp(true)));
  $$("[data-help-close]").forEach((b) => b.addEventListener("click", () => showHelp(false)));
  if (help) help.addEventListener("click", (e) => { if (e.target === help) showHelp(false); });

  // ---- page zoom: the highlight is positioned in % of the frame, so it scales with the image
  const frame = $("#page-frame");
  const scroller = $("#viewer-scroll");
  const image = $("#page-image");
  const box = $("#highlight");
  const level = $("#zoom-level");
  let zoom = 1; // 1 = page width fits the viewer

  function fitWidth() {
    return Math.max(200, scroller.clientWidth - 48);
  }
  function applyZoom(next, anchor) {
    if (!frame) return;
    const before = frame.offsetWidth || 1;
    zoom = Math.min(5, Math.max(0.4, next));
    frame.style.width = Math.round(fitWidth() * zoom) + "px";
    if (level) level.textContent = Math.round(zoom * 100) + "%";
    if (anchor) {
      // keep the point under the cursor where it was
      const ratio = frame.offsetWidth / before;
      scroller.scrollLeft = (scroller.scrollLeft + anchor.x) * ratio - anchor.x;
      scroller.scrollTop = (scroller.scrollTop + anchor.y) * ratio - anchor.y;
    }
  }
  function focusValue(smooth) {
    if (!box || !scroller) return;
    const frameBox = frame.getBoundingClientRect();
    const target = box.getBoundingClientRect();
    const scrollBox = scroller.getBoundingClientRect();
    scroller.scrollTo({
      left: scroller.scrollLeft + (target.left - frameBox.left) - scrollBox.width / 2 + target.width / 2 + (frameBox.left - scrollBox.left),
      top: scroller.scrollTop + (target.top - scrollBox.top) - scrollBox.height / 3,
      behavior: smooth ? "smooth" : "auto",
    });
  }
  if (frame) {
    applyZoom(1);
    const start = () => {
      // Open with the page fitted to the width and the highlighted value in view.
      if (box) focusValue(false);
    };
    if (image.complete) start(); else image.addEventListener("load", start);
    window.addEventListener("resize", () => applyZoom(zoom));
    $$("[data-zoom]").forEach((b) => b.addEventListener("click", () => {
      const how = b.dataset.zoom;
      if (how === "in") applyZoom(zoom * 1.25);
      else if (how === "out") applyZoom(zoom / 1.25);
      else if (how === "fit") applyZoom(1);
      else focusValue(true);
    }));
    scroller.addEventListener("wheel", (e) => {
      if (!e.ctrlKey && !e.metaKey) return; // plain wheel scrolls; ctrl/cmd + wheel zooms
      e.preventDefault();
      const r = scroller.getBoundingClientRect();
      applyZoom(zoom * (e.deltaY < 0 ? 1.1 : 1 / 1.1), { x: e.clientX - r.left, y: e.clientY - r.top });
    }, { passive: false });
  }

  // ---- decision drawers and typed validation
  const form = $("#decide");
  const drawers = { correct: $("#drawer-correct"), reject: $("#drawer-reject") };
  function openDrawer(name) {
    Object.entries(drawers).forEach(([key, el]) => {
      if (!el) return;
      const on = key === name;
      el.hidden = !on;
      el.disabled = !on; // closed drawers do not submit their fields
    });
    if (name === "correct" && drawers.correct) { const v = $("#value"); v.focus(); v.select(); }
    if (name === "reject" && drawers.reject) $("#reason").focus();
  }
  $$("[data-open]").forEach((b) => b.addEventListener("click", () => openDrawer(b.dataset.open)));

  const DATE = /^\d{4}-\d{2}-\d{2}$/;
  const DECIMAL = /^-?\d{1,3}(,?\d{3})*(\.\d+)?$|^-?\d+(\.\d+)?$/;
  const INTEGER = /^-?\d+$/;
  function valueProblem(kind, raw) {
    const v = raw.trim();
    if (v === "") return "";
    if (kind === "date") {
      if (!DATE.test(v) || isNaN(Date.parse(v + "T00:00:00Z")) || new Date(v + "T00:00:00Z").toISOString().slice(0, 10) !== v) {
        return "Enter a real date as YYYY-MM-DD.";
      }
    } else if (kind === "decimal" && !DECIMAL.test(v.replace(/\s/g, ""))) {
      return "Enter an amount such as 1234.50 (digits, one decimal point).";
    } else if (kind === "integer" && !INTEGER.test(v)) {
      return "Enter a whole number.";
    }
    return "";
  }
  if (form) {
    const kind = form.dataset.kind;
    const input = $("#value");
    const error = $("#value-error");
    if (input) {
      input.addEventListener("input", () => {
        const problem = valueProblem(kind, input.value);
        error.textContent = problem;
        input.classList.toggle("invalid", !!problem);
      });
      input.addEventListener("keydown", (e) => {
        if (e.key === "Enter") { e.preventDefault(); form.requestSubmit($("#save-correction")); }
      });
    }
    form.addEventListener("submit", (e) => {
      const button = e.submitter;
      const decision = button ? button.value : "";
      if (decision === "correct" && input) {
        const problem = valueProblem(kind, input.value);
        if (problem) { e.preventDefault(); error.textContent = problem; input.classList.add("invalid"); input.focus(); }
      }
      if (decision === "reject") {
        const reason = $("#reason").value;
        const note = $("#note-reject").value.trim();
        const err = $("#reject-error");
        if (!reason) { e.preventDefault(); err.textContent = "Choose a reason."; $("#reason").focus(); }
        else if (reason === "other" && !note) { e.preventDefault(); err.textContent = "Explain “Other” in the note."; $("#note-reject").focus(); }
      }
      if (!e.defaultPrevented && button) button.disabled = false;
    });
  }

  // ---- lease countdown
  const lease = $("#lease");
  if (lease) {
    let left = parseInt(lease.dataset.seconds, 10);
    const tick = () => {
      left -= 1;
      if (left <= 0) { lease.textContent = "expired: claim again"; lease.parentElement.classList.add("badge-danger"); return; }
      const m = Math.floor(left / 60), s = left % 60;
      lease.textContent = m + ":" + String(s).padStart(2, "0");
      setTimeout(tick, 1000);
    };
    tick();
  }

  // ---- keyboard shortcuts (not while typing)
  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
    if (e.key === "Escape") {
      showHelp(false);
      if (typing) document.activeElement.blur();
      if (form) openDrawer(null);
      return;
    }
    if (typing) return;
    const click = (sel) => { const el = $(sel); if (el) { e.preventDefault(); el.click(); } };
    switch (e.key) {
      case "?": e.preventDefault(); showHelp(help ? help.hidden : false); break;
      case "c": click("#btn-confirm"); break;
      case "e": click("#btn-correct"); break;
      case "r": click("#btn-reject"); break;
      case "n": {
        const next = $("#next-form") || $("#claim-next-form");
        if (next) { e.preventDefault(); next.submit(); }
        break;
      }
      case "+": case "=": if (frame) { e.preventDefault(); applyZoom(zoom * 1.25); } break;
      case "-": if (frame) { e.preventDefault(); applyZoom(zoom / 1.25); } break;
      case "0": if (frame) { e.preventDefault(); applyZoom(1); } break;
      case "f": if (frame) { e.preventDefault(); focusValue(true); } break;
      default: break;
    }
  });
})();
