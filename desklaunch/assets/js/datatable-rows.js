// The rows of a data table (datatable.js) in the sort's order, each <tr> made when first
// shown. A table of up to FULL_ROWS rows has them all in the page. A longer one has only
// WINDOW_ROWS of them, around where the person looks, between two empty rows as tall as
// the rows left out: a browser lays out 100,000 table rows in seconds, so the table scrolls
// as a whole while its rows are drawn as they come into view (as ag-grid draws
// PyWebIO's). Screen readers hear each row's place among them all (aria-rowindex).

import { asText, element } from "./parts.js";

const FULL_ROWS = 1000;
const WINDOW_ROWS = 240;
const EDGE_ROWS = 40; // drawn anew when the view comes this close to the window's edge
const GUESSED_HEIGHT = 33; // px a row, until one is measured

export const cellText = (value) => (typeof value === "boolean" ? String(value) : asText(value));

const long = new Set(); // the tables whose rows are drawn near the view only
let scheduled = false;

function rowElement(state, row) {
  const tr = document.createElement("tr");
  tr.dataset.key = String(row.k);
  tr.tabIndex = -1; // one row at a time is in the Tab order (`rove`)
  const picked = state.picked.has(row.k);
  tr.setAttribute("aria-selected", String(picked));
  if (state.multiple) {
    const td = element("td", "dl-dt-pick");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.checked = picked;
    box.tabIndex = -1;
    box.setAttribute("aria-label", `Pick row ${cellText(row.cells[0])}`);
    td.append(box);
    tr.append(td);
  }
  state.columns.forEach((_, index) => tr.append(element("td", "", cellText(row.cells[index]))));
  return tr;
}

/** The <tr> of the row at `index` in the sort's order, made the first time it is asked for. */
export function rowAt(state, index) {
  const row = state.view[index];
  let tr = state.elements.get(row.k);
  if (!tr) {
    tr = rowElement(state, row);
    state.elements.set(row.k, tr);
  }
  return tr;
}

function spacer(state) {
  const tr = element("tr", "dl-dt-spacer");
  tr.setAttribute("aria-hidden", "true");
  const td = element("td");
  td.colSpan = state.columns.length + (state.multiple ? 1 : 0);
  tr.append(td);
  return tr;
}

/** How many rows are in the page at once. */
export const shownCount = (state) =>
  (state.view.length <= FULL_ROWS ? state.view.length : WINDOW_ROWS);

/** Make `tr` the table's one row in the Tab order (the one Tab comes back to). */
export function rove(state, tr) {
  if (!tr) return;
  const before = state.elements.get(state.current);
  if (before && before !== tr) before.tabIndex = -1;
  if (state.standIn && state.standIn !== tr) state.standIn.tabIndex = -1;
  state.standIn = null;
  tr.tabIndex = 0;
  state.current = Number(tr.dataset.key);
}

/** Put rows `first`... in the page (all of them for a short table), in the sort's order. */
export function drawRows(state, first = state.first) {
  const total = state.view.length;
  const count = shownCount(state);
  state.first = Math.max(0, Math.min(first, total - count));
  state.first -= state.first % 2; // a row keeps its stripe (nth-child) as the rows move
  const windowed = count < total;
  const fragment = new DocumentFragment();
  if (windowed) {
    state.above ??= spacer(state);
    state.below ??= spacer(state);
    fragment.append(state.above);
  }
  const heads = state.headRows;
  for (let i = state.first; i < state.first + count; i += 1) {
    const tr = rowAt(state, i);
    if (windowed) tr.setAttribute("aria-rowindex", String(heads + i + 1));
    else tr.removeAttribute("aria-rowindex");
    fragment.append(tr);
  }
  if (windowed) fragment.append(state.below);
  const focused = state.body.contains(document.activeElement) ? document.activeElement : null;
  state.body.replaceChildren(fragment);
  // A row focused and now left out: the scroll area keeps the focus, and the keys.
  if (focused && !focused.isConnected) state.scroller.focus({ preventScroll: true });
  if (windowed) {
    state.table.setAttribute("aria-rowcount", String(heads + total));
    if (long.size > 100) for (const old of long) if (!old.body.isConnected) long.delete(old);
    long.add(state);
    // Rows have no height until the table is shown (built before it is in the page, or in
    // a closed tab or collapse): measured again whenever its box changes size.
    state.resized ??= new ResizeObserver(() => requestAnimationFrame(
      () => long.has(state) && sizeSpacers(state))); // next frame: no resize loop
    state.resized.observe(state.table);
  } else {
    state.table.removeAttribute("aria-rowcount");
    long.delete(state);
    state.resized?.disconnect();
  }
  sizeSpacers(state);
  const current = state.elements.get(state.current);
  if (current?.isConnected) rove(state, current);
  else if (state.body.querySelector("tr[data-key]")) {
    // The row in the Tab order is not drawn: the first drawn one takes its place.
    state.standIn?.setAttribute("tabindex", "-1");
    state.standIn = state.body.querySelector("tr[data-key]");
    state.standIn.tabIndex = 0;
  }
}

