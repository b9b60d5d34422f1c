// `template` widgets (put_widget; desklaunch/ui/widget_template.py): the script's own
// HTML template, filled in on the server. It is trusted as `html` widgets are; outputs
// placed in it arrive as `slots`, each drawn where its `data-dl-slot` marker stands.

import { externalizeLinks } from "./links.js";
import { asText, childNode, element } from "./parts.js";
import { defineWidget } from "./widgets.js";

defineWidget("template", (widget, registerScope) => {
  const el = element("div", "dl-html dl-template");
  el.innerHTML = asText(widget.html); // trusted by contract, like put_html
  const slots = Array.isArray(widget.slots) ? widget.slots : [];
  for (const marker of el.querySelectorAll("[data-dl-slot]")) {
    const spec = slots[Number(marker.dataset.dlSlot)];
    const node = spec ? childNode(spec, registerScope) : null;
    if (node) marker.replaceWith(node);
    else marker.remove();
  }
  externalizeLinks(el);
  return el;
});
