// Layout widgets: rows, columns and grids (CSS grid), collapsible sections (<details>),
// scrollable areas that can follow new content, and the `scroll_to` command.

import { followBottom } from "./follow.js";
import { defineCommand } from "./render.js";
import { appendChildren, asText, childNode, element, markInner, uniqueId } from "./parts.js";
import { defineWidget } from "./widgets.js";

const TRACKS = /^[A-Za-z0-9\s.%(),+*/-]{0,500}$/;
const BLOCKS = { top: "start", middle: "center", bottom: "end" };

const tracks = (value) => (typeof value === "string" && TRACKS.test(value) ? value : "");

/** The top-level tracks of a `size` ("2fr minmax(100px, 1fr) 10px" is three). */
function trackList(size) {
  const parts = [];
  let depth = 0;
  let current = "";
  for (const char of size) {
    if (char === "(") depth += 1;
    if (char === ")") depth -= 1;
    if (/\s/.test(char) && depth === 0) {
      if (current) parts.push(current);
      current = "";
    } else current += char;
  }
  if (current) parts.push(current);
  return parts;
}

/**
 * A column's row sizes with each plain percentage ("80%") made `minmax(max-content, 80%)`:
 * a column's height comes from its content, so a percentage of it would otherwise cut a
 * (styled, scrolling) output short instead of showing it whole.
 */
function rowsKeepingContent(size) {
  return trackList(size).map((part) => (/^\d+(\.\d+)?%$/.test(part) ? `minmax(max-content, ${part})` : part)).join(" ");
}

function line(kind, widget, registerScope) {
  const el = element("div", `dl-${kind}`);
  const size = tracks(widget.size);
  // A row's shares are CSS's own, as in PyWebIO: "1fr" is at least as wide as its item's
  // longest word or button, and a code block or a table's box scrolls within it.
  if (kind === "row") el.style.gridTemplateColumns = size;
  else el.style.gridTemplateRows = rowsKeepingContent(size);
  appendChildren(el, widget.children, registerScope);
  return markInner(el, widget, registerScope);
}

defineWidget("row", (widget, registerScope) => line("row", widget, registerScope));
defineWidget("column", (widget, registerScope) => line("column", widget, registerScope));

defineWidget("grid", (widget, registerScope) => {
  const grid = element("div", "dl-grid");
  grid.style.gridTemplateColumns = tracks(widget.columns);
  grid.style.gridTemplateRows = tracks(widget.rows);
  grid.style.gridAutoFlow = widget.flow === "column" ? "column" : "row";
  for (const spec of Array.isArray(widget.cells) ? widget.cells : []) {
    const cell = element("div", "dl-grid-cell");
    const rows = Number(spec?.rowspan);
    const cols = Number(spec?.colspan);
    if (Number.isInteger(rows) && rows > 1) cell.style.gridRow = `span ${Math.min(rows, 1000)}`;
    if (Number.isInteger(cols) && cols > 1) cell.style.gridColumn = `span ${Math.min(cols, 1000)}`;
    if (spec?.content) {
      const node = childNode(spec.content, registerScope);
      if (node) cell.append(node);
    }
    grid.append(cell);
  }
  return grid;
});

defineWidget("collapse", (widget, registerScope) => {
  const details = element("details", "dl-collapse");
  details.open = Boolean(widget.open);
  const summary = element("summary", "dl-collapse-title", asText(widget.title));
  summary.id = uniqueId("dl-collapse");
  details.setAttribute("aria-labelledby", summary.id); // a group named by its title
  details.append(summary);
  const body = element("div", "dl-collapse-body");
  appendChildren(body, widget.children, registerScope);
  details.append(markInner(body, widget, registerScope));
  return details;
});

defineWidget("scrollable", (widget, registerScope) => {
  const box = element("div", widget.border === false ? "dl-scrollable" : "dl-scrollable bordered");
  box.tabIndex = 0; // scrollable by keyboard
  box.setAttribute("role", "region");
  box.setAttribute("aria-label", "Scrollable area");
  const low = Number(widget.min_height);
  const high = Number(widget.max_height);
  if (Number.isFinite(low) && low > 0) box.style.minHeight = `${low}px`;
  if (Number.isFinite(high) && high > 0) box.style.maxHeight = `${high}px`;
  const content = element("div", "dl-scrollable-content");
  appendChildren(content, widget.children, registerScope);
  box.append(markInner(content, widget, registerScope));
  if (widget.keep_bottom) followBottom(box, content);
  return box;
});

defineCommand("scroll_to", ({ scope, position }, page) => {
  const el = page.scope(scope);
  if (el) page.scrollTo(el, BLOCKS[position] ?? "start");
});
