// One argparse argument or click parameter as a field of console mode's argument form
// (console-args.js).
//
// Kinds (desklaunch/console/argkinds.py): flag → a checkbox; count → a number of times;
// text → a text box; choice → a list; choices → checkboxes; list (nargs * and +, append)
// → rows with Add and Remove; tuple (nargs N) → N boxes; a `password` text field (click's
// `hide_input`) hides what is typed. A field with a chooser has a
// Browse… button that asks the window's file or folder dialog. Every control has a real
// label; the required marker sits beside the label, outside it.

import { asText, element, uniqueId } from "./parts.js";

/** The choice of a list that leaves its option unsaid (not typed on the command line). */
const NOT_GIVEN = "(not given)";

/** A label line: the label (or legend text), then the required marker beside it. */
function labelLine(labelEl, required) {
  const line = element("div", "dl-label-line");
  line.append(labelEl);
  if (required) {
    const marker = element("span", "dl-required", "*");
    marker.title = "Required";
    marker.setAttribute("aria-hidden", "true");
    line.append(" ", marker);
  }
  return line;
}

function helpText(spec) {
  const notes = [];
  if (spec.option) notes.push(asText(spec.option));
  if (spec.kind === "list") notes.push(spec.min ? "one or more" : "any number");
  if (spec.kind === "count") notes.push("times");
  if (spec.stdio === "in") notes.push("- reads the console's input");
  if (spec.stdio === "out") notes.push("- writes to the console");
  const help = asText(spec.help);
  return [help, notes.length ? `(${notes.join("; ")})` : ""].filter(Boolean).join(" ");
}

function browseButton(label, onClick) {
  const browse = element("button", "dl-btn secondary small", "Browse…");
  browse.type = "button";
  browse.setAttribute("aria-label", `Browse for ${label}`);
  browse.addEventListener("click", onClick);
  return browse;
}

function textInput(spec, value) {
  const control = element("input", "dl-control");
  control.type = spec.password ? "password" : "text"; // click's `hide_input`
  control.value = asText(value);
  control.autocomplete = "off";
  if (spec.number) control.inputMode = spec.number === "float" ? "decimal" : "numeric";
  return control;
}

/** A field for `spec`; `ctx.browse(key, part)` asks for a chooser. Returns
 * { el, key, value(), fill(paths, part), focus(), controls() }. */
export function argField(spec, ctx) {
  const kind = asText(spec.kind);
  const label = asText(spec.label);
  if (kind === "flag") return flagField(spec, label);
  if (kind === "list") return rowsField(spec, label, ctx);
  if (kind === "tuple") return tupleField(spec, label, ctx);
  if (kind === "choices") return checkboxesField(spec, label);
  const id = uniqueId("dl-arg");
  const wrap = element("div", `dl-field dl-arg-${kind}`);
  const labelEl = element("label", "dl-label", label);
  labelEl.htmlFor = id;
  let control;
  if (kind === "choice") {
    control = element("select", "dl-control");
    if (!spec.required) { // leaves the option off the command line: said, not blank
      const none = element("option", "", NOT_GIVEN);
      none.value = "";
      control.append(none);
    }
    for (const option of Array.isArray(spec.options) ? spec.options : []) {
      const el = element("option", "", asText(option));
      el.value = asText(option);
      control.append(el);
    }
    control.value = asText(spec.value);
  } else if (kind === "count") {
    control = element("input", "dl-control dl-arg-number");
    control.type = "number";
    control.min = "0";
    control.step = "1";
    control.value = asText(spec.value) || "0";
  } else {
    control = textInput(spec, spec.value);
  }
  control.id = id;
  if (spec.required) control.setAttribute("aria-required", "true");
  wrap.append(labelLine(labelEl, spec.required));
  if (spec.chooser) {
    const row = element("div", "dl-arg-row");
    row.append(control, browseButton(label, () => ctx.browse(spec.key)));
    wrap.append(row);
  } else {
    wrap.append(control);
  }
  return finish(wrap, spec, [control], {
    value: () => control.value,
    fill: (paths) => { control.value = asText(paths[0]); },
  });
}

function finish(wrap, spec, controls, parts) {
  const text = helpText(spec);
  const help = element("p", "dl-help", text);
  help.id = uniqueId("dl-arg-help");
  help.hidden = !text;
  for (const control of controls) control.setAttribute("aria-describedby", help.id);
  wrap.append(help);
  return {
    el: wrap,
    key: asText(spec.key),
    controls: () => controls.filter((c) => c.isConnected),
    focus: () => controls[0]?.focus(),
    ...parts,
  };
}

