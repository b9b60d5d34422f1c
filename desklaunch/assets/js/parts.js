// Small DOM helpers shared by the output and layout widgets.

import { buildWidget } from "./widgets.js";

export const asText = (value) => (value === null || value === undefined ? "" : String(value));

/** A key pressed while an input method is composing text (Chinese, Japanese, Korean...):
 *  its Enter picks a word, its arrows move among the candidates, its Escape drops the
 *  draft; they are the input method's, never the page's. WebKit sends the Enter that ends
 *  a composition after it has ended, marked only by its key code (229). */
export const composing = (event) => event.isComposing || event.keyCode === 229;

export function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Append the widgets `children` to `el` (text for strings; an empty div for null). */
export function appendChildren(el, children, registerScope) {
  if (!Array.isArray(children)) return el;
  for (const child of children) {
    const node = childNode(child, registerScope);
    if (node) el.append(node);
  }
  return el;
}

/** One child: a widget, a string (as text), or null (an empty placeholder). */
export function childNode(child, registerScope) {
  if (child === null || child === undefined) return element("div", "dl-gap");
  if (typeof child === "string") return element("span", "dl-text", child);
  return buildWidget(child, registerScope);
}

/** Make `el` the content area a script can enter (`inner` scope of a container widget). */
export function markInner(el, widget, registerScope) {
  if (typeof widget.inner !== "string" || !widget.inner) return el;
  el.dataset.scope = widget.inner;
  registerScope(widget.inner, el);
  return el;
}

/** A CSS length from the server (`"200px"`, `"50%"`), or "" when it isn't one. */
export function cssLength(value) {
  return typeof value === "string" && /^\d+(\.\d+)?(px|%|em|rem|vw|vh|ch)$/.test(value) ? value : "";
}

/** Tie `control` to the elements that say something about it (help, an error, a verdict),
 *  in that order, for screen readers; ids that are null are left out. */
export function describe(control, ids) {
  const list = ids.filter(Boolean).join(" ");
  if (list) control.setAttribute("aria-describedby", list);
  else control.removeAttribute("aria-describedby");
}

let ids = 0;
/** A page-unique element id, for aria-controls / aria-labelledby. */
export function uniqueId(prefix) {
  ids += 1;
  return `${prefix}-${ids}`;
}

/** The label, with a "*" after it (outside it, so the field's name stays the label). */
export function labelLine(label, required) {
  if (!required) return label;
  const line = element("div", "dl-label-line");
  const marker = element("span", "dl-required", "*");
  marker.setAttribute("aria-hidden", "true");
  marker.title = "Required";
  line.append(label, " ", marker);
  return line;
}
