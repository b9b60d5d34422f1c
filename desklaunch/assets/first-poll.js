// The page's first poll, sent the moment this small file runs, while the page's own
// script (bundle.js) is still loading and compiling: the client takes this answer
// (client.js, `takeFirstPoll`) instead of asking only once it runs. A classic `async`
// script, so nothing waits for it; if the client runs first, it says so and this
// file does nothing.
(() => {
  if ("desklaunchFirstPoll" in window) return;
  let session = null;
  try {
    session = sessionStorage.getItem("desklaunch.session");
  } catch {
    session = null;
  }
  const headers = { "X-Desklaunch": "1" };
  if (session) headers["X-Desklaunch-Session"] = session;
  window.desklaunchFirstPoll = {
    session,
    response: fetch("/api/poll?ack=0", {
      headers,
      credentials: "same-origin",
      cache: "no-store",
    }),
  };
})();
