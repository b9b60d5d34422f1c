// Forms of `input` commands: built as real <form>s in the input area, submitted as
// `submit` / `cancel` events, updated by `input_error` (one error or several at once) and
// `field_update`, and removed by `input_done`. The fields themselves are in fields.js.

import { asText, buildField, element, nameUnlabelled } from "./fields.js";
import { composing, describe } from "./parts.js";

// Enter in these does what the control itself does (tick, pick), not submit.
const ENTER_IGNORES = new Set(["checkbox", "radio", "file", "button", "range", "color"]);

let uid = 0; // DOM ids must be unique on the page, whatever the server's form ids are

// A press of the mouse (or a finger) on the page, and what waits for its release.
let pressed = false;
const afterPress = [];
document.addEventListener("pointerdown", () => { pressed = true; }, true);
for (const kind of ["pointerup", "pointercancel"]) {
  document.addEventListener(kind, () => {
    if (!pressed) return;
    pressed = false;
    // After the click this release makes, which lands where the press began.
    setTimeout(() => { for (const change of afterPress.splice(0)) change(); }, 0);
  }, true);
}

/** Make `change` (one that moves what is below it) once no press is going on: a press on
 *  Submit moves the focus out of a field, whose check then takes its message away, and
 *  the button, moved up under the pointer, would never get the click. */
function whenReleased(change) {
  if (pressed) afterPress.push(change);
  else change();
}

