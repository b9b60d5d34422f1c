// `datatable` widgets (put_datatable; desklaunch/ui/datatable.py): a table to sort and
// pick rows from. Rows come as { k: key, cells: [...] }; the page answers the script with
// keys only ({ rows: [keys], action: index or null } to the table's callback), never
// with cell text. `datatable_rows` commands replace the rows (kept picks stay picked).
//
// A click on a column's title sorts by it: ascending, descending, then as given (numbers
// as numbers, text in the reader's collation). A click on a row (or Enter / Space on it)
// picks it; with several allowed each row has a tick box too. The rows are one Tab stop:
// Up / Down (Page Up / Page Down, Home / End) move between them, as in a grid.

import { cellText, drawRows, rove, showRow } from "./datatable-rows.js";
import { asText, element, uniqueId } from "./parts.js";
import { defineCommand } from "./render.js";
import { defineWidget } from "./widgets.js";

let sendEvent = () => false;
const tables = new Map(); // table id → state
let collator = null; // made at the first sort: making one costs ~10 ms, every page start

/** Give the tables the client's event queue. */
export function connectDatatables(send) {
  sendEvent = send;
}

function compare(a, b) {
  if (typeof a === "number" && typeof b === "number") return a - b;
  collator ??= new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
  return collator.compare(cellText(a), cellText(b));
}

function report(state, action) {
  const rows = [...state.picked];
  if (!rows.length && action === null) return;
  sendEvent({ type: "click", id: state.callback, value: { rows, action } });
}

/** New rows from the app: their elements made afresh as they are shown, in order. */
function drawBody(state) {
  const keys = new Set(state.rows.map((row) => row.k));
  for (const key of [...state.picked]) if (!keys.has(key)) state.picked.delete(key);
  state.elements = new Map();
  state.standIn = null;
  order(state);
  drawActions(state);
}

/** Put the rows in the sort's order (a sort of 100,000 rows costs one pass over them;
 *  the elements already made are moved, not rebuilt). */
function order(state) {
  let rows = state.rows;
  if (state.sort) {
    const { column, direction } = state.sort;
    rows = [...rows].sort((x, y) => direction * compare(x.cells[column], y.cells[column]));
  }
  state.view = rows;
  state.position = new Map(rows.map((row, index) => [row.k, index]));
  drawRows(state);
}

const ROW_STEPS = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };

/** The place in the sort's order a key moves to from the row in the Tab order, or null
 *  when the key does not move. */
function rowAfterKey(state, key) {
  const last = state.view.length - 1;
  if (last < 0) return null;
  if (key === "Home") return 0;
  if (key === "End") return last;
  const at = state.position.get(state.current) ?? state.first;
  if (!(key in ROW_STEPS)) return null;
  return Math.max(0, Math.min(last, at + ROW_STEPS[key]));
}

function drawActions(state) {
  for (const button of state.actionButtons) button.disabled = state.picked.size === 0;
  const count = state.picked.size;
  state.status.textContent = `Selected ${count} row${count === 1 ? "" : "s"}`;
}

function pick(state, tr) {
  const key = Number(tr.dataset.key);
  const changed = new Set([key]);
  if (state.multiple) {
    if (state.picked.has(key)) state.picked.delete(key);
    else state.picked.add(key);
  } else {
    for (const old of state.picked) changed.add(old);
    state.picked.clear();
    state.picked.add(key);
  }
  for (const changedKey of changed) {
    const row = state.elements.get(changedKey);
    if (!row) continue;
    const on = state.picked.has(changedKey);
    row.setAttribute("aria-selected", String(on));
    const box = row.querySelector("input[type=checkbox]");
    if (box) box.checked = on;
  }
  drawActions(state);
  if (state.onselect) report(state, null);
}

/** Untick every row (ag-grid's `api.deselectAll()`, which add-ons call). */
function pickNone(state) {
  for (const key of [...state.picked]) {
    state.picked.delete(key);
    const row = state.elements.get(key);
    row?.setAttribute("aria-selected", "false");
    const box = row?.querySelector("input[type=checkbox]");
    if (box) box.checked = false;
  }
  drawActions(state);
}

