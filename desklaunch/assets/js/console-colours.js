// The console's text as a terminal draws it: ANSI SGR codes (colours, bold, reverse video…)
// kept per stream and turned into spans with classes, the 256 colours and RGB made legible on
// the screen's background, and the cells of a line (wide characters and block elements set in
// boxes, so that padded columns line up). console-screen.js puts these on its lines.

export const ESCAPES = /\x1b\[([0-?]*)[ -\/]*([@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][A-Z0-9]|\x1b[=>]/g;
export const SGR = /^[0-9;]*$/; // `ESC[…m` with other marks (`ESC[>4;2m`) sets something else
// Control characters a terminal does not print (bell, NUL…): tab, newline, return,
// backspace and escape are handled where they mean something.
const SILENT = /[\x00-\x07\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f]/g;
// A terminal's title and the like (`ESC]0;title BEL`): shown nowhere, and its BEL ends it.
const OSC = /\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g;
// Characters a terminal gives two cells (wcwidth's wide ones: CJK, Hangul, full-width forms,
// emoji). Each is set in a box exactly two cells wide, whatever the width of the font that
// has it, so the columns that rich, tabulate or wcwidth padded line up as in a terminal. An
// emoji is every character shown as one by default (✅ ⚡ 🚀 🪐), or made one by U+FE0F
// (❤️); with its skin tone, and the emoji a zero-width joiner adds to it (👍🏽, 👨‍👩‍👧), it
// is one picture in one box, as wcwidth counts it.
const EMOJI = String.raw`(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F)(?:\p{Emoji_Modifier}|\uFE0F)?(?:\u200D\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F)?)*`;
const WIDE = new RegExp(`${EMOJI}|[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]`, "u");
// The full and half blocks (QR codes, banners, bar charts): a terminal fills their cells
// exactly, where a font's glyphs leave seams between rows and columns. Each run is set in a
// box whose background, in the text's colour, fills the cell or its half.
const BLOCKS = /[\u2580\u2584\u2588]/u;
const BOXED = new RegExp(`(${WIDE.source})|(\u2588+|\u2580+|\u2584+)`, "gu");
const BLOCK_CLASS = { "\u2588": "dl-block dl-block-full", "\u2580": "dl-block dl-block-top",
  "\u2584": "dl-block dl-block-bottom" };

export const styles = new Map(); // stream → { fg, bg, bold, dim, italic, underline }

export function applySgr(style, params) {
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
export function printable(part) {
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
export function plain(style, extra) {
  return !extra && style.fg == null && style.bg == null && !style.bold && !style.dim &&
    !style.italic && !style.underline && !style.strike && !style.inverse && !style.conceal;
}

/** `text` as nodes to append: itself, unless it has wide characters, each then in a box of
 * two cells (one box a character, so a wrapped line may still break between them). */
export function cells(text) {
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

export function styledSpan(style, text, extra) {
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

export const BLANK = [" ", null];

/** The cells `text` takes on a line: its characters, escape codes left out. */
export function visibleLength(text) {
  return [...text.replace(ESCAPES, "")].length;
}

/** A line's characters, each with the span that styles it (null: unstyled). */
export function cellsOf(line) {
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

export function sameLook(a, b) {
  return a === b || (a !== null && b !== null && a.className === b.className &&
    a.style.cssText === b.style.cssText);
}
