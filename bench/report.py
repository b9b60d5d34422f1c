"""The results as a table on stdout and a JSON file, with ratios and the issue's goals."""

from __future__ import annotations

from typing import Any

from bench.stats import ratio

OURS = "desklaunch"
ORDER = ("click", "click_real_input", "input", "push", "lines_1k", "lines_10k", "progress_1k",
         "first_content_browser", "first_content_window", "first_content_window_gtk",
         "rss_hello_browser", "import", "import_ui", "scale", "kit_hello")


def ratios(results: dict[str, Any]) -> dict[str, dict[str, float | None]]:
    """desklaunch's median over each other system's median, per metric."""
    found: dict[str, dict[str, float | None]] = {}
    for metric, by_system in results.items():
        ours = by_system.get(OURS)
        if ours is None:
            continue
        found[metric] = {other: ratio(ours, stats) for other, stats in by_system.items()
                         if other != OURS}
    return found


def _get(results: dict[str, Any], metric: str, system: str, key: str) -> float | None:
    value = results.get(metric, {}).get(system, {}).get(key)
    return value if isinstance(value, (int, float)) else None


def _check(value: float | None, limit: float, below: bool = True) -> bool | None:
    if value is None:
        return None
    return value <= limit if below else value >= limit


def goals(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each goal of the issue with the measured value and whether this run met it."""
    g = lambda metric, system, key="median": _get(results, metric, system, key)  # noqa: E731

    def over(a: float | None, b: float | None) -> float | None:
        return None if a is None or b is None or b == 0 else a / b

    rows = [
        ("click p50 <= 1.15x floor p50", over(g("click", OURS), g("click", "floor")), 1.15, True),
        ("click p50 >= 20x faster than PyWebIO HTTP",
         over(g("click", "pywebio-http"), g("click", OURS)), 20, False),
        ("click p50 <= PyWebIO WebSocket p50 (the previous goal)",
         over(g("click", OURS), g("click", "pywebio-ws")), 1.0, True),
        ("click, real input events, p50 <= PyWebIO WebSocket p50",
         over(g("click_real_input", OURS), g("click_real_input", "pywebio-ws")), 1.0, True),
        ("click p99 <= 2x floor p99",
         over(g("click", OURS, "p99"), g("click", "floor", "p99")), 2.0, True),
        ("push p50 <= 5 ms", g("push", OURS), 5.0, True),
        ("push p50 <= PyWebIO WebSocket p50", over(g("push", OURS), g("push", "pywebio-ws")),
         1.0, True),
        ("10,000 lines <= 1 s (ms)", g("lines_10k", OURS), 1000.0, True),
        ("first content (browser) <= 2x floor",
         over(g("first_content_browser", OURS), g("first_content_browser", "floor")), 2.0, True),
        ("first content (window) <= 1.15x bare pywebview",
         over(g("first_content_window", OURS), g("first_content_window", "bare-pywebview")),
         1.15, True),
        ("first content (GTK window) <= 1.15x bare pywebview GTK",
         over(g("first_content_window_gtk", OURS),
              g("first_content_window_gtk", "bare-pywebview")), 1.15, True),
        ("import desklaunch <= 60 ms", g("import", OURS), 60.0, True),
        ("browser-mode RSS <= 40 MiB", g("rss_hello_browser", OURS), 40.0, True),
        ("a kit test of hello.py in process p50 <= 50 ms", g("kit_hello", OURS), 50.0, True),
    ]
    return [{"goal": name, "value": value, "limit": limit,
             "met": _check(value, limit, below)} for name, value, limit, below in rows]


def _cell(stats: dict[str, Any] | None) -> str:
    if not stats or stats.get("median") is None:
        if stats and stats.get("failed"):
            return f"not done ({stats['failed']}x > {stats.get('limit_ms', 0) / 1000:.0f} s)"
        return "-"
    text = f"{stats['median']:.1f} / {stats['p99']:.1f}"
    if stats.get("failed"):
        text += f" ({stats['failed']} not done)"
    return text


def table(results: dict[str, Any]) -> str:
    """A fixed-width table: median / p99 per system, then desklaunch's ratios."""
    systems: list[str] = []
    for metric in ORDER:
        for system in results.get(metric, {}):
            if system not in systems:
                systems.append(system)
    found = ratios(results)
    head = ["metric (median / p99)", *systems, "ratios (desklaunch / other, medians)"]
    rows = [head]
    for metric in ORDER:
        if metric not in results:
            continue
        by_system = results[metric]
        unit = next((s.get("unit") for s in by_system.values() if s.get("unit")), "")
        cells = [f"{metric} ({unit})", *(_cell(by_system.get(s)) for s in systems)]
        cells.append(", ".join(f"{other} {value:.2f}x" for other, value in
                               found.get(metric, {}).items() if value is not None))
        rows.append(cells)
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
             for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def goal_lines(checked: list[dict[str, Any]]) -> str:
    marks = {True: "met", False: "MISSED", None: "not measured"}
    return "\n".join(
        f"  [{marks[row['met']]}] {row['goal']}: "
        + ("-" if row["value"] is None else f"{row['value']:.2f}")
        for row in checked)
