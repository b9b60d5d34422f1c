// A small stand-in for the jQuery calls PyWebIO scripts put in their run_js code.
//
// PyWebIO's page ships jQuery, so its users write `run_js('$("button:contains(A)").css(...)')`
// (its wordle demo does). desklaunch ships no library; this is our own few lines covering
// the common calls: selecting (CSS selectors plus jQuery's `:contains(text)`), `css`,
// `text`, `html`, `val`, `attr`, classes, `show`/`hide`, `on`/`click`/`hover` and the other
// event shorthands (`mouseenter`, `change`, …), `trigger`/`triggerHandler` (plotly.js 2
// sends its chart events through a global jQuery when there is one), `ready`, `append`, `remove`,
// `find`, `each`, and the scrolling and sizing that PyWebIO's add-ons use (`scrollTop`,
// `height` and `width` of the window, the document or an element, `animate` of numeric
// styles and scroll positions, `stop`). It is installed as `window.$` / `window.jQuery` only when the script runs
// JavaScript of its own, and never over a `$` the script brought itself.

const CONTAINS = /:contains\((["']?)(.*?)\1\)/g;
const TRIGGERED = new WeakMap(); // an event `trigger` made → its extra arguments, last result

/** The elements `selector` names under `root`, with `:contains(text)` as a text filter. */
function select(selector, root) {
  const texts = [];
  const base = selector.replace(CONTAINS, (_, quote, text) => {
    texts.push(text);
    return "";
  });
  const found = Array.from(root.querySelectorAll(base.trim() || "*"));
  return found.filter((el) => texts.every((text) => el.textContent.includes(text)));
}

function fromHtml(html) {
  const template = document.createElement("template");
  template.innerHTML = html.trim(); // the script's own markup, as put_html shows it
  return Array.from(template.content.children);
}

class Selection {
  constructor(elements) {
    this.elements = elements;
    this.length = elements.length;
    elements.forEach((el, index) => {
      this[index] = el;
    });
  }

  each(fn) {
    this.elements.forEach((el, index) => fn.call(el, index, el));
    return this;
  }

  get(index) {
    return index === undefined ? this.elements : this.elements.at(index);
  }

  eq(index) {
    const el = this.elements.at(index);
    return new Selection(el ? [el] : []);
  }

  first() {
    return this.eq(0);
  }

  last() {
    return this.eq(-1);
  }

  find(selector) {
    return new Selection(this.elements.flatMap((el) => select(selector, el)));
  }

  parent() {
    return new Selection([...new Set(this.elements.map((el) => el.parentElement).filter(Boolean))]);
  }

  children() {
    return new Selection(this.elements.flatMap((el) => Array.from(el.children)));
  }

  css(name, value) {
    if (typeof name === "string" && value === undefined) {
      return this.elements[0] ? getComputedStyle(this.elements[0]).getPropertyValue(name) : undefined;
    }
    const styles = typeof name === "string" ? { [name]: value } : name;
    return this.each((_, el) => {
      for (const [key, val] of Object.entries(styles)) {
        const prop = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
        el.style.setProperty(prop, typeof val === "number" ? `${val}px` : String(val));
      }
    });
  }

  #property(name, value, set) {
    if (value === undefined) return this.elements[0]?.[name];
    return this.each((_, el) => set(el, value));
  }

  text(value) {
    return this.#property("textContent", value, (el, v) => (el.textContent = String(v)));
  }

  html(value) {
    return this.#property("innerHTML", value, (el, v) => (el.innerHTML = String(v)));
  }

  val(value) {
    return this.#property("value", value, (el, v) => (el.value = String(v)));
  }

  attr(name, value) {
    if (value === undefined && typeof name === "string") return this.elements[0]?.getAttribute(name);
    const pairs = typeof name === "string" ? { [name]: value } : name;
    return this.each((_, el) => {
      for (const [key, val] of Object.entries(pairs)) el.setAttribute(key, String(val));
    });
  }

  removeAttr(name) {
    return this.each((_, el) => el.removeAttribute(name));
  }

  prop(name, value) {
    return this.#property(name, value, (el, v) => (el[name] = v));
  }

  addClass(names) {
    return this.each((_, el) => el.classList.add(...String(names).split(/\s+/).filter(Boolean)));
  }

  removeClass(names) {
    return this.each((_, el) => el.classList.remove(...String(names).split(/\s+/).filter(Boolean)));
  }

  toggleClass(name, force) {
    return this.each((_, el) => el.classList.toggle(name, force));
  }

  hasClass(name) {
    return this.elements.some((el) => el.classList.contains(name));
  }

  hide() {
    return this.each((_, el) => (el.style.display = "none"));
  }

  show() {
    return this.each((_, el) => el.style.removeProperty("display"));
  }

  toggle(visible) {
    return this.each((_, el) => {
      const show = visible ?? el.style.display === "none";
      if (show) el.style.removeProperty("display");
      else el.style.display = "none";
    });
  }

  remove() {
    return this.each((_, el) => el.remove());
  }

  empty() {
    return this.each((_, el) => el.replaceChildren());
  }

  append(content) {
    return this.each((_, el) => el.append(...nodes(content)));
  }

  prepend(content) {
    return this.each((_, el) => el.prepend(...nodes(content)));
  }

  on(event, selectorOrHandler, handler) {
    const delegate = typeof selectorOrHandler === "string" ? selectorOrHandler : null;
    const fn = delegate ? handler : selectorOrHandler;
    return this.each((_, el) => {
      el.addEventListener(event, (e) => {
        const triggered = TRIGGERED.get(e);
        const call = (self) => {
          const result = fn.call(self, e, ...(triggered?.args ?? []));
          if (triggered) triggered.result = result;
        };
        if (!delegate) return call(el); // the window and the document too: no contains()
        const target = e.target.closest?.(delegate);
        if (target && el.contains(target)) call(target);
      });
    });
  }

  /** An event of `type` on each element, bubbling; handlers get `data` after the event. */
  trigger(type, data) {
    return this.each((_, el) => fire(el, type, data, true));
  }

  /** The handlers of the first element only, no bubbling; what the last one returned. */
  triggerHandler(type, data) {
    return this.elements[0] ? fire(this.elements[0], type, data, false) : undefined;
  }

  scrollTop(value) {
    return this.#scroll("scrollTop", "scrollY", value);
  }

  scrollLeft(value) {
    return this.#scroll("scrollLeft", "scrollX", value);
  }

  #scroll(name, windowName, value) {
    if (value === undefined) {
      const el = this.elements[0];
      if (el === undefined) return undefined;
      return isWindowOrDocument(el) ? window[windowName] : el[name];
    }
    return this.each((_, el) => {
      if (isWindowOrDocument(el)) document.scrollingElement[name] = Number(value);
      else el[name] = Number(value);
    });
  }

  height(value) {
    return this.#size("height", value);
  }

  width(value) {
    return this.#size("width", value);
  }

  /** jQuery's sizes: the window's viewport, the whole document, an element's content box. */
  #size(name, value) {
    if (value !== undefined) return this.css(name, value);
    const el = this.elements[0];
    if (el === undefined) return undefined;
    const upper = name === "height" ? "Height" : "Width";
    if (el === window) return document.documentElement[`client${upper}`];
    if (el === document) {
      const root = document.documentElement;
      return Math.max(root[`scroll${upper}`], root[`offset${upper}`], root[`client${upper}`]);
    }
    const style = getComputedStyle(el);
    const sides = name === "height" ? ["top", "bottom"] : ["left", "right"];
    const padding = sides.reduce(
      (sum, side) => sum + (Number.parseFloat(style.getPropertyValue(`padding-${side}`)) || 0), 0);
    return el[`client${upper}`] - padding;
  }

  /** Move numeric styles and scroll positions to `properties` over `duration` ms. */
  animate(properties, duration = 400, easing, complete) {
    const done = [easing, complete].find((arg) => typeof arg === "function");
    const ms = typeof duration === "number" ? duration : { fast: 200, slow: 600 }[duration] ?? 400;
    const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches
      || document.body.classList.contains("dl-no-animation");
    return this.each((_, el) => {
      cancelAnimation(el);
      const moves = Object.entries(properties).map(([key, to]) => motion(el, key, Number.parseFloat(to)));
      const started = performance.now();
      const step = (now) => {
        const progress = still || ms <= 0 ? 1 : Math.min(1, (now - started) / ms);
        const eased = 0.5 - Math.cos(progress * Math.PI) / 2; // jQuery's "swing"
        for (const move of moves) move.set(move.from + (move.to - move.from) * eased);
        if (progress < 1) {
          ANIMATIONS.set(el, requestAnimationFrame(step));
          return;
        }
        ANIMATIONS.delete(el);
        done?.call(el);
      };
      ANIMATIONS.set(el, requestAnimationFrame(step));
    });
  }

  stop() {
    return this.each((_, el) => cancelAnimation(el));
  }

  click(handler) {
    if (handler) return this.on("click", handler);
    return this.each((_, el) => el.click());
  }

  /** `$(document).ready(fn)`: the page is long loaded when a script's code runs. */
  ready(fn) {
    fn.call(document, jQueryLite);
    return this;
  }

  hover(over, out = over) {
    return this.on("mouseenter", over).on("mouseleave", out);
  }
}

