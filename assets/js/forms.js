// Forms of `input` commands: built as real <form>s in the input area, submitted as
// `submit` / `cancel` events, updated by `input_error` and removed by `input_done`.

const asText = (value) => (value === null || value === undefined ? "" : String(value));

let uid = 0; // DOM ids must be unique on the page, whatever the server's form ids are

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function describe(control, ids) {
  const list = ids.filter(Boolean).join(" ");
  if (list) control.setAttribute("aria-describedby", list);
  else control.removeAttribute("aria-describedby");
}

function buildSelect(spec) {
  const select = document.createElement("select");
  select.multiple = Boolean(spec.multiple);
  const options = Array.isArray(spec.options) ? spec.options : [];
  options.forEach((option, index) => {
    const el = document.createElement("option");
    el.value = String(index);
    el.textContent = asText(option?.label);
    el.selected = Boolean(option?.selected);
    select.append(el);
  });
  if (select.multiple) select.size = Math.min(Math.max(options.length, 2), 8);
  return select;
}

function buildInput(spec) {
  const input = document.createElement("input");
  switch (spec.type) {
    case "password":
      input.type = "password";
      break;
    // Numbers are text fields with a numeric keyboard, not <input type="number">: that
    // one sends "" for what it can't parse ("1e") and blocks "1.5" with the browser's own
    // bubble, so the server could neither convert what was typed nor explain the problem.
    case "number":
      input.type = "text";
      input.inputMode = "numeric";
      break;
    case "float":
      input.type = "text";
      input.inputMode = "decimal";
      break;
    default:
      input.type = "text";
  }
  input.value = asText(spec.value);
  if (spec.placeholder) input.placeholder = asText(spec.placeholder);
  input.autocomplete = "off";
  return input;
}

function buildField(spec, id) {
  const wrap = element("div", "dl-field");
  const label = element("label", "dl-label", asText(spec.label));
  label.htmlFor = id;
  const control = spec.type === "select" ? buildSelect(spec) : buildInput(spec);
  control.id = id;
  control.name = asText(spec.name);
  control.className = "dl-control";
  if (spec.required) {
    control.required = true;
    const marker = element("span", "dl-required", "*");
    marker.setAttribute("aria-hidden", "true");
    marker.title = "Required";
    label.append(" ", marker);
  }
  wrap.append(label, control);
  let helpId = null;
  if (spec.help_text) {
    helpId = `${id}-help`;
    const help = element("p", "dl-help", asText(spec.help_text));
    help.id = helpId;
    wrap.append(help);
  }
  describe(control, [helpId]);
  return { spec, wrap, control, helpId };
}

function valueOf({ spec, control }) {
  if (spec.type !== "select") return control.value;
  if (control.multiple) {
    return Array.from(control.selectedOptions, (option) => Number(option.value));
  }
  return control.selectedIndex < 0 ? null : Number(control.value);
}

class Form {
  constructor(spec, send) {
    this.id = asText(spec.id);
    this.send = send;
    const base = `dl-f${++uid}`;
    this.el = element("form", "dl-form");
    this.fields = (Array.isArray(spec.fields) ? spec.fields : []).map((field, index) =>
      buildField(field ?? {}, `${base}-${index}`),
    );
    for (const field of this.fields) this.el.append(field.wrap);

    this.formError = element("p", "dl-error dl-form-error");
    this.formError.id = `${base}-error`;
    this.formError.setAttribute("role", "alert");
    this.formError.hidden = true;

    const actions = element("div", "dl-actions");
    this.submitButton = element("button", "dl-btn primary", asText(spec.submit_label) || "Submit");
    this.submitButton.type = "submit";
    actions.append(this.submitButton);
    if (spec.cancelable) {
      this.cancelButton = element("button", "dl-btn secondary", "Cancel");
      this.cancelButton.type = "button";
      this.cancelButton.addEventListener("click", () => this.#cancel());
      actions.append(this.cancelButton);
    }
    this.el.append(this.formError, actions);
    this.el.addEventListener("submit", (event) => {
      event.preventDefault();
      this.#submit();
    });
  }

  #setWaiting(waiting) {
    this.submitButton.disabled = waiting;
    if (this.cancelButton) this.cancelButton.disabled = waiting;
    this.el.setAttribute("aria-busy", String(waiting));
  }

  #submit() {
    if (this.submitButton.disabled) return;
    const value = {};
    for (const field of this.fields) value[field.control.name] = valueOf(field);
    if (this.send({ type: "submit", id: this.id, value })) this.#setWaiting(true);
  }

  #cancel() {
    if (this.send({ type: "cancel", id: this.id })) this.#setWaiting(true);
  }

  #clearErrors() {
    for (const field of this.fields) {
      field.error?.remove();
      field.error = null;
      field.control.removeAttribute("aria-invalid");
      describe(field.control, [field.helpId]);
    }
    this.formError.hidden = true;
    this.formError.textContent = "";
  }

  showError(name, message) {
    this.#clearErrors();
    this.#setWaiting(false);
    const field = name ? this.fields.find((f) => f.control.name === name) : undefined;
    if (!field) {
      this.formError.textContent = asText(message);
      this.formError.hidden = false;
      this.focus();
      return;
    }
    const error = element("p", "dl-error", asText(message));
    error.id = `${field.control.id}-error`;
    error.setAttribute("role", "alert");
    field.wrap.append(error);
    field.error = error;
    field.control.setAttribute("aria-invalid", "true");
    describe(field.control, [field.helpId, error.id]);
    field.control.focus();
  }

  focus(options) {
    const first = this.fields[0]?.control ?? this.submitButton;
    first.focus(options);
    if (first instanceof HTMLInputElement && first.value) first.select();
  }

  disable() {
    for (const control of this.el.querySelectorAll("input, select, button")) {
      control.disabled = true;
    }
  }
}

export class Forms {
  #area;
  #send;
  #forms = new Map();

  constructor(area, send) {
    this.#area = area;
    this.#send = send;
  }

  /** Show a form (replacing one with the same id); returns it so it can be focused. */
  add(spec) {
    const form = new Form(spec ?? {}, this.#send);
    const old = this.#forms.get(form.id);
    if (old) old.el.replaceWith(form.el);
    else this.#area.append(form.el);
    this.#forms.set(form.id, form);
    return form;
  }

  error(id, field, message) {
    this.#forms.get(asText(id))?.showError(asText(field), message);
  }

  done(id) {
    const form = this.#forms.get(asText(id));
    if (!form) return;
    form.el.remove();
    this.#forms.delete(form.id);
  }

  clear() {
    this.#forms.clear();
    this.#area.textContent = "";
  }

  disableAll() {
    for (const form of this.#forms.values()) form.disable();
  }
}