/** The left-out rows' room, from the drawn rows' measured height. */
function sizeSpacers(state) {
  if (!long.has(state)) return;
  const drawn = state.body.querySelectorAll("tr[data-key]");
  const height = drawn.length
    ? (drawn[drawn.length - 1].getBoundingClientRect().bottom - drawn[0].getBoundingClientRect().top) / drawn.length
    : 0;
  if (height > 0) state.rowHeight = height;
  const each = Math.round((state.rowHeight || GUESSED_HEIGHT) * 100) / 100;
  const after = state.view.length - state.first - drawn.length;
  setHeight(state.above.firstChild, state.first * each);
  setHeight(state.below.firstChild, after * each);
}

/** A spacer's height, touched only when it changes (each change is a resize to observe). */
function setHeight(td, px) {
  const height = `${Math.round(px)}px`;
  if (td.style.height !== height) td.style.height = height;
}

/** Draw rows so that row `index` is in the page; its <tr>. */
export function showRow(state, index) {
  const count = shownCount(state);
  if (index < state.first || index >= state.first + count) {
    drawRows(state, index - Math.floor(count / 2));
  }
  return rowAt(state, index);
}

/** Draw the rows now in view, for each long table whose view came near its window's edge. */
/** The place in the sort's order of the row at height `y` (in the viewport): found among
 *  the drawn rows, or reckoned in the room of the rows left out, at `each` px a row. */
function indexAt(state, y, each) {
  const aboveEnd = state.above.getBoundingClientRect().bottom;
  if (y < aboveEnd) return Math.floor((y - state.body.getBoundingClientRect().top) / each);
  const count = shownCount(state);
  const belowStart = state.below.getBoundingClientRect().top;
  if (y >= belowStart) return state.first + count + Math.floor((y - belowStart) / each);
  const drawn = state.body.querySelectorAll("tr[data-key]");
  for (let i = 0; i < drawn.length; i += 1) {
    if (drawn[i].getBoundingClientRect().bottom > y) return state.first + i;
  }
  return state.first + count - 1;
}

/** The first drawn row in view from `top`, and where it is; null when none is. */
function anchorAt(state, top, bottom) {
  for (const tr of state.body.querySelectorAll("tr[data-key]")) {
    const rect = tr.getBoundingClientRect();
    if (rect.bottom > top && rect.top < bottom) return { tr, y: rect.top };
  }
  return null;
}

/** Scroll the table (or the page, when the table is as tall as its rows) by `px`. */
function scrollBy(state, px) {
  const box = state.scroller;
  if (box.scrollHeight > box.clientHeight) box.scrollTop += px;
  else window.scrollBy(0, px);
}

let passes = 0; // frames in a row that looked again after a jump left no drawn row in view

/** Draw the rows now in view, for each long table whose view came near its window's edge.
 *  The rows in view stay where they were on the screen as the window moves (rows of other
 *  heights than reckoned would move them); a jump past every drawn row is looked at again
 *  in the next frame, once the rows drawn for it have their heights. */
function follow() {
  scheduled = false;
  let again = false;
  for (const state of long) {
    if (!state.body.isConnected) continue; // not shown yet, or taken away
    const box = state.scroller.getBoundingClientRect();
    const top = Math.max(box.top, 0);
    const bottom = Math.min(box.bottom, window.innerHeight);
    if (bottom <= top) continue; // not in view
    const each = state.rowHeight || GUESSED_HEIGHT;
    const from = indexAt(state, top, each);
    const to = indexAt(state, bottom, each);
    const count = shownCount(state);
    const last = state.first + count;
    const nearTop = state.first > 0 && from < state.first + EDGE_ROWS;
    const nearEnd = last < state.view.length && to > last - EDGE_ROWS;
    if (!nearTop && !nearEnd) continue;
    const anchor = anchorAt(state, top, bottom);
    drawRows(state, Math.floor((from + to - count) / 2));
    if (anchor?.tr.isConnected) {
      const moved = anchor.tr.getBoundingClientRect().top - anchor.y;
      if (Math.abs(moved) >= 1) scrollBy(state, moved);
    } else {
      again = true;
    }
  }
  passes = again ? passes + 1 : 0;
  if (again && passes < 5) schedule();
}

function schedule() {
  if (scheduled || !long.size) return;
  scheduled = true;
  requestAnimationFrame(follow);
}

// Scroll events do not bubble: caught on their way down, from the page or any box in it.
document.addEventListener("scroll", schedule, { capture: true, passive: true });
window.addEventListener("resize", schedule, { passive: true });
