// Console mode (desklaunch/console): the output screen, the input line and the status bar.
//
// `console_write` carries batches of [stream, text]. Text is split into lines here: "\n"
// ends a line, a lone "\r" makes the next text replace the line (progress lines), ANSI
// SGR codes (colours, bold) become spans with classes. The cursor moves a terminal's
// redraws use (up, down, erase the line: tqdm's stacked bars, rich's live tables) move
// between a stream's last MAX_ROWS lines, so a redraw replaces them; other escape codes
// are dropped.
// Script text only ever reaches the page as textContent. The screen keeps the last
// MAX_LINES lines. It stays at the bottom while output arrives, unless the person scrolled
// up (then a "New output" button shows); each run (`console_run`) starts below a separator
// with its command line, scrolled into view. Long lines scroll sideways unless "Wrap long
// lines" is ticked. Tracebacks are marked as such (red), the rest of stderr is calmer.
//
// The screen is a log region (role="log") that does not speak for itself: finished lines
// are told to screen readers in batches through announce.js (a burst of thousands of
// lines is one announcement); what the person typed is not repeated to them; a run that
// ends with an error is told assertively.

import { announceLines, announceUrgently } from "./announce.js";
import { externalize } from "./links.js";
import { element, uniqueId } from "./parts.js";
import { defineCommand } from "./render.js";
import { defineWidget } from "./widgets.js";
import { showArgs, fillArg } from "./console-args.js";

