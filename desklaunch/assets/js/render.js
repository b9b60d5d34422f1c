// Applies server commands to the page (see "Commands" in docs/protocol.md).
//
// Bursts are the common case (a loop of print()s), so consecutive appends to the same
// scope are collected in a DocumentFragment and inserted with one DOM operation; layout is
// read once per batch (was the view at the bottom?) and scrolling waits for the next frame.

import { announceLines } from "./announce.js";
import { Forms } from "./forms.js";
import { buildWidget, forgetOutputs, handleButtonClicks, pruneOutputs } from "./widgets.js";

const ROOT = "ROOT";
const NEAR_BOTTOM_PX = 48;
// Outputs that are not worth reading out when they appear: controls (read when reached)
// and alerts (which announce themselves).
const NOT_TOLD = ".dl-buttons, .dl-pin, [role='alert']";
const REDRAWN_WITHIN_MS = 2000; // a scope redrawn again within this is "ticking"
const TYPED_IN = "input:not([type='button'], [type='checkbox'], [type='radio']), textarea, select";

/** Insert `node` into `parent` at protocol position (-1 append, 0 prepend, n, -n). */
function insertAt(parent, node, position) {
  const children = parent.children;
  const count = children.length;
  let index = position < 0 ? count + position + 1 : position;
  if (index < 0) index = 0;
  parent.insertBefore(node, index >= count ? null : children[index]);
}

const commandHandlers = new Map();
let followOutput = true;

/** Whether new output scrolls the page down to it while the view is at the bottom
 * (`set_env(auto_scroll_bottom=)`; PyWebIO's apps start with it off, as in PyWebIO). */
export function setFollowOutput(on) {
  followOutput = Boolean(on);
}

/**
 * Teach the renderer a command. `handle(command, page)` runs in order with the others,
 * after earlier outputs are in the document; `page.scope(name)` finds a scope's element,
 * `page.scrollTo(el, block)` scrolls it into view once the batch is drawn.
 */
export function defineCommand(name, handle) {
  commandHandlers.set(name, handle);
}

function isAppend(position) {
  return position === undefined || position === null || position === -1;
}

export class Renderer {
  #output;
  #notices;
  #forms;
  #scopes = new Map();
  #pending = null; // { name, parent, fragment }: appends not yet in the document
  #focusForm = null;
  #stickScheduled = false;
  #scrollTarget = null; // { el, block }: a scroll_to to do in the next frame
  #ended = false;
  #added = []; // outputs drawn by the current batch, to tell screen readers about
  #cleared = new Set(); // scopes the current batch cleared (redrawn in place)
  #redraws = new WeakMap(); // scope → { at, streak, settle }: how often it was redrawn lately
  #hadFocus = null; // what had focus as this batch began
  #focusPlace = null; // where it was, once a command of this batch took it away

  constructor({ output, input, notices, send }) {
    this.#output = output;
    this.#notices = notices;
    this.#forms = new Forms(input, send);
    this.#scopes.set(ROOT, output);
    handleButtonClicks(output, send);
  }

  /** Clear everything shown (before a reset answer's replay). */
  reset() {
    this.#pending = null;
    this.#focusForm = null;
    this.#output.textContent = "";
    forgetOutputs();
    this.#scopes.clear();
    this.#scopes.set(ROOT, this.#output);
    this.#forms.clear();
    this.#notices.clearState();
    this.#ended = false;
  }

