// File fields: choose (or drop) files, send them to the app in chunks before the form is
// submitted, show each file with its progress; the submit carries the files' tokens.
//
// In a window (`spec.native`) the field's button asks the app to open the system's file
// chooser (a `file_choose` event); the app answers with `field_update` {add_files}. A file
// dropped on the field is sent in chunks in both modes. See "Uploads" in docs/protocol.md.

import { announceLines } from "./announce.js";
import { asText, element, labelLine } from "./parts.js";

const CHUNK_BYTES = 512 * 1024;

let uploader = null;

/** Tell file fields how to POST a chunk: `upload(query, blob)` → {ok, status, data}. */
export function setUploader(upload) {
  uploader = upload;
}

function sizeText(size) {
  let value = Number(size) || 0;
  for (const unit of ["bytes", "KB", "MB", "GB"]) {
    if (value < 1024 || unit === "GB") {
      return unit === "bytes" ? `${value} bytes` : `${Number(value.toFixed(1))} ${unit}`;
    }
    value /= 1024;
  }
  return "";
}

async function post(query, body) {
  if (!uploader) return { ok: false, data: { error: "Uploads are not available here" } };
  try {
    return await uploader(query, body);
  } catch {
    return { ok: false, data: { error: "The app could not be reached; please try again" } };
  }
}

/** Send `file` in chunks for field `name` of form `formId`; `onProgress(sent)`. */
async function sendFile(file, formId, name, onProgress) {
  const start = new URLSearchParams({
    form: formId, field: name, name: file.name, size: String(file.size),
    type: file.type || "", modified: String(Math.trunc(file.lastModified || 0)),
  });
  let answer = await post(start.toString(), file.slice(0, CHUNK_BYTES));
  while (answer.ok && answer.data && answer.data.received < file.size) {
    const { upload, received } = answer.data;
    onProgress(upload, received);
    const next = new URLSearchParams({ upload, offset: String(received) });
    answer = await post(next.toString(), file.slice(received, received + CHUNK_BYTES));
  }
  if (!answer.ok || !answer.data || typeof answer.data.upload !== "string") {
    const reason = answer.data?.error ?? answer.data?.reason;
    throw new Error(reason ? asText(reason) : `${file.name} could not be sent`);
  }
  return answer.data.upload;
}

