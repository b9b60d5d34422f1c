// The script's own JavaScript and CSS (PyWebIO's run_js, eval_js and config(js_code=,
// js_file=, css_style=, css_file=, theme=)).
//
// None of it arrives as text to evaluate: each piece is a same-origin resource of the
// session (`/res/<key>/<name>`), loaded by a <script src> or <link rel=stylesheet>, so the
// page's CSP keeps no 'unsafe-eval' and no inline script. The server wraps run_js's code as
// a function, which its file hands to the page on its own element (a `desklaunch-define`
// event); the page keeps it by its address and calls it with each call's arguments (JSON
// data, never code). Calls run in the order they came, each once the code before it ran.

import { installJQueryLite } from "./jquery-lite.js";
import { asText, element } from "./parts.js";
import { defineCommand } from "./render.js";

const RESOURCE = /^\/res\/[A-Za-z0-9_-]{1,64}\/[A-Za-z0-9_-]{1,64}$/;
const MAX_ANSWER = 512 * 1024;
const MAX_DEPTH = 12;

let sendEvent = () => false;

/** Answer `eval_js` through `send`. */
export function connectScripts(send) {
  sendEvent = send;
}

const functions = new Map(); // a run_js code's address → its function, once loaded
const loading = new Map(); // … → the promise of it, while its file loads
let queued = Promise.resolve(); // the calls (and page scripts) waiting for code before them
let waiting = 0;

/** PyWebIO's page globals for a script's own code, which may use them; never for a
 *  library's (bokeh's, compat/bokehcharts.py), which takes a global `$` for the real jQuery
 *  and breaks on ours. */
function shimsFor(library) {
  if (library) return;
  installJQueryLite(); // PyWebIO's page has jQuery, and its users' code says `$(...)`
  installWebIO();
}

/**
 * Load and run the resource `src` as a classic script (page code), after every script
 * loaded before it (`async = false` keeps the order); `done({ok, value})` once it ran.
 */
function runScript(src, done, library = false) {
  shimsFor(library);
  const script = element("script");
  script.async = false;
  const ran = new Promise((resolve) => {
    script.addEventListener("load", () => {
      script.remove();
      resolve({ ok: true, value: null });
    });
    script.addEventListener("error", () => {
      script.remove();
      resolve({ ok: false, value: "the code could not be loaded" });
    });
  });
  script.src = src;
  document.head.append(script);
  // run_js calls made after it wait for it: its code may define what they call
  waiting += 1;
  queued = queued.then(() => ran).then(done).finally(() => {
    waiting -= 1;
  });
}

/** The function the code at `src` defines (its file loaded once, however often called). */
function functionAt(src) {
  if (functions.has(src)) return Promise.resolve(functions.get(src));
  if (!loading.has(src)) {
    loading.set(src, new Promise((resolve, reject) => {
      const script = element("script");
      script.async = false; // in order with the page's own scripts (config(js_file=))
      let defined = null;
      script.addEventListener("desklaunch-define", (event) => {
        defined = event.detail;
      });
      script.addEventListener("load", () => {
        script.remove();
        loading.delete(src);
        if (typeof defined !== "function") {
          reject("the code did not run (is it valid JavaScript?)");
          return;
        }
        functions.set(src, defined);
        resolve(defined);
      });
      script.addEventListener("error", () => {
        script.remove();
        loading.delete(src);
        reject("the code could not be loaded");
      });
      script.src = src;
      document.head.append(script);
    }));
  }
  return loading.get(src);
}

function call(fn, args) {
  try {
    return { ok: true, value: fn.apply(window, Array.isArray(args) ? args : []) };
  } catch (error) {
    return { ok: false, value: String(error) };
  }
}

/** Call the code at `src` with `args` after every call before it; `done({ok, value})`. */
function callScript(src, args, done, library = false) {
  // The globals are made as the code runs, not as it is queued: a library's code queued
  // before it (bokeh's) runs first, without them.
  const run = (fn) => {
    shimsFor(library);
    return done(call(fn, args));
  };
  const known = functions.get(src);
  if (known !== undefined && waiting === 0) return run(known); // in order now
  const ready = functionAt(src); // loads beside the calls before it
  ready.catch(() => {}); // its failure is this call's, told below: not an unhandled one
  afterScripts(() => ready.then(run, (why) => done({ ok: false, value: String(why) })));
}

/** Call `fn` once the page's scripts and the calls queued before now have run (a
 *  library's own script, which `fn` uses). */
export function afterScripts(fn) {
  waiting += 1;
  queued = queued.then(fn).catch((why) => console.error("desklaunch:", why)).finally(() => {
    waiting -= 1;
  });
}

