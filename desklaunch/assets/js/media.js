// Images, and files offered for download.
//
// A file's bytes arrive base64-encoded in its widget (browser mode); a click turns them
// into a Blob and hands its object URL to a temporary <a download>, so the browser saves
// the file. In a window the widget has no bytes but a callback id: the click goes to the
// server (through the shared button handler in widgets.js), which opens the system's
// save dialog. The `download` command saves at once, the same way.

import { defineCommand } from "./render.js";
import { asText, cssLength, element } from "./parts.js";
import { defineWidget, swapOutput } from "./widgets.js";

const IMAGE_DATA = /^data:image\/[a-z0-9.+-]+(;[a-z0-9=.+-]+)*(;base64)?,/i;
const FETCHED = /^\/res\/[A-Za-z0-9_-]{1,64}\/[A-Za-z0-9_-]{1,64}$/;

/**
 * An image from the web could not be fetched by the app (offline, say): say so in its
 * place, with the reason the app gives for that address.
 */
async function showFailure(img, src, address) {
  let reason = "";
  try {
    const answer = await fetch(src, { credentials: "same-origin" });
    if (!answer.ok) reason = (await answer.text()).trim().slice(0, 300);
  } catch {
    // the app itself is gone: the address alone says enough
  }
  const note = element("p", "dl-image-failed");
  if (!img.dataset.click) note.setAttribute("role", "note"); // clickable: a button, below
  note.textContent = `Image not shown: ${address}${reason ? ` (${reason})` : ""}`;
  swapOutput(img, note);
}

defineWidget("image", (widget) => {
  if (widget.missing) {
    const note = element("p", "dl-image-failed", `Image not shown: ${asText(widget.missing)}`);
    note.setAttribute("role", "note");
    return note;
  }
  const img = element("img", "dl-image");
  img.alt = asText(widget.alt);
  if (img.alt) img.title = img.alt;
  const src = asText(widget.src);
  if (IMAGE_DATA.test(src)) img.src = src;
  else if (FETCHED.test(src)) {
    img.addEventListener("error", () => showFailure(img, src, asText(widget.remote)), { once: true });
    img.src = src;
  } else console.error("desklaunch: image source refused");
  const width = cssLength(widget.width);
  const height = cssLength(widget.height);
  if (width) img.style.width = width;
  if (height) img.style.height = height;
  img.decoding = "async";
  return img;
});

function fileBlob(base64) {
  const bytes = atob(base64);
  const buffer = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) buffer[i] = bytes.charCodeAt(i);
  return new Blob([buffer], { type: "application/octet-stream" });
}

/** Have the browser save `base64` as a file named `name`. */
function saveFile(name, base64) {
  const url = URL.createObjectURL(fileBlob(base64));
  const link = element("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; let it go once the browser is done.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

defineWidget("file", (widget) => {
  const group = element("div", "dl-buttons dl-file");
  const button = element("button", "dl-btn dl-file-button");
  button.type = "button";
  button.append(element("span", "dl-file-icon", "\u2913"), element("span", "", asText(widget.label)));
  button.firstChild.setAttribute("aria-hidden", "true");
  button.title = `Save ${asText(widget.name)}`;
  group.append(button);
  if (typeof widget.id === "string") {
    // In a window: the shared button handler sends a click; the server saves the file.
    group.dataset.callback = widget.id;
    button.dataset.index = "0";
  } else {
    const name = asText(widget.name) || "download";
    const data = asText(widget.data);
    button.addEventListener("click", () => saveFile(name, data));
  }
  return group;
});

defineCommand("download", ({ name, data }) => saveFile(asText(name) || "download", asText(data)));
