// Links whose origin is not the app's own open in a new window, which the native shell
// hands to the system browser.

const LINKS = "a[href], area[href]";

function isExternal(link) {
  const href = link.getAttribute("href");
  if (href === null) return false;
  try {
    return new URL(href, document.baseURI).origin !== location.origin;
  } catch {
    return false; // not a URL at all; leave it alone
  }
}

export function externalize(link) {
  if (!isExternal(link)) return;
  link.setAttribute("target", "_blank");
  link.setAttribute("rel", "noopener noreferrer");
}

/** Mark every external link under `root`. */
export function externalizeLinks(root) {
  for (const link of root.querySelectorAll(LINKS)) externalize(link);
}

/** Catch any link clicked anywhere (including ones added later by other means). */
export function guardLinks(doc) {
  const onClick = (event) => {
    const link = event.target instanceof Element ? event.target.closest(LINKS) : null;
    if (link) externalize(link);
  };
  doc.addEventListener("click", onClick, true);
  doc.addEventListener("auxclick", onClick, true);
}
