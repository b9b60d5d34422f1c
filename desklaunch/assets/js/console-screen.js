// The console's screen: the lines a program's output makes, as a terminal shows them.
// Text is split into lines here: "\n" ends a line, a lone "\r" makes the next text replace
// the line (progress lines). The cursor moves a terminal's redraws use (up, down, erase the
// line: tqdm's stacked bars, rich's live tables) move between a stream's last MAX_ROWS
// lines, so a redraw replaces them; other escape codes are dropped. The screen keeps the
// last MAX_LINES lines, in blocks the browser lays out only when in view, and stays at the
// bottom while output arrives unless the person scrolled up.

import { element } from "./parts.js";
import {
  BLANK, ESCAPES, SGR, applySgr, cells, cellsOf, plain, printable, sameLook, styledSpan, styles,
  visibleLength,
} from "./console-colours.js";
import { decorate } from "./console-lines.js";

export const MAX_LINES = 10000;
const BLOCK_LINES = 200;
const NEAR_BOTTOM_PX = 24;
const INTENT_MS = 1000; // a scroll this soon after a wheel, key or drag is the person's
const SCROLL_KEYS = new Set(["ArrowUp", "ArrowDown", "PageUp", "PageDown", "Home", "End", " "]);
const TB_START = /^(Traceback \(most recent call last\):|During handling of the above exception|The above exception was the direct cause)/;
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

// Echoed input and command lines continue stdout's line, as in a terminal; input answering
// a prompt written to stderr ("in-err": cleo's, poetry's) continues stderr's.
const keyOf = (stream) => (stream === "err" || stream === "in-err" ? "err" : "out");

export class Screen {
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
   * terminal shows again the screen it had (flit asks curses for the width that way). It
   * starts blank: its cursor moves (rich's `ESC[H` for each frame) reach only its lines. */
  #altScreen(on) {
    if (on) {
      if (this.altFrom !== undefined) return;
      this.altFrom = this.block?.lastElementChild ?? null;
      for (const state of [this.open, this.rows, this.column, this.upDown, this.saved]) state.clear();
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
