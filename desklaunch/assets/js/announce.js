// What screen readers hear of things that change away from the person's focus: new
// outputs and console lines, politely and in batches (a burst of 10,000 lines is one short
// announcement, not 10,000), and errors assertively, at once.
//
// Two live regions carry the words, one polite (role="status") and one assertive
// (role="alert"), inside #dl-voice (visually hidden) and its closed shadow root: screen
// readers hear what is put there, but it is no second copy of the page's text for anything
// that reads the DOM (find-in-page, a test looking for a line). Regions that speak for
// themselves (role="alert" elements, the toasts, the connection banner) are not repeated.

const BATCH_MS = 400; // lines arriving within this time are told together
const STEADY_MAX_MS = 6000; // a steady stream is told at most this seldom
const SHOWN_LINES = 3; // a batch of up to this many lines is read in full
const MAX_CHARS = 240; // per line: enough to know what it says

const regions = (() => {
  const host = document.getElementById("dl-voice");
  if (!host) return {};
  const root = host.attachShadow({ mode: "closed" });
  const polite = document.createElement("div");
  polite.setAttribute("role", "status");
  polite.setAttribute("aria-live", "polite");
  const assertive = document.createElement("div");
  assertive.setAttribute("role", "alert");
  assertive.setAttribute("aria-live", "assertive");
  root.append(polite, assertive);
  return { polite, assertive };
})();

let count = 0;
let last = []; // the newest lines of the batch, at most SHOWN_LINES
let timer = 0;
let wait = BATCH_MS; // how long a batch gathers: longer while lines keep coming
let toldAt = -Infinity; // when the last batch was told

const clean = (text) => {
  const line = String(text).replace(/\s+/g, " ").trim();
  return line.length > MAX_CHARS ? `${line.slice(0, MAX_CHARS)}\u2026` : line;
};

/** Put `message` in `region`, replacing what it said (so a repeat is heard again). */
function say(region, message) {
  if (!region) return;
  const line = document.createElement("p");
  line.textContent = message;
  region.replaceChildren(line);
}

/** The batch gathered so far, in words ("" when none), and a fresh batch begun. */
function takeBatch() {
  const message = !count ? "" : count <= SHOWN_LINES
    ? last.join("\n")
    : `${count.toLocaleString("en")} new lines. The last: ${last[last.length - 1]}`;
  count = 0;
  last = [];
  toldAt = performance.now();
  return message;
}

function flush() {
  timer = 0;
  if (count) say(regions.polite, takeBatch());
}

/** Tell `message` politely, now, after the lines gathered so far: a question the person
 *  answers next is not held back with a steady stream's batches. */
export function announceNow(message) {
  const text = clean(message);
  if (!text) return;
  clearTimeout(timer);
  timer = 0;
  wait = BATCH_MS;
  const before = takeBatch();
  say(regions.polite, before ? `${before}\n${text}` : text);
}

/**
 * Tell `total` new lines (or outputs) whose newest texts are `texts` (oldest first; empty
 * ones are skipped), politely, together with whatever else arrives within BATCH_MS.
 */
export function announceLines(total, texts) {
  const lines = texts.map(clean).filter(Boolean);
  if (!total || !lines.length) return;
  count += total;
  last = [...last, ...lines].slice(-SHOWN_LINES);
  if (timer) return;
  // Output that never pauses (a line every second) would be read without end, each
  // batch taking longer to say than the wait for the next: while it keeps coming, each
  // batch gathers twice as long as the last, up to STEADY_MAX_MS; a pause starts over.
  const steady = performance.now() - toldAt < wait + BATCH_MS;
  wait = steady ? Math.min(wait * 2, STEADY_MAX_MS) : BATCH_MS;
  timer = setTimeout(flush, wait);
}

/** Tell `message` assertively, now (an error the person must hear). */
export function announceUrgently(message) {
  const text = clean(message);
  if (text) say(regions.assertive, text);
}