// jQuery's event shorthands (`.mouseenter(fn)`, `.change(fn)`): with a handler, `on`;
// without one, the event happens (`.focus()` focuses, the others are dispatched).
const SHORTHANDS = ["blur", "change", "dblclick", "focus", "input", "keydown", "keypress",
  "keyup", "mousedown", "mouseenter", "mouseleave", "mouseout", "mouseover", "mouseup", "submit"];
for (const name of SHORTHANDS) {
  Selection.prototype[name] = function shorthand(handler) {
    if (handler) return this.on(name, handler);
    return this.each((_, el) => {
      if ((name === "focus" || name === "blur") && typeof el[name] === "function") el[name]();
      else el.dispatchEvent(new Event(name, { bubbles: name !== "mouseenter" && name !== "mouseleave" }));
    });
  };
}

function fire(el, type, data, bubbles) {
  const event = new CustomEvent(String(type), { bubbles, cancelable: true });
  const triggered = { args: data === undefined ? [] : Array.isArray(data) ? data : [data] };
  TRIGGERED.set(event, triggered);
  el.dispatchEvent(event);
  return triggered.result;
}

const ANIMATIONS = new Map(); // element → its running animation's frame request

function cancelAnimation(el) {
  if (ANIMATIONS.has(el)) cancelAnimationFrame(ANIMATIONS.get(el));
  ANIMATIONS.delete(el);
}

