// Several apps in one window (PyWebIO's start_server with several apps, path_deploy, and
// `desklaunch FOLDER/`; desklaunch/ui/apps.py). The `apps` command names the apps and the
// one shown; a bar above the output leads back to the index, and a link to `?app=NAME`
// (or, for a folder, `./NAME`) switches apps instead of leaving the page. The address names
// the app shown, each app an entry of the history (Back and Forward switch apps), and a page
// opened on `?app=NAME` opens that app. The page names an app to the script by its position
// in the list, never by text.

import { element } from "./parts.js";
import { defineCommand } from "./render.js";

let sendEvent = () => false;
let apps = null; // { id, names, home, current }
let bar = null;
// The app the address named as the page loaded (a link to `?app=NAME`): opened once the
// apps are known, as PyWebIO's server opens it.
let linked = new URLSearchParams(location.search).get("app");
let fromHistory = false; // the app changes because of Back or Forward: the address is right

function barElement() {
  if (bar?.isConnected) return bar;
  bar = element("nav", "dl-apps-bar");
  bar.setAttribute("aria-label", "Apps");
  const output = document.getElementById("pywebio-scope-ROOT");
  output?.parentElement?.insertBefore(bar, output);
  return bar;
}

function pick(index) {
  if (apps && Number.isInteger(index) && index >= 0) {
    sendEvent({ type: "click", id: apps.id, value: index });
  }
}

/**
 * Name the app shown in the address (`?app=NAME`, none for the index), as PyWebIO's own
 * switch does: a script may read it (`eval_js("location.search")`), and a reload keeps it.
 */
function showInAddress(newEntry) {
  const url = new URL(location.href);
  if (apps.current === apps.home) url.searchParams.delete("app");
  else if (apps.names[apps.current] !== undefined) url.searchParams.set("app", apps.names[apps.current]);
  if (url.href === location.href) return;
  // A new app gets an entry of its own, so Back returns to the one before it.
  if (newEntry) history.pushState(null, "", url);
  else history.replaceState(history.state, "", url);
}

/** Open the app the address named as the page loaded; true when it asked for it. */
function followLink() {
  const wanted = linked === null ? -1 : apps.names.indexOf(linked);
  linked = null;
  if (wanted < 0 || wanted === apps.current || apps.current !== apps.home) return false;
  pick(wanted);
  return true;
}

defineCommand("apps", ({ id, names, home, current, back }) => {
  if (typeof id !== "string" || !Array.isArray(names)) return;
  const before = apps?.current;
  apps = { id, names: names.map(String), home: Number(home), current: Number(current) };
  if (!followLink()) showInAddress(before !== undefined && before !== apps.current && !fromHistory);
  fromHistory = false;
  const nav = barElement();
  nav.replaceChildren();
  nav.hidden = apps.current === apps.home;
  if (nav.hidden) return;
  const button = element("button", "dl-btn link dl-apps-back"); // its arrow is CSS's
  button.type = "button";
  button.append(String(back || "All apps"));
  button.addEventListener("click", () => pick(apps.home));
  nav.append(button);
});

/** The position of the app a same-origin link names, or -1. */
function appOf(link) {
  const href = link.getAttribute("href");
  if (!apps || href === null) return -1;
  let url;
  try {
    url = new URL(href, location.href);
  } catch {
    return -1;
  }
  if (url.origin !== location.origin) return -1;
  const named = url.searchParams.get("app");
  if (named !== null) return apps.names.indexOf(named);
  const path = decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, "").replace(/\.py$/, "");
  return path ? apps.names.indexOf(path) : -1;
}

/** Give the apps the client's event queue, and catch clicks on links to an app. */
export function connectApps(send) {
  sendEvent = send;
  addEventListener("popstate", () => {
    if (!apps) return;
    const named = new URLSearchParams(location.search).get("app");
    const index = named === null ? apps.home : apps.names.indexOf(named);
    if (index < 0 || index === apps.current) return;
    fromHistory = true;
    pick(index);
  });
  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    const index = link ? appOf(link) : -1;
    if (index < 0) return;
    event.preventDefault();
    pick(index);
  }, true);
}