const MAX_LINES = 10000;
const BLOCK_LINES = 200;
const NEAR_BOTTOM_PX = 24;
const INTENT_MS = 1000; // a scroll this soon after a wheel, key or drag is the person's
const SCROLL_KEYS = new Set(["ArrowUp", "ArrowDown", "PageUp", "PageDown", "Home", "End", " "]);
const TB_START = /^(Traceback \(most recent call last\):|During handling of the above exception|The above exception was the direct cause)/;
const ESCAPES = /\x1b\[([0-?]*)[ -\/]*([@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][A-Z0-9]|\x1b[=>]/g;
const SGR = /^[0-9;]*$/; // `ESC[…m` with other marks (`ESC[>4;2m`) sets something else
// Control characters a terminal does not print (bell, NUL…): tab, newline, return,
// backspace and escape are handled where they mean something.
const SILENT = /[\x00-\x07\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f]/g;
// A terminal's title and the like (`ESC]0;title BEL`): shown nowhere, and its BEL ends it.
const OSC = /\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g;
const LEVEL = /(^|[\s[\]:|-])(DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL|FATAL)(?=[\s\]:|-]|$)/;
const TQDM = /^(.*?)(\d{1,3})%\|/;
const HELP_OPTION = /^\s+-/;
// A web address a program prints ("Serving at http://127.0.0.1:8000/"): up to white space or
// a character no address has as it is. Punctuation that ends it is the sentence's (url()).
const URL_TEXT = /\bhttps?:\/\/[^\s<>"'`\\^{|}]+/g;
const URL_END = /[.,;:!?*]$/;
// Cursor up (A, F: and to the line's start), down (B, E), right and left (C, D), to a
// column (G), erase (K), to a row and column (H, f), erase the screen (J), the terminal's
// reset (ESC c), and saving and restoring the cursor (ESC 7, ESC 8, and ESC[s, ESC[u).
const MOVES = /(\n|\r|\x1b\[[0-9;]*[A-HJKf]|\x1b[c78]|\x1b\[[su]|\x1b\[\?(?:1049|1047|47)[hl])/;
// A full-screen program's own screen, switched to and back (curses' `initscr`, `endwin`).
const ALT_SCREEN = /^\x1b\[\?(?:1049|1047|47)[hl]$/;
const MOVE = /^\x1b\[([0-9;]*)([A-HJKf])$/;
const MAX_ROWS = 100;
// The screen a program is told the console has (streams.py): a cursor move's rows, and the
// column where text written after one goes on to the next row, as a terminal wraps it.
const SCREEN_ROWS = 24;
const SCREEN_COLUMNS = 80;
// A line this long is no table (a wide one scrolls sideways): it wraps at the screen's 80
// columns, as a terminal wraps it, so that its newest text stays in view and a drawing made
// of one endless line (a maze of ╱ and ╲) shows as drawn.
const LONG_LINE = 1000;
// Characters a terminal gives two cells (wcwidth's wide ones: CJK, Hangul, full-width forms,
// most emoji). Each is set in a box exactly two cells wide, whatever the width of the font
// that has it, so the columns that rich, tabulate or wcwidth padded line up as in a terminal.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;
// The full and half blocks (QR codes, banners, bar charts): a terminal fills their cells
// exactly, where a font's glyphs leave seams between rows and columns. Each run is set in a
// box whose background, in the text's colour, fills the cell or its half.
const BLOCKS = /[\u2580\u2584\u2588]/u;
const BOXED = new RegExp(`(${WIDE.source})|(\u2588+|\u2580+|\u2584+)`, "gu");
const BLOCK_CLASS = { "\u2588": "dl-block dl-block-full", "\u2580": "dl-block dl-block-top",
  "\u2584": "dl-block dl-block-bottom" };

let send = () => false;

/** How the console sends events (set once by main.js). */
export function setConsoleSender(fn) {
  send = fn;
}

const consoleOf = () => document.querySelector(".dl-console");
// Echoed input and command lines continue stdout's line, as in a terminal; input answering
// a prompt written to stderr ("in-err": cleo's, poetry's) continues stderr's.
const keyOf = (stream) => (stream === "err" || stream === "in-err" ? "err" : "out");

// ---- ANSI SGR ---------------------------------------------------------------------------

const styles = new Map(); // stream → { fg, bg, bold, dim, italic, underline }

function applySgr(style, params) {
  const codes = params === "" ? [0] : params.split(";").map(Number);
  for (let i = 0; i < codes.length; i += 1) {
    const c = codes[i];
    if (c === 0) Object.assign(style, { fg: null, bg: null, bold: false, dim: false, italic: false, underline: false, strike: false, inverse: false, conceal: false });
    else if (c === 1) style.bold = true;
    else if (c === 2) style.dim = true;
    else if (c === 3) style.italic = true;
    else if (c === 4) style.underline = true;
    else if (c === 22) style.bold = style.dim = false;
    else if (c === 23) style.italic = false;
    else if (c === 24) style.underline = false;
    else if (c === 9) style.strike = true;
    else if (c === 29) style.strike = false;
    else if (c >= 30 && c <= 37) style.fg = c - 30;
    else if (c >= 90 && c <= 97) style.fg = c - 82;
    else if (c === 39) style.fg = null;
    else if (c >= 40 && c <= 47) style.bg = c - 40;
    else if (c >= 100 && c <= 107) style.bg = c - 92;
    else if (c === 49) style.bg = null;
    else if (c === 7) style.inverse = true;
    else if (c === 27) style.inverse = false;
    else if (c === 8) style.conceal = true; // hidden, as a terminal hides it (still copied)
    else if (c === 28) style.conceal = false;
    else if ((c === 38 || c === 48) && codes[i + 1] === 5) {
      const colour = palette(codes[i + 2]);
      if (c === 38) style.fg = colour;
      else style.bg = colour;
      i += 2;
    } else if ((c === 38 || c === 48) && codes[i + 1] === 2) {
      const [r, g, b] = codes.slice(i + 2, i + 5).map((n) => Math.max(0, Math.min(255, n || 0)));
      if (c === 38) style.fg = `rgb(${r}, ${g}, ${b})`;
      else style.bg = `rgb(${r}, ${g}, ${b})`;
      i += 4;
    }
  }
}

/** Colour `n` of the 256: 0–15 the theme's own (a class), the rest xterm's cube and greys. */
function palette(n) {
  if (!Number.isInteger(n) || n < 0 || n > 255) return null;
  if (n < 16) return n;
  if (n >= 232) {
    const grey = 8 + (n - 232) * 10;
    return `rgb(${grey}, ${grey}, ${grey})`;
  }
  const level = (v) => (v === 0 ? 0 : 55 + v * 40);
  const m = n - 16;
  return `rgb(${level(Math.floor(m / 36))}, ${level(Math.floor(m / 6) % 6)}, ${level(m % 6)})`;
}

/** `part` as a terminal shows it: a backspace moves back over the character before it
 * (the next one overwrites it), other unprinted control characters are left out. */
function printable(part) {
  const text = part.replace(OSC, "").replace(SILENT, "");
  if (!text.includes("\b") || text.includes("\x1b")) return text.replaceAll("\b", "");
  const cells = [];
  let at = 0;
  for (const char of text) {
    if (char === "\b") at = Math.max(0, at - 1);
    else cells[at++] = char;
  }
  return cells.join("");
}

/** Whether text in `style` needs no span of its own. */
function plain(style, extra) {
  return !extra && style.fg == null && style.bg == null && !style.bold && !style.dim &&
    !style.italic && !style.underline && !style.strike && !style.inverse && !style.conceal;
}

/** `text` as nodes to append: itself, unless it has wide characters, each then in a box of
 * two cells (one box a character, so a wrapped line may still break between them). */
function cells(text) {
  if (!WIDE.test(text) && !BLOCKS.test(text)) return [text];
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(BOXED)) {
    if (match.index > last) nodes.push(text.slice(last, match.index));
    const box = document.createElement("span");
    box.className = match[1] ? "dl-wide" : BLOCK_CLASS[match[0][0]];
    box.textContent = match[0];
    nodes.push(box);
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}

const MIN_CONTRAST = 4.5; // WCAG AA for text, as terminals with a minimum contrast keep it
const themeColours = new Map(); // "fg-3" → [r, g, b]: the screen's own colours, as styled

const isRgb = (colour) => typeof colour === "string" && colour.startsWith("rgb");
const rgbOf = (text) => (text.match(/\d+(\.\d+)?/g) ?? [0, 0, 0]).slice(0, 3).map(Number);

/** The colour `dl-<kind>-<name>` gives on the console screen (measured once). */
function themeColour(kind, name) {
  const key = `${kind}-${name}`;
  if (!themeColours.has(key)) {
    const probe = document.createElement("span");
    probe.className = `dl-${key}`;
    (document.querySelector(".dl-console-screen") ?? document.body).append(probe);
    const computed = getComputedStyle(probe);
    themeColours.set(key, rgbOf(kind === "fg" ? computed.color : computed.backgroundColor));
    probe.remove();
  }
  return themeColours.get(key);
}

function luminance(rgb) {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a, b) {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}

/** A program's own colour (of the 256, or any RGB) that would be unreadable on its
 *  background (dark blue on the dark screen, the screen's text on bright yellow) moved
 *  towards white or black until it reads at MIN_CONTRAST; null when it already does. */
function legible(fg, bg) {
  const ground = isRgb(bg) ? rgbOf(bg) : themeColour("bg", bg ?? "default-bg");
  const ink = isRgb(fg) ? rgbOf(fg) : themeColour("fg", fg ?? "default-fg");
  if (contrast(ink, ground) >= MIN_CONTRAST) return null;
  const towards = luminance(ground) < 0.18 ? 255 : 0;
  for (let step = 1; step <= 20; step++) {
    const moved = ink.map((v) => Math.round(v + ((towards - v) * step) / 20));
    if (contrast(moved, ground) >= MIN_CONTRAST) return `rgb(${moved.join(", ")})`;
  }
  return `rgb(${towards}, ${towards}, ${towards})`;
}

function styledSpan(style, text, extra) {
  const span = document.createElement("span");
  span.append(...cells(text));
  const names = extra ? [extra] : [];
  // Reverse video swaps the two colours; "default" is the screen's own (console.css).
  const [fg, bg] = style.inverse ? [style.bg ?? "default-bg", style.fg ?? "default-fg"]
    : [style.fg, style.bg];
  for (const [colour, kind, property] of [[fg, "fg", "color"], [bg, "bg", "backgroundColor"]]) {
    if (isRgb(colour)) span.style[property] = colour;
    else if (colour !== null && colour !== undefined) names.push(`dl-${kind}-${colour}`);
  }
  // The 16 colours of the screen's own theme read well together; a program's others may not.
  const readable = (isRgb(fg) || isRgb(bg)) && legible(fg, bg);
  if (readable) span.style.color = readable;
  for (const flag of ["bold", "dim", "italic", "underline", "strike", "conceal"]) {
    if (style[flag]) names.push(`dl-${flag}`);
  }
  if (names.length) span.className = names.join(" ");
  return span;
}

const BLANK = [" ", null];

/** The cells `text` takes on a line: its characters, escape codes left out. */
function visibleLength(text) {
  return [...text.replace(ESCAPES, "")].length;
}

/** A line's characters, each with the span that styles it (null: unstyled). */
function cellsOf(line) {
  const found = [];
  for (const node of line.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && node.classList.contains("dl-link")) {
      found.push(...cellsOf(node)); // an address made a link is the text it was
      continue;
    }
    const look = node.nodeType === Node.ELEMENT_NODE && !node.classList.contains("dl-wide") &&
      !node.classList.contains("dl-block") ? node : null;
    for (const char of node.textContent) found.push([char, look]);
  }
  return found;
}

function sameLook(a, b) {
  return a === b || (a !== null && b !== null && a.className === b.className &&
    a.style.cssText === b.style.cssText);
}

// ---- the screen -------------------------------------------------------------------------

class Screen {
  constructor(el) {
    this.el = el;
    this.open = new Map(); // stream → the line its cursor is on (unfinished, or moved to)
    this.upDown = new Map(); // stream → the column a move up or down kept, for the next text
    this.rows = new Map(); // stream → its last MAX_ROWS lines, which a cursor can move to
    this.touched = new Set();
    this.fresh = new DocumentFragment(); // new blocks, inserted with one DOM operation
    this.block = null; // the block new lines go to; lines come in blocks, so that the
    this.inBlock = 0; // browser lays out only the blocks in view (content-visibility)
    this.lines = 0;
    this.stick = true; // keep to the bottom, until the person scrolls up
    this.intent = -Infinity;
    this.dragging = false;
    this.runs = new Map(); // run number → its command line
    this.traceback = new Map(); // "out"/"err" → inside a traceback
    this.marker = null; // the "New output" button, set by the widget
    this.images = new Map(); // a figure's key → its picture
    this.column = new Map(); // stream → its cursor's column, once a move put it mid-line
    this.saved = new Map(); // stream → [line, column] kept by ESC 7 for ESC 8
    this.runLine = null; // the command line of the run being shown
    const intent = () => { this.intent = performance.now(); };
    el.addEventListener("wheel", intent, { passive: true });
    el.addEventListener("touchmove", intent, { passive: true });
    // Only keys that scroll: Tab leaving the output is no wish to stop following it.
    el.addEventListener("keydown", (event) => SCROLL_KEYS.has(event.key) && intent());
    el.addEventListener("pointerdown", () => { this.dragging = true; intent(); });
    window.addEventListener("pointerup", () => { this.dragging = false; });
    el.addEventListener("scroll", () => {
      if (this.atBottom()) this.follow();
      else if (this.dragging || performance.now() - this.intent < INTENT_MS) this.stick = false;
      // else: the layout moved (lines measured, lines trimmed), not the person
    });
  }

  atBottom() {
    const el = this.el;
    return el.scrollHeight - el.scrollTop - el.clientHeight <= NEAR_BOTTOM_PX;
  }

  /** Keep to the bottom again (and hide the "New output" button). */
  follow() {
    this.stick = true;
    if (this.marker) this.marker.hidden = true;
  }

  toBottom() {
    this.follow();
    this.el.scrollTop = this.el.scrollHeight;
  }

  /** Run `run` starts: a separator (after the first run) and its command line, in view;
   * sent again for the same run, it changes that command line. */
  beginRun(run, command) {
    const known = this.runs.get(run);
    if (known) {
      known.textContent = command;
      return;
    }
    this.open.clear();
    this.rows.clear();
    this.traceback.clear();
    if (this.lines) {
      const rule = element("div", "dl-run-rule");
      rule.setAttribute("role", "separator");
      rule.setAttribute("aria-label", `Run ${run}`);
      this.#place(rule);
    }
    this.column.clear();
    this.upDown.clear();
    this.saved.clear();
    const line = this.#line("out", "cmd");
    line.textContent = command;
    this.open.delete("out");
    this.rows.clear(); // a run's cursor moves stay among its own lines
    this.runs.set(run, line);
    this.runLine = line;
    this.follow();
  }

  /** End the line `stream`'s cursor is on, if any (a line break left out of a flood). */
  endOpenLine(stream) {
    const key = keyOf(stream);
    if (this.open.has(key)) this.#endLine(key, stream);
  }

  write(stream, text) {
    const style = styles.get(stream) ?? {};
    styles.set(stream, style);
    const key = keyOf(stream);
    const extra = key === stream ? "" : `dl-${stream}`;
    // \r\n is a plain newline; split keeps the separators.
    for (const part of text.replace(/\r\n/g, "\n").split(MOVES)) {
      if (part === "\n" || part === "\r") this.upDown.delete(key);
      if (part === "\n") this.#endLine(this.#breaking(key), stream);
      else if (part === "\r") {
        const line = this.open.get(key);
        if (this.column.has(key)) this.column.set(key, 0);
        else if (line) line.rewrite = true;
      } else if (part === "\x1b7" || part === "\x1b[s") { // the cursor's place, a new line's start if none is open
        const line = this.#line(key, stream);
        const column = line.rewrite ? 0 : [...line.textContent].length;
        this.saved.set(key, [line, this.column.get(key) ?? column]);
      } else if (part === "\x1b8" || part === "\x1b[u") {
        const [line, column] = this.saved.get(key) ?? [];
        if (this.#shown(line)) {
          this.open.set(key, line);
          line.rewrite = false;
          this.column.set(key, column);
        }
      } else if (part === "\x1bc") {
        this.clearRun();
        applySgr(style, ""); // the colours reset too, as `ESC[m`
      } else if (ALT_SCREEN.test(part)) {
        this.#altScreen(part.endsWith("h"));
      } else if (MOVE.test(part)) {
        const [, params, code] = MOVE.exec(part);
        if (code === "H" || code === "f") this.#goTo(key, stream, params);
        else if (code === "J") this.#eraseScreen(key, Number(params.split(";")[0] || "0"));
        else this.#move(key, code, Number(params.split(";")[0] || "0"));
      } else if (part) {
        const back = /^\x08+/.exec(part)?.[0].length ?? 0; // a spinner's "\b/" and the like
        if (back) this.#eraseBack(key, back);
        const shown = printable(part.slice(back));
        if (shown && !this.open.has(key) && !shown.replace(ESCAPES, "")) {
          // Only colours (Django's reset after its line break): no line opened for them.
          for (const match of shown.matchAll(ESCAPES)) {
            if (match[2] === "m" && SGR.test(match[1])) applySgr(style, match[1]);
          }
        } else if (shown) {
          this.#takeCleared(key, stream);
          this.#append(key, stream, style, shown, extra);
        }
      }
    }
  }

  /** The stream whose line a line break on `key` ends: its own; or, when it has none open
   * and the other stream's open line is the last line (where a terminal's one cursor is),
   * that line, as a REPL's break on stderr after its prompt on stdout ends the prompt's. */
  #breaking(key) {
    if (this.open.has(key)) return key;
    const other = key === "out" ? "err" : "out";
    const line = this.open.get(other);
    return line && line === this.block?.lastElementChild && !this.column.has(other) ? other : key;
  }

  /** A terminal has one cursor for both streams. Text on a stream with no open line, while
   * the other stream's last line was blanked and returned to, goes on that line: tqdm.write
   * erases the bar, prints its line there, and draws the bar again below. */
  #takeCleared(key, stream) {
    if (this.open.has(key)) return;
    const other = key === "out" ? "err" : "out";
    const line = this.open.get(other);
    const theirs = this.rows.get(other) ?? [];
    if (!line || !line.rewrite || line.textContent.trim() || theirs.at(-1) !== line) return;
    theirs.pop();
    this.open.delete(other);
    line.className = `dl-line dl-${stream}`;
    this.open.set(key, line);
    const rows = this.rows.get(key) ?? [];
    rows.push(line);
    if (rows.length > MAX_ROWS) rows.shift();
    this.rows.set(key, rows);
  }

  /** Take the last `count` characters off the unfinished line (backspaces that reach
   * back into what an earlier write put there). */
  #eraseBack(key, count) {
    const line = this.open.get(key);
    if (!line) return;
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    const texts = [];
    while (walker.nextNode()) texts.push(walker.currentNode);
    let left = count;
    for (let i = texts.length - 1; i >= 0 && left > 0; i -= 1) {
      const chars = [...texts[i].data];
      const cut = Math.min(left, chars.length);
      texts[i].data = chars.slice(0, chars.length - cut).join("");
      left -= cut;
    }
    this.touched.add(line);
  }

  #line(key, stream) {
    let line = this.open.get(key);
    if (!line) {
      line = element("div", `dl-line dl-${stream}`);
      this.#place(line);
      this.open.set(key, line);
      const rows = this.rows.get(key) ?? [];
      rows.push(line);
      if (rows.length > MAX_ROWS) rows.shift();
      this.rows.set(key, rows);
    }
    return line;
  }

  /** A cursor move or erase (`ESC[nA` …) on `key`'s lines. A line the cursor moves to is
   * rewritten by the next text, as a terminal's redraw overwrites it. */
  #move(key, code, count) {
    const rows = this.rows.get(key) ?? [];
    const open = this.open.get(key);
    const found = open ? rows.lastIndexOf(open) : -1;
    const at = found >= 0 ? found : rows.length; // past the end: a new line
    const to = (index) => {
      const line = rows[Math.max(0, Math.min(index, rows.length - 1))];
      if (!line || line === open) return;
      if (open) open.rewrite = false;
      this.column.delete(key);
      if (open && open === rows.at(-1) && index < at && !open.textContent.trim()) {
        // A blank last line the cursor leaves upwards (a bar erased by tqdm's leave=False,
        // rich's transient display): a terminal's later output would write over it.
        this.#drop(key, open);
      }
      line.rewrite = true;
      this.open.set(key, line);
    };
    // Up and down (A, B) keep the cursor's column, as a terminal's do (F and E go to the
    // line's start): text written next, unless a "\r" comes first, goes on from there.
    const column = this.column.get(key) ?? this.upDown.get(key) ??
      (open && !open.rewrite ? [...open.textContent].length : 0);
    this.upDown.delete(key);
    const keepColumn = () => {
      if (column > 0 && (code === "A" || code === "B")) this.upDown.set(key, column);
    };
    if (code === "A" || code === "F") {
      const index = at - Math.max(1, count);
      if (rows[Math.max(0, Math.min(index, rows.length - 1))] !== open) {
        to(index);
        keepColumn();
      }
    } else if (code === "B" || code === "E") {
      const index = at + Math.max(1, count);
      if (index < rows.length) {
        to(index);
        keepColumn();
      } else if (at < rows.length) { // below the last line: where its line break would go
        const last = rows.at(-1);
        if (open && open !== last) open.rewrite = false;
        this.column.delete(key);
        last.rewrite = false;
        this.open.set(key, last);
        this.#endLine(key, key);
        keepColumn();
      }
    } else if (code === "C" || code === "D") { // a spinner's `ESC[1D` and the like
      const line = open ?? (code === "C" ? this.#line(key, key) : null);
      if (!line) return;
      const from = this.column.get(key) ?? (line.rewrite ? 0 : [...line.textContent].length);
      line.rewrite = false;
      const by = Math.max(1, count);
      this.column.set(key, code === "C" ? from + by : Math.max(0, from - by));
    } else if (code === "G") {
      if (open && this.column.has(key)) this.column.set(key, Math.max(0, count - 1));
      else if (open && count <= 1) open.rewrite = true;
      else if (open) this.column.set(key, count - 1);
    } else if (code === "K" && open && this.column.has(key)) {
      const column = this.column.get(key);
      const kept = cellsOf(open);
      if (count === 1) kept.fill(BLANK, 0, column + 1);
      this.#setCells(open, count === 0 ? kept.slice(0, column) : count === 1 ? kept : []);
    } else if (code === "K" && open) {
      // 0 erases from the cursor on: all of it after a "\r", nothing at the line's end; 1
      // and 2 erase up to the cursor too, which stays where it was.
      const column = open.rewrite ? 0 : [...open.textContent].length;
      if (count === 0 && column) return;
      open.textContent = " ".repeat(count === 0 ? 0 : column);
      open.rewrite = false;
      this.touched.add(open);
    }
  }

  /** A picture on a line of its own below the text so far (a figure from `plt.show()`);
   * the same `key` again replaces the picture where it first showed (or shows it anew
   * below, once it was trimmed off the top, as a figure's window stays). Open lines stay open:
   * text written after it goes on them, as it would in a terminal beside a figure window. */
  /** Show picture `key`, or replace it where it is; true when it is a new line. */
  image(key, src, alt, width, height) {
    let img = this.images.get(key);
    const added = !img;
    if (added) {
      const line = element("div", "dl-console-figure");
      img = document.createElement("img");
      img.figureKey = key;
      // Decoded after the screen scrolled to its end: follow the end it moved.
      img.addEventListener("load", () => { if (this.stick) this.toBottom(); });
      line.append(img);
      this.#place(line);
      this.images.set(key, img);
    }
    if (width > 0 && height > 0) { // its room kept before it is decoded
      img.width = width;
      img.height = height;
    }
    img.src = src;
    img.alt = alt;
    return added;
  }

  /** Take `key`'s last line off the screen. */
  #drop(key, line) {
    this.rows.get(key)?.pop();
    this.#remove(line);
  }

  /** `ESC[row;colH`: the cursor to a cell of the screen, the run's last 24 lines (blank
   * lines added below as needed); what is written next overwrites from there. */
  #goTo(key, stream, params) {
    const [row, col] = [0, 1].map((i) => Math.max(1, Number(params.split(";")[i] || "1")));
    // After a line break the cursor is on a new line, a terminal's last row: made here.
    const open = this.open.get(key) ?? this.#line(key, stream);
    open.rewrite = false;
    let rows = this.rows.get(key) ?? [];
    const top = Math.max(0, rows.length - SCREEN_ROWS);
    const index = top + Math.min(row, SCREEN_ROWS) - 1;
    while (rows.length <= index) {
      this.open.delete(key);
      this.#line(key, stream);
      rows = this.rows.get(key);
    }
    this.open.set(key, rows[index]);
    this.column.set(key, col - 1);
  }

  /** `ESC[J`: erase the screen from the cursor on (0), or all of it (2, and 3: the
   * scrollback too), as `clear` and `os.system("clear")` do. */
  #eraseScreen(key, mode) {
    if (mode === 2 || mode === 3) {
      this.clearRun();
      return;
    }
    const open = this.open.get(key);
    const rows = this.rows.get(key) ?? [];
    const at = open ? rows.lastIndexOf(open) : -1;
    if (mode !== 0 || at < 0) return; // on a new line below the rest: nothing below it
    const column = this.column.get(key) ?? (open.rewrite ? 0 : [...open.textContent].length);
    this.#setCells(open, cellsOf(open).slice(0, column));
    for (const line of rows.splice(at + 1)) this.#remove(line);
  }

  /** Take the run's output off the console: a program clearing its terminal starts again
   * at the top, under its command line. */
  clearRun() {
    // On the alternate screen only its own lines: the run's screen comes back at its end.
    this.#removeAfter(this.#shown(this.altFrom) ? this.altFrom : this.runLine);
    this.traceback.clear();
  }

  /** Whether `line` is still in the console (or about to be: in the batch not yet shown). */
  #shown(line) {
    return Boolean(line) && (line.isConnected || this.fresh.contains(line));
  }

  /** Remove every line after `line` (all, if it is gone: trimmed off the top) and forget
   * the cursors, which were on them. */
  #removeAfter(line) {
    let seen = !this.#shown(line);
    for (const block of [...this.el.children, ...this.fresh.children]) {
      for (const child of [...block.children]) {
        if (seen) this.#remove(child);
        else if (child === line) seen = true;
      }
    }
    this.open.clear();
    this.rows.clear();
    this.column.clear();
    this.upDown.clear();
    this.saved.clear();
  }

  /** The alternate screen: what a program drew there goes when it switches back, as a
   * terminal shows again the screen it had (flit asks curses for the width that way). */
  #altScreen(on) {
    if (on) {
      if (this.altFrom === undefined) this.altFrom = this.block?.lastElementChild ?? null;
      return;
    }
    const from = this.altFrom;
    this.altFrom = undefined;
    if (this.#shown(from)) this.#removeAfter(from); // else cleared since: nothing to remove
  }

  #remove(el) {
    if (el.parentElement === this.block) this.inBlock -= 1;
    for (const img of el.querySelectorAll("img")) this.images.delete(img.figureKey);
    this.touched.delete(el);
    el.remove();
    this.lines -= 1;
  }

  /** Write `text` over the cells of `key`'s line from `column` on (spaces first, if the
   * line is shorter); the column after it. */
  #overwrite(key, column, style, text, extra) {
    const look = plain(style, extra) ? null : styledSpan(style, "", extra);
    let chars = [...text];
    for (;;) {
      const line = this.open.get(key);
      const lineCells = cellsOf(line);
      while (lineCells.length < column) lineCells.push(BLANK);
      const fits = Math.max(0, SCREEN_COLUMNS - column);
      chars.slice(0, fits).forEach((char, i) => { lineCells[column + i] = [char, look]; });
      this.#setCells(line, lineCells);
      if (chars.length <= fits) return column + chars.length;
      // Past the screen's last column: on at the start of the next row, as a terminal wraps.
      chars = chars.slice(fits);
      this.#endLine(key, key);
      this.column.set(key, 0);
      this.#line(key, key);
      column = 0;
    }
  }

  #setCells(line, lineCells) {
    line.textContent = "";
    let run = "";
    let look = null;
    const flush = () => {
      if (!run) return;
      if (look === null) line.append(...cells(run));
      else {
        const span = look.cloneNode(false);
        span.append(...cells(run));
        line.append(span);
      }
    };
    for (const [char, cellLook] of lineCells) {
      if (!sameLook(cellLook, look)) {
        flush();
        run = "";
        look = cellLook;
      }
      run += char;
    }
    flush();
    this.touched.add(line);
  }

  #place(el) {
    if (!this.block || this.inBlock >= BLOCK_LINES) {
      this.#sizeBlock();
      this.block = element("div", "dl-block");
      this.fresh.append(this.block);
      this.inBlock = 0;
    }
    this.block.append(el);
    this.inBlock += 1;
    this.lines += 1;
  }

  /** Until the browser has measured it, a block out of view counts as its lines' height
   * (set once per block and batch: a style change per line cost a sixth of a flood's time). */
  #sizeBlock() {
    if (this.block) this.block.style.containIntrinsicSize = `auto ${this.inBlock * 1.15}em`;
  }

  #append(key, stream, style, part, extra) {
    const line = this.#line(key, stream);
    const kept = this.upDown.get(key);
    if (kept !== undefined) { // moved up or down from that column: on from there
      this.upDown.delete(key);
      line.rewrite = false;
      this.column.set(key, kept);
    }
    if (this.column.has(key)) {
      let column = this.column.get(key);
      let last = 0;
      const put = (text) => { column = this.#overwrite(key, column, style, text, extra); };
      for (const match of part.matchAll(ESCAPES)) {
        if (match.index > last) put(part.slice(last, match.index));
        if (match[2] === "m" && SGR.test(match[1])) applySgr(style, match[1]);
        last = match.index + match[0].length;
      }
      if (last < part.length) put(part.slice(last));
      this.column.set(key, column);
      return;
    }
    if (line.rewrite) {
      line.rewrite = false;
      line.rewritten = true;
      const before = [...line.textContent.trimEnd()].length; // blanks show as nothing
      if (before > visibleLength(part) && before <= SCREEN_COLUMNS) {
        // Shorter text over a line a terminal would show partly overwritten ("\r[x]" over
        // "[ ] download"): the cells from the line's start, the rest kept.
        this.column.set(key, 0);
        this.#append(key, stream, style, part, extra);
        return;
      }
      line.textContent = "";
    }
    if (!part.includes("\x1b")) {
      if (plain(style, extra)) line.append(...cells(part));
      else line.append(styledSpan(style, part, extra));
      this.touched.add(line);
      return;
    }
    let last = 0;
    for (const match of part.matchAll(ESCAPES)) {
      if (match.index > last) line.append(styledSpan(style, part.slice(last, match.index), extra));
      if (match[2] === "m" && SGR.test(match[1])) applySgr(style, match[1]);
      last = match.index + match[0].length;
    }
    if (last < part.length) line.append(styledSpan(style, part.slice(last), extra));
    this.touched.add(line);
  }

  #endLine(key, stream) {
    const line = this.#line(key, stream);
    line.rewrite = false;
    this.touched.add(line);
    this.open.delete(key);
    const rows = this.rows.get(key) ?? [];
    const at = rows.lastIndexOf(line);
    const next = at >= 0 ? rows[at + 1] : undefined;
    if (next && this.column.has(key)) { // drawing on a screen: on down, from its start
      this.column.set(key, 0);
      this.open.set(key, next);
      return;
    }
    this.column.delete(key);
    if (next) { // the cursor was moved up: a newline goes down to the line below
      next.rewrite = true;
      this.open.set(key, next);
      return;
    }
    // A traceback: its first line to the exception's own line (the first not indented).
    const text = line.textContent;
    if (TB_START.test(text)) this.traceback.set(key, true);
    else if (!this.traceback.get(key)) return;
    else if (text && !/^\s/.test(text)) this.traceback.set(key, false);
    line.classList.add("dl-tb-line");
  }

  /** After a batch: classify the lines it touched, trim old lines. */
  settle() {
    for (const line of this.touched) decorate(line);
    this.touched.clear();
    this.#sizeBlock();
    this.el.append(this.fresh);
    let oldest = this.el.firstElementChild;
    while (oldest && oldest !== this.block && this.lines - oldest.childElementCount >= MAX_LINES) {
      this.lines -= oldest.childElementCount;
      for (const img of oldest.querySelectorAll(".dl-console-figure img")) this.images.delete(img.figureKey);
      oldest.remove();
      oldest = this.el.firstElementChild;
    }
    if (this.stick && !this.scrollPending) {
      this.scrollPending = true;
      // Lines measured after a scroll can move the bottom: follow it for a few frames.
      const down = (frames) => requestAnimationFrame(() => {
        if (this.stick) this.el.scrollTop = this.el.scrollHeight;
        if (this.stick && frames > 1 && !this.atBottom()) down(frames - 1);
        else this.scrollPending = false;
      });
      down(4);
    } else if (!this.stick && this.marker) {
      this.marker.hidden = false;
    }
  }
}

