// `tabs` widgets: a tablist of buttons and one panel per tab (WAI-ARIA tabs pattern:
// roving tabindex, arrow keys / Home / End move between tabs and show them: tablist.js).

import { appendChildren, asText, element, uniqueId } from "./parts.js";
import { tabKeys } from "./tablist.js";
import { defineWidget } from "./widgets.js";

function select(tabs, panels, index) {
  tabs.forEach((tab, i) => {
    const chosen = i === index;
    tab.setAttribute("aria-selected", String(chosen));
    tab.tabIndex = chosen ? 0 : -1;
    panels[i].hidden = !chosen;
  });
}

defineWidget("tabs", (widget, registerScope) => {
  const box = element("div", "dl-tabs");
  const list = element("div", "dl-tablist");
  list.setAttribute("role", "tablist");
  box.append(list);
  const tabs = [];
  const panels = [];
  for (const spec of Array.isArray(widget.tabs) ? widget.tabs : []) {
    const tab = element("button", "dl-tab", asText(spec?.title));
    const panel = element("div", "dl-tabpanel");
    tab.type = "button";
    tab.id = uniqueId("dl-tab");
    panel.id = uniqueId("dl-tabpanel");
    tab.setAttribute("role", "tab");
    tab.setAttribute("aria-controls", panel.id);
    panel.setAttribute("role", "tabpanel");
    panel.setAttribute("aria-labelledby", tab.id);
    panel.tabIndex = 0;
    appendChildren(panel, spec?.children, registerScope);
    tabs.push(tab);
    panels.push(panel);
    list.append(tab);
    box.append(panel);
  }
  if (!tabs.length) return box;
  select(tabs, panels, 0);
  list.addEventListener("click", (event) => {
    const index = tabs.indexOf(event.target instanceof Element ? event.target.closest(".dl-tab") : null);
    if (index >= 0) select(tabs, panels, index);
  });
  tabKeys(list, tabs, (index) => select(tabs, panels, index));
  return box;
});
