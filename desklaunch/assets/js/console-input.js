// The console's input line: what a program reads (input(), getpass, a prompt library's
// question) is asked in a field with Enter and End input, a terminal's keys (Ctrl+D, Ctrl+C,
// Up and Down through the lines entered), ready answers as buttons or boxes, and lines typed
// or pasted ahead kept for the questions to come.

import { announceNow } from "./announce.js";
import { composing, element, uniqueId } from "./parts.js";

const MAX_HISTORY = 500;
const history = []; // lines entered (never passwords), oldest first
// Typed or pasted before the program asked: lines, each ended by "\n" or by EOT (a Ctrl+D,
// which ends the read it reaches, as in a terminal), then the line being typed.
let typeahead = "";
const EOT = "\u0004";
const asked = new WeakMap(); // an input line's form -> its question's AbortController
// WebKit's own list of a field's answers (WebKitGTK's, macOS's) opens as the empty field takes
// the focus, and once the list is taken away as the person types, stays open unseen and
// takes the Enter that ends the line: leaving the field and coming back closes it.
const WEBKIT = /AppleWebKit/.test(navigator.userAgent) && !/Chrom/.test(navigator.userAgent);

/** Forget what was typed and not yet read: a terminal flushes it on Ctrl+C, and a run's
 *  unread lines never reach the next run (they went to the shell). */
export function forgetTypedAhead(host) {
  typeahead = "";
  const open = host?.querySelector("input.dl-control[data-sent]");
  if (open) open.value = "";
  if (open) heldKeys.delete(open);
}

function remember(value) {
  for (const line of value.split("\n")) {
    if (line.trim() && line !== history[history.length - 1]) history.push(line);
  }
  if (history.length > MAX_HISTORY) history.splice(0, history.length - MAX_HISTORY);
}

/**
 * A terminal's keys in the input line: Ctrl+D ends input (what is typed goes first), Ctrl+C with
 * nothing selected stops the program (with a selection it copies), Up and Down go through
 * the lines entered before.
 */
function keys(event, field, end) {
  const ctrlOnly = event.ctrlKey && !event.altKey && !event.metaKey && !event.shiftKey;
  const key = event.key.toLowerCase();
  if (ctrlOnly && key === "d") {
    event.preventDefault();
    if (!end.disabled) end.click();
    else if (field.dataset.sent !== undefined) { // before the program asks again: then
      typeahead += field.value + EOT;
      field.value = "";
    }
  } else if (ctrlOnly && key === "c" && field.selectionStart === field.selectionEnd) {
    const stop = field.closest(".dl-console")?.querySelector(".dl-console-status button.danger");
    if (stop) {
      event.preventDefault();
      stop.click();
    }
  } else if ((event.key === "ArrowUp" || event.key === "ArrowDown") && field.type === "text" &&
             !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && history.length) {
    event.preventDefault();
    const at = Number(field.dataset.history ?? history.length);
    const next = Math.max(0, Math.min(history.length, at + (event.key === "ArrowUp" ? -1 : 1)));
    field.dataset.history = String(next);
    field.value = history[next] ?? "";
    field.setSelectionRange(field.value.length, field.value.length);
  }
}

/**
 * Boxes for a question with several answers (questionary's checkbox): the lines of the
 * ticked ones fill `field`, joined with ", ", in the boxes' order; Enter sends them.
 */
function answerBoxes(offered, field, name) {
  const group = element("div", "dl-console-boxes");
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", name);
  const boxes = [];
  for (const [title, line, flags] of offered) {
    const box = document.createElement("input");
    box.type = "checkbox";
    box.checked = Boolean(flags?.checked);
    box.disabled = Boolean(flags?.disabled);
    box.addEventListener("change", () => {
      field.value = boxes.filter(([item]) => item.checked).map(([, text]) => text).join(", ");
    });
    boxes.push([box, line]);
    const item = element("label", "dl-choice");
    if (flags?.description) item.title = String(flags.description);
    item.append(box, " ", String(title ?? line));
    group.append(item);
  }
  return group;
}