function decorate(line) {
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

const screens = new WeakMap();

function screenOf(box) {
  const el = box?.querySelector(".dl-console-screen");
  if (!el) return null;
  if (!screens.has(el)) {
    const screen = new Screen(el);
    screen.marker = box.querySelector(".dl-console-more");
    screen.marker?.addEventListener("click", () => {
      screen.toBottom();
      el.focus({ preventScroll: true });
    });
    screens.set(el, screen);
  }
  return screens.get(el);
}

// ---- widget and commands ----------------------------------------------------------------

defineWidget("console", () => {
  styles.clear();
  const box = element("section", "dl-console");
  box.setAttribute("aria-label", "Console");
  const screen = element("div", "dl-console-screen");
  screen.setAttribute("role", "log");
  screen.setAttribute("aria-label", "Output");
  screen.setAttribute("aria-live", "off"); // told in batches instead: see tellLines
  screen.tabIndex = 0;
  screen.addEventListener("copy", (event) => copyLines(event, screen));
  const view = element("div", "dl-console-view");
  const more = element("button", "dl-btn secondary small dl-console-more", "New output ↓");
  more.type = "button";
  more.hidden = true;
  view.append(screen, more);
  const tools = element("div", "dl-console-tools");
  const wrapLabel = element("label", "dl-choice");
  const wrap = document.createElement("input");
  wrap.type = "checkbox";
  wrap.addEventListener("change", () => screen.classList.toggle("dl-wrap", wrap.checked));
  wrapLabel.append(wrap, " Wrap long lines");
  tools.append(wrapLabel);
  box.append(tools, view, element("div", "dl-console-input"), element("div", "dl-console-args"),
    element("div", "dl-console-status"));
  return box;
});

/** Copy the selected lines one to a line, blank ones too: the browser's own copy leaves an
 * empty line's element out, which took the blank lines out of a report or a help text. */
function copyLines(event, screen) {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
  const range = selection.getRangeAt(0);
  if (!screen.contains(range.commonAncestorContainer)) return;
  const lines = [...screen.querySelectorAll(".dl-line")].filter((line) => range.intersectsNode(line));
  if (lines.length < 2) return;
  const text = lines.map((line) => {
    const part = document.createRange();
    part.selectNodeContents(line);
    if (range.compareBoundaryPoints(Range.START_TO_START, part) > 0) {
      part.setStart(range.startContainer, range.startOffset);
    }
    if (range.compareBoundaryPoints(Range.END_TO_END, part) < 0) {
      part.setEnd(range.endContainer, range.endOffset);
    }
    return part.toString();
  });
  event.clipboardData.setData("text/plain", text.join("\n"));
  event.preventDefault();
}

/** Tell screen readers the lines `chunks` finished (not the person's own typing). */
function tellLines(chunks) {
  let count = 0;
  let last = [];
  for (const [stream, written] of chunks) {
    // After a clear, what the program wrote on the fresh screen (a menu) is told; a redraw
    // of lines above (an animation's frame, a progress bar) is not.
    const text = written.split(/\x1b\[[23]J|\x1bc/).at(-1).replace(/^(\x1b\[(1;1)?[Hf])+/, "");
    if (stream.startsWith("in") || /\x1b\[[0-9;]*[AFHf]/.test(text)) continue;
    const lines = unconcealed(text).replace(ESCAPES, "").split("\n");
    lines.pop(); // not finished yet (a prompt, or a progress line rewritten with \r)
    for (const line of lines) {
      const shown = line.slice(line.lastIndexOf("\r") + 1);
      if (!shown.trim()) continue;
      count += 1;
      last = [...last.slice(-2), shown];
    }
  }
  announceLines(count, last);
}

/** `text` without what it conceals (SGR 8, until 28 or a reset; the escape codes go too):
 * hidden on the screen (a one-time code, a quiz's answer), so not told either. */
function unconcealed(text) {
  const style = {}; // the SGR state, as the screen keeps it (applySgr)
  let kept = "";
  let from = 0;
  for (const match of text.matchAll(/\x1b\[([0-9;]*)m/g)) {
    if (!style.conceal) kept += text.slice(from, match.index);
    from = match.index + match[0].length;
    applySgr(style, match[1]);
  }
  return style.conceal ? kept : kept + text.slice(from);
}

/**
 * Leave out the console text in the waiting `commands` that would scroll off the screen
 * (past its last MAX_LINES lines) before it is drawn, keeping the colours it set. A program
 * printing faster than the page draws then costs the page a scrollback's worth of lines at
 * most, instead of a backlog that grows while it is drawn, until the page falls minutes
 * behind the program. A chunk that lost a line break is marked (its third item) so the
 * line left open before it is ended, as that break would have.
 */
export function skipScrolledOff(commands) {
  let lines = 0; // line breaks counted from the end
  for (let i = commands.length - 1; i >= 0; i -= 1) {
    const chunks = commands[i]?.cmd === "console_write" ? commands[i].chunks : null;
    for (let j = Array.isArray(chunks) ? chunks.length - 1 : -1; j >= 0; j -= 1) {
      const chunk = chunks[j];
      if (!Array.isArray(chunk) || typeof chunk[1] !== "string") continue;
      const text = chunk[1];
      let cut = text.length; // the text from here on is kept
      while (lines < MAX_LINES) {
        const at = cut > 0 ? text.lastIndexOf("\n", cut - 1) : -1;
        if (at < 0) break;
        lines += 1;
        cut = at;
      }
      if (lines < MAX_LINES) continue;
      const dropped = text.slice(0, cut + 1);
      if (!dropped) continue;
      chunk[1] = coloursIn(dropped) + text.slice(cut + 1);
      chunk[2] = chunk[2] || dropped.includes("\n");
    }
  }
  return commands;
}

/** The colour codes in `text` that still count at its end: those after its last reset. */
function coloursIn(text) {
  let codes = [];
  for (const match of text.matchAll(ESCAPES)) {
    if (match[2] !== "m" || !SGR.test(match[1])) continue;
    if (/^0*(;|$)/.test(match[1])) codes = [];
    codes.push(match[0]);
  }
  return codes.slice(-64).join("");
}

defineCommand("console_write", ({ chunks }) => {
  const screen = screenOf(consoleOf());
  if (!screen || !Array.isArray(chunks)) return;
  const written = [];
  for (const chunk of chunks) {
    if (Array.isArray(chunk) && typeof chunk[1] === "string") {
      const stream = ["out", "err", "in", "in-err", "cmd"].includes(chunk[0]) ? chunk[0] : "out";
      if (chunk[2] === true) screen.endOpenLine(stream);
      screen.write(stream, chunk[1]);
      written.push([stream, chunk[1]]);
    }
  }
  screen.settle();
  tellLines(written);
});

defineCommand("console_image", ({ key, src, alt, width, height }) => {
  const screen = screenOf(consoleOf());
  if (!screen || typeof key !== "string" || !/^data:image\/png;base64,/.test(String(src))) return;
  // A picture redrawn in place (an animation's frame) is no new output below the view.
  if (screen.image(key, src, String(alt ?? ""), Number(width) || 0, Number(height) || 0)) {
    screen.settle();
  }
});

defineCommand("console_run", ({ run, command }) => {
  const screen = screenOf(consoleOf());
  if (!screen || !Number.isInteger(run)) return;
  screen.beginRun(run, String(command ?? ""));
  screen.settle();
});

// ---- the input line's keys --------------------------------------------------------------

const MAX_HISTORY = 500;
const history = []; // lines entered (never passwords), oldest first
let typeahead = ""; // for the next text field: typed or pasted before the program asked

function remember(value) {
  for (const line of value.split("\n")) {
    if (line.trim() && line !== history[history.length - 1]) history.push(line);
  }
  if (history.length > MAX_HISTORY) history.splice(0, history.length - MAX_HISTORY);
}

/**
 * A terminal's keys in the input line: Ctrl+D ends input (what is typed goes first), Ctrl+C with
 * nothing selected stops the program (with a selection it copies), Up and Down go through
 * the lines entered before.
 */
function keys(event, field, end) {
  const ctrlOnly = event.ctrlKey && !event.altKey && !event.metaKey && !event.shiftKey;
  const key = event.key.toLowerCase();
  if (ctrlOnly && key === "d") {
    event.preventDefault();
    end.click();
  } else if (ctrlOnly && key === "c" && field.selectionStart === field.selectionEnd) {
    const stop = consoleOf()?.querySelector(".dl-console-status button.danger");
    if (stop) {
      event.preventDefault();
      stop.click();
    }
  } else if ((event.key === "ArrowUp" || event.key === "ArrowDown") && field.type === "text" &&
             !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && history.length) {
    event.preventDefault();
    const at = Number(field.dataset.history ?? history.length);
    const next = Math.max(0, Math.min(history.length, at + (event.key === "ArrowUp" ? -1 : 1)));
    field.dataset.history = String(next);
    field.value = history[next] ?? "";
    field.setSelectionRange(field.value.length, field.value.length);
  }
}

/**
 * Boxes for a question with several answers (questionary's checkbox): the lines of the
 * ticked ones fill `field`, joined with ", ", in the boxes' order; Enter sends them.
 */
function answerBoxes(offered, field, name) {
  const group = element("div", "dl-console-boxes");
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", name);
  const boxes = [];
  for (const [title, line, flags] of offered) {
    const box = document.createElement("input");
    box.type = "checkbox";
    box.checked = Boolean(flags?.checked);
    box.disabled = Boolean(flags?.disabled);
    box.addEventListener("change", () => {
      field.value = boxes.filter(([item]) => item.checked).map(([, text]) => text).join(", ");
    });
    boxes.push([box, line]);
    const item = element("label", "dl-choice");
    if (flags?.description) item.title = String(flags.description);
    item.append(box, " ", String(title ?? line));
    group.append(item);
  }
  return group;
}

defineCommand("console_input", ({
  id, prompt, password, answers, many, value, suggestions,
}) => {
  const host = consoleOf()?.querySelector(".dl-console-input");
  if (!host) return;
  // Between two reads the answered field stays open: what is typed (and entered) there
  // before the next question comes is that question's, as a terminal keeps it for the
  // next read.
  const sent = host.querySelector("input.dl-control[data-sent]");
  if (typeof id !== "string") {
    if (!sent) host.textContent = "";
    return;
  }
  typeahead += sent?.value ?? "";
  const recalled = sent?.dataset.history; // Up and Down go on from the line brought back
  host.textContent = "";
  const form = element("form", "dl-console-line");
  const field = element("input", "dl-control");
  field.type = password ? "password" : "text";
  field.id = uniqueId("dl-console-in");
  field.autocomplete = "off";
  const label = element("label", "dl-label", String(prompt ?? "Input"));
  label.htmlFor = field.id;
  const enter = element("button", "dl-btn primary small", "Enter");
  enter.type = "submit";
  const end = element("button", "dl-btn secondary small", "End input");
  end.type = "button";
  const done = (event) => {
    if (!send(event)) return;
    for (const control of form.querySelectorAll("button, input[type=checkbox]")) {
      control.disabled = true;
    }
    if (password) {
      field.disabled = true;
      return;
    }
    // The field stays open for what the person types before the program asks again.
    field.dataset.sent = "";
    field.value = "";
    delete field.dataset.history;
  };
  const submit = (value) => {
    if (enter.disabled) { // entered before the program asks again: a line for then
      if (field.dataset.sent !== undefined) {
        typeahead += `${value}\n`;
        field.value = "";
      }
      return;
    }
    if (!password) remember(value);
    done({ type: "submit", id, value });
  };
  // Lines pasted before this question came are its answer (and the next ones'), as the
  // lines of a paste are; an unfinished last line waits in the field.
  let linesAhead = null;
  if (password) typeahead = ""; // getpass flushes what was typed ahead, as a terminal does
  else if (typeahead) {
    const cut = typeahead.lastIndexOf("\n");
    if (cut >= 0) linesAhead = typeahead.slice(0, cut);
    field.value = typeahead.slice(cut + 1);
    typeahead = "";
    if (recalled !== undefined && cut < 0) field.dataset.history = recalled;
  }
  // The answer the program starts with (a default, a choice already made), when nothing
  // was typed ahead for this question.
  const prefilled = typeof value === "string" && !field.value && linesAhead === null ? value : null;
  if (prefilled !== null) field.value = prefilled; // not typed: End input does not send it
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit(field.value);
  });
  // What is typed and not entered goes first, as a terminal's Ctrl+D hands over a
  // partial line: End input never drops it.
  end.addEventListener("click", () => done(password || !field.value || field.value === prefilled
    ? { type: "cancel", id } : { type: "cancel", id, value: field.value }));
  if (!password) {
    // Several lines pasted go to the program as lines, as in a terminal (a text field
    // would join them); an unfinished last one waits in the next field.
    field.addEventListener("paste", (event) => {
      const pasted = event.clipboardData?.getData("text/plain") ?? "";
      if (!/[\r\n]/.test(pasted)) return;
      event.preventDefault();
      const text = field.value.slice(0, field.selectionStart ?? field.value.length) +
        pasted.replace(/\r\n?/g, "\n") + field.value.slice(field.selectionEnd ?? field.value.length);
      if (enter.disabled) { // the program has not asked again yet: keep it all for then
        typeahead += text;
        field.value = "";
        return;
      }
      const cut = text.lastIndexOf("\n");
      typeahead = text.slice(cut + 1);
      submit(text.slice(0, cut));
    });
  }
  field.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && enter.disabled && !event.isComposing) {
      event.preventDefault(); // a form whose button is disabled is not submitted by Enter
      submit(field.value);
    } else {
      keys(event, field, end);
    }
  });
  form.append(label, field);
  if (Array.isArray(suggestions) && suggestions.length && !password) {
    // Answers offered (a shell's commands, questionary's autocomplete): the browser's own
    // list, shown while the field is empty (on a click, or the Down arrow). Not while the
    // person types: a window's list (Qt's, WebKitGTK's) takes Enter for itself while it
    // shows, and the line typed would not go.
    const list = element("datalist");
    list.id = `${field.id}-list`;
    for (const item of suggestions) list.append(new Option(String(item), String(item)));
    const offer = () => {
      if (field.value) field.removeAttribute("list");
      else field.setAttribute("list", list.id);
    };
    field.addEventListener("input", offer);
    offer();
    form.append(list);
  }
  const offered = (Array.isArray(answers) ? answers : [])
    .filter((answer) => Array.isArray(answer) && typeof answer[1] === "string");
  if (many) {
    form.append(answerBoxes(offered, field, String(prompt ?? "Input")));
  }
  // Ready answers (a yes/no question, a choice): each button sends its line, as if typed.
  for (const [name, line, flags] of many ? [] : offered) {
    const button = element("button", "dl-btn secondary small", String(name ?? line));
    button.type = "button";
    button.disabled = Boolean(flags?.disabled);
    if (flags?.description) button.title = String(flags.description); // what it means
    button.addEventListener("click", () => done({ type: "submit", id, value: line }));
    form.append(button);
  }
  form.append(enter, end);
  host.append(form);
  if (linesAhead !== null) {
    const rest = field.value;
    submit(linesAhead);
    field.value = rest; // for the question after (this field is now the one typed ahead in)
  }
  requestAnimationFrame(() => field.isConnected && field.focus({ preventScroll: true }));
});