function flagField(spec, label) {
  const wrap = element("div", "dl-field dl-arg-flag");
  const control = element("input", "dl-check");
  control.type = "checkbox";
  control.id = uniqueId("dl-arg");
  control.checked = spec.value === true;
  const labelEl = element("label", "dl-label", label);
  labelEl.htmlFor = control.id;
  wrap.append(control, labelEl);
  return finish(wrap, spec, [control], { value: () => control.checked, fill: () => {} });
}

function fieldset(spec, label, className) {
  const wrap = element("fieldset", `dl-field dl-arg-group ${className}`);
  const legend = element("legend", "dl-label");
  const title = element("span", "", label);
  title.id = uniqueId("dl-arg-legend");
  legend.append(labelLine(title, spec.required));
  wrap.setAttribute("aria-labelledby", title.id);
  wrap.append(legend);
  return wrap;
}

function checkboxesField(spec, label) {
  const wrap = fieldset(spec, label, "dl-choices");
  const chosen = new Set(Array.isArray(spec.value) ? spec.value.map(asText) : []);
  const boxes = (Array.isArray(spec.options) ? spec.options : []).map((option) => {
    const row = element("label", "dl-choice");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.value = asText(option);
    box.checked = chosen.has(box.value);
    row.append(box, " ", asText(option));
    wrap.append(row);
    return box;
  });
  return finish(wrap, spec, boxes, {
    value: () => boxes.filter((b) => b.checked).map((b) => b.value),
    fill: () => {},
  });
}

function rowsField(spec, label, ctx) {
  const wrap = fieldset(spec, label, "dl-arg-rows");
  const list = element("div", "dl-arg-rowlist");
  const controls = [];
  const renumber = () => controls.forEach((control, i) => {
    control.setAttribute("aria-label", `${label} ${i + 1}`);
    control.dlRemove.setAttribute("aria-label", `Remove ${label} ${i + 1}`);
  });
  const addRow = (value, focus) => {
    const row = element("div", "dl-arg-row");
    const control = textInput(spec, value);
    const remove = element("button", "dl-btn secondary small", "Remove");
    remove.type = "button";
    remove.addEventListener("click", () => {
      controls.splice(controls.indexOf(control), 1);
      row.remove();
      if (!controls.length) addRow("", false);
      renumber();
      controls[0]?.focus();
    });
    control.dlRemove = remove;
    row.append(control, remove);
    list.append(row);
    controls.push(control);
    renumber();
    if (focus) control.focus();
    return control;
  };
  const values = Array.isArray(spec.value) ? spec.value : [];
  for (const value of values) addRow(value, false);
  if (!values.length) addRow("", false);
  const actions = element("div", "dl-arg-row");
  const add = element("button", "dl-btn secondary small", "Add");
  add.type = "button";
  add.setAttribute("aria-label", `Add ${label}`);
  add.addEventListener("click", () => addRow("", true));
  actions.append(add);
  if (spec.chooser) actions.append(browseButton(label, () => ctx.browse(spec.key)));
  wrap.append(list, actions);
  const field = finish(wrap, spec, controls, {
    value: () => controls.map((c) => c.value),
    fill: (paths) => {
      const empty = controls.filter((c) => !c.value);
      for (const path of paths) {
        const target = empty.shift();
        if (target) target.value = asText(path);
        else addRow(asText(path), false);
      }
    },
  });
  field.controls = () => controls.filter((c) => c.isConnected);
  return field;
}

function tupleField(spec, label, ctx) {
  const wrap = fieldset(spec, label, "dl-arg-tuple");
  const parts = Array.isArray(spec.parts) ? spec.parts : [];
  const values = Array.isArray(spec.value) ? spec.value : [];
  const choosers = Array.isArray(spec.part_choosers) ? spec.part_choosers : [];
  const controls = parts.map((part, index) => {
    const box = element("div", "dl-arg-part");
    const control = textInput(spec, values[index]);
    control.id = uniqueId("dl-arg");
    const partLabel = element("label", "dl-arg-part-label", asText(part));
    partLabel.htmlFor = control.id;
    const row = element("div", "dl-arg-row");
    row.append(control);
    if (choosers[index]) row.append(browseButton(asText(part), () => ctx.browse(spec.key, index)));
    box.append(partLabel, row);
    wrap.append(box);
    return control;
  });
  return finish(wrap, spec, controls, {
    value: () => controls.map((c) => c.value),
    fill: (paths, part) => {
      const target = controls[Number.isInteger(part) ? part : 0];
      if (target) target.value = asText(paths[0]);
    },
  });
}
