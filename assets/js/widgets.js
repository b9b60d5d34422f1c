// DOM for the widgets of `output` commands (see "Widgets" in docs/protocol.md).

import { externalizeLinks } from "./links.js";

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
  return el;
}

function buttons(widget) {
  const group = document.createElement("div");
  group.className = "dl-buttons";
  group.setAttribute("role", "group");
  group.dataset.callback = asText(widget.id);
  const specs = Array.isArray(widget.buttons) ? widget.buttons : [];
  specs.forEach((spec, index) => {
    const button = document.createElement("button");
    button.type = "button";
    const color = BUTTON_COLORS.has(spec?.color) ? spec.color : "primary";
    button.className = `dl-btn ${color}`;
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
  el.dataset.scope = name;
  registerScope(name, el);
  const children = Array.isArray(widget.children) ? widget.children : [];
  for (const child of children) {
    const node = buildWidget(child, registerScope);
    if (node) el.append(node);
  }
  return el;
}

/**
 * Build the element for `widget`. `registerScope(name, element)` is told about every
 * scope created. Returns null (and logs) for a widget type this page doesn't know.
 */
export function buildWidget(widget, registerScope) {
  switch (widget?.type) {
    case "text":
      return text(widget);
    case "html":
      return html(widget);
    case "buttons":
      return buttons(widget);
    case "scope":
      return scope(widget, registerScope);
    default:
      console.error("desklaunch: unknown widget", widget?.type);
      return null;
  }
}

/** One listener for every `buttons` widget under `root`: a click sends a `click` event. */
export function handleButtonClicks(root, send) {
  root.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest("button") : null;
    const group = button?.parentElement;
    if (!group || !group.matches(".dl-buttons[data-callback]") || button.disabled) return;
    send({ type: "click", id: group.dataset.callback, value: Number(button.dataset.index) });
  });
}
