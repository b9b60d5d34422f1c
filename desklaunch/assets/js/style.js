// Inline styles a script attaches to its outputs (`style()` / `Output.style()`).
//
// The declarations are parsed by the browser's own CSS parser (a detached element's
// `style`) and copied property by property through the CSSOM, so they add to the styles a
// widget sets itself instead of replacing them, and can never become markup. What could
// run code or fetch something is refused here as well as on the server.

const DANGEROUS =
  /javascript:|vbscript:|expression\(|@import|-moz-binding|behavior:|url\((?!data:image\/)/;
const NOISE = /\\|\/\*[\s\S]*?\*\/|\s|['"]/g;

const parser = document.createElement("div");

export function isSafeStyle(css) {
  return typeof css === "string" && !css.includes("<") &&
    !DANGEROUS.test(css.replace(NOISE, "").toLowerCase());
}

const parts = new WeakMap();

/** Send the styles a script gives output `el` to `part` of it: a table's go to the table
 * itself, as in PyWebIO (`width: 100%`), not to the box that scrolls it. */
export function styleGoesTo(el, part) {
  parts.set(el, part);
}

/** Add the declarations of `css` to `el`'s inline style (or that of its `styleGoesTo` part). */
export function applyStyle(el, css) {
  el = parts.get(el) ?? el;
  if (!isSafeStyle(css)) {
    console.error("desklaunch: style refused", css);
    return;
  }
  parser.style.cssText = css;
  const declared = parser.style;
  for (let i = 0; i < declared.length; i++) {
    const name = declared[i];
    el.style.setProperty(name, declared.getPropertyValue(name), declared.getPropertyPriority(name));
  }
  parser.style.cssText = "";
}
