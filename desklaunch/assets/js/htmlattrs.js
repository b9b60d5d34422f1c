// Extra HTML attributes a script gave an input field (PyWebIO passes keyword arguments it
// does not know through as attributes). Set as plain text, except the names desklaunch
// relies on, those that load or submit something, and event handlers (which the CSP would
// refuse to run anyway).

const NAME = /^[a-z][a-z0-9_]{0,63}$/;
const RESERVED = new Set([
  "id", "name", "type", "form", "value", "class", "for", "list", "is", "src", "href",
  "action", "formaction", "srcdoc", "data", "disabled", "hidden", "inert",
]);

/** Set `attrs` (name → text) on `el`, leaving out the reserved names and `on…` handlers. */
export function applyHtmlAttrs(el, attrs) {
  if (!(el instanceof Element) || !attrs || typeof attrs !== "object") return;
  for (const [raw, value] of Object.entries(attrs)) {
    const name = String(raw).toLowerCase();
    if (!NAME.test(name) || name.startsWith("on") || RESERVED.has(name)) continue;
    el.setAttribute(name, value === null || value === undefined ? "" : String(value));
  }
}
