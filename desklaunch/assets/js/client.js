// The connection to the app's server: the long-poll loop (GET /api/poll) and the
// event sender (POST /api/events). The contract is docs/protocol.md.
//
// The client knows nothing about the DOM; it reports through the hooks given to it:
//   onReset(commands)      a reset answer: clear everything, then render `commands`
//   onCommands(commands)   new commands, in seq order, each exactly once
//   onConnection(ok)       false while the server can't be reached, true once it can
//   onForbidden()          403: the page lost its cookie; the client has stopped
//   onDetached()           another view took the session over; the client has stopped
//   onEnded(reason)        the session is gone ("ended", "expired", "unknown"); stopped

const STORAGE_KEY = "desklaunch.session"; // first-poll.js reads it too
const BACKOFF_FIRST_MS = 100;
const BACKOFF_MAX_MS = 2000;
// The server answers a long poll within about 20 s; a poll silent for this long is
// taken as a dead connection (e.g. after the computer slept) and retried.
const POLL_WATCHDOG_MS = 60000;
const MAX_EVENTS_PER_POST = 100;
const MAX_BODY_BYTES = 1024 * 1024;

class Forbidden extends Error {}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Rejects once `signal` aborts: for a request this page did not start with that signal. */
const untilAborted = (signal) =>
  new Promise((_, reject) => {
    signal.addEventListener("abort", () => reject(new Error("aborted")), { once: true });
  });
const nextBackoff = (ms) => Math.min(ms * 2, BACKOFF_MAX_MS);

