// Console mode's argument form (`console_args`): a program's argparse parser as a form.
//
// The form reads like the parser's help: the description, the required arguments first,
// the other arguments, each argument group as a titled section, a mutually exclusive group
// as one choice of round buttons (the chosen one's value below it), subcommands as tabs,
// then Run and the epilog. Fields come from console-fields.js. The page sends what was
// entered by field key, the chosen member of each choice and the path of subcommands; the
// server has argparse check it and answers with argparse's messages by field key.

import { asText, describe, element, uniqueId } from "./parts.js";
import { argField } from "./console-fields.js";
import { tabKeys } from "./tablist.js";

let current = null; // { id, el, fields: Map key → field, choices, formError, run }

function item(spec, ctx) {
  if (spec?.type === "section") return section(spec, ctx);
  if (spec?.type === "choice") return choice(spec, ctx);
  const field = argField(spec ?? {}, ctx);
  ctx.fields.set(field.key, field);
  return field.el;
}

function section(spec, ctx) {
  const box = element("fieldset", "dl-arg-section");
  const legend = element("legend", "dl-arg-section-title", asText(spec.title));
  box.append(legend);
  if (spec.description) box.append(element("p", "dl-help dl-pre", asText(spec.description)));
  for (const each of Array.isArray(spec.items) ? spec.items : []) box.append(item(each, ctx));
  return box;
}

function choice(spec, ctx) {
  const key = asText(spec.key);
  const box = element("fieldset", "dl-field dl-arg-group dl-arg-choice");
  box.setAttribute("role", "radiogroup");
  const legend = element("legend", "dl-label");
  const title = element("span", "", asText(spec.label));
  title.id = uniqueId("dl-arg-legend");
  const line = element("div", "dl-label-line");
  line.append(title);
  if (spec.required) {
    const marker = element("span", "dl-required", "*");
    marker.title = "Required";
    marker.setAttribute("aria-hidden", "true");
    line.append(" ", marker);
  }
  legend.append(line);
  box.setAttribute("aria-labelledby", title.id);
  box.append(legend);
  const name = uniqueId("dl-arg-choice");
  const radios = [];
  const members = [];
  const add = (value, label, help) => {
    const row = element("label", "dl-choice");
    const radio = document.createElement("input");
    radio.type = "radio";
    radio.name = name;
    radio.value = value;
    radio.checked = asText(spec.value) === value;
    row.append(radio, " ", label);
    box.append(row);
    if (help) box.append(element("p", "dl-help dl-arg-choice-help", help));
    radios.push(radio);
    return radio;
  };
  if (!spec.required) add("", "None", "");
  for (const option of Array.isArray(spec.options) ? spec.options : []) {
    const help = [asText(option?.help), option?.option ? `(${asText(option.option)})` : ""]
      .filter(Boolean).join(" ");
    const radio = add(asText(option?.key), asText(option?.label), help);
    if (option?.field) {
      const field = argField({ ...option.field, option: "", help: "" }, ctx);
      field.el.classList.add("dl-arg-member");
      ctx.fields.set(field.key, field);
      box.append(field.el);
      members.push({ radio, field });
    }
  }
  const show = () => {
    for (const { radio, field } of members) field.el.hidden = !radio.checked;
  };
  box.addEventListener("change", show);
  show();
  const entry = {
    el: box,
    key,
    value: () => radios.find((r) => r.checked)?.value ?? "",
    controls: () => radios,
    focus: () => (radios.find((r) => r.checked) ?? radios[0])?.focus(),
  };
  ctx.choices.set(key, entry);
  return box;
}

function level(spec, ctx) {
  const box = element("div", "dl-arg-level");
  if (spec?.description) box.append(element("p", "dl-help dl-pre", asText(spec.description)));
  for (const each of Array.isArray(spec?.items) ? spec.items : []) box.append(item(each, ctx));
  const commands = Array.isArray(spec?.commands) ? spec.commands : [];
  if (!commands.length) return { box, path: () => [] };
  const tabs = element("div", "dl-tabs");
  const list = element("div", "dl-tablist");
  list.setAttribute("role", "tablist");
  list.setAttribute("aria-label", "Command");
  tabs.append(list);
  const entries = commands.map((command) => {
    const tab = element("button", "dl-tab", asText(command?.label ?? command?.name));
    tab.type = "button";
    tab.id = uniqueId("dl-tab");
    tab.setAttribute("role", "tab");
    const panel = element("div", "dl-tabpanel");
    panel.id = uniqueId("dl-tabpanel");
    panel.setAttribute("role", "tabpanel");
    panel.setAttribute("aria-labelledby", tab.id);
    tab.setAttribute("aria-controls", panel.id);
    const inner = level(command?.level, ctx);
    panel.append(inner.box);
    list.append(tab);
    tabs.append(panel);
    return { name: asText(command?.name), tab, panel, inner };
  });
  let chosen = Math.max(0, entries.findIndex((e) => e.name === spec.selected));
  const select = (index) => {
    chosen = index;
    entries.forEach((e, i) => {
      e.tab.setAttribute("aria-selected", String(i === index));
      e.tab.tabIndex = i === index ? 0 : -1;
      e.panel.hidden = i !== index;
    });
  };
  select(chosen);
  list.addEventListener("click", (event) => {
    const index = entries.findIndex((e) => e.tab === event.target.closest?.(".dl-tab"));
    if (index >= 0) select(index);
  });
  tabKeys(list, entries.map((e) => e.tab), select);
  box.append(tabs);
  // The "No command" tab (an optional subcommand) sends "": argparse gets no command.
  return { box, path: () => [entries[chosen].name, ...entries[chosen].inner.path()] };
}

