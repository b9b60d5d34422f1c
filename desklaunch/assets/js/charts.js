// plotly's charts in put_html (ui/plotlycharts.py): each figure read out of plotly's HTML
// is drawn into its element with the plotly.js the page loaded as a library's script, once
// that script has run and the element is in the document. It is drawn again wherever the
// output is built again (put into a row, a popup, a tab). plotly's own `responsive` setting
// makes it follow its box's width (a chart drawn in a closed tab takes the tab's when shown).

import { afterScripts } from "./scripts.js";
import { notShown, setChartDrawer } from "./widgets.js";

const FRAMES_TO_JOIN = 120; // how long an element built aside may take to join the document
const NO_ROOM = 40; // px: a box this low gives the chart no height of its own
const PLOTLYS_HEIGHT = 450; // px: plotly's own height for a chart whose box gives it none
const PLOTLYS_WIDTH = 700; // px: and its own width

const MAP_NOT_SHOWN = "Not shown: a map (plotly draws one on land outlines or tiles from the web, which this page does not load)";

/** Say in the chart's place why it is not drawn. */
function noted(place, text) {
  place.style.height = "auto";
  place.replaceChildren(notShown(text));
}

function failed(place, why) {
  noted(place, `Not shown: plotly could not draw this chart (${String(why?.message ?? why)})`);
}

function draw(root, chart, frames = 0) {
  if (!root.isConnected) {
    if (frames < FRAMES_TO_JOIN) requestAnimationFrame(() => draw(root, chart, frames + 1));
    return;
  }
  const place = root.querySelector(`#${CSS.escape(String(chart.id))}`);
  if (!place) return;
  if (chart.map) return noted(place, MAP_NOT_SHOWN);
  const plotly = window.Plotly;
  if (!plotly) return failed(place, "plotly.js did not load");
  // plotly's HTML sizes the chart to its box (height: 100%); a grid's stretched cell (a
  // column's) or a closed tab gives that box no height, and the chart would be a sliver.
  const box = place.getBoundingClientRect();
  if (!chart.layout?.height && box.height < NO_ROOM) place.style.height = `${PLOTLYS_HEIGHT}px`;
  // A table's cell is as wide as what is in it, which an empty chart is not: it takes
  // plotly's own width there, as PyWebIO's do, within the window. (A closed tab gives no
  // width either, but is not laid out: the chart takes the tab's when shown.)
  const laidOut = place.getClientRects().length > 0;
  if (!chart.layout?.width && laidOut && (box.width < NO_ROOM || place.closest("td, th"))) {
    place.style.width = `min(${PLOTLYS_WIDTH}px, 85vw)`;
  }
  let drawn = plotly.newPlot(place, chart.data, chart.layout, chart.config);
  if (Array.isArray(chart.frames)) drawn = drawn.then(() => plotly.addFrames(place, chart.frames));
  if (chart.animate) drawn = drawn.then(() => plotly.animate(place, null, chart.animate));
  drawn.catch((why) => failed(place, why));
}

setChartDrawer((root, charts) => {
  for (const chart of charts) {
    if (chart && typeof chart === "object") afterScripts(() => draw(root, chart));
  }
});
