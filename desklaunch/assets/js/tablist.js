// Keyboard for a tab list (the WAI-ARIA tabs pattern): the chosen tab is the only one in
// the Tab order (roving tabindex); Left/Right (and Up/Down) move to the previous/next tab,
// Home/End to the first/last, and the tab reached is shown at once.

const KEYS = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowDown: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  ArrowUp: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

/** Let the keyboard move through `tabs` in `list`; `show(index)` shows tab `index`. */
export function tabKeys(list, tabs, show) {
  list.addEventListener("keydown", (event) => {
    const move = KEYS[event.key];
    const current = tabs.indexOf(document.activeElement);
    if (!move || current < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const next = move(current, tabs.length);
    show(next);
    tabs[next].focus();
  });
}
