// The live parts of the page that talk back to the script besides forms and buttons: pin
// widgets, popups, closable message boxes, client info and the apps of a multi-app window.
// `connectLive(send)` gives them the client's event queue once it exists.

import { connectApps } from "./apps.js";
import { connectMessages } from "./content.js";
import { connectDatatables } from "./datatable.js";
import { connectEnv } from "./env.js";
import { connectPins } from "./pin.js";
import { connectPopups } from "./popup.js";
import { connectScripts } from "./scripts.js";

/** Wire every live part to `send(event)`. */
export function connectLive(send) {
  connectApps(send);
  connectDatatables(send);
  connectPins(send);
  connectPopups(send);
  connectMessages(send);
  connectEnv(send);
  connectScripts(send);
}