/** Tab in a field whose program completes (a `cmd.Cmd` shell, pdb): its line and caret go
 *  to the program's completer, as readline hands them over in a terminal. Only with text
 *  before the caret: in an empty field, Tab moves on to the next control, as on any page.
 *  Until the program answers, the keys typed (letters, Tab, Enter, Ctrl+D) wait their turn,
 *  as a terminal takes them in order: "op<Tab> r<Tab>" typed fast completes both words. */
function tabKeys(event, field, id, send) {
  const waiting = completing.get(field);
  const ctrlD = event.ctrlKey && !event.altKey && !event.metaKey && !event.shiftKey &&
    event.key.toLowerCase() === "d";
  if (ctrlD && waiting?.id === id) { // end of input, once the completion is in
    event.preventDefault();
    waiting.keys.push(EOT);
    return;
  }
  if (event.ctrlKey || event.altKey || event.metaKey || composing(event)) return;
  if (waiting?.id === id) {
    const key = keptKey(event);
    if (key === null) return;
    event.preventDefault();
    waiting.keys.push(key);
  } else if (event.key === "Tab" && !event.shiftKey && completable(field)) {
    event.preventDefault();
    askCompleter(field, { id, send, keys: [] });
  }
}

/** A key kept to be typed later, as the text it stands for: Tab "\t", Enter "\n", a
 *  character itself; null for any other key, which is not kept. */
function keptKey(event) {
  if (event.key === "Tab") return event.shiftKey ? null : "\t";
  if (event.key === "Enter") return "\n";
  return event.key.length === 1 ? event.key : null;
}

/** Whether Tab in `field` completes: text before the caret (a selection's end). */
function completable(field) {
  const at = field.selectionEnd ?? field.value.length;
  return field.type === "text" && Boolean(field.value.slice(0, at).trim());
}

function askCompleter(field, asked) {
  const at = field.selectionEnd ?? field.value.length;
  field.setSelectionRange(at, at); // a terminal's line has a caret, never a selection
  completing.set(field, { ...asked, from: field.value });
  if (!asked.send({ type: "complete", id: asked.id, value: { line: field.value, cursor: at } })) {
    completing.delete(field);
  }
}

const completing = new WeakMap(); // a field -> the Tab its program is answering
const heldKeys = new WeakMap(); // a field typed ahead in -> a Tab and the keys after it

/** Keys typed ahead, while the program works, from a Tab on: held, and typed in order once
 *  the next question comes, its Tab completing with that question's completer, as a
 *  terminal keeps them for readline's next read (a Tab would otherwise leave the field,
 *  and the keys after it go elsewhere). Whether `event`'s key was held. */
function holdKeys(event, field) {
  if (event.ctrlKey || event.altKey || event.metaKey) return false;
  const key = keptKey(event);
  const held = heldKeys.get(field);
  // Only where the program completes (the question answered did): elsewhere Tab moves on,
  // to Stop, say, as on any page.
  const completes = field.form?.dataset.completes !== undefined;
  if (key === null || (!held && (key !== "\t" || !completes || !completable(field)))) {
    return false;
  }
  event.preventDefault();
  if (held) held.push(key);
  else heldKeys.set(field, [key]);
  return true;
}

const MAX_MATCHES_SHOWN = 200;

/** Tab's answer (a `console_complete` command): the line the program's completer made of
 *  the field's, or the words it could go on with, listed under the field, as a terminal
 *  lists them; then the keys typed meanwhile, in order. */
