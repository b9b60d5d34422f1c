// Console mode (desklaunch/console): the console widget and its commands. The screen
// (console-screen.js) draws a program's output as a terminal would, with its colours
// (console-colours.js) and links (console-lines.js); the input line (console-input.js) asks
// what the program reads; the status bar has Stop and Run again; the arguments' form is
// console-args.js. Script text only ever reaches the page as textContent. Each run
// (`console_run`) starts below a separator with its command line, scrolled into view. Long
// lines scroll sideways unless "Wrap long lines" is ticked. Tracebacks are marked as such
// (red), the rest of stderr is calmer.
//
// The screen is a log region (role="log") that does not speak for itself: finished lines
// are told to screen readers in batches through announce.js (a burst of thousands of
// lines is one announcement); what the person typed is not repeated to them; a run that
// ends with an error is told assertively.

import { announceLines, announceUrgently } from "./announce.js";
import { element } from "./parts.js";
import { defineCommand } from "./render.js";
import { defineWidget } from "./widgets.js";
import { showArgs, fillArg } from "./console-args.js";
import { ESCAPES, SGR, applySgr, styles } from "./console-colours.js";
import { askLine, completeLine, forgetTypedAhead } from "./console-input.js";
import { MAX_LINES, Screen } from "./console-screen.js";

let send = () => false;

/** How the console sends events (set once by main.js). */
export function setConsoleSender(fn) {
  send = fn;
}

const consoleOf = () => document.querySelector(".dl-console");

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

defineCommand("console_input", (message) => {
  const host = consoleOf()?.querySelector(".dl-console-input");
  if (host) askLine(host, message, send);
});

defineCommand("console_complete", (message) => {
  const host = consoleOf()?.querySelector(".dl-console-input");
  if (host) completeLine(host, message);
});

defineCommand("console_status", ({ state, stop, again, text, code, action, note }) => {
  const bar = consoleOf()?.querySelector(".dl-console-status");
  if (!bar) return;
  bar.textContent = "";
  const click = (id) => () => send({ type: "click", id, value: 0 });
  if (state === "running" && typeof stop === "string") {
    const button = element("button", "dl-btn danger small", "Stop");
    button.type = "button";
    button.addEventListener("click", () => {
      forgetTypedAhead(consoleOf()?.querySelector(".dl-console-input"));
      click(stop)();
    });
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
    forgetTypedAhead(input);
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
 *  drawn, unless something else took it (the program's next question); keys still coming
 *  from before do not press it. */
function keepFocusIn(bar) {
  requestAnimationFrame(() => {
    const now = document.activeElement;
    // The main area holds focus only for want of a better place (render.js put it there
    // when the form that had it went): it counts as lost.
    if (now && now !== document.body && now.isConnected && !now.matches(".dl-main")) return;
    const target = bar.querySelector("button:not([disabled])") ??
      consoleOf()?.querySelector(".dl-console-screen");
    target?.focus({ preventScroll: true });
    if (target?.matches("button")) keysMeantForBefore(target);
  });
}

const STRAY_KEYS_MS = 1000;

/** A button given the focus as the person may still be typing (the run ended, or started,
 *  under their keys): Enter and Space press it only once their keys have paused, so a
 *  line's second Enter never runs the program again or stops it, as in a terminal, where
 *  the shell takes it for an empty line. */
function keysMeantForBefore(button) {
  let pausedAt = performance.now() + STRAY_KEYS_MS;
  button.addEventListener("keydown", (event) => {
    const now = performance.now();
    if (now >= pausedAt) return;
    pausedAt = now + STRAY_KEYS_MS;
    if (event.key === "Enter" || event.key === " ") event.preventDefault();
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
