// Everything the page says about itself rather than the script's output: the connection
// banner, toasts, and the end-of-script state line.
//
// Each lives in a live region, so screen readers hear it: the banner and toasts politely,
// a problem the page cannot get out of, an error toast and the script's crash assertively.

import { announceLines, announceUrgently } from "./announce.js";

const TOAST_COLORS = new Set(["info", "success", "warn", "error"]);
const UNREACHABLE = "Can't reach the app \u2014 retrying\u2026";

const asText = (value) => (value === null || value === undefined ? "" : String(value));

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function actionButton({ label, run }) {
  const button = element("button", "dl-btn primary", label);
  button.type = "button";
  button.addEventListener("click", run, { once: true });
  return button;
}

export class Notices {
  #banner;
  #toasts;
  #state;
  #send;
  #fatal = false;

  /**
   * `toasts` = { polite, urgent }: where toasts go, a polite live region, and beside it a
   * plain box for error toasts, each an alert of its own (heard at once, and only once).
   * `send(event)` reports a toast's click, or its going away unclicked, to the app.
   */
  constructor({ banner, toasts, state, send }) {
    this.#banner = banner;
    this.#toasts = toasts;
    this.#state = state;
    this.#send = send;
  }

  // ---- banner (a live region that is always in the document) --------------------------

  /** Show or hide "Can't reach the app — retrying…". */
  connection(ok) {
    if (this.#fatal) return;
    this.#banner.setAttribute("aria-live", "polite");
    if (ok) this.#banner.textContent = "";
    else if (!this.#banner.firstChild) this.#banner.append(element("div", "dl-banner warn", UNREACHABLE));
  }

  /** A problem the page can't retry its way out of; stays until `clearFatal`. */
  fatal(message, action) {
    this.#fatal = true;
    const box = element("div", "dl-banner error");
    box.append(element("span", "", message));
    if (action) box.append(actionButton(action));
    this.#banner.setAttribute("aria-live", "assertive");
    this.#banner.replaceChildren(box);
  }

  clearFatal() {
    this.#fatal = false;
    this.#banner.textContent = "";
  }

  // ---- toasts --------------------------------------------------------------------------

  toast({ text, duration, color, id, close, position, css_color: cssColor }) {
    const kind = TOAST_COLORS.has(color) ? color : "info";
    const place = position === "left" || position === "right" ? position : "center";
    const toast = element("div", `dl-toast ${kind} ${place}`);
    // PyWebIO's any-CSS-colour toasts: the colour is set through the CSSOM, which the
    // page's policy allows (it refuses style attributes written in markup).
    if (typeof cssColor === "string" && CSS.supports("color", cssColor)) {
      toast.style.setProperty("--toast", cssColor);
    }
    const body = element("span", "dl-toast-text", asText(text));
    toast.append(body);
    const dismiss = element("button", "dl-toast-close", "\u00d7");
    dismiss.type = "button";
    dismiss.setAttribute("aria-label", "Dismiss");
    toast.append(dismiss);
    let timer = 0;
    // Gone either way: its callback ran (`used`), or the app may forget it (`toast_close`).
    const remove = (used) => {
      if (!toast.isConnected) return;
      clearTimeout(timer);
      const hadFocus = toast.contains(document.activeElement);
      toast.remove();
      // Dismissed by keyboard (or timed out while focused): focus stays in the page, at
      // the top of the main area, rather than falling to nowhere.
      if (hadFocus) document.querySelector(".dl-main")?.focus({ preventScroll: true });
      if (used) this.#send({ type: "click", id, value: 0 });
      else if (typeof close === "string" && close) this.#send({ type: "toast_close", id: close });
    };
    if (typeof id === "string" && id) {
      // `toast(onclick=...)`: the text acts as a button.
      toast.dataset.callback = id;
      body.setAttribute("role", "button");
      body.tabIndex = 0;
      body.addEventListener("click", () => remove(true));
      body.addEventListener("keydown", (event) => {
        if (event.key !== "Enter" && event.key !== " ") return;
        event.preventDefault();
        remove(true);
      });
    }
    toast.addEventListener("click", () => remove(false));
    const seconds = Number(duration);
    if (Number.isFinite(seconds) && seconds > 0) {
      // It waits while the person is at it (WCAG 2.2.1): the pointer over it or the focus
      // in it; its time starts again once they leave.
      const hold = () => {
        clearTimeout(timer);
        timer = 0;
      };
      const wait = () => {
        if (toast.matches(":hover") || toast.contains(document.activeElement)) return;
        clearTimeout(timer);
        timer = setTimeout(() => remove(false), seconds * 1000);
      };
      toast.addEventListener("pointerenter", hold);
      toast.addEventListener("focusin", hold);
      toast.addEventListener("pointerleave", wait);
      toast.addEventListener("focusout", () => setTimeout(wait, 0)); // focus has moved on
      wait();
    }
    if (kind === "error") toast.setAttribute("role", "alert");
    (kind === "error" ? this.#toasts.urgent : this.#toasts.polite).append(toast);
  }

  // ---- end-of-script state (replaced, never appended: it is replayed on reset) --------

  /** Render a `state` command. */
  state({ state, code, traceback, log, live }) {
    switch (state) {
      case "finished": {
        if (live === true) {
          // Its buttons still answer: the app has not ended for the person using it.
          this.#state.textContent = "";
          break;
        }
        const note = Number.isInteger(code) && code !== 0 ? ` (exit code ${code})` : "";
        this.#state.replaceChildren(element("p", "dl-state-line", `Finished${note}`));
        // Told as the console tells its exit: after the outputs drawn with it, which the
        // renderer tells once this batch of commands is drawn.
        setTimeout(() => announceLines(1, [`Finished${note}`]), 0);
        break;
      }
      case "error": {
        this.#state.replaceChildren(this.#errorBox(code, traceback, log));
        const lines = asText(traceback).trim().split("\n");
        announceUrgently(`The script stopped with an error: ${lines[lines.length - 1]}`);
        break;
      }
      case "closed":
        this.ended("This app has ended.");
        break;
      default: // "running"
        this.#state.textContent = "";
    }
  }

  #errorBox(code, traceback, log) {
    const box = element("section", "dl-error-box");
    const heading = element("h2", "", "The script stopped with an error");
    heading.id = "dl-error-heading";
    box.setAttribute("aria-labelledby", heading.id);
    box.append(heading);
    if (traceback) {
      const pre = element("pre", "dl-traceback", asText(traceback));
      pre.tabIndex = 0; // scrollable by keyboard
      pre.setAttribute("aria-label", "Traceback");
      box.append(pre);
    } else if (Number.isInteger(code)) {
      box.append(element("p", "", `Exit code ${code}`));
    }
    if (typeof log === "string" && log) {
      box.append(element("p", "dl-log-path", `Details are saved in the log file: ${log}`));
    }
    return box;
  }

  /** "This app has ended." (or another closing message), with an optional action. */
  ended(message, action) {
    const line = element("div", "dl-state-line ended");
    line.append(element("span", "", message));
    if (action) line.append(actionButton(action));
    // Keep an error box above the closing line: the traceback is still worth reading.
    const box = this.#state.querySelector(".dl-error-box");
    this.#state.replaceChildren(...(box ? [box, line] : [line]));
    // The state line is no live region (its error box and "Finished" are told once,
    // by state()), so its closing message is told here.
    announceLines(1, [message]);
  }

  clearState() {
    this.#state.textContent = "";
  }
}