/** PyWebIO's page has each named table's ag-grid as `window.ag_grid_<name>_promise`, which
 *  add-ons use (pywebio_battery's file picker unticks its rows so) and PyWebIO's recipes
 *  read the table through (`getDataAsCsv`, `forEachLeafNode` with `field2path`): the part
 *  of its grid these tables have. A row's `data` has its shown columns, keyed by field. */
function offerGrid(state, name) {
  if (!/^[\w-]{1,64}$/.test(name)) return;
  const fields = state.fields.map((path) => path.join("."));
  const paths = new Map(fields.map((field, i) => [field, [...state.fields[i]]]));
  const data = (row) => Object.fromEntries(fields.map((field, i) => [field, valueOf(row, i)]));
  const each = (rows, visit) => rows.forEach((row, index) => visit({ data: data(row), id: String(row.k), rowIndex: index }, index));
  const api = Object.freeze({
    deselectAll: () => pickNone(state),
    getSelectedRows: () => state.rows.filter((row) => state.picked.has(row.k)).map(data),
    forEachNode: (visit) => each(state.rows, visit),
    forEachLeafNode: (visit) => each(state.rows, visit),
    forEachNodeAfterFilterAndSort: (visit) => each(state.view, visit),
    getDisplayedRowCount: () => state.view.length,
    getDataAsCsv: () => csv(state),
  });
  const grid = Object.freeze({ api, field2path: (field) => paths.get(String(field)) ?? [String(field)] });
  window[`ag_grid_${name}_promise`] = Promise.resolve(grid);
}

/** Cell `i`'s value as the script's record has it (`null`, a list), where the page shows
 *  it otherwise; else what the cell shows. */
function valueOf(row, i) {
  return Array.isArray(row.data) ? row.data[i] : row.cells[i];
}

/** The table as ag-grid's `getDataAsCsv` gives it: the titles, then the rows in the order
 *  shown, every value as its text (a list's items joined by commas, nothing for null),
 *  quoted, lines ended by CR LF. */
function csv(state) {
  const quoted = (value) => `"${(value === null || value === undefined ? "" : String(value)).replaceAll('"', '""')}"`;
  const lines = [state.columns, ...state.view.map((row) => row.cells.map((_, i) => valueOf(row, i)))];
  return lines.map((cells) => cells.map(quoted).join(",")).join("\r\n");
}

function sortBy(state, column) {
  const current = state.sort?.column === column ? state.sort.direction : 0;
  const next = current === 0 ? 1 : current === 1 ? -1 : 0;
  state.sort = next ? { column, direction: next } : null;
  state.headers.forEach((th, index) => {
    const direction = state.sort?.column === index ? state.sort.direction : 0;
    th.setAttribute("aria-sort", direction === 1 ? "ascending" : direction === -1 ? "descending" : "none");
  });
  order(state);
}

