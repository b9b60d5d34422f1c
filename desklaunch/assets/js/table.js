// `table` widgets: a header row and body rows of cells. A cell is a string (text), a
// widget (an output moved into the cell), or {type: "cell", content, rowspan, colspan}.
// Plain-text cells are the common case and cost one text node each, so a table of a
// thousand rows builds in one pass into a detached element.

import { childNode, element } from "./parts.js";
import { styleGoesTo } from "./style.js";
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

/** How many rows the header takes: 1, or more when one of its cells spans rows. */
function headerDepth(header) {
  let depth = 1;
  for (const spec of header) {
    if (spec && typeof spec === "object" && spec.type === "cell") {
      depth = Math.max(depth, span(spec.rowspan));
    }
  }
  return depth;
}

defineWidget("table", (widget, registerScope) => {
  const wrap = element("div", "dl-table-wrap");
  const table = element("table", "dl-table");
  const rows = Array.isArray(widget.rows) ? widget.rows : [];
  let first = 0; // the first row that goes in the body
  if (Array.isArray(widget.header) && widget.header.length) {
    const head = document.createElement("thead");
    const tr = row("th", widget.header, registerScope);
    for (const th of tr.children) th.scope = "col";
    head.append(tr);
    // A rowspan cannot reach from <thead> into <tbody>: the rows a header cell spans
    // stay in the head with it (as plain cells), so the columns below line up.
    first = Math.min(headerDepth(widget.header) - 1, rows.length);
    for (const cells of rows.slice(0, first)) head.append(row("td", cells, registerScope));
    table.append(head);
  }
  const body = document.createElement("tbody");
  for (const cells of rows.slice(first)) body.append(row("td", cells, registerScope));
  table.append(body);
  wrap.append(table);
  styleGoesTo(wrap, table);
  return wrap;
});