/** `value` as plain JSON data the app accepts, or null (functions, cycles, too big). */
function asAnswer(value) {
  try {
    const text = JSON.stringify(value === undefined ? null : value);
    if (text === undefined || text.length > MAX_ANSWER) return null;
    const plain = JSON.parse(text);
    return depth(plain) > MAX_DEPTH ? null : plain;
  } catch {
    return null;
  }
}

/**
 * PyWebIO's `WebIO.pushData(data, callbackId)`: the script's own JavaScript calls back a
 * Python function it registered (`pywebio.io_ctrl.output_register_callback`), as a button
 * press would; `data` arrives as JSON data.
 */
function installWebIO() {
  if (window.WebIO !== undefined) return;
  window.WebIO = Object.freeze({
    pushData(data, callbackId) {
      sendEvent({ type: "click", id: asText(callbackId), value: asAnswer(data) });
    },
  });
}

function depth(value) {
  if (value === null || typeof value !== "object") return 1;
  let deepest = 0;
  for (const item of Object.values(value)) deepest = Math.max(deepest, depth(item));
  return deepest + 1;
}

defineCommand("run_js", (command) => {
  const src = asText(command.src);
  if (!RESOURCE.test(src)) return console.error("desklaunch: script source refused");
  const id = typeof command.id === "string" ? command.id : null;
  callScript(src, command.args, (result) => {
    if (!result.ok) console.error("desklaunch: the script's JavaScript failed:", result.value);
    if (id === null) return;
    const reply = (value) => sendEvent({ type: "js_result", id, value: asAnswer(value) });
    if (!result.ok) return reply(null);
    Promise.resolve(result.value).then(reply, (error) => {
      console.error("desklaunch: the script's JavaScript promise failed:", error);
      reply(null);
    });
  }, command.library === true);
});

// An eval_js was answered: the app stops replaying its question (nothing to draw).
defineCommand("js_done", () => {});

// ---- page code: config(js_code=, js_file=, css_style=, css_file=, theme=) --------------

const loaded = new Set(); // what this page has loaded already (a replay repeats the list)

/**
 * Apply the page settings a script's config() gave: its style sheets and scripts (each
 * once per page, in order) and its theme ("dark" forces desklaunch's dark look; "light"
 * the light one; anything else follows the system).
 */
export function applyPage(page) {
  if (!page || typeof page !== "object") return;
  if ("theme" in page) { // scripts added on their own (a library's) leave the theme be
    const theme = asText(page.theme);
    forceScheme(theme === "dark" || theme === "light" ? theme : "");
    for (const name of [...document.body.classList]) {
      if (name.startsWith("webio-theme-")) document.body.classList.remove(name);
    }
    if (/^[a-z]{1,20}$/.test(theme)) document.body.classList.add(`webio-theme-${theme}`);
  }
  for (const href of Array.isArray(page.styles) ? page.styles : []) {
    if (!RESOURCE.test(asText(href)) || loaded.has(href)) continue;
    loaded.add(href);
    const link = element("link");
    link.rel = "stylesheet";
    link.href = href;
    link.dataset.desklaunchPage = "";
    document.head.append(link);
  }
  for (const src of Array.isArray(page.scripts) ? page.scripts : []) {
    if (!RESOURCE.test(asText(src)) || loaded.has(src)) continue;
    loaded.add(src);
    runScript(src, (result) => {
      if (!result.ok) console.error("desklaunch: the script's page code failed:", result.value);
    }, page.library === true);
  }
}

// ---- theme -----------------------------------------------------------------------------
//
// desklaunch's dark look lives in `@media (prefers-color-scheme: dark)` rules. A forced
// theme rewrites those rules' media in place (the page's own style sheets, through the
// CSSOM): "all" to force dark, "not all" to force light; "" puts each rule back.

const DARK_QUERY = /prefers-color-scheme:\s*dark/;
const originalMedia = new Map();

function darkRules() {
  const rules = [];
  for (const sheet of document.styleSheets) {
    if (sheet.ownerNode?.dataset?.desklaunchPage !== undefined) continue; // the script's own
    let list;
    try {
      list = sheet.cssRules;
    } catch {
      continue;
    }
    for (const rule of list) {
      if (rule instanceof CSSMediaRule && (originalMedia.has(rule) || DARK_QUERY.test(rule.media.mediaText))) {
        rules.push(rule);
      }
    }
  }
  return rules;
}

function forceScheme(theme) {
  for (const rule of darkRules()) {
    if (!originalMedia.has(rule)) originalMedia.set(rule, rule.media.mediaText);
    rule.media.mediaText = theme === "dark" ? "all" : theme === "light" ? "not all" : originalMedia.get(rule);
  }
  document.documentElement.style.colorScheme = theme;
}
