// Injected into every benchmark page before its own scripts (an init script): records,
// inside the page, when a click happened and when the expected text reached the DOM.
// Times are performance.now() in ms; `wall()` is the same clock as Python's time.time().
(() => {
  if (window.__bench) return;
  const now = () => performance.now();
  const wall = () => performance.timeOrigin + performance.now();
  const B = { t0: 0, pushes: [], seenPushes: new Set(), first: null, clicks: [] };
  window.__bench = B;
  addEventListener("click", () => { B.t0 = now(); }, true);

  // Call found(text) for the text of every node added from now on; stop when it says so.
  function watch(found, attributes = false) {
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === "attributes") {
          if (found(null) === true) return observer.disconnect();
          continue;
        }
        for (const node of record.addedNodes) {
          const text = node.textContent;
          if (text && found(text) === true) return observer.disconnect();
        }
      }
    });
    observer.observe(document, { childList: true, subtree: true, attributes });
    return observer;
  }

  // ms from the last click until a node containing `token` is added.
  B.expect = (token) => new Promise((resolve) => {
    watch((text) => {
      if (text === null || !text.includes(token)) return false;
      resolve(now() - B.t0);
      return true;
    });
  });

  // ms from the last click until a progress bar shows 100 %.
  B.expectFull = () => new Promise((resolve) => {
    const full = () => document.querySelector(
      '[role=progressbar][style*="width: 100%"], [role=progressbar] [style*="width: 100%"]');
    watch(() => {
      if (!full()) return false;
      resolve(now() - B.t0);
      return true;
    }, true);
  });

  // How many of `pattern`'s lines are in the page (for a run cut short).
  B.count = (prefix) => {
    let n = 0;
    for (const el of document.querySelectorAll("p, div, span")) {
      if (el.childElementCount === 0 && el.textContent.startsWith(prefix)) n++;
    }
    return n;
  };

  // Background pushes: every "push <wall ms>" line, as its delay until it was in the DOM.
  watch((text) => {
    const at = text.indexOf("push ");
    if (at < 0) return false;
    const stamp = text.slice(at + 5).match(/^\d+\.\d+/);
    if (stamp && !B.seenPushes.has(stamp[0])) {
      B.seenPushes.add(stamp[0]);
      B.pushes.push(wall() - Number(stamp[0]));
    }
    return false;
  });

  // First content: the wall time "hello world" was first in the DOM.
  watch((text) => {
    if (text === null || !text.includes("hello world")) return false;
    B.first = wall();
    return true;
  });

  // Scale: click `label` every `period` ms (from a random phase); keep each latency.
  B.clickEvery = (label, period) => {
    const button = [...document.querySelectorAll("button")]
      .find((b) => b.textContent.trim() === label);
    const once = async () => {
      const pending = B.expect("clicked ");
      button.click();
      B.clicks.push(await pending);
    };
    setTimeout(() => { once(); setInterval(once, period); }, Math.random() * period);
  };
})();
