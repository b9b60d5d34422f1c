// Widgets for blocks of content: code, message boxes, links and loading spinners.

import { externalize } from "./links.js";
import { appendChildren, asText, element, markInner } from "./parts.js";
import { codeBlock, defineWidget } from "./widgets.js";

const MESSAGE_COLORS = new Set(["info", "success", "warning", "danger", "secondary"]);
const SPINNER_COLORS = new Set([
  "primary", "secondary", "success", "danger", "warning", "info", "light", "dark",
]);
const LINK_SCHEMES = new Set(["http:", "https:", "mailto:"]);
let sendEvent = () => false;

/** Tell the app through `send` when the person closes a message box. */
export function connectMessages(send) {
  sendEvent = send;
}

defineWidget("code", (widget) => {
  const figure = element("figure", "dl-code");
  const language = asText(widget.language);
  if (language) figure.append(element("figcaption", "dl-code-language", language));
  const pre = element("pre");
  codeBlock(pre, language);
  const rows = Number(widget.rows);
  if (Number.isInteger(rows) && rows > 0) pre.style.maxHeight = `calc(${rows} * 1.45em + 20px)`;
  pre.append(element("code", "", asText(widget.text)));
  figure.append(pre);
  return figure;
});

defineWidget("message", (widget, registerScope) => {
  const color = MESSAGE_COLORS.has(widget.color) ? widget.color : "info";
  const box = element("div", `dl-message ${color}`);
  box.setAttribute("role", color === "danger" || color === "warning" ? "alert" : "status");
  const body = element("div", "dl-message-body");
  appendChildren(body, widget.children, registerScope);
  markInner(body, widget, registerScope);
  box.append(body);
  if (widget.closable) {
    const close = element("button", "dl-message-close", "\u00d7");
    close.type = "button";
    close.setAttribute("aria-label", "Close");
    close.addEventListener("click", () => {
      box.remove();
      if (typeof widget.oid === "string") sendEvent({ type: "output_close", id: widget.oid });
    });
    box.append(close);
  }
  return box;
});

function safeHref(href) {
  const text = asText(href);
  try {
    const url = new URL(text, document.baseURI);
    if (LINK_SCHEMES.has(url.protocol)) return text;
  } catch {
    // not a URL at all
  }
  return null;
}

defineWidget("link", (widget) => {
  const link = element("a", "dl-link", asText(widget.text));
  const href = safeHref(widget.href);
  if (href === null) {
    console.error("desklaunch: link refused", widget.href);
    return link; // a link without href: shown, inert
  }
  link.href = href;
  if (widget.new_window) {
    link.target = "_blank";
    link.rel = "noopener noreferrer";
  }
  externalize(link);
  return link;
});

defineWidget("loading", (widget, registerScope) => {
  const box = element("div", "dl-loading-box");
  const shape = widget.shape === "grow" ? "grow" : "border";
  const color = SPINNER_COLORS.has(widget.color) ? widget.color : "dark";
  const spinner = element("div", `dl-spinner ${shape} ${color}`);
  spinner.setAttribute("role", "status");
  spinner.append(element("span", "dl-visually-hidden", "Loading\u2026"));
  box.append(spinner);
  return markInner(box, widget, registerScope);
});