defineWidget("datatable", (widget) => {
  const id = asText(widget.id);
  const columns = Array.isArray(widget.columns) ? widget.columns.map(asText) : [];
  const wrap = element("div", "dl-datatable");
  const state = {
    id, callback: asText(widget.callback), columns, multiple: Boolean(widget.multiple),
    fields: columns.map((title, i) => (Array.isArray(widget.fields?.[i]) ? widget.fields[i].map(asText) : [title])),
    onselect: Boolean(widget.onselect), rows: Array.isArray(widget.rows) ? widget.rows : [],
    picked: new Set(), sort: null, headers: [], actionButtons: [], body: null, status: null,
    elements: new Map(), // row key → its <tr>, once shown
    current: null, // the key of the row in the Tab order
    standIn: null, // the drawn row in the Tab order while that row is not drawn
    view: [], position: new Map(), // the rows in the sort's order; row key → its place
    first: 0, rowHeight: 0, above: null, below: null, // the rows drawn (datatable-rows.js)
    table: null, scroller: null, headRows: 1,
  };
  const actions = Array.isArray(widget.actions) ? widget.actions : [];
  // Below the table, as PyWebIO's status bar: how many rows are picked, the buttons for
  // them, and the text of the cell last clicked.
  const footer = element("div", "dl-dt-footer");
  state.status = element("span", "dl-dt-status", "Selected 0 rows");
  state.status.setAttribute("aria-live", "polite");
  footer.append(state.status);
  if (actions.length) {
    const bar = element("div", "dl-dt-actions");
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", "Actions on the picked rows");
    actions.forEach((label, index) => {
      if (label === null) return bar.append(element("span", "dl-dt-gap"));
      const button = element("button", "dl-btn secondary", asText(label));
      button.type = "button";
      button.disabled = true;
      button.addEventListener("click", () => report(state, index));
      state.actionButtons.push(button);
      bar.append(button);
    });
    footer.append(bar);
  }
  let cellBar = null;
  if (widget.bar) {
    cellBar = element("div", "dl-dt-cellbar");
    cellBar.setAttribute("aria-live", "polite");
    footer.append(cellBar);
  }
  const scroller = element("div", "dl-dt-scroll");
  const height = asText(widget.height);
  if (height && height !== "auto" && /^[\d.]+(px|%|em|rem|vh)$/.test(height)) {
    scroller.style.maxHeight = height;
  }
  const table = element("table", "dl-table dl-dt-table");
  state.table = table;
  state.scroller = scroller;
  scroller.tabIndex = -1; // holds the focus when the focused row scrolls out of the page
  table.id = uniqueId("dl-dt");
  // A grid: its rows can be picked (aria-selected), one or several.
  table.setAttribute("role", "grid");
  if (state.multiple) table.setAttribute("aria-multiselectable", "true");
  const head = document.createElement("thead");
  const groups = Array.isArray(widget.groups) ? widget.groups : [];
  if (groups.length) {
    // Nested records: each parent's name over its columns, as ag-grid groups them.
    const groupRow = element("tr", "dl-dt-groups");
    if (state.multiple) groupRow.append(element("th"));
    for (const group of groups) {
      const th = element("th", "", asText(group?.label));
      th.colSpan = Math.max(1, Number(group?.span) || 1);
      if (th.textContent) th.scope = "colgroup";
      groupRow.append(th);
    }
    head.append(groupRow);
    state.headRows = 2;
  }
  const headRow = document.createElement("tr");
  if (state.multiple) {
    const pick = element("th", "dl-dt-pick");
    pick.scope = "col";
    // The boxes' column, named for screen readers (its cells are read with it).
    pick.append(element("span", "dl-visually-hidden", "Picked"));
    headRow.append(pick);
  }
  columns.forEach((title, index) => {
    const th = element("th");
    th.scope = "col";
    th.setAttribute("aria-sort", "none");
    const button = element("button", "dl-dt-sort", title);
    button.type = "button";
    button.addEventListener("click", () => sortBy(state, index));
    th.append(button);
    state.headers.push(th);
    headRow.append(th);
  });
  head.append(headRow);
  state.body = document.createElement("tbody");
  table.append(head, state.body);
  state.body.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const tr = target?.closest("tr[data-key]");
    if (!tr || !state.body.contains(tr)) return;
    const td = target.closest("td");
    if (cellBar && td && !td.classList.contains("dl-dt-pick")) cellBar.textContent = td.textContent;
    pick(state, tr);
  });
  // On the scroll area: the rows' keys work from it too, once the focused row has
  // scrolled out of the page (datatable-rows.js).
  scroller.addEventListener("keydown", (event) => {
    const onRow = event.target instanceof Element && event.target.closest("tr[data-key]");
    if (!onRow && event.target !== scroller) return;
    const at = state.position.get(state.current);
    if (event.key === "Enter" || event.key === " ") {
      if (at === undefined) return;
      event.preventDefault();
      pick(state, showRow(state, at));
      return;
    }
    const index = rowAfterKey(state, event.key);
    if (index === null || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const next = showRow(state, index);
    rove(state, next);
    next.focus();
  });
  state.body.addEventListener("focusin", (event) => {
    const tr = event.target instanceof Element ? event.target.closest("tr[data-key]") : null;
    if (tr && state.body.contains(tr)) rove(state, tr);
  });
  scroller.append(table);
  wrap.append(scroller, footer);
  tables.set(id, state);
  if (typeof widget.instance === "string") offerGrid(state, widget.instance);
  if (tables.size > 500) for (const [key, old] of tables) if (!old.body.isConnected) tables.delete(key);
  drawBody(state);
  return wrap;
});

defineCommand("datatable_rows", ({ id, rows }) => {
  const state = tables.get(asText(id));
  if (!state || !Array.isArray(rows)) return;
  state.rows = rows;
  drawBody(state);
});
