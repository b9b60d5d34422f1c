// Pin widgets: form fields shown among the outputs (`put_input`, `put_select`, ...), whose
// every change is reported as a `pin_change` event; the server keeps the values and sends
// `pin_value` (a value to show) and `pin_update` (a new label, help text, ...).
//
// A change is sent at most once per animation frame per widget (dragging a slider or
// typing fast sends the newest value, not every step), and only when the value differs
// from the last one sent or shown: a field's "change" as it is left, after its "input"
// events have sent the text, calls no `pin_on_change` callback a second time.

import { asText, buildField, element, nameUnlabelled } from "./fields.js";
import { describe, uniqueId } from "./parts.js";
import { defineCommand } from "./render.js";
import { defineWidget } from "./widgets.js";

let sendEvent = () => false;
const pins = new Map(); // widget id → { field, el, sent, scheduled, last }
const waiting = new Set(); // reports scheduled for the next frame

/** Send whatever changed and is still waiting for its frame, now. */
function flush() {
  for (const report of [...waiting]) report();
}

/**
 * Send pin changes through `send` (the client's event queue). Any click or key press
 * first sends the changes still waiting for their frame, so a button pressed right after
 * typing reaches the script after the text does.
 */
export function connectPins(send) {
  sendEvent = send;
  for (const type of ["pointerdown", "click", "keydown", "submit"]) {
    document.addEventListener(type, flush, { capture: true });
  }
}

function helpFor(wrap, field, text) {
  let help = wrap.querySelector(":scope > .dl-help");
  if (!text) {
    help?.remove();
    describeField(wrap, field);
    return;
  }
  if (!help) {
    help = element("p", "dl-help");
    help.id = `${field.control.id || uniqueId("dl-pin")}-help`;
    wrap.append(help);
  }
  help.textContent = asText(text);
  describeField(wrap, field);
}

/** Tie the field to what is said under it, its help and its verdict, for screen readers. */
function describeField(wrap, field) {
  describe(field.control, Array.from(
    wrap.querySelectorAll(":scope > .dl-help, :scope > .dl-verdict"), (said) => said.id));
}

defineWidget("pin", (widget) => {
  const id = asText(widget.id);
  const spec = widget.field && typeof widget.field === "object" ? widget.field : {};
  let entry = null;
  const field = buildField(spec, uniqueId("dl-pin"), {
    send: (event) => sendEvent(event),
    // A button of `put_actions` was pressed: its index is the value, sent now (every
    // press counts, the same button again too).
    submit() {
      if (entry?.el.isConnected && sendEvent({ type: "pin_change", id, value: entry.field.value() })) {
        entry.sent = true;
      }
    },
    reset() {},
    cancel() {},
    // A file field's uploads are named by the widget's id; their problems show under it.
    formId: id,
    showError: (_name, message) => verdictFor(entry?.field.wrap, entry?.field, {
      valid_status: false, invalid_feedback: message,
    }),
    clearError: () => entry && verdictFor(entry.field.wrap, entry.field, {}),
  });
  const el = element("div", "dl-pin");
  el.append(field.wrap);
  helpFor(field.wrap, field, spec.help_text);
  entry = { field, el, sent: false, scheduled: false, last: JSON.stringify(field.value()) };
  const report = () => {
    if (!entry.scheduled) return;
    entry.scheduled = false;
    waiting.delete(report);
    const value = field.value();
    const last = JSON.stringify(value);
    if (last === entry.last || !el.isConnected) return;
    if (sendEvent({ type: "pin_change", id, value })) {
      entry.sent = true;
      entry.last = last;
    }
  };
  const changed = (event) => {
    if (entry.scheduled || event.isComposing) return; // an input method's draft: its word counts
    entry.scheduled = true;
    waiting.add(report);
    requestAnimationFrame(report);
  };
  if (spec.type === "file") {
    // The files count once they have arrived; a removed one counts at once.
    const whenSent = () => field.pending().then(() => {
      entry.scheduled = true;
      report();
    });
    el.addEventListener("change", whenSent);
    el.addEventListener("drop", () => setTimeout(whenSent));
    el.addEventListener("click", (event) => {
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(".dl-file-list button")) setTimeout(whenSent);
    }, true); // before the button takes its file (and itself) off the list
  } else {
    el.addEventListener("input", changed);
    el.addEventListener("change", changed);
    el.addEventListener("compositionend", changed);
  }
  pins.set(id, entry);
  if (pins.size > 2000) for (const [key, old] of pins) if (!old.el.isConnected) pins.delete(key);
  return el;
});

/** Show `raw` (text, an index, or a list of indexes) in a pin widget's control. */
function setValue(field, raw) {
  const type = field.spec?.type;
  if (type === "actions" || type === "file") return; // buttons and files show no value
  const wanted = (index) => (Array.isArray(raw) ? raw.includes(index) : raw === index);
  if (type === "select") {
    Array.from(field.control.options).forEach((option, index) => (option.selected = wanted(index)));
  } else if (type === "checkbox" || type === "radio") {
    field.wrap.querySelectorAll("input").forEach((box, index) => (box.checked = wanted(index)));
  } else if (type === "slider") {
    field.control.value = asText(raw);
    field.reset(); // the number shown beside the track follows
  } else if (field.control.value !== asText(raw)) {
    field.control.value = asText(raw);
  }
}

function live(id) {
  const entry = pins.get(asText(id));
  return entry && entry.el.isConnected ? entry : null;
}

defineCommand("pin_value", ({ id, value, echo }) => {
  const entry = live(id);
  // An echo of this page's own change is already shown, or was typed over since.
  if (!entry || (echo && entry.sent)) return;
  setValue(entry.field, value);
  entry.last = JSON.stringify(entry.field.value());
});

/** PyWebIO's verdict under a pin field: valid (green text), invalid (an error), or none. */
function verdictFor(wrap, field, changes) {
  if (!wrap || !field) return;
  wrap.querySelector(":scope > .dl-verdict")?.remove();
  field.control.removeAttribute("aria-invalid");
  describeField(wrap, field);
  const status = changes.valid_status;
  if (status !== true && status !== false) return;
  const text = asText(status ? changes.valid_feedback : changes.invalid_feedback);
  if (!status) field.control.setAttribute("aria-invalid", "true");
  if (!text) return;
  const verdict = element("p", `dl-verdict ${status ? "dl-valid" : "dl-error"}`, text);
  verdict.id = `${field.control.id || uniqueId("dl-pin")}-verdict`;
  if (!status) verdict.setAttribute("role", "alert");
  wrap.append(verdict);
  describeField(wrap, field);
}

defineCommand("pin_update", ({ id, changes }) => {
  const entry = live(id);
  if (!entry || !changes || typeof changes !== "object") return;
  const { field } = entry;
  if ("label" in changes && field.labelEl) {
    field.labelEl.textContent = asText(changes.label);
    if (field.labelEl.tagName !== "P") nameUnlabelled(field, changes.label);
  }
  if (Array.isArray(changes.options)) field.update({ options: changes.options });
  if ("help_text" in changes) helpFor(field.wrap, field, changes.help_text);
  if ("placeholder" in changes && "placeholder" in field.control) {
    field.control.placeholder = asText(changes.placeholder);
  }
  if ("readonly" in changes && "readOnly" in field.control) {
    field.control.readOnly = Boolean(changes.readonly);
  }
  if ("valid_status" in changes) verdictFor(field.wrap, field, changes);
});
