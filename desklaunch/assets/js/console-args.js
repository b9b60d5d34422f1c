// Console mode's argument form (`console_args`): the script's argparse parser as fields.
//
// Flags are checkboxes, choices selects, lists (nargs, append) textareas with one value
// per line, subcommands tabs. The page sends what was entered, by field key, and the
// path of chosen subcommands; the server checks it and answers errors by field key.

import { element, uniqueId } from "./parts.js";
import { tabKeys } from "./tablist.js";

const asText = (value) => (value === null || value === undefined ? "" : String(value));
let current = null; // { id, el, fields: Map key → { control, wrap, spec }, root, formError }

function field(spec, ctx) {
  const id = uniqueId("dl-arg");
  const wrap = element("div", `dl-field dl-arg-${asText(spec.kind)}`);
  const label = element("label", "dl-label", asText(spec.label));
  label.htmlFor = id;
  let control;
  if (spec.kind === "flag") {
    control = element("input", "dl-check");
    control.type = "checkbox";
    control.checked = spec.value === true;
    wrap.append(control, label);
  } else {
    if (spec.kind === "choice") {
      control = element("select", "dl-control");
      const options = Array.isArray(spec.options) ? spec.options : [];
      if (!spec.required) control.append(element("option", "", ""));
      for (const option of options) {
        const el = element("option", "", asText(option));
        el.value = asText(option);
        control.append(el);
      }
      control.value = asText(spec.value);
    } else if (spec.kind === "list") {
      control = element("textarea", "dl-control dl-mono");
      control.rows = 3;
      control.value = asText(spec.value);
    } else {
      control = element("input", "dl-control");
      control.type = "text";
      control.value = asText(spec.value);
      if (spec.number || spec.kind === "count") control.inputMode = spec.number === "float" ? "decimal" : "numeric";
    }
    wrap.append(label);
    if (spec.required) {
      // Beside the label, not in it: the field's name stays exactly the argument's.
      const marker = element("span", "dl-required", " *");
      marker.title = "Required";
      marker.setAttribute("aria-hidden", "true");
      wrap.append(marker);
      control.setAttribute("aria-required", "true");
    }
    wrap.append(control);
    if (spec.chooser) {
      const browse = element("button", "dl-btn secondary small", "Browse…");
      browse.type = "button";
      browse.setAttribute("aria-label", `Browse for ${asText(spec.label)}`);
      browse.addEventListener("click", () => ctx.send({ type: "file_choose", id: ctx.id, value: spec.key }));
      wrap.append(browse);
    }
  }
  control.id = id;
  control.name = asText(spec.key);
  const notes = [];
  if (spec.option) notes.push(asText(spec.option));
  if (spec.kind === "list") notes.push("one per line");
  const help = element("p", "dl-help", [asText(spec.help), notes.length ? `(${notes.join(", ")})` : ""].filter(Boolean).join(" "));
  help.id = `${id}-help`;
  control.setAttribute("aria-describedby", help.id);
  wrap.append(help);
  ctx.fields.set(asText(spec.key), { control, wrap, help });
  return wrap;
}

function level(spec, ctx) {
  const box = element("div", "dl-arg-level");
  if (spec?.description) box.append(element("p", "dl-help", asText(spec.description)));
  for (const f of Array.isArray(spec?.fields) ? spec.fields : []) box.append(field(f ?? {}, ctx));
  const commands = Array.isArray(spec?.commands) ? spec.commands : [];
  if (!commands.length) return { box, path: () => [] };
  const tabs = element("div", "dl-tabs");
  const list = element("div", "dl-tablist");
  list.setAttribute("role", "tablist");
  list.setAttribute("aria-label", "Command");
  tabs.append(list);
  const entries = commands.map((command) => {
    const tab = element("button", "dl-tab", asText(command?.name));
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
  return { box, path: () => [entries[chosen].name, ...entries[chosen].inner.path()] };
}

function showErrors(errors) {
  for (const { control, wrap } of current.fields.values()) {
    wrap.querySelector(".dl-error")?.remove();
    control.removeAttribute("aria-invalid");
  }
  current.formError.hidden = true;
  let first = null;
  for (const [key, message] of Object.entries(errors ?? {})) {
    const f = current.fields.get(key);
    const note = element("p", "dl-error", asText(message));
    note.setAttribute("role", "alert");
    if (!f) {
      current.formError.textContent = asText(message);
      current.formError.hidden = false;
      continue;
    }
    f.wrap.append(note);
    f.control.setAttribute("aria-invalid", "true");
    first ??= f.control;
  }
  current.run.disabled = false;
  first?.focus();
}

/** Show (or update, or remove) the argument form `id` in `host`. */
export function showArgs(host, id, form, errors, send) {
  if (typeof id !== "string") {
    host.textContent = "";
    current = null;
    return;
  }
  if (current?.id === id && current.el.isConnected) return showErrors(errors);
  host.textContent = "";
  const el = element("form", "dl-form dl-console-form");
  el.setAttribute("aria-label", "Arguments");
  const ctx = { id, send, fields: new Map() };
  el.append(element("h2", "dl-console-title", asText(form?.title)));
  if (form?.description) el.append(element("p", "dl-help", asText(form.description)));
  const root = level(form?.root, ctx);
  const formError = element("p", "dl-error");
  formError.setAttribute("role", "alert");
  formError.hidden = true;
  const run = element("button", "dl-btn primary", asText(form?.submit_label) || "Run");
  run.type = "submit";
  el.append(root.box, formError, run);
  current = { id, el, fields: ctx.fields, formError, run };
  el.addEventListener("submit", (event) => {
    event.preventDefault();
    if (run.disabled) return;
    const values = {};
    for (const [key, { control }] of ctx.fields) {
      values[key] = control.type === "checkbox" ? control.checked : control.value;
    }
    if (send({ type: "submit", id, value: { values, path: root.path() } })) run.disabled = true;
  });
  // Ctrl+Enter (⌘+Enter) runs from a list field too, where Enter makes a new line.
  el.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    el.requestSubmit(run);
  });
  host.append(el);
  if (errors && Object.keys(errors).length) showErrors(errors);
  else requestAnimationFrame(() => ctx.fields.values().next().value?.control.focus({ preventScroll: true }));
}

/** Put a chosen path into field `key` of form `id`. */
export function fillArg(host, id, key, value) {
  if (current?.id !== id || !host.contains(current.el)) return;
  const f = current.fields.get(asText(key));
  if (f) f.control.value = asText(value);
}
