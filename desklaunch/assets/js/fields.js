// The fields of a form, one builder per field `type` (see "Form" in docs/protocol.md).
//
// Every builder returns a field object the form drives the same way:
//   { spec, wrap, control, focusTarget, value(), update(changes), reset() }
// `control` carries aria-invalid / aria-describedby; `focusTarget` gets focus on an error.
// Choices travel as indexes: the page never sends a Python value back, only positions.

import { fileField } from "./files.js";
import { applyHtmlAttrs } from "./htmlattrs.js";
import { asText, element, labelLine } from "./parts.js";

export { asText, element };

const BUTTON_COLORS = new Set([
  "primary", "secondary", "success", "danger", "warning", "info", "light", "dark",
]);
export const colorOf = (color, fallback) => (BUTTON_COLORS.has(color) ? color : fallback);

const options = (spec) => (Array.isArray(spec.options) ? spec.options : []);

// <input> types the browser draws natively and whose value is the ISO text Python parses.
const NATIVE_TYPES = new Set(["date", "time", "datetime-local", "color"]);
const TEXT_ATTRS = ["maxlength", "minlength", "autocomplete"];

function applyText(control, spec) {
  control.value = asText(spec.value);
  control.defaultValue = control.value;
  if (spec.placeholder) control.placeholder = asText(spec.placeholder);
  control.readOnly = Boolean(spec.readonly);
  const attrs = spec.attrs && typeof spec.attrs === "object" ? spec.attrs : {};
  for (const name of TEXT_ATTRS) {
    if (attrs[name] !== undefined) control.setAttribute(name, asText(attrs[name]));
  }
  if (attrs.spellcheck !== undefined) control.spellcheck = Boolean(attrs.spellcheck);
  if (NATIVE_TYPES.has(spec.type)) {
    if (attrs.min !== undefined) control.min = asText(attrs.min);
    if (attrs.max !== undefined) control.max = asText(attrs.max);
  }
}

function textInput(spec, id, ctx) {
  const input = document.createElement("input");
  // Numbers are text fields with a numeric keyboard, not <input type="number">: that one
  // sends "" for what it can't parse ("1e"), so the server could not explain the problem.
  if (spec.type === "number") input.inputMode = "numeric";
  else if (spec.type === "float") input.inputMode = "decimal";
  input.type = spec.type === "password" || spec.type === "url" || NATIVE_TYPES.has(spec.type)
    ? spec.type : "text";
  if (!input.autocomplete) input.autocomplete = "off";
  applyText(input, spec);
  const nodes = [input];
  if (Array.isArray(spec.datalist) && spec.datalist.length) {
    const list = element("datalist");
    list.id = `${id}-list`;
    for (const item of spec.datalist) list.append(new Option(asText(item), asText(item)));
    input.setAttribute("list", list.id);
    nodes.push(list);
  }
  let body = input;
  if (spec.action && typeof spec.action === "object") {
    // A button beside the field whose callback may fill it (a `field_update` follows).
    body = element("div", "dl-with-action");
    const button = element("button", "dl-btn secondary", asText(spec.action.label));
    button.type = "button";
    button.addEventListener("click", () => ctx.send({ type: "click", id: asText(spec.action.id), value: 0 }));
    body.append(input, button);
  }
  return plain(spec, id, input, [body, ...nodes.slice(1)], {
    value: () => input.value,
    update(changes) {
      if ("value" in changes) input.value = asText(changes.value);
      if ("readonly" in changes) input.readOnly = Boolean(changes.readonly);
    },
  });
}

function textarea(spec, id) {
  const area = element("textarea", spec.code ? "dl-code-input" : "");
  area.rows = Number(spec.rows) || 6;
  if (spec.code) {
    area.spellcheck = false;
    area.setAttribute("autocapitalize", "off");
    if (spec.language) area.dataset.language = asText(spec.language);
  }
  applyText(area, spec);
  return plain(spec, id, area, [area], {
    value: () => area.value,
    update(changes) {
      if ("value" in changes) area.value = asText(changes.value);
      if ("readonly" in changes) area.readOnly = Boolean(changes.readonly);
    },
  });
}

function select(spec, id) {
  const list = document.createElement("select");
  list.multiple = Boolean(spec.multiple);
  const fill = (items) => {
    list.replaceChildren();
    items.forEach((option, index) => {
      const el = new Option(asText(option?.label), String(index));
      el.selected = el.defaultSelected = Boolean(option?.selected);
      el.disabled = Boolean(option?.disabled);
      list.append(el);
    });
    if (list.multiple) list.size = Math.min(Math.max(items.length, 2), 8);
  };
  fill(options(spec));
  return plain(spec, id, list, [list], {
    value() {
      if (list.multiple) return Array.from(list.selectedOptions, (o) => Number(o.value));
      return list.selectedIndex < 0 ? null : Number(list.value);
    },
    update(changes) {
      if (Array.isArray(changes.options)) fill(changes.options);
    },
  });
}

function slider(spec, id) {
  const range = document.createElement("input");
  range.type = "range";
  range.min = asText(spec.min);
  range.max = asText(spec.max);
  range.step = asText(spec.step);
  range.value = range.defaultValue = asText(spec.value);
  const shown = element("output", "dl-slider-value", range.value);
  shown.htmlFor.add(id);
  shown.setAttribute("aria-hidden", "true"); // the range itself announces its value
  const sync = () => (shown.textContent = range.value);
  range.addEventListener("input", sync);
  const body = element("div", "dl-slider");
  body.append(range, shown);
  return plain(spec, id, range, [body], {
    value: () => range.valueAsNumber,
    reset: sync,
    update(changes) {
      if ("value" in changes) range.value = asText(changes.value);
      sync();
    },
  });
}