/** The `file` field: `ctx` = { formId, send, showError, clearError }. */
export function fileField(spec, id, ctx) {
  const name = asText(spec.name);
  const multiple = Boolean(spec.multiple);
  const wrap = element("div", "dl-field dl-file");
  const label = element("label", "dl-label", asText(spec.label));
  label.htmlFor = id;

  const input = document.createElement("input");
  input.type = "file";
  input.id = id;
  input.name = name;
  input.multiple = multiple;
  input.className = "dl-control dl-file-input";
  if (spec.accept) input.accept = asText(spec.accept);

  const zone = element("div", "dl-dropzone");
  // The visible button is for the mouse; keyboards and screen readers use the real input.
  const choose = element("button", "dl-btn secondary", asText(spec.placeholder) || "Choose file");
  choose.type = "button";
  choose.tabIndex = -1;
  choose.setAttribute("aria-hidden", "true");
  choose.addEventListener("click", () => input.click());
  const hint = element("span", "dl-drop-hint", multiple ? "or drop files here" : "or drop a file here");
  zone.append(input, choose, hint);

  const list = element("ul", "dl-file-list");
  // The files chosen describe the field: its own words ("No file chosen") never change,
  // since it is emptied after each choice so that the same file can be chosen again.
  const chosen = element("span");
  chosen.id = `${id}-files`;
  chosen.hidden = true; // read as the field's description, not as text of the page
  const tell = () => {
    chosen.textContent = entries.length
      ? `Chosen: ${entries.map((e) => e.li.firstChild.textContent).join(", ")}` : "";
  };
  list.setAttribute("aria-label", `Files for ${asText(spec.label) || asText(spec.placeholder) || name}`);
  wrap.append(labelLine(label, spec.required), zone, list, chosen);

  const entries = []; // { token, li, promise }

  function removeEntry(entry, discard) {
    entries.splice(entries.indexOf(entry), 1);
    entry.li.remove();
    tell();
    if (discard && entry.token) post(new URLSearchParams({ upload: entry.token, discard: "1" }).toString(), new Blob([]));
  }

  /** List a chosen file; `refusal` (why it cannot be sent) keeps it listed, unsent, so the
   *  form is not sent without it until the person removes it or chooses another. */
  function addEntry(fileName, size, refusal = null) {
    if (!multiple) for (const old of [...entries]) removeEntry(old, false);
    const li = element("li", "dl-file-item");
    li.append(element("span", "dl-file-name", fileName), element("span", "dl-file-size", sizeText(size)));
    if (refusal) li.append(element("span", "dl-file-refused", "too large, not sent"));
    const entry = { token: null, li, promise: null, refusal };
    const remove = element("button", "dl-btn secondary small", "Remove");
    remove.type = "button";
    remove.setAttribute("aria-label", `Remove ${fileName}`);
    remove.addEventListener("click", () => {
      removeEntry(entry, true);
      if (entry.refusal && !entries.some((e) => e.refusal)) ctx.clearError(name);
      input.focus(); // the button is gone: focus stays in the field, not on the page
    });
    li.append(remove);
    list.append(li);
    entries.push(entry);
    tell();
    announceLines(1, [`${fileName} chosen`]);
    return entry;
  }

  function upload(files) {
    ctx.clearError(name);
    for (const file of multiple ? files : files.slice(0, 1)) {
      const limit = Number(spec.max_size);
      if (limit > 0 && file.size > limit) {
        // Said at once, without sending a byte (the app checks the size again).
        const refusal = `${file.name} is larger than ${sizeText(limit)}, the most this field accepts`;
        addEntry(file.name, file.size, refusal);
        ctx.showError(name, refusal);
        continue;
      }
      const entry = addEntry(file.name, file.size);
      const bar = element("progress", "dl-file-progress");
      bar.max = Math.max(file.size, 1);
      bar.value = 0;
      bar.setAttribute("aria-label", `Sending ${file.name}`);
      entry.li.insertBefore(bar, entry.li.lastChild);
      entry.promise = sendFile(file, ctx.formId, name, (token, sent) => {
        entry.token = token;
        bar.value = sent;
      }).then(
        (token) => {
          entry.token = token;
          bar.remove();
        },
        (err) => {
          if (entries.includes(entry)) removeEntry(entry, false);
          ctx.showError(name, err.message);
        },
      );
    }
  }

  input.addEventListener("click", (event) => {
    if (!spec.native) return;
    event.preventDefault(); // the app opens the system's chooser instead
    ctx.send({ type: "file_choose", id: ctx.formId, value: name });
  });
  input.addEventListener("change", () => {
    upload(Array.from(input.files ?? []));
    input.value = "";
  });
  zone.addEventListener("dragover", (event) => {
    if (!event.dataTransfer?.types.includes("Files")) return;
    event.preventDefault();
    zone.classList.add("dragging");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("dragging");
    if (input.disabled) return;
    upload(Array.from(event.dataTransfer?.files ?? []));
  });

  return {
    spec,
    wrap,
    control: input,
    labelEl: label,
    focusTarget: input,
    listId: chosen.id,
    value: () => entries.filter((e) => e.token).map((e) => e.token),
    /** Resolves once every file still being sent has arrived (or failed). */
    pending: () => Promise.all(entries.map((e) => e.promise)),
    /** Why the form cannot be sent as it is (a listed file too large to send), or null. */
    refusal: () => entries.find((e) => e.refusal)?.refusal ?? null,
    update(changes) {
      if (!Array.isArray(changes.add_files)) return;
      ctx.clearError(name);
      for (const file of changes.add_files) {
        addEntry(asText(file?.name), file?.size).token = asText(file?.token);
      }
    },
    reset() {
      for (const entry of [...entries]) removeEntry(entry, true);
    },
  };
}