  /**
   * Render `commands` in order, stopping early once the clock passes `until` (after at
   * least one); returns how many were drawn. New outputs are announced politely (in
   * batches: see announce.js), except in a `replay` (a reload shows again what was there).
   */
  apply(commands, { replay = false, until = Infinity } = {}) {
    const atBottom = this.#stickScheduled || this.#atBottom();
    const hadFocus = document.activeElement;
    this.#hadFocus = hadFocus;
    this.#focusPlace = null;
    this.#added = [];
    this.#cleared.clear();
    let drawn = 0;
    for (const command of commands) {
      if (drawn && performance.now() > until) break;
      drawn += 1;
      try {
        this.#apply(command);
      } catch (err) {
        console.error("desklaunch: could not render command", command?.cmd, err);
      }
    }
    this.#flush();
    pruneOutputs();
    const wasAtBottom = atBottom && followOutput; // a setting in this batch counts already
    if (this.#ended) this.disableAll();
    const form = this.#focusForm;
    this.#focusForm = null;
    if (form?.el.isConnected) form.focus({ preventScroll: wasAtBottom });
    else if (hadFocus instanceof HTMLElement && hadFocus !== document.body &&
             !hadFocus.isConnected && !document.querySelector("dialog[open]") &&
             (document.activeElement === document.body || !document.activeElement)) {
      // What had focus went away (a redrawn scope, an answered form) and nothing took it
      // (a closed popup gives it back to its opener): the control now in its place (a
      // task's "Reopen" where its "Done" was), else the top of the main area, so Tab goes
      // on from there rather than from nowhere.
      const next = controlAt(this.#focusPlace ?? []) ?? document.querySelector(".dl-main");
      next?.focus({ preventScroll: next.classList.contains("dl-main") });
    }
    this.#hadFocus = this.#focusPlace = null;
    if (!replay) this.#tell();
    // The page's own level-1 heading (the app's title) steps aside once the script shows one.
    const title = document.getElementById("dl-title");
    if (title) title.hidden = this.#output.querySelector("h1") !== null;
    if (this.#scrollTarget) this.#scrollToTarget();
    else if (wasAtBottom) this.#stickToBottom();
    return drawn;
  }

  #tell() {
    const added = this.#added.filter((node) => node.isConnected && !node.matches(NOT_TOLD));
    this.#added = [];
    // An output put inside another new one is told once, as part of it.
    const ticking = this.#ticking();
    const within = new Set(added); // a batch of 10,000 lines: ancestors looked up, not pairs
    const told = added.filter((node) => !hasAncestorIn(node, within) &&
      !ticking.some((scope) => scope.contains(node)));
    announceLines(told.length, told.slice(-3).map(spokenText));
  }

  /** The scopes this batch redrew that are redrawn over and over (a clock, a live figure
   *  redrawn every second): told the first two times, then not while they keep coming
   *  faster than a person could listen (WCAG 2.2.2); once they stop, what they settled on
   *  is told (the answer to the last key typed, the count after the last click). */
  #ticking() {
    const now = performance.now();
    const ticking = [];
    for (const scope of this.#cleared) {
      const last = this.#redraws.get(scope);
      const streak = last && now - last.at < REDRAWN_WITHIN_MS ? last.streak + 1 : 1;
      clearTimeout(last?.settle);
      const record = { at: now, streak, settle: 0 };
      this.#redraws.set(scope, record);
      if (streak > 2) {
        ticking.push(scope);
        record.settle = setTimeout(() => {
          if (scope.isConnected && !this.#ended) announceLines(1, [spokenText(scope)]);
        }, REDRAWN_WITHIN_MS);
      }
    }
    this.#cleared.clear();
    return ticking;
  }

  /** `el` is about to go or be emptied: if it holds what had focus as the batch began,
   *  note where that was (only then, so a batch that leaves it alone pays nothing). */
  #noteFocusIn(el) {
    const focused = this.#hadFocus;
    if (!this.#focusPlace && focused !== el && el.contains(focused)) {
      this.#focusPlace = placeOf(focused, this.#output);
    }
  }

  #atBottom() {
    const scroller = document.scrollingElement;
    return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= NEAR_BOTTOM_PX;
  }

