// DOM for the widgets of `output` commands (see "Widgets" in docs/protocol.md).

import { followBottom } from "./follow.js";
import { externalizeLinks } from "./links.js";
import { applyStyle } from "./style.js";

const BUTTON_COLORS = new Set([
  "primary",
  "secondary",
  "success",
  "danger",
  "warning",
  "info",
  "light",
  "dark",
]);

const asText = (value) => (value === null || value === undefined ? "" : String(value));

function text(widget) {
  const el = document.createElement(widget.inline ? "span" : "p");
  el.className = "dl-text";
  el.textContent = asText(widget.text);
  return el;
}

function html(widget) {
  const el = document.createElement("div");
  el.className = "dl-html";
  el.innerHTML = asText(widget.html); // trusted by contract (put_html / server-side Markdown)
  externalizeLinks(el);
  for (const pre of el.querySelectorAll("pre")) codeBlock(pre);
  // A log box whose own script would have kept it at its end (pywebio_battery's): the
  // page's code does it, and its box is the element around the one named.
  const log = typeof widget.follow === "string" ? el.querySelector(`#${CSS.escape(widget.follow)}`) : null;
  if (log?.parentElement) followBottom(log.parentElement, log.parentElement);
  if (widget.scripts) el.append(notShown(SCRIPTS_NOT_RUN));
  if (Array.isArray(widget.charts)) drawCharts(el, widget.charts);
  return el;
}

/** Said under HTML whose `<script>`s the page does not run (docs/security.md), where a
 *  chart library's drawing would have been. */
const SCRIPTS_NOT_RUN = "Not shown: what the scripts in this HTML would draw (desklaunch runs no script inside put_html; plotly's, bokeh's and matplotlib's charts are drawn)";

/** A note, in an output's place, of what it does not show and why. */
export function notShown(text) {
  const note = document.createElement("p");
  note.className = "dl-html-scripts";
  note.textContent = text;
  note.setAttribute("role", "note");
  return note;
}

let drawCharts = () => {};

/** Have `draw(element, charts)` draw the charts read out of plotly's HTML (charts.js)
 *  each time an HTML output's element is built: as it is put, and again wherever it is
 *  moved (a container, a popup, a tab builds its outputs afresh). */
export function setChartDrawer(draw) {
  drawCharts = draw;
}

/** A block of code (a Markdown fence, a <pre>): reachable by keyboard, since a long line
 *  scrolls it sideways, and named as put_code's are ("python code"). */