/** Add `add` to, or take `drop` from, what describes `control` (its help comes first). */
function describedBy(control, add, drop) {
  const ids = (control.getAttribute("aria-describedby") ?? "").split(" ")
    .filter((id) => id !== drop && id !== add);
  describe(control, [...ids, add]);
}

function showErrors(errors) {
  for (const entry of [...current.fields.values(), ...current.choices.values()]) {
    const old = entry.el.querySelector(":scope > .dl-error");
    old?.remove();
    for (const control of entry.controls()) {
      control.removeAttribute("aria-invalid");
      if (old) describedBy(control, null, old.id);
    }
  }
  current.formError.hidden = true;
  let first = null;
  for (const [key, message] of Object.entries(errors ?? {})) {
    const entry = current.fields.get(key) ?? current.choices.get(key);
    if (!entry) {
      current.formError.textContent = asText(message);
      current.formError.hidden = false;
      continue;
    }
    const note = element("p", "dl-error", asText(message));
    note.id = uniqueId("dl-arg-error");
    note.setAttribute("role", "alert");
    entry.el.append(note);
    for (const control of entry.controls()) {
      control.setAttribute("aria-invalid", "true");
      describedBy(control, note.id, null);
    }
    first ??= entry;
  }
  current.run.disabled = false;
  if (first) first.focus();
  else if (!current.formError.hidden) {
    // Not one field's (argparse's "the following arguments are required: …"): the
    // message itself takes the focus Run had, so it is read and Tab goes on from it.
    current.formError.tabIndex = -1;
    current.formError.focus({ preventScroll: true });
    current.formError.scrollIntoView({ block: "nearest" });
  }
}

/** Show (or update, or remove) the argument form `id` in `host`; a new form is brought into
 *  view through `scrollTo(el, block)` (the renderer's scroll_to, done after the batch is
 *  drawn and in place of following the output to the bottom, whichever frame comes first). */
export function showArgs(host, id, form, errors, send, scrollTo) {
  if (typeof id !== "string") {
    host.textContent = "";
    current = null;
    return;
  }
  if (current?.id === id && current.el.isConnected) return showErrors(errors);
  host.textContent = "";
  const el = element("form", "dl-form dl-console-form");
  el.setAttribute("aria-label", asText(form?.label) || "Arguments");
  const ctx = {
    id, fields: new Map(), choices: new Map(),
    browse: (key, part) => send({ type: "file_choose", id, value: part === undefined ? key : { key, part } }),
  };
  el.append(element("h2", "dl-console-title", asText(form?.title)));
  if (form?.description) el.append(element("p", "dl-help dl-pre", asText(form.description)));
  const root = level(form?.root, ctx);
  const formError = element("p", "dl-error dl-form-error");
  formError.setAttribute("role", "alert");
  formError.hidden = true;
  const run = element("button", "dl-btn primary", asText(form?.submit_label) || "Run");
  run.type = "submit";
  el.append(root.box, formError, run);
  if (form?.epilog) el.append(element("p", "dl-help dl-pre dl-epilog", asText(form.epilog)));
  current = { id, el, fields: ctx.fields, choices: ctx.choices, formError, run };
  el.addEventListener("submit", (event) => {
    event.preventDefault();
    if (run.disabled) return;
    const values = {};
    for (const [key, entry] of [...ctx.fields, ...ctx.choices]) values[key] = entry.value();
    if (send({ type: "submit", id, value: { values, path: root.path() } })) run.disabled = true;
  });
  // Ctrl+Enter (⌘+Enter) runs from a list field too, where Enter makes a new line.
  el.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    el.requestSubmit(run);
  });
  host.append(el);
  scrollTo(el, "nearest");
  if (errors && Object.keys(errors).length) showErrors(errors);
  else requestAnimationFrame(() => firstShown(el, ctx)?.focus({ preventScroll: true }));
}

/** The first field's control a person can see (the chosen command's, not a hidden tab's),
 *  else the chosen tab, else Run. */
function firstShown(form, ctx) {
  for (const entry of [...ctx.fields.values(), ...ctx.choices.values()]) {
    const control = entry.controls().find((c) => c.getClientRects().length);
    if (control) return control;
  }
  return form.querySelector(".dl-tab[aria-selected='true']") ?? current?.run;
}

/** Put chosen paths into field `key` (box `part` of a tuple) of form `id`. */
export function fillArg(host, id, key, part, value) {
  if (current?.id !== id || !host.contains(current.el)) return;
  const field = current.fields.get(asText(key));
  const paths = Array.isArray(value) ? value : [value];
  if (field) field.fill(paths.map(asText), part);
}
