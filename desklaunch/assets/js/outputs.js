// The output and layout vocabulary beyond text, HTML and buttons: each module imported
// here registers its widgets (and commands) with widgets.js / render.js.

import "./charts.js";
import "./content.js";
import "./layout.js";
import "./media.js";
import "./progress.js";
import { defineCommand } from "./render.js";
import { applyStyle } from "./style.js";
import "./table.js";
import "./tabs.js";
import "./template.js";
import { makeClickable, outputElement } from "./widgets.js";

// `style`: an output's inline style changed after it was shown (`Output.style()`).
defineCommand("style", ({ oid, style }) => {
  const el = outputElement(oid);
  if (el && typeof style === "string") applyStyle(el, style);
});

// `onclick`: an output became clickable after it was shown (`Output.onclick()`).
defineCommand("onclick", ({ oid, id }) => {
  const el = outputElement(oid);
  if (el && typeof id === "string") makeClickable(el, id);
});

// `close_output`: the person closed output `oid` (a message box), here or before a reload.
defineCommand("close_output", ({ oid }) => {
  outputElement(oid)?.remove();
});