export function completeLine(host, { id, from, line, cursor, matches, more }) {
  const field = host.querySelector("input.dl-control");
  const asked = field && completing.get(field);
  if (!asked || asked.id !== id || asked.from !== from) return;
  completing.delete(field);
  const form = field.form;
  if (form.dataset.completes !== id || field.dataset.sent !== undefined) return;
  if (field.value === from && typeof line === "string" && Array.isArray(matches)) {
    form.querySelector(".dl-console-matches")?.remove();
    if (line !== from) {
      const at = Math.max(0, Math.min(line.length, Number(cursor) || 0));
      field.value = line;
      field.setSelectionRange(at, at);
      field.dispatchEvent(new Event("input")); // the field's list of suggestions follows
      if (!asked.keys.length) announceNow(line);
    } else if (!asked.keys.length) {
      showMatches(form, matches.map(String), Boolean(more));
    }
  }
  typeOn(field, asked);
}

/** The keys typed while a Tab was answered, in order, up to the next Tab (asked in turn,
 *  when the question completes). */
function typeOn(field, asked) {
  const keys = asked.keys;
  while (keys.length) {
    const key = keys.shift();
    if (key === "\t") {
      if (field.dataset.sent === undefined && field.form.dataset.completes === asked.id &&
          completable(field)) { // not once entered
        askCompleter(field, { ...asked, keys });
        return;
      }
    } else if (key === "\n") {
      field.form.requestSubmit();
    } else if (key === EOT) { // as the Ctrl+D pressed: End input, with the line as it is
      field.dispatchEvent(new KeyboardEvent("keydown", { key: "d", ctrlKey: true }));
    } else {
      const end = field.value.length;
      field.setRangeText(key, field.selectionStart ?? end, field.selectionEnd ?? end, "end");
      field.dispatchEvent(new Event("input"));
    }
  }
}

/** List `words` under the field, the first `MAX_MATCHES_SHOWN` of them, and how many more
 *  (`more`: more than the program was asked for, so many the count is not known). */
function showMatches(form, words, more) {
  const list = element("p", "dl-console-matches");
  const left = words.length - Math.min(words.length, MAX_MATCHES_SHOWN);
  const count = more ? `more than ${words.length}` : String(words.length);
  list.textContent = words.length
    ? words.slice(0, MAX_MATCHES_SHOWN).join("  ") +
      (more ? `  … ${count} in all` : left ? `  … ${left} more` : "")
    : "No completions";
  form.append(list);
  announceNow(words.length
    ? `${count} completions: ${words.slice(0, 20).join(", ")}` : "No completions");
}

/** Ask the console's question `message` (a `console_input` command) in `host`; `send` sends
 * the answer, and is false when it could not go. */