function readStoredSession() {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function storeSession(id) {
  try {
    if (id === null) sessionStorage.removeItem(STORAGE_KEY);
    else sessionStorage.setItem(STORAGE_KEY, id);
  } catch {
    // Storage can be unavailable; the session then simply doesn't survive a reload.
  }
}

/**
 * The answer of the poll first-poll.js sent while this script loaded, for the client's
 * first poll (once only; null when it asked for another session). From then on
 * first-poll.js sends nothing.
 */
function takeFirstPoll(session) {
  const first = window.desklaunchFirstPoll;
  window.desklaunchFirstPoll = null;
  return first && first.session === session ? first.response : null;
}

function utf8Length(text) {
  // Cheap upper bound first: a UTF-16 code unit never takes more than 3 UTF-8 bytes.
  return text.length * 3 <= MAX_BODY_BYTES ? text.length : new TextEncoder().encode(text).length;
}

export class Client {
  #hooks;
  #session = readStoredSession();
  #sessionFromStorage = this.#session !== null;
  #view = null;
  #rendered = 0; // highest command seq rendered (the `ack`)
  #ahead = new Map(); // seq → command that arrived before an earlier one (see #receive)
  #answered = false; // has this session answered this page at least once?
  #running = false;
  #loopId = 0; // bumps whenever the loop stops, so a stale loop exits
  #pollAbort = null;
  #repollNow = false;
  #failing = { poll: false, events: false };

  #eventSeq = 0;
  #eventGen = 0; // bumps when the view changes: queued and in-flight events are dropped
  #queue = [];
  #sending = false;

  constructor(hooks) {
    this.#hooks = hooks;
  }

  start() {
    if (this.#running) return;
    this.#running = true;
    this.#repollNow = false;
    this.#pollLoop(++this.#loopId);
  }

  /** After "detached": take the session back (a new view, replayed with a reset). */
  reattach() {
    this.#view = null;
    this.start();
  }

  /** After the session expired: forget it and start the script afresh. */
  restart() {
    this.#forgetSession();
    this.start();
  }

  /** Queue an event ({type, id, value}) for the server. False when it can't be sent. */
  send(event) {
    if (!this.#running || this.#view === null) return false;
    this.#queue.push({ ...event, seq: ++this.#eventSeq });
    this.#sendQueued();
    return true;
  }

  /** POST one chunk of a file (`query` as in docs/protocol.md, "Uploads"); the answer. */
  async upload(query, body) {
    if (!this.#running || this.#view === null) {
      return { ok: false, status: 0, data: { error: "The app is not connected" } };
    }
    const response = await fetch(`/api/upload?${query}`, {
      method: "POST",
      headers: {
        "X-Desklaunch": "1",
        "X-Desklaunch-Session": this.#session,
        "X-Desklaunch-View": this.#view,
        "Content-Type": "application/octet-stream",
      },
      body,
      credentials: "same-origin",
      cache: "no-store",
    });
    let data = null;
    try {
      data = await response.json();
    } catch {
      data = null;
    }
    return { ok: response.ok && !data?.closed && !data?.detached, status: response.status, data };
  }

  // ---- state -----------------------------------------------------------------------

  #stop() {
    this.#running = false;
    this.#loopId++;
    this.#dropEvents();
    if (this.#pollAbort) this.#pollAbort.abort();
  }

  #dropEvents() {
    this.#queue.length = 0;
    this.#eventSeq = 0;
    this.#eventGen++;
  }

  #forgetSession() {
    this.#session = null;
    this.#sessionFromStorage = false;
    this.#view = null;
    this.#rendered = 0;
    this.#ahead.clear();
    this.#answered = false;
    storeSession(null);
  }

  #setFailing(channel, failing) {
    const before = this.#failing.poll || this.#failing.events;
    this.#failing[channel] = failing;
    const after = this.#failing.poll || this.#failing.events;
    if (before !== after) this.#call("onConnection", !after);
  }

  #call(hook, ...args) {
    try {
      this.#hooks[hook]?.(...args);
    } catch (err) {
      console.error(`desklaunch: ${hook} failed`, err);
    }
  }

  // ---- HTTP --------------------------------------------------------------------------

  async #request(method, url, { body = null, session, view, signal } = {}) {
    const headers = { "X-Desklaunch": "1" };
    if (session) headers["X-Desklaunch-Session"] = session;
    if (view) headers["X-Desklaunch-View"] = view;
    if (body !== null) headers["Content-Type"] = "application/json";
    const response = await fetch(url, {
      method,
      headers,
      body,
      signal,
      credentials: "same-origin",
      cache: "no-store",
    });
    return this.#read(response);
  }

  async #read(response) {
    if (response.status === 403) throw new Forbidden();
    let data = null;
    try {
      data = await response.json();
    } catch {
      data = null; // not JSON: the caller decides whether that is an error
    }
    return { ok: response.ok, status: response.status, data };
  }

  #forbidden() {
    this.#stop();
    this.#call("onForbidden");
  }

  // ---- polling -----------------------------------------------------------------------

  async #pollLoop(loopId) {
    let backoff = BACKOFF_FIRST_MS;
    while (loopId === this.#loopId) {
      let answer;
      try {
        answer = await this.#poll();
      } catch (err) {
        if (loopId !== this.#loopId) return;
        if (err instanceof Forbidden) return this.#forbidden();
        if (this.#repollNow) {
          this.#repollNow = false;
          continue;
        }
        this.#setFailing("poll", true);
        await sleep(backoff);
        backoff = nextBackoff(backoff);
        continue;
      }
      if (loopId !== this.#loopId) return;
      backoff = BACKOFF_FIRST_MS;
      this.#repollNow = false;
      this.#setFailing("poll", false);
      this.#handleAnswer(answer);
      // No delay: the next long poll goes out at once.
    }
  }

  async #poll() {
    const abort = new AbortController();
    this.#pollAbort = abort;
    const watchdog = setTimeout(() => abort.abort(), POLL_WATCHDOG_MS);
    try {
      const first = takeFirstPoll(this.#session);
      const early = first && first.then((response) => this.#read(response));
      early?.catch(() => {}); // a late failure after the watchdog gave up on it is not news
      const { ok, data } = early
        ? await Promise.race([early, untilAborted(abort.signal)])
        : await this.#request("GET", `/api/poll?ack=${this.#rendered}`, {
            session: this.#session,
            view: this.#view,
            signal: abort.signal,
          });
      const isObject = data !== null && typeof data === "object" && !Array.isArray(data);
      if (isObject && (data.closed || data.detached)) return data;
      if (!ok || !isObject) throw new Error("bad poll answer");
      return data;
    } finally {
      clearTimeout(watchdog);
      if (this.#pollAbort === abort) this.#pollAbort = null;
    }
  }

  /** Cut the current long poll short and poll again at once (no error shown). */
  #repoll() {
    if (!this.#pollAbort) return;
    this.#repollNow = true;
    this.#pollAbort.abort();
  }

  #handleAnswer(answer) {
    if (answer.closed) return this.#closed(answer.reason);
    if (answer.detached) {
      this.#stop();
      this.#call("onDetached");
      return;
    }
    if (typeof answer.session === "string" && answer.session !== this.#session) {
      this.#session = answer.session;
      storeSession(answer.session);
    }
    if (typeof answer.view === "string" && answer.view !== this.#view) {
      this.#view = answer.view;
      this.#dropEvents(); // event seqs count from 1 per view
    }
    this.#answered = true;
    const commands = Array.isArray(answer.commands) ? answer.commands : [];
    if (answer.reset) {
      this.#ahead.clear();
      this.#call("onReset", commands);
      this.#rendered = Number.isInteger(answer.seq) ? answer.seq : 0;
      return;
    }
    this.#receive(commands);
  }

  /**
   * Render new commands in seq order. They come in poll answers and in event answers
   * (a click's output rides back with the click), which may overtake each other; seqs
   * have no holes, so a command past a hole waits here until the earlier ones arrive.
   */
  #receive(commands) {
    for (const command of commands) {
      if (command && Number.isInteger(command.seq) && command.seq > this.#rendered) {
        this.#ahead.set(command.seq, command);
      }
    }
    const ready = [];
    for (let next = this.#rendered + 1; this.#ahead.has(next); next++) {
      ready.push(this.#ahead.get(next));
      this.#ahead.delete(next);
    }
    if (!ready.length) return;
    this.#rendered = ready[ready.length - 1].seq;
    this.#call("onCommands", ready);
    // The script's end, come back with a click or a submit: the long poll under way
    // carries an older ack, so the app would not know its last output is shown (and
    // --close-on-exit would wait); a fresh poll says so at once.
    if (ready.some((command) => command.cmd === "state")) this.#repoll();
  }

  #closed(reason) {
    const stale = reason === "unknown" || reason === "expired";
    if (reason === "restarted" || (stale && this.#sessionFromStorage && !this.#answered)) {
      // "restarted": the script was rerun (--reload, or a PyWebIO app's page loaded again);
      // its fresh session replaces this one.
      // Otherwise a reload (or a new tab) found its stored session gone: start a new one.
      this.#forgetSession();
      this.#dropEvents();
      return;
    }
    this.#stop();
    if (stale) this.#forgetSession();
    this.#call("onEnded", typeof reason === "string" ? reason : "ended");
  }

  // ---- events ------------------------------------------------------------------------

  #takeBatch() {
    let batch = this.#queue.splice(0, MAX_EVENTS_PER_POST);
    let body = JSON.stringify({ events: batch });
    while (batch.length > 1 && utf8Length(body) > MAX_BODY_BYTES) {
      const keep = Math.max(1, Math.floor(batch.length / 2));
      this.#queue.unshift(...batch.slice(keep));
      batch = batch.slice(0, keep);
      body = JSON.stringify({ events: batch });
    }
    if (utf8Length(body) > MAX_BODY_BYTES) {
      console.error("desklaunch: an event is larger than 1 MiB and was dropped", batch[0].type);
      return null;
    }
    return body;
  }

  async #sendQueued() {
    if (this.#sending) return;
    this.#sending = true;
    try {
      while (this.#queue.length && this.#running) {
        const gen = this.#eventGen;
        const session = this.#session;
        const view = this.#view;
        const body = this.#takeBatch();
        if (body === null) continue;
        await this.#post(body, { gen, session, view });
      }
    } finally {
      this.#sending = false;
    }
  }

  /** POST one batch until it is delivered, refused, or made pointless. */
  async #post(body, { gen, session, view }) {
    let backoff = BACKOFF_FIRST_MS;
    while (gen === this.#eventGen) {
      let answer;
      try {
        answer = await this.#request("POST", `/api/events?ack=${this.#rendered}`, {
          body,
          session,
          view,
        });
      } catch (err) {
        if (err instanceof Forbidden) return this.#forbidden();
        answer = null; // network error
      }
      const { ok = false, status = 0, data = null } = answer ?? {};
      if (data && (data.closed || data.detached)) {
        // The session is gone or another view has it; the poll loop hears the same.
        this.#setFailing("events", false);
        this.#dropEvents();
        this.#repoll();
        return;
      }
      if (ok && data !== null) {
        this.#setFailing("events", false);
        // The app answered, so it can be reached, even while a long poll that got through
        // again waits for something new to say.
        this.#setFailing("poll", false);
        if (gen === this.#eventGen && Array.isArray(data.commands)) this.#receive(data.commands);
        return;
      }
      if (status >= 400 && status < 500) {
        this.#setFailing("events", false);
        console.error(`desklaunch: events refused (${status})`, data && data.error);
        return; // resending the same batch would be refused again
      }
      // Network error, 5xx, or not JSON: the same batch again (the server ignores
      // events whose seq it has seen).
      this.#setFailing("events", true);
      await sleep(backoff);
      backoff = nextBackoff(backoff);
    }
  }
}
