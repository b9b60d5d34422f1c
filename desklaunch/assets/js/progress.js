// Progress bars (`progress` widgets, moved by `progress` commands).
//
// A script may set a bar a thousand times a second. The server already merges updates
// the page has not fetched yet; here the newest value per bar waits for the next animation
// frame, so each bar is drawn at most once per frame however many updates arrive.

import { defineCommand } from "./render.js";
import { asText, element } from "./parts.js";
import { defineWidget } from "./widgets.js";

const pending = new Map(); // bar name → { value, label }
let frameRequested = false;

const fraction = (value) => {
  const n = Number(value);
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
};

function draw(bar, value, label) {
  const percent = Math.round(value * 1000) / 10;
  const text = typeof label === "string" ? label : `${percent}%`;
  bar.setAttribute("aria-valuenow", String(percent));
  // A label says what is done; the percent is heard with it (a label hides it otherwise).
  bar.setAttribute("aria-valuetext", text.includes(`${percent}%`) ? text : `${percent}%, ${text}`);
  bar.querySelector(".dl-progress-fill").style.width = `${percent}%`;
  bar.querySelector(".dl-progress-label").textContent = text;
  if (value >= 1 && bar.dataset.autoClose === "true") bar.remove();
}

function findBar(name) {
  return document.querySelector(`.dl-progress[data-progress="${CSS.escape(name)}"]`);
}

function drawPending() {
  frameRequested = false;
  for (const [name, { value, label }] of pending) {
    const bar = findBar(name);
    if (bar) draw(bar, value, label);
  }
  pending.clear();
}

defineWidget("progress", (widget) => {
  const name = asText(widget.name);
  const bar = element("div", "dl-progress");
  bar.dataset.progress = name;
  bar.dataset.autoClose = String(Boolean(widget.auto_close));
  bar.setAttribute("role", "progressbar");
  bar.setAttribute("aria-label", name);
  bar.setAttribute("aria-valuemin", "0");
  bar.setAttribute("aria-valuemax", "100");
  const track = element("div", "dl-progress-track");
  track.append(element("div", "dl-progress-fill"));
  bar.append(track, element("span", "dl-progress-label"));
  draw(bar, fraction(widget.value), widget.label);
  return bar;
});

defineCommand("progress", ({ name, value, label }) => {
  pending.set(asText(name), { value: fraction(value), label });
  if (!frameRequested) {
    frameRequested = true;
    requestAnimationFrame(drawPending);
  }
});