export function askLine(host, { id, prompt, password, answers, many, value, suggestions, flush,
  complete }, send) {
  // Between two reads the answered field stays open: what is typed (and entered) there
  // before the next question comes is that question's, as a terminal keeps it for the
  // next read.
  const sent = host.querySelector("input.dl-control[data-sent]");
  if (typeof id !== "string") {
    if (!sent) host.textContent = "";
    return;
  }
  typeahead += sent?.value ?? "";
  const held = sent && heldKeys.get(sent); // a Tab typed ahead, and the keys after it
  if (sent) heldKeys.delete(sent);
  const recalled = sent?.dataset.history; // Up and Down go on from the line brought back
  // The next question asks in the field typed in, never out of the DOM: keys typed while
  // it comes land in it, and it keeps the focus and the caret.
  const form = sent?.form ?? element("form", "dl-console-line");
  const field = sent ?? element("input", "dl-control");
  if (sent) {
    asked.get(form)?.abort();
    completing.delete(sent);
    for (const part of [...form.children]) if (part !== field) part.remove();
    delete field.dataset.sent;
    delete field.dataset.history;
    field.removeAttribute("list");
    // Focus stays, so a screen reader would not read the new label: say the question.
    if (document.activeElement === field) announceNow(String(prompt ?? "Input"));
  } else {
    host.textContent = "";
    field.id = uniqueId("dl-console-in");
    field.autocomplete = "off";
  }
  field.type = password ? "password" : "text";
  const question = new AbortController(); // this question's listeners, gone with it
  asked.set(form, question);
  const { signal } = question;
  const label = element("label", "dl-label", String(prompt ?? "Input"));
  label.htmlFor = field.id;
  const enter = element("button", "dl-btn primary small", "Enter");
  enter.type = "submit";
  const end = element("button", "dl-btn secondary small", "End input");
  end.type = "button";
  const done = (event) => {
    if (!send(event)) return;
    // A ready answer clicked: typing goes on in the field, not into the page (WebKit on
    // macOS does not focus a clicked button, so the page's body may hold the focus).
    const focused = document.activeElement;
    if (!focused || focused === document.body || form.contains(focused)) {
      field.focus({ preventScroll: true });
    }
    for (const control of form.querySelectorAll("button, input[type=checkbox]")) {
      control.disabled = true;
    }
    // The field stays open, as plain text (a password goes with its answer), for what the
    // person types before the program asks again.
    field.value = "";
    field.type = "text";
    field.dataset.sent = "";
    delete field.dataset.history;
  };
  const submit = (value) => {
    if (enter.disabled) { // entered before the program asks again: a line for then
      if (field.dataset.sent !== undefined) {
        typeahead += `${value}\n`;
        field.value = "";
      }
      return;
    }
    if (!password) remember(value);
    done({ type: "submit", id, value });
  };
  // Lines pasted before this question came are its answer (and the next ones'), as the
  // lines of a paste are, up to a Ctrl+D typed ahead, which ends the read it reaches; an
  // unfinished last line waits in the field.
  let linesAhead = null;
  let endNow = null; // a Ctrl+D typed ahead ends this read, after what was typed before it
  const ended = Math.max(typeahead.lastIndexOf("\n"), typeahead.lastIndexOf(EOT));
  const queued = typeahead.slice(0, ended + 1);
  const partial = typeahead.slice(ended + 1);
  // A password question flushes what was typed ahead, Ctrl+D too, as getpass does in a
  // terminal (a prompt library's does not: `flush` false); the line being typed as it
  // came is the password's beginning.
  typeahead = password && flush !== false ? "" : queued;
  if (typeahead) {
    const eot = typeahead.indexOf(EOT);
    const before = eot < 0 ? typeahead : typeahead.slice(0, eot);
    const cut = before.lastIndexOf("\n");
    if (cut >= 0) linesAhead = before.slice(0, cut);
    else endNow = before;
    typeahead = typeahead.slice(cut >= 0 ? cut + 1 : eot + 1);
  }
  if (partial || ended >= 0) {
    if (field.value !== partial) field.value = partial; // the same text keeps its caret
    if (recalled !== undefined && ended < 0) field.dataset.history = recalled;
  }
  // The answer the program starts with (a default, a choice already made), when nothing
  // was typed ahead for this question.
  const prefilled = typeof value === "string" && !field.value && linesAhead === null ? value : null;
  if (prefilled !== null) field.value = prefilled; // not typed: End input does not send it
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit(field.value);
  }, { signal });
  // What is typed and not entered goes first, as a terminal's Ctrl+D hands over a
  // partial line: End input never drops it.
  end.addEventListener("click", () => {
    const waiting = completing.get(field);
    if (waiting?.id === id) { // once the Tab pressed before it is answered, as Ctrl+D
      waiting.keys.push(EOT);
      return;
    }
    done(password || !field.value || field.value === prefilled
      ? { type: "cancel", id } : { type: "cancel", id, value: field.value });
  });
  if (!password) {
    // Several lines pasted go to the program as lines, as in a terminal (a text field
    // would join them); an unfinished last one waits in the next field.
    field.addEventListener("paste", (event) => {
      const pasted = event.clipboardData?.getData("text/plain") ?? "";
      if (!/[\r\n]/.test(pasted)) return;
      event.preventDefault();
      const text = field.value.slice(0, field.selectionStart ?? field.value.length) +
        pasted.replace(/\r\n?/g, "\n") + field.value.slice(field.selectionEnd ?? field.value.length);
      if (enter.disabled) { // the program has not asked again yet: keep it all for then
        typeahead += text;
        field.value = "";
        return;
      }
      const cut = text.lastIndexOf("\n");
      typeahead = text.slice(cut + 1);
      submit(text.slice(0, cut));
    }, { signal });
  }
  if (complete && !password) {
    form.dataset.completes = id;
    field.addEventListener("keydown", (event) => {
      if (!enter.disabled) tabKeys(event, field, id, send);
    }, { signal });
    field.addEventListener("input", () => form.querySelector(".dl-console-matches")?.remove(),
      { signal });
  } else {
    delete form.dataset.completes;
  }
  field.addEventListener("keydown", (event) => {
    if (composing(event) || event.defaultPrevented) return; // taken already (a Tab's keys)
    if (enter.disabled && field.dataset.sent !== undefined && holdKeys(event, field)) return;
    if (event.key === "Enter" && enter.disabled) {
      event.preventDefault(); // a form whose button is disabled is not submitted by Enter
      submit(field.value);
    } else {
      keys(event, field, end);
    }
  }, { signal });
  if (sent) field.before(label);
  else form.append(label, field);
  if (Array.isArray(suggestions) && suggestions.length && !password) {
    // Answers offered (a shell's commands, questionary's autocomplete): the browser's own
    // list, shown while the field is empty (on a click, or the Down arrow). Not while the
    // person types: a window's list (Qt's, WebKitGTK's) takes Enter for itself while it
    // shows, and the line typed would not go.
    const list = element("datalist");
    list.id = `${field.id}-list`;
    for (const item of suggestions) list.append(new Option(String(item), String(item)));
    const offer = () => {
      if (field.value && field.hasAttribute("list")) {
        field.removeAttribute("list");
        if (WEBKIT && document.activeElement === field) { // its list, unseen, took the Enter
          const [from, to] = [field.selectionStart, field.selectionEnd];
          field.blur();
          field.focus({ preventScroll: true });
          if (from !== null && to !== null) field.setSelectionRange(from, to);
        }
      } else if (!field.value) {
        field.setAttribute("list", list.id);
      }
    };
    field.addEventListener("input", offer, { signal });
    offer();
    form.append(list);
  }
  const offered = (Array.isArray(answers) ? answers : [])
    .filter((answer) => Array.isArray(answer) && typeof answer[1] === "string");
  if (many) {
    form.append(answerBoxes(offered, field, String(prompt ?? "Input")));
  }
  // Ready answers (a yes/no question, a choice): each button sends its line, as if typed.
  for (const [name, line, flags] of many ? [] : offered) {
    const button = element("button", "dl-btn secondary small", String(name ?? line));
    button.type = "button";
    button.disabled = Boolean(flags?.disabled);
    if (flags?.description) button.title = String(flags.description); // what it means
    button.addEventListener("click", () => done({ type: "submit", id, value: line }));
    form.append(button);
  }
  form.append(enter, end);
  if (!form.isConnected) host.append(form);
  if (linesAhead !== null || endNow !== null) {
    const [rest, from, to] = [field.value, field.selectionStart, field.selectionEnd];
    if (linesAhead !== null) submit(linesAhead);
    else done(endNow ? { type: "cancel", id, value: endNow } : { type: "cancel", id });
    field.value = rest; // for the question after (this field is now the one typed ahead in)
    if (from !== null && to !== null) field.setSelectionRange(from, to);
    if (held) heldKeys.set(field, held); // the question after's too
  } else if (held) { // its Tab first, with this question's completer if it has one
    typeOn(field, { id, send, keys: held });
  }
  requestAnimationFrame(() => field.isConnected && field.focus({ preventScroll: true }));
}