  /**
   * Scroll to the bottom in the next frame rather than now: reading the new height here
   * would force a layout the frame is about to do anyway, and answers arriving before
   * that frame share the one scroll (they count as "at the bottom" meanwhile).
   */
  #stickToBottom() {
    if (this.#stickScheduled) return;
    this.#stickScheduled = true;
    requestAnimationFrame(() => {
      this.#stickScheduled = false;
      if (this.#scrollTarget) return; // a scroll_to asked for another place
      const focused = document.activeElement;
      const typing = focused instanceof HTMLElement && focused.matches(TYPED_IN) &&
        this.#output.contains(focused) && !focused.closest(".dl-form");
      const scroller = document.scrollingElement;
      if (typing) {
        // The person types in a field among the outputs (a filter above a live log): the
        // page follows the output only as far as the field stays in view (WCAG 2.4.11).
        const top = focused.getBoundingClientRect().top;
        scroller.scrollTop += Math.max(0, top - 8);
        return;
      }
      scroller.scrollTop = scroller.scrollHeight;
      // A form taller than the window: keep its focused field in view.
      if (focused instanceof HTMLElement && focused.closest(".dl-form")) {
        focused.scrollIntoView({ block: "nearest" });
      }
    });
  }

  /** Bring the element a `scroll_to` named into view, after this frame's layout. */
  #scrollToTarget() {
    requestAnimationFrame(() => {
      const target = this.#scrollTarget;
      this.#scrollTarget = null;
      if (target?.el.isConnected) target.el.scrollIntoView({ block: target.block });
    });
  }

