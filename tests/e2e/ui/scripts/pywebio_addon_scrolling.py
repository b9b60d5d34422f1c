"""What PyWebIO's add-ons (pywebio_battery) do with the page's jQuery: a log box that keeps
scrolled to its end as lines arrive, and a wait until the person has scrolled the page to
its bottom (infinite scrolling)."""

from pywebio.output import put_html, put_text
from pywebio.session import eval_js, run_js, set_env

set_env(auto_scroll_bottom=False)
put_html('<pre id="log" tabindex="0" style="box-sizing: content-box; height: 60px; '
         'padding: 5px; overflow: auto"></pre>')
run_js("""
const box = document.getElementById("log");
new MutationObserver(() => $(box).stop().animate({scrollTop: box.scrollHeight}, 50))
  .observe(box, {childList: true});
""")
for number in range(30):
    run_js('$("#log").append(document.createTextNode(line))', line=f"log line {number}\n")
height = eval_js('$("#log").height()')
put_text(f"the log box is {height} pixels high")
put_text("\n".join(f"long text {number}" for number in range(150)))
where = eval_js("""new Promise((resolve) => {
  const atBottom = () => $(window).scrollTop() + window.innerHeight > $(document).height() - 10;
  if (atBottom()) resolve("at once");
  $(window).on("scroll", () => { if (atBottom()) resolve("after scrolling"); });
})""")
put_text(f"reached the bottom {where}")
