// Following a growing log: a scrollable box stays at its end as lines arrive, unless the
// person scrolled up (put_scrollable(keep_bottom=True), pywebio_battery's log box).

const NEAR_BOTTOM_PX = 8;

/**
 * Keep `box` scrolled to the bottom as `content` grows, unless the person scrolled up:
 * then it stays where they are until they scroll back down. At most one scroll per frame.
 */
export function followBottom(box, content) {
  let follow = true;
  let ownTop = -1; // the scrollTop we set last; its scroll event is not the person's
  let scheduled = false;
  const stick = () => {
    scheduled = false;
    if (!follow || !box.isConnected) return;
    box.scrollTop = box.scrollHeight;
    ownTop = box.scrollTop;
  };
  const schedule = () => {
    if (follow && !scheduled) {
      scheduled = true;
      requestAnimationFrame(stick);
    }
  };
  box.addEventListener(
    "scroll",
    () => {
      if (Math.abs(box.scrollTop - ownTop) <= 1) return;
      follow = box.scrollHeight - box.scrollTop - box.clientHeight <= NEAR_BOTTOM_PX;
    },
    { passive: true },
  );
  new MutationObserver(schedule).observe(content, {
    childList: true,
    subtree: true,
    characterData: true,
  });
  schedule();
}
