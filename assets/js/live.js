// The live parts of the page that talk back to the script besides forms and buttons: pin
// widgets, popups, closable message boxes, client info and clickable toasts.
// `connectLive(send)` gives them the client's event queue once it exists.

import { connectMessages } from "./content.js";
import { connectEnv } from "./env.js";
import { connectPins } from "./pin.js";
import { connectPopups } from "./popup.js";

/** Wire every live part to `send(event)`. */
export function connectLive(send) {
  connectPins(send);
  connectPopups(send);
  connectMessages(send);
  connectEnv(send);
  // A toast with `onclick` (data-callback): a click or Enter on its text runs the callback.
  const toastClick = (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const text = target?.closest(".dl-toast-text");
    const toast = text?.closest(".dl-toast[data-callback]");
    if (!toast) return;
    if (event.type === "keydown" && event.key !== "Enter" && event.key !== " ") return;
    send({ type: "click", id: toast.dataset.callback, value: 0 });
    if (event.type === "keydown") {
      event.preventDefault();
      toast.remove();
    }
  };
  document.addEventListener("click", toastClick);
  document.addEventListener("keydown", toastClick);
}