export function codeBlock(pre, language = "") {
  const named = language || /(?:^|\s)language-([\w+#-]+)/.exec(pre.querySelector("code")?.className ?? "")?.[1];
  if (!pre.hasAttribute("tabindex")) pre.tabIndex = 0;
  if (!pre.hasAttribute("role")) pre.setAttribute("role", "group");
  if (!pre.hasAttribute("aria-label")) pre.setAttribute("aria-label", named ? `${named} code` : "Code");
}

function buttons(widget) {
  const group = document.createElement("div");
  group.className = "dl-buttons";
  for (const look of ["small", "outline", "link", "group"]) {
    if (widget[look]) group.classList.add(look);
  }
  group.setAttribute("role", "group");
  group.dataset.callback = asText(widget.id);
  const specs = Array.isArray(widget.buttons) ? widget.buttons : [];
  specs.forEach((spec, index) => {
    const button = document.createElement("button");
    button.type = "button";
    const color = BUTTON_COLORS.has(spec?.color) ? spec.color : "primary";
    // PyWebIO's class names too, so a PyWebIO script's own CSS (`.btn-light`) finds them.
    button.className = `dl-btn ${color} btn btn-${color}`;
    button.textContent = asText(spec?.label);
    button.disabled = Boolean(spec?.disabled);
    button.dataset.index = String(index);
    group.append(button);
  });
  return group;
}

function scope(widget, registerScope) {
  const el = document.createElement("div");
  el.className = "dl-scope";
  const name = asText(widget.name);
  if (typeof widget.oid === "string") el.dataset.oid = widget.oid;
  if (registerScope(name, el) === false) { // as PyWebIO shows it; the first scope stays
    // What it holds goes (an output shown first on its own leaves its place), unshown.
    for (const child of Array.isArray(widget.children) ? widget.children : []) {
      buildWidget(child, () => false);
    }
    const error = document.createElement("p");
    error.className = "dl-text dl-scope-error";
    error.textContent = `Error: The name of this scope is duplicated with the previous one! (${name})`;
    return error;
  }
  el.dataset.scope = name;
  el.id = `pywebio-scope-${name}`; // PyWebIO's element id, which scripts' own CSS targets
  const children = Array.isArray(widget.children) ? widget.children : [];
  for (const child of children) {
    const node = buildWidget(child, registerScope);
    if (node) el.append(node);
  }
  return el;
}

// ---- output ids and adoption -----------------------------------------------------------
//
// Every output carries an output id (`oid`). When a widget is built whose oid is already
// shown (an output passed into a container arrives first on its own, then inside the
// container), the earlier element is removed first, so the output appears once, where it
// was put last. `placed` maps each oid to its element; detached ones are pruned now and
// then (`pruneOutputs`, after a batch is in the document).

const placed = new Map();
let pruneAt = 2000;

function adopt(node, widget) {
  if (typeof widget.style === "string" && widget.style) applyStyle(node, widget.style);
  if (typeof widget.onclick === "string" && widget.onclick) makeClickable(node, widget.onclick);
  const oid = widget.oid;
  if (typeof oid !== "string" || !oid) return;
  const earlier = placed.get(oid);
  if (earlier && earlier !== node) earlier.remove();
  node.dataset.oid = oid;
  placed.set(oid, node);
}

/** Put `replacement` in the place of output element `old`, as the same output: its id, the
 * callback a click on it sends. */
export function swapOutput(old, replacement) {
  const oid = old.dataset.oid;
  if (old.dataset.click) makeClickable(replacement, old.dataset.click);
  if (oid) {
    replacement.dataset.oid = oid;
    if (placed.get(oid) === old) placed.set(oid, replacement);
  }
  old.replaceWith(replacement);
}

/** The element showing output `oid` (possibly not yet in the document), or null. */
export function outputElement(oid) {
  return placed.get(String(oid)) ?? null;
}

/** Forget every output (the page is about to be rebuilt from a replay). */
export function forgetOutputs() {
  placed.clear();
}

/** Forget outputs no longer in the document; cheap on average (runs as the map doubles). */
export function pruneOutputs() {
  if (placed.size < pruneAt) return;
  for (const [oid, el] of placed) if (!el.isConnected) placed.delete(oid);
  pruneAt = Math.max(2000, placed.size * 2);
}

// ---- the registry ----------------------------------------------------------------------

const builders = new Map();

/** Teach `buildWidget` a widget type: `build(widget, registerScope)` returns its element. */
export function defineWidget(type, build) {
  builders.set(type, build);
}

/**
 * Build the element for `widget`. `registerScope(name, element)` is told about every
 * scope created. Returns null (and logs) for a widget type this page doesn't know.
 * An element for an output id already shown replaces the earlier one (see `adopt`).
 */
export function buildWidget(widget, registerScope) {
  const node = buildElement(widget, registerScope);
  if (node) adopt(node, widget);
  return node;
}

function buildElement(widget, registerScope) {
  switch (widget?.type) {
    case "text":
      return text(widget);
    case "html":
      return html(widget);
    case "buttons":
      return buttons(widget);
    case "scope":
      return scope(widget, registerScope);
    default: {
      const build = builders.get(widget?.type);
      if (build) return build(widget, registerScope);
      console.error("desklaunch: unknown widget", widget?.type);
      return null;
    }
  }
}

/** Make an output clickable (`Output.onclick`): a click, Enter or Space sends `click` to `id`. */
export function makeClickable(el, id) {
  el.dataset.click = String(id);
  el.tabIndex = 0;
  if (!el.hasAttribute("role")) el.setAttribute("role", "button");
}

/**
 * One listener for every `buttons` widget and clickable output under `root`: a click sends
 * a `click` event (a button's index, or 0 for a clickable output).
 */
export function handleButtonClicks(root, send) {
  root.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const button = target?.closest("button");
    const group = button?.parentElement;
    if (group?.matches(".dl-buttons[data-callback]")) {
      if (!button.disabled) {
        send({ type: "click", id: group.dataset.callback, value: Number(button.dataset.index) });
      }
      return;
    }
    const clickable = target?.closest("[data-click]");
    if (clickable && root.contains(clickable)) send({ type: "click", id: clickable.dataset.click, value: 0 });
  });
  root.addEventListener("keydown", (event) => {
    const el = event.target;
    if ((event.key === "Enter" || event.key === " ") && el instanceof HTMLElement &&
        el.matches("[data-click]:not(button)")) {
      event.preventDefault();
      el.click();
    }
  });
}
