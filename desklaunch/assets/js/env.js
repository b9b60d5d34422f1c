// Session settings and facts: the `env` command's page settings (`set_env`) and the
// `client_info` command, answered with what the page knows about itself (`info`).

import { asText, cssLength } from "./parts.js";
import { defineCommand, setFollowOutput } from "./render.js";
import { applyPage } from "./scripts.js";

let sendEvent = () => false;

/** Answer `client_info` requests through `send`. */
export function connectEnv(send) {
  sendEvent = send;
}

defineCommand("env", (command) => {
  if (typeof command.output_animation === "boolean") {
    document.body.classList.toggle("dl-no-animation", !command.output_animation);
  }
  if ("output_max_width" in command) {
    const main = document.querySelector(".dl-main");
    if (main) main.style.maxWidth = cssLength(command.output_max_width);
  }
  if ("page" in command) applyPage(command.page);
  if (typeof command.auto_scroll_bottom === "boolean") setFollowOutput(command.auto_scroll_bottom);
});

defineCommand("client_info", ({ id }) => {
  let timezone = "";
  try {
    timezone = Intl.DateTimeFormat().resolvedOptions().timeZone ?? "";
  } catch {
    // no Intl time zone support: leave it empty
  }
  sendEvent({
    type: "client_info",
    id: asText(id),
    value: {
      user_agent: navigator.userAgent,
      user_language: navigator.language ?? "",
      origin: location.origin,
      server_host: location.host,
      timezone,
      width: window.innerWidth,
      height: window.innerHeight,
      pixel_ratio: window.devicePixelRatio,
      dark: window.matchMedia("(prefers-color-scheme: dark)").matches,
    },
  });
});
