// Popups (`popup` / `close_popup` commands): a modal <dialog> with a labelled title.
//
// `showModal()` makes the rest of the page inert (focus stays inside), and the element that
// had focus gets it back when the popup closes. Esc closes a closable popup, a click beside
// it closes one with `implicit_close`; either way the page sends `popup_close`.

import { appendChildren, asText, composing, element, uniqueId } from "./parts.js";
import { defineCommand } from "./render.js";
import { handleButtonClicks } from "./widgets.js";

const SIZES = new Set(["small", "normal", "large"]);
let sendEvent = () => false;
let shown = null; // { id, dialog, closable, returnTo }

/** Send the person's closing of a popup, and clicks of buttons inside it, through `send`. */
export function connectPopups(send) {
  sendEvent = send;
}

function close(byPerson) {
  const current = shown;
  if (!current) return;
  shown = null;
  if (current.dialog.open) current.dialog.close();
  current.dialog.remove();
  if (byPerson) sendEvent({ type: "popup_close", id: current.id });
  // Focus goes back where it was. Where nothing had it (a popup the script opened as it
  // started), to the form waiting behind it, if any; where it is gone (the script redrew
  // it), to the main area.
  let back = current.returnTo?.isConnected ? current.returnTo : null;
  if (!back || back === document.body) {
    back = (current.returnTo === document.body &&
      document.querySelector(`#dl-input .dl-form ${WAITING_FIELD}`)) ||
      document.querySelector(".dl-main");
  }
  back?.focus({ preventScroll: true });
}

const WAITING_FIELD = ":is(input, select, textarea, button):not([disabled], [type='hidden'])";
const FOCUSABLE = "button, input, select, textarea, a[href], summary, [tabindex]:not([tabindex='-1'])";

/** What Tab stops at inside `dialog`, in order, as the browser's own Tab does: no control
 *  taken out of the order (tabindex -1, hidden from screen readers), and one round button
 *  per group (the picked one, else the first). */
function tabStops(dialog) {
  return Array.from(dialog.querySelectorAll(FOCUSABLE)).filter((el) => {
    if (el.disabled || el.tabIndex < 0 || el.getClientRects().length === 0) return false;
    if (el.closest("[aria-hidden='true'], [inert]")) return false;
    if (el instanceof HTMLInputElement && el.type === "radio" && el.name) {
      const peers = Array.from(dialog.querySelectorAll("input[type='radio']"))
        .filter((peer) => peer.name === el.name && !peer.disabled);
      const picked = peers.find((peer) => peer.checked);
      return el === (picked ?? peers[0]);
    }
    return true;
  });
}

/** Keep Tab inside the dialog: past the last control it wraps to the first, and back. */
function trapTab(dialog, event) {
  const controls = tabStops(dialog);
  if (!controls.length) {
    event.preventDefault(); // nothing to stop at: focus stays in the dialog
    return;
  }
  const first = controls[0];
  const last = controls[controls.length - 1];
  const here = document.activeElement;
  if (event.shiftKey && (here === first || !dialog.contains(here))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (here === last || !dialog.contains(here))) {
    event.preventDefault();
    first.focus();
  }
}

function open(command, page) {
  close(false);
  const id = asText(command.id);
  const closable = command.closable !== false;
  const size = SIZES.has(command.size) ? command.size : "normal";
  const dialog = element("dialog", `dl-popup ${size}`);
  dialog.setAttribute("aria-modal", "true");
  const body = element("div", "dl-popup-body");
  const header = element("div", "dl-popup-header");
  const title = element("h2", "dl-popup-title", asText(command.title));
  title.id = uniqueId("dl-popup-title");
  dialog.setAttribute("aria-labelledby", title.id);
  header.append(title);
  if (closable) {
    const button = element("button", "dl-popup-close", "\u00d7");
    button.type = "button";
    button.setAttribute("aria-label", "Close");
    button.addEventListener("click", () => close(true));
    header.append(button);
  }
  const content = element("div", "dl-popup-content");
  if (typeof command.inner === "string" && command.inner) {
    content.dataset.scope = command.inner;
    page.registerScope?.(command.inner, content);
  }
  appendChildren(content, command.children, (name, el) => page.registerScope?.(name, el));
  body.append(header, content);
  dialog.append(body);

  // Esc: the browser's own "cancel" closes the dialog unless the popup is not closable.
  dialog.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !composing(event)) {
      event.preventDefault();
      if (closable) close(true);
    } else if (event.key === "Tab") {
      trapTab(dialog, event);
    }
  });
  dialog.addEventListener("cancel", (event) => {
    event.preventDefault();
    if (closable) close(true);
  });
  // A click on the backdrop targets the <dialog> itself; its content fills the box.
  dialog.addEventListener("click", (event) => {
    if (event.target === dialog && command.implicit_close) close(true);
  });
  handleButtonClicks(dialog, (event) => sendEvent(event));

  const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  shown = { id, dialog, closable, returnTo };
  document.body.append(dialog);
  dialog.showModal();
  // Focus the first control inside, or the title area when there is none.
  const first = content.querySelector(FOCUSABLE);
  if (first instanceof HTMLElement) first.focus();
  else if (closable) header.querySelector("button")?.focus();
}

defineCommand("popup", (command, page) => open(command, page));

defineCommand("close_popup", ({ id }) => {
  if (!shown) return;
  if (typeof id === "string" && id && id !== shown.id) return; // an older popup
  close(false);
});
