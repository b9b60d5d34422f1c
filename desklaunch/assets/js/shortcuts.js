// Keyboard shortcuts people expect of a desktop program. The native window has no menu, so
// the page handles them itself; they then work the same in the window and in a browser tab.
//
//   Ctrl/Cmd + "=" (or "+")   zoom in          Ctrl/Cmd + "-"   zoom out
//   Ctrl/Cmd + "0"            actual size      F5, Ctrl/Cmd + R  reload the page
//
// Reloading re-attaches to the running script (it never restarts it). The zoom is CSS zoom
// on the root element, kept in sessionStorage so a reload keeps it. Importing this module
// installs the shortcuts.

const STEPS = [0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3];
const STORAGE_KEY = "desklaunch.zoom";

function storedZoom() {
  try {
    const value = Number(sessionStorage.getItem(STORAGE_KEY));
    return STEPS.includes(value) ? value : 1;
  } catch {
    return 1; // storage unavailable: start at actual size
  }
}

let zoom = storedZoom();

function applyZoom(value) {
  zoom = value;
  document.documentElement.style.zoom = value === 1 ? "" : String(value);
  try {
    sessionStorage.setItem(STORAGE_KEY, String(value));
  } catch {
    // The zoom then lasts until the page reloads.
  }
}

function step(direction) {
  const index = STEPS.indexOf(zoom);
  const next = Math.min(Math.max(index + direction, 0), STEPS.length - 1);
  applyZoom(STEPS[next]);
}

/** The action for a key press, or null when it is not one of ours. */
function actionFor(event) {
  if (event.altKey) return null;
  const command = event.ctrlKey || event.metaKey;
  if (event.key === "F5" && !command) return () => location.reload();
  if (!command) return null;
  switch (event.key) {
    case "=":
    case "+":
      return () => step(1);
    case "-":
    case "_":
      return () => step(-1);
    case "0":
      return () => applyZoom(1);
    case "r":
    case "R":
      return event.shiftKey ? null : () => location.reload();
    default:
      return null;
  }
}

document.addEventListener("keydown", (event) => {
  const action = actionFor(event);
  if (action === null) return;
  event.preventDefault();
  action();
});

if (zoom !== 1) applyZoom(zoom);