class Form {
  constructor(spec, send) {
    this.id = asText(spec.id);
    this.send = send;
    const base = `dl-f${++uid}`;
    this.el = element("form", "dl-form");
    this.el.noValidate = true; // the app checks every value and says what is wrong
    if (spec.label) {
      const title = element("h2", "dl-form-title", asText(spec.label));
      title.id = `${base}-title`;
      this.el.setAttribute("aria-labelledby", title.id);
      this.el.append(title);
    }
    const ctx = {
      formId: this.id,
      send,
      submit: () => this.#submit(),
      reset: () => this.el.reset(),
      cancel: () => this.#cancel(),
      showError: (name, message) => this.showErrors([[name, message]], false),
      clearError: (name) => this.#clearError(this.#field(name)),
    };
    this.fields = (Array.isArray(spec.fields) ? spec.fields : []).map((field, index) => {
      const built = buildField(field ?? {}, `${base}-${index}`, ctx);
      built.helpId = null;
      if (field?.help_text) {
        built.helpId = `${base}-${index}-help`;
        const help = element("p", "dl-help", asText(field.help_text));
        help.id = built.helpId;
        built.wrap.append(help);
      }
      describe(built.control, [built.helpId, built.listId]);
      return built;
    });
    for (const field of this.fields) {
      this.el.append(field.wrap);
      if (field.spec.onchange) this.#reportChanges(field);
      if (field.spec.validate) this.#reportLeaving(field);
    }

    this.formError = element("p", "dl-error dl-form-error");
    this.formError.id = `${base}-error`;
    this.formError.setAttribute("role", "alert");
    this.formError.hidden = true;
    this.el.append(this.formError);

    // An `actions` field last in the form brings its own buttons instead of Submit.
    if (spec.buttons !== false) {
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
      this.el.append(actions);
    }
    this.waiting = false;
    this.queued = false;
    this.el.addEventListener("submit", (event) => {
      event.preventDefault();
      this.#enter();
    });
    this.el.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" || event.defaultPrevented || composing(event)) return;
      const single = event.target instanceof HTMLInputElement && !ENTER_IGNORES.has(event.target.type);
      if (this.waiting && (single || event.ctrlKey || event.metaKey)) {
        // Typed while the last answer was being checked: submit again once it is back.
        event.preventDefault();
        this.queued = true;
        return;
      }
      // Ctrl+Enter (⌘+Enter) submits from a textarea too, where Enter makes a new line.
      if (event.ctrlKey || event.metaKey || (single && !this.submitButton)) {
        event.preventDefault();
        this.#enter();
      }
    });
    // "reset" fires before the browser puts the values back; fields sync right after.
    this.el.addEventListener("reset", () => {
      this.#clearErrors();
      setTimeout(() => this.fields.forEach((f) => f.reset()));
    });
  }

  /** Tell the app each new value of a field with `onchange` (once per frame at most, and
   *  only a value other than the last told: leaving a field typed in changes nothing). */
  #reportChanges(field) {
    let scheduled = false;
    field.told = JSON.stringify(field.value());
    const report = () => {
      scheduled = false;
      if (!this.el.isConnected || this.waiting) return;
      const value = field.value();
      const told = JSON.stringify(value);
      if (told === field.told) return;
      field.told = told;
      this.send({ type: "field_change", id: this.id, value: { name: asText(field.spec.name), value } });
    };
    const changed = (event) => {
      if (scheduled || event.isComposing) return; // an input method's draft: its word counts
      scheduled = true;
      requestAnimationFrame(report);
    };
    field.wrap.addEventListener("input", changed);
    field.wrap.addEventListener("change", changed);
    field.wrap.addEventListener("compositionend", changed);
  }

  /** Ask the app to check a field with a `validate` as the person leaves it (PyWebIO's
   *  check on blur); not while the form waits, nor on moving between its own controls. */
  #reportLeaving(field) {
    field.wrap.addEventListener("focusout", (event) => {
      if (field.wrap.contains(event.relatedTarget) || this.waiting || !this.el.isConnected) return;
      this.send({ type: "field_leave", id: this.id, value: { name: asText(field.spec.name), value: field.value() } });
    });
  }

  /** A field's own check as the person left it: `message` under it, or none (""). The focus
   *  stays where the person put it, and the other fields' messages stay. */
  checked(name, message) {
    const field = this.#field(name);
    if (!field) return;
    if (message) this.#markError(field, message);
    else this.#clearError(field);
  }

  /** Enter: Submit, or, when an `actions` row stands in for it, its first submit button. */
  #enter() {
    if (this.submitButton) return this.#submit();
    for (const field of this.fields) {
      if (field.spec.type !== "actions") continue;
      const specs = Array.isArray(field.spec.buttons) ? field.spec.buttons : [];
      const first = field.buttons.find((b, i) => specs[i]?.type === "submit" && !b.disabled);
      if (first) return first.click();
    }
  }

  #buttons() {
    return this.el.querySelectorAll(".dl-actions > button");
  }

  #setWaiting(waiting) {
    this.waiting = waiting;
    // aria-disabled, not disabled, while waiting: a disabled button loses the keyboard
    // focus (to nowhere); this one keeps it, and #submit / #cancel ignore it meanwhile.
    for (const button of this.#buttons()) {
      if (waiting) button.setAttribute("aria-disabled", "true");
      else button.removeAttribute("aria-disabled");
    }
    this.el.setAttribute("aria-busy", String(waiting));
  }

  async #submit() {
    if (this.waiting) return;
    const refused = this.fields.find((f) => f.refusal?.());
    if (refused) {
      // As PyWebIO does: a file listed but too large is not silently left out of the answer.
      this.showErrors([[asText(refused.spec.name), refused.refusal()]], false);
      return;
    }
    const value = {};
    for (const field of this.fields) value[asText(field.spec.name)] = field.value();
    this.#setWaiting(true);
    // Files still on their way: submit once they have arrived (their tokens are then known).
    const sending = this.fields.filter((f) => f.pending);
    if (sending.length) {
      await Promise.all(sending.map((f) => f.pending()));
      for (const field of sending) value[asText(field.spec.name)] = field.value();
    }
    if (!this.send({ type: "submit", id: this.id, value })) this.#setWaiting(false);
  }

  #cancel() {
    if (this.waiting) return;
    if (this.send({ type: "cancel", id: this.id })) this.#setWaiting(true);
  }

  #field(name) {
    return name ? this.fields.find((f) => asText(f.spec.name) === name) : undefined;
  }

  #clearError(field) {
    if (!field) return;
    field.error?.remove();
    field.error = null;
    field.control.removeAttribute("aria-invalid");
    describe(field.control, [field.helpId, field.listId]);
  }

  #markError(field, message) {
    this.#clearError(field);
    const error = element("p", "dl-error", asText(message));
    error.id = `${field.control.id}-error`;
    error.setAttribute("role", "alert");
    field.wrap.append(error);
    field.error = error;
    field.control.setAttribute("aria-invalid", "true");
    describe(field.control, [field.helpId, error.id, field.listId]);
  }

  #clearErrors() {
    for (const field of this.fields) this.#clearError(field);
    this.formError.hidden = true;
    this.formError.textContent = "";
  }

  /** Show `errors` ([[field name, message], ...]); "" (or an unknown name) is the form's. */
  showErrors(errors, fromServer = true) {
    if (fromServer) {
      this.#clearErrors();
      this.#setWaiting(false);
    }
    let first = null;
    for (const [name, message] of errors) {
      const field = this.#field(asText(name));
      if (!field) {
        this.formError.textContent = asText(message);
        this.formError.hidden = false;
        first ??= this.fields[0]?.focusTarget ?? null;
        continue;
      }
      this.#markError(field, message);
      first ??= field.focusTarget;
    }
    first?.focus();
    if (fromServer && this.queued) {
      this.queued = false;
      this.#enter();
    }
  }

  /** `field_update`: label, help text and placeholder here; the rest by the field itself. */
  update(name, changes) {
    const field = this.#field(asText(name));
    if (!field || !changes || typeof changes !== "object") return;
    if ("label" in changes && field.labelEl) {
      field.labelEl.textContent = asText(changes.label);
      field.labelEl.hidden = !changes.label && field.labelEl.tagName === "P";
      if (field.labelEl.tagName !== "P") nameUnlabelled(field, changes.label);
    }
    if ("help_text" in changes) this.#setHelp(field, asText(changes.help_text));
    if ("placeholder" in changes && "placeholder" in field.control) {
      field.control.placeholder = asText(changes.placeholder);
    }
    field.update(changes);
    if ("told" in field) field.told = JSON.stringify(field.value()); // the app's own value
  }

  #setHelp(field, text) {
    let help = field.helpId ? document.getElementById(field.helpId) : null;
    if (!help && text) {
      help = element("p", "dl-help");
      help.id = field.helpId = `${field.control.id}-help`;
      field.wrap.insertBefore(help, field.error ?? null);
    }
    if (help) {
      help.textContent = text;
      help.hidden = !text;
    }
    describe(field.control, [text ? field.helpId : null, field.error?.id, field.listId]);
  }

  focus(options) {
    const first = this.fields[0]?.focusTarget ?? this.submitButton;
    if (!first) return;
    first.focus(options);
    if (first instanceof HTMLInputElement && first.type === "text" && first.value) first.select();
  }

  disable() {
    for (const control of this.el.querySelectorAll("input, select, textarea, button")) {
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

  /**
   * Show a form (replacing one with the same id); returns it so it can be focused. As in
   * PyWebIO, a form asked for while another waits (a button's callback asking beside the
   * script) goes on top of it: the one beneath is hidden until the new one is answered.
   */
  add(spec) {
    const form = new Form(spec ?? {}, this.#send);
    const old = this.#forms.get(form.id);
    if (old) {
      form.el.hidden = old.el.hidden;
      old.el.replaceWith(form.el);
    } else {
      for (const beneath of this.#forms.values()) beneath.el.hidden = true;
      this.#area.append(form.el);
    }
    this.#forms.set(form.id, form);
    return form;
  }

  /** `input_error`: `errors` ([[field, message], ...]) when several, else field + message;
   *  with `only`, the check of one field as the person left it ("" clears it). */
  error(id, field, message, errors, only) {
    const form = this.#forms.get(asText(id));
    if (only) return whenReleased(() => form?.checked(asText(field), asText(message)));
    const list = Array.isArray(errors) && errors.length ? errors : [[field, message]];
    form?.showErrors(list.filter(Array.isArray));
  }

  update(id, field, changes) {
    this.#forms.get(asText(id))?.update(field, changes);
  }

  /** `input_done`: the form goes; the one it covered, if any, comes back (returned). */
  done(id) {
    const form = this.#forms.get(asText(id));
    if (!form) return null;
    form.el.remove();
    this.#forms.delete(form.id);
    const beneath = [...this.#forms.values()].at(-1);
    if (!beneath?.el.hidden) return null;
    beneath.el.hidden = false;
    return beneath;
  }

  clear() {
    this.#forms.clear();
    this.#area.textContent = "";
  }

  disableAll() {
    for (const form of this.#forms.values()) form.disable();
  }
}