  /** Make every control inert (the app ended, or this window lost the session). */
  disableAll() {
    this.#flush();
    for (const button of this.#output.querySelectorAll("button")) button.disabled = true;
    this.#forms.disableAll();
  }

  #apply(command) {
    switch (command.cmd) {
      case "output":
        return this.#outputWidget(command);
      case "clear": {
        this.#flush();
        const el = this.#scope(command.scope, false);
        if (!el) return;
        this.#noteFocusIn(el);
        el.textContent = "";
        this.#cleared.add(el);
        return;
      }
      case "remove": {
        this.#flush();
        const el = this.#scope(command.scope, false);
        if (el && el !== this.#output) {
          this.#noteFocusIn(el);
          el.remove();
        }
        this.#scopes.delete(String(command.scope));
        return;
      }
      case "input":
        this.#focusForm = this.#forms.add(command.form);
        return;
      case "input_error":
        return this.#forms.error(command.id, command.field, command.message, command.errors,
          command.only);
      case "field_update":
        return this.#forms.update(command.id, command.field, command.changes);
      case "input_done": {
        const back = this.#forms.done(command.id);
        if (back && !this.#focusForm) this.#focusForm = back; // where the person was asked
        return;
      }
      case "toast":
        return this.#notices.toast(command);
      case "env":
        if (typeof command.title === "string") {
          document.title = command.title;
          // The page's one level-1 heading (visually hidden): screen readers start there.
          const heading = document.getElementById("dl-title");
          if (heading) heading.textContent = command.title;
        }
        return commandHandlers.get("env")?.(command);
      case "state":
        this.#notices.state(command);
        if (command.state === "closed") this.#ended = true;
        return;
      default: {
        const handle = commandHandlers.get(command.cmd);
        if (!handle) return console.error("desklaunch: unknown command", command.cmd);
        this.#flush();
        return handle(command, {
          scope: (name) => this.#scope(name, false),
          scrollTo: (el, block) => (this.#scrollTarget = { el, block }),
          registerScope: (name, el) => this.#register(name, el),
        });
      }
    }
  }

  #outputWidget({ scope, position, widget }) {
    const name = typeof scope === "string" ? scope : ROOT;
    const node = buildWidget(widget, (scopeName, el) => this.#register(scopeName, el));
    if (!node) return;
    this.#added.push(node);
    if (!isAppend(position)) {
      this.#flush();
      insertAt(this.#scope(name, true), node, Number(position) || 0);
      return;
    }
    if (this.#pending?.name !== name) {
      this.#flush();
      this.#pending = { name, parent: this.#scope(name, true), fragment: new DocumentFragment() };
    }
    this.#pending.fragment.append(node);
  }

  #flush() {
    if (!this.#pending) return;
    this.#pending.parent.append(this.#pending.fragment);
    this.#pending = null;
  }

  /** Make `el` scope `name`; false, and nothing changed, when another output shown is that
   *  scope already (PyWebIO's duplicated name: later outputs go to the first one). */
  #register(name, el) {
    const key = String(name);
    const known = this.#scopes.get(key);
    // Shown, or about to be: still in this batch's fragment, not yet in the page.
    const coming = known && !known.isConnected && this.#pending?.fragment.contains(known);
    const shown = coming ? known : this.#scope(key, false);
    if (shown && shown !== el && el.dataset.oid && shown.dataset.oid !== el.dataset.oid) {
      return false;
    }
    this.#scopes.set(key, el);
    return true;
  }

  /** The element of scope `name`; ROOT for an unknown name when `fallback`, else null. */
  #scope(name, fallback) {
    const key = String(name);
    let el = this.#scopes.get(key);
    if (!el || !el.isConnected) {
      // A newer scope of that name may have been removed, or a cleared parent took it.
      el = this.#output.querySelector(`[data-scope="${CSS.escape(key)}"]`);
      if (key === ROOT) el = this.#output;
      if (el) this.#scopes.set(key, el);
      else this.#scopes.delete(key);
    }
    return el ?? (fallback ? this.#output : null);
  }
}

const CONTROLS = "button:not([disabled]), input:not([disabled]), select:not([disabled]), " +
  "textarea:not([disabled]), a[href], summary, [tabindex]:not([tabindex='-1'])";

/** Where `el` is in the output: each of its ancestors there, with its place among that
 *  ancestor's controls, nearest first (so a control redrawn in place can be found). The
 *  output itself is not one: a page drawn anew from the top starts at the top. */
function placeOf(el, output) {
  const place = [];
  if (!(el instanceof HTMLElement) || !output.contains(el) || el === output) return place;
  for (let up = el.parentElement; up && up !== output; up = up.parentElement) {
    place.push({ container: up, index: [...up.querySelectorAll(CONTROLS)].indexOf(el) });
  }
  return place;
}

/** The control at `place` now: in the nearest of its containers still on the page, the
 *  one at the same index (or the last). */
function controlAt(place) {
  for (const { container, index } of place) {
    if (!container.isConnected) continue;
    const controls = [...container.querySelectorAll(CONTROLS)].filter((c) => c.getClientRects().length);
    return controls.length && index >= 0 ? controls[Math.min(index, controls.length - 1)] : null;
  }
  return null;
}

/** Whether one of `node`'s ancestors is in `nodes`. */
function hasAncestorIn(node, nodes) {
  for (let up = node.parentElement; up; up = up.parentElement) if (nodes.has(up)) return true;
  return false;
}

const BLOCKS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BR", "CAPTION", "DD", "DETAILS", "DIV", "DL",
  "DT", "FIELDSET", "FIGCAPTION", "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5",
  "H6", "HEADER", "HR", "LEGEND", "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION", "SUMMARY",
  "TABLE", "TBODY", "TD", "TFOOT", "TH", "THEAD", "TR", "UL", "BUTTON",
]);
const UNSPOKEN = new Set(["SCRIPT", "STYLE", "TEMPLATE"]);

/** What a screen reader hears of a new output, as it is now: its text with words apart
 *  where blocks and table cells meet, hidden parts (other tabs' panels, `aria-hidden`)
 *  left out. Read from the DOM alone: a layout here would be forced mid-frame. */
function spokenText(node) {
  const parts = [];
  const walk = (el) => {
    for (const child of el.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        parts.push(child.data);
      } else if (child instanceof Element && !UNSPOKEN.has(child.tagName) &&
                 !child.hasAttribute("hidden") && child.getAttribute("aria-hidden") !== "true") {
        const block = BLOCKS.has(child.tagName);
        if (block) parts.push(" ");
        walk(child);
        if (block) parts.push(" ");
      }
    }
  };
  walk(node);
  return parts.join("");
}
