// How a finished console line looks beyond its text: a log level's colour, a long line's
// wrapping, web addresses made links, and a tqdm bar's progress element
// (console-screen.js runs this on each line a batch touched).

import { externalize } from "./links.js";

const LEVEL = /(^|[\s[\]:|-])(DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL|FATAL)(?=[\s\]:|-]|$)/;
const TQDM = /^(.*?)(\d{1,3})%\|/;
const HELP_OPTION = /^\s+-/;
// A web address a program prints ("Serving at http://127.0.0.1:8000/"): up to white space or
// a character no address has as it is. Punctuation that ends it is the sentence's (url()).
const URL_TEXT = /\bhttps?:\/\/[^\s<>"'`\\^{|}]+/g;
const URL_END = /[.,;:!?*]$/;
// A line this long is no table (a wide one scrolls sideways): it wraps at the screen's 80
// columns, as a terminal wraps it, so that its newest text stays in view and a drawing made
// of one endless line (a maze of ╱ and ╲) shows as drawn.
const LONG_LINE = 1000;

export function decorate(line) {
  const text = line.textContent;
  // Not a help text's option line ("  --debug-file PATH  … for DEBUG logging").
  const level = HELP_OPTION.test(text) ? null : LEVEL.exec(text.slice(0, 80));
  if (line.logClass) line.classList.remove(line.logClass);
  line.logClass = null;
  if (level) {
    const name = level[2] === "WARN" ? "WARNING" : level[2];
    const kind = { CRITICAL: "error", FATAL: "error" }[name] ?? name.toLowerCase();
    line.logClass = `dl-log-${kind}`;
    line.classList.add(line.logClass);
  }
  line.classList.toggle("dl-long", text.length > LONG_LINE);
  if (line.linked || text.includes("://")) linkUrls(line, text);
  const bar = line.rewritten ? TQDM.exec(text) : null;
  if (!bar) return;
  const progress = document.createElement("progress");
  progress.max = 100;
  progress.value = Math.min(100, Number(bar[2]));
  progress.setAttribute("aria-label", bar[1].replace(/:\s*$/, "").trim() || "Progress");
  line.prepend(progress);
  line.classList.add("dl-line-progress");
}

/** The address in `found` without what ends the sentence around it: a full stop, a comma,
 * or a bracket it did not open ("(see http://host/a_(b))." keeps one). */
function url(found) {
  let end = found.length;
  const count = (char) => found.slice(0, end).split(char).length - 1;
  for (;;) {
    const last = found[end - 1];
    const pair = { ")": "(", "]": "[" }[last];
    if (URL_END.test(last) || (pair && count(pair) < count(last))) end -= 1;
    else return found.slice(0, end);
  }
}

/** Make each web address on `line` a link, which opens in the system's browser, as a
 * terminal lets a person open it. The line's text and look stay as they were: an address
 * drawn in two colours is two links side by side. Run again whenever the line changes. */
function linkUrls(line, text) {
  if (line.linked) {
    for (const link of line.querySelectorAll("a.dl-link")) link.replaceWith(...link.childNodes);
    line.normalize();
    line.linked = false;
  }
  const found = [];
  for (const match of text.matchAll(URL_TEXT)) {
    const href = url(match[0]);
    try {
      if (new URL(href).origin === location.origin) continue; // the app's own: no way out
    } catch {
      continue; // "http://" and nothing a browser could open
    }
    found.push([match.index, match.index + href.length, href]);
  }
  if (!found.length) return;
  const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
  const texts = [];
  for (let at = 0; walker.nextNode(); at += walker.currentNode.data.length) {
    texts.push([walker.currentNode, at]);
  }
  for (const [node, start] of texts) {
    const end = start + node.data.length;
    // From the last address on, so that the offsets of the ones before stay true.
    for (const [from, to, href] of [...found].reverse()) {
      if (to <= start || from >= end) continue;
      const piece = node.splitText(Math.max(from, start) - start);
      piece.splitText(Math.min(to, end) - Math.max(from, start));
      const link = document.createElement("a");
      link.className = "dl-link";
      link.href = href;
      externalize(link);
      piece.replaceWith(link);
      link.append(piece);
    }
  }
  line.linked = true;
}
