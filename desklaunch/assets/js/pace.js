// Drawing what the app sends in slices of a few tens of milliseconds, so that the page
// keeps taking clicks and keys while a flood of output is drawn: Stop must get through a
// program printing as fast as it can. Commands are drawn in order, each once; those still
// waiting may have their scrolled-off console text left out (console.js) when newer text
// arrives. While commands wait, the output region is aria-busy: screen readers hold back
// until it is whole, and so does the test kit.

const SLICE_MS = 40;

export class Pacer {
  #queue = [];
  #replaying = 0; // how many of the first waiting commands rebuild the page (a reset)
  #after = [];
  #timer = null;

  /**
   * `draw(commands, until, replay)` draws commands from the start of the list until the
   * clock passes `until` (at least one) and returns how many it drew; `trim(commands)`
   * may shorten the waiting ones; `region` is marked busy while any wait.
   */
  constructor({ draw, trim, region }) {
    this.draw = draw;
    this.trim = trim;
    this.region = region;
  }

  /** Draw `commands` after those waiting: now, or in the next slices. */
  add(commands) {
    this.#queue.push(...commands);
    this.trim(this.#queue);
    if (this.#timer === null) this.#drain();
  }

  /** Forget the commands still waiting, and draw `commands` instead: what a reset answer
   * rebuilds the page from. */
  replace(commands) {
    this.#queue.length = 0;
    this.#replaying = commands.length;
    this.add(commands);
  }

  /** Run `fn` once every command received so far is drawn (now, if none waits). */
  whenDrawn(fn) {
    if (this.#queue.length) this.#after.push(fn);
    else fn();
  }

  #drain() {
    this.#timer = null;
    const until = performance.now() + SLICE_MS;
    const replay = this.#replaying > 0;
    const batch = replay ? this.#queue.slice(0, this.#replaying) : this.#queue;
    let drawn = batch.length;
    try {
      drawn = Math.max(1, this.draw(batch, until, replay));
    } catch (err) {
      // As when answers were drawn whole: what failed is not drawn again.
      console.error("desklaunch: drawing failed", err);
    }
    this.#queue.splice(0, drawn);
    this.#replaying = Math.max(0, this.#replaying - drawn);
    if (!this.#queue.length) return this.#settled();
    this.region.setAttribute("aria-busy", "true");
    // A task of its own, so input waiting in the browser is handled in between.
    this.#timer = setTimeout(() => this.#drain(), 0);
  }

  #settled() {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.region.removeAttribute("aria-busy");
    const after = this.#after.splice(0);
    for (const fn of after) {
      try {
        fn();
      } catch (err) {
        console.error("desklaunch: a step after drawing failed", err);
      }
    }
  }
}
