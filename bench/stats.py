"""Summaries of samples: min / median / p90 / p99 / max, and ratios between systems."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from typing import Any


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100), linearly interpolated between the nearest ranks."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def summary(values: Sequence[float], **extra: Any) -> dict[str, Any]:
    """The summary of one system's samples of one metric (None values count as failures)."""
    good = [v for v in values if v is not None]
    result: dict[str, Any] = {"n": len(good), **extra}
    if len(good) < len(values):
        result["failed"] = len(values) - len(good)
    if not good:
        return result
    result.update(min=min(good), median=statistics.median(good), p90=percentile(good, 90),
                  p99=percentile(good, 99), max=max(good))
    return result


def ratio(ours: dict[str, Any], theirs: dict[str, Any], key: str = "median") -> float | None:
    """ours / theirs for `key`; None when either is missing."""
    a, b = ours.get(key), theirs.get(key)
    if a is None or b is None or b == 0:
        return None
    return a / b