function isWindowOrDocument(el) {
  return el === window || el === document || el === document.documentElement;
}

/** One animated property: where it starts and ends, and how to set it. */
function motion(el, key, to) {
  if (key === "scrollTop" || key === "scrollLeft") {
    const target = isWindowOrDocument(el) ? document.scrollingElement : el;
    return { from: target[key], to, set: (v) => (target[key] = v) };
  }
  const prop = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const from = Number.parseFloat(getComputedStyle(el).getPropertyValue(prop)) || 0;
  const unit = prop === "opacity" ? "" : "px";
  return { from, to, set: (v) => el.style.setProperty(prop, `${v}${unit}`) };
}

function nodes(content) {
  if (content instanceof Selection) return content.elements;
  if (content instanceof Node) return [content];
  if (typeof content === "string" && content.trim().startsWith("<")) return fromHtml(content);
  return [document.createTextNode(String(content))];
}

function jQueryLite(what) {
  if (typeof what === "function") {
    what();
    return new Selection([]);
  }
  if (what instanceof Selection) return what;
  if (what instanceof Element || what === document || what === window) return new Selection([what]);
  if (what instanceof NodeList || Array.isArray(what)) return new Selection(Array.from(what));
  if (typeof what !== "string") return new Selection([]);
  if (what.trim().startsWith("<")) return new Selection(fromHtml(what));
  return new Selection(select(what, document));
}

/** Make `$` and `jQuery` available to the script's own code (never replacing its own). */
export function installJQueryLite() {
  if (window.$ === undefined) window.$ = jQueryLite;
  if (window.jQuery === undefined) window.jQuery = jQueryLite;
}
