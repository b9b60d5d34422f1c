"""desklaunch's benchmark suite: real apps, a real browser, peers measured in the same run.

    python -m bench [--quick] [--systems desklaunch,floor,...] [--only click,push,...]

See BENCHMARKS.md for what each measurement means and the latest full run.
"""
