// `table` widgets: a header row and body rows of cells. A cell is a string (text), a
// widget (an output moved into the cell), or {type: "cell", content, rowspan, colspan}.
// Plain-text cells are the common case and cost one text node each, so a table of a
// thousand rows builds in one pass into a detached element.

import { childNode, element } from "./parts.js";
import { defineWidget } from "./widgets.js";

const MAX_SPAN = 1000;

function span(value) {
  const n = Number(value);
  return Number.isInteger(n) && n > 1 ? Math.min(n, MAX_SPAN) : 1;
}

function cell(tag, spec, registerScope) {
  const td = document.createElement(tag);
  let content = spec;
  if (spec && typeof spec === "object" && spec.type === "cell") {
    content = spec.content;
    const rows = span(spec.rowspan);
    const cols = span(spec.colspan);
    if (rows > 1) td.rowSpan = rows;
    if (cols > 1) td.colSpan = cols;
  }
  if (typeof content === "string") td.textContent = content;
  else if (content && typeof content === "object") {
    const node = childNode(content, registerScope);
    if (node) td.append(node);
  }
  return td;
}

function row(tag, cells, registerScope) {
  const tr = document.createElement("tr");
  if (Array.isArray(cells)) for (const spec of cells) tr.append(cell(tag, spec, registerScope));
  return tr;
}

defineWidget("table", (widget, registerScope) => {
  const wrap = element("div", "dl-table-wrap");
  const table = element("table", "dl-table");
  if (Array.isArray(widget.header) && widget.header.length) {
    const head = document.createElement("thead");
    const tr = row("th", widget.header, registerScope);
    for (const th of tr.children) th.scope = "col";
    head.append(tr);
    table.append(head);
  }
  const body = document.createElement("tbody");
  if (Array.isArray(widget.rows)) {
    for (const cells of widget.rows) body.append(row("td", cells, registerScope));
  }
  table.append(body);
  wrap.append(table);
  return wrap;
});
