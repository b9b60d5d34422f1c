"""The same tiny apps written for every system the benchmark compares."""