/** A labelled single control: <label for> + the control, as the text fields are. */
function plain(spec, id, control, nodes, methods) {
  const wrap = element("div", "dl-field");
  const label = element("label", "dl-label", asText(spec.label));
  label.htmlFor = id;
  control.id = id;
  control.name = asText(spec.name);
  control.classList.add("dl-control");
  if (spec.required) control.required = true;
  wrap.append(labelLine(label, spec.required), ...nodes);
  const field = { spec, wrap, control, labelEl: label, focusTarget: control, update() {}, reset() {}, ...methods };
  nameUnlabelled(field, spec.label);
  return field;
}

/**
 * PyWebIO's fields may have no label (`input(placeholder="Task", name="task")`): such a
 * field is named by its placeholder, else its `name=`, so a screen reader has something to
 * say and a test something to find (as the simulated page names it). A label given later
 * (`input_update`) names it again.
 */
export function nameUnlabelled(field, label) {
  const named = field.control;
  if (asText(label)) {
    named.removeAttribute("aria-label");
    if (field.labelEl?.id && named.tagName === "FIELDSET") {
      named.setAttribute("aria-labelledby", field.labelEl.id);
    }
    return;
  }
  // A row of buttons needs no name of its own (each button has one), and its `name=` is
  // the key its answer is sent under ("value", a pin's "action_x3f"), never a person's word.
  if (field.spec.type === "actions") return;
  const name = asText(field.spec.placeholder) || asText(field.spec.name);
  if (!name) return;
  named.removeAttribute("aria-labelledby");
  named.setAttribute("aria-label", name);
}

/** A group of boxes (checkbox) or round buttons (radio): a <fieldset> with a <legend>. */
function choiceGroup(spec, id) {
  const kind = spec.type === "radio" ? "radio" : "checkbox";
  const wrap = element("fieldset", `dl-field dl-choices${spec.inline ? " inline" : ""}`);
  wrap.id = id;
  const legend = element("legend", "dl-label");
  const title = element("span", "", asText(spec.label));
  title.id = `${id}-label`;
  legend.append(labelLine(title, spec.required));
  wrap.setAttribute("aria-labelledby", title.id);
  wrap.append(legend);
  let boxes = [];
  const fill = (items) => {
    for (const box of boxes) box.parentElement.remove();
    boxes = items.map((option, index) => {
      const row = element("label", "dl-choice");
      const box = document.createElement("input");
      box.type = kind;
      box.name = `${id}-${asText(spec.name)}`;
      box.value = String(index);
      box.checked = box.defaultChecked = Boolean(option?.selected);
      box.disabled = Boolean(option?.disabled);
      // Said "required" on each round button; boxes are left alone, where it would mean
      // "must be ticked" rather than "pick at least one" (the form is checked by the app).
      if (kind === "radio" && spec.required) box.required = true;
      row.append(box, " ", asText(option?.label));
      wrap.insertBefore(row, wrap.querySelector(":scope > .dl-help, :scope > .dl-error"));
      return box;
    });
  };
  fill(options(spec));
  const value = () => {
    const picked = boxes.filter((b) => b.checked).map((b) => Number(b.value));
    return kind === "radio" ? (picked.length ? picked[0] : null) : picked;
  };
  const first = () => boxes.find((b) => b.checked && !b.disabled) ?? boxes.find((b) => !b.disabled);
  const field = {
    spec, wrap, control: wrap, labelEl: title, value, reset() {},
    update(changes) {
      if (Array.isArray(changes.options)) fill(changes.options);
    },
    get focusTarget() { return first() ?? wrap; },
  };
  nameUnlabelled(field, spec.label);
  return field;
}

/** `actions`: a row of buttons that submit (with their index), reset or cancel the form. */
function actionRow(spec, id, ctx) {
  const wrap = element("div", "dl-field dl-action-row");
  const row = element("div", "dl-actions");
  row.setAttribute("role", "group");
  row.id = id;
  const label = element("p", "dl-label", asText(spec.label));
  label.id = `${id}-label`;
  label.hidden = !spec.label;
  row.setAttribute("aria-labelledby", label.id);
  wrap.append(label);
  let pressed = null;
  const buttons = (Array.isArray(spec.buttons) ? spec.buttons : []).map((button, index) => {
    const el = element("button", `dl-btn ${colorOf(button?.color, "primary")}`, asText(button?.label));
    el.type = "button";
    el.disabled = Boolean(button?.disabled);
    el.dataset.locked = el.disabled ? "1" : "";
    el.addEventListener("click", () => {
      if (button?.type === "reset") return ctx.reset();
      if (button?.type === "cancel") return ctx.cancel();
      pressed = index;
      ctx.submit();
      pressed = null;
    });
    row.append(el);
    return el;
  });
  wrap.append(row);
  const field = {
    spec, wrap, control: row, labelEl: label, buttons, value: () => pressed, update() {}, reset() {},
    get focusTarget() { return buttons.find((b) => !b.disabled) ?? row; },
  };
  nameUnlabelled(field, spec.label);
  return field;
}

const BUILDERS = {
  textarea,
  select,
  slider,
  checkbox: choiceGroup,
  radio: choiceGroup,
  actions: actionRow,
  file(spec, id, ctx) {
    const field = fileField(spec, id, ctx);
    nameUnlabelled(field, spec.label);
    return field;
  },
};

/** Build the field `spec` with DOM id `id`; `ctx` = { send, submit, reset, cancel }. */
export function buildField(spec, id, ctx) {
  const build = BUILDERS[spec.type] ?? textInput;
  const field = build(spec, id, ctx);
  applyHtmlAttrs(field.control, spec.html);
  return field;
}