defineCommand("console_status", ({ state, stop, again, text, code, action, note }) => {
  const bar = consoleOf()?.querySelector(".dl-console-status");
  if (!bar) return;
  bar.textContent = "";
  const click = (id) => () => send({ type: "click", id, value: 0 });
  if (state === "running" && typeof stop === "string") {
    const button = element("button", "dl-btn danger small", "Stop");
    button.type = "button";
    button.addEventListener("click", click(stop));
    bar.append(element("span", "dl-console-state", typeof note === "string" ? note : "Running…"));
    if (typeof note === "string") announceLines(1, [note]);
    if (Array.isArray(action) && typeof action[1] === "string") {
      const act = element("button", "dl-btn primary small", String(action[0]));
      act.type = "button";
      act.addEventListener("click", click(action[1]));
      bar.append(act);
    }
    bar.append(button);
  } else if (state === "ended") {
    const input = consoleOf()?.querySelector(".dl-console-input");
    if (input) input.textContent = ""; // nothing reads any more
    bar.append(element("span", "dl-console-state", String(text ?? "")));
    if (code === 0) announceLines(1, [String(text ?? "")]);
    else announceUrgently(String(text ?? ""));
    if (typeof again === "string") {
      const button = element("button", "dl-btn primary small", "Run again");
      button.type = "button";
      button.addEventListener("click", (event) => {
        event.currentTarget.disabled = true;
        click(again)();
      });
      bar.append(button);
    }
  }
  keepFocusIn(bar);
});

/** What had focus went away (Run's form, End input's field, a finished run's question):
 *  give it to the status bar's button (Stop, Run again) once this frame's commands are
 *  drawn, unless something else took it (the program's next question). */
function keepFocusIn(bar) {
  requestAnimationFrame(() => {
    const now = document.activeElement;
    // The main area holds focus only for want of a better place (render.js put it there
    // when the form that had it went): it counts as lost.
    if (now && now !== document.body && now.isConnected && !now.matches(".dl-main")) return;
    const target = bar.querySelector("button:not([disabled])") ??
      consoleOf()?.querySelector(".dl-console-screen");
    target?.focus({ preventScroll: true });
  });
}

defineCommand("console_args", ({ id, form, errors }, page) => {
  const host = consoleOf()?.querySelector(".dl-console-args");
  if (host) showArgs(host, id, form, errors, send, page.scrollTo);
});

defineCommand("console_args_fill", ({ id, key, part, value }) => {
  const host = consoleOf()?.querySelector(".dl-console-args");
  if (host) fillArg(host, id, key, part, value);
});
