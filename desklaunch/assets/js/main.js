// Entry point: wires the connection (client.js) to the page (render.js, notices.js),
// through pace.js, which draws what arrives in slices.

import { Client } from "./client.js";
import { setConsoleSender, skipScrolledOff } from "./console.js";
import { setUploader } from "./files.js";
import { guardLinks } from "./links.js";
import { connectLive } from "./live.js";
import { Notices } from "./notices.js";
import "./outputs.js";
import { Pacer } from "./pace.js";
import { Renderer } from "./render.js";
import "./shortcuts.js";

const byId = (id) => document.getElementById(id);

// The notices and the renderer need `send` before the client exists; the arrow defers
// the lookup.
let client = null;
const send = (event) => (client ? client.send(event) : false);
const notices = new Notices({
  banner: byId("dl-banner"),
  toasts: { polite: byId("dl-toasts-polite"), urgent: byId("dl-toasts-urgent") },
  state: byId("dl-state"),
  send,
});
const renderer = new Renderer({
  output: byId("pywebio-scope-ROOT"),
  input: byId("dl-input"),
  notices,
  send,
});

const ENDED = {
  ended: "This app has ended.",
  expired: "This app's session has expired.",
  unknown: "This app's session is no longer known.",
};

const pacer = new Pacer({
  draw: (commands, until, replay) => renderer.apply(commands, { until, replay }),
  trim: skipScrolledOff,
  region: byId("pywebio-scope-ROOT"),
});

// What ends the page's part waits until everything received before it is drawn.
client = new Client({
  onReset(commands) {
    notices.clearFatal();
    renderer.reset();
    pacer.replace(commands);
  },
  onCommands(commands) {
    pacer.add(commands);
  },
  onConnection(ok) {
    notices.connection(ok);
  },
  onForbidden() {
    pacer.whenDrawn(() => {
      renderer.disableAll();
      notices.fatal(
        "This app's page can no longer reach it (access was refused). Restart the app.",
      );
    });
  },
  onDetached() {
    pacer.whenDrawn(() => {
      renderer.disableAll();
      notices.fatal("This app is now shown in another window.", {
        label: "Show it here",
        run: () => {
          notices.clearFatal();
          client.reattach();
        },
      });
    });
  },
  onEnded(reason) {
    pacer.whenDrawn(() => {
      renderer.disableAll();
      notices.connection(true);
      const restart =
        reason === "ended" ? undefined : { label: "Start again", run: () => client.restart() };
      notices.ended(ENDED[reason] ?? ENDED.ended, restart);
    });
  },
});

setUploader((query, body) => client.upload(query, body));
setConsoleSender((event) => (client ? client.send(event) : false));
guardLinks(document);
connectLive((event) => client.send(event));
client.start();
