"""Readable labels from argparse names (desklaunch/console/labels.py)."""

from __future__ import annotations

import argparse

import pytest

from desklaunch.console.argkinds import label_for
from desklaunch.console.labels import readable


@pytest.mark.parametrize(("name", "label"), [
    ("css_file", "CSS file"), ("--json-lines", "JSON lines"), ("http2", "HTTP2"),
    ("ipv4", "IPv4"), ("IPv4", "IPv4"), ("FILE", "File"), ("<output_dir>", "Output dir"),
    ("outputDir", "Output dir"), ("no-color", "No color"), ("urls", "URLs"),
    ("user_id", "User ID"), ("macos", "macOS"), ("McLaren", "McLaren"), ("n", "N"),
    ("--tsv", "TSV"), ("--pk", "PK"), ("--nl", "NL"), ("filename.py", "Filename.py"),
    ("<out_file.json>", "Out file.json"), ("config.file", "Config file"),
])
def test_names_become_labels_that_keep_acronyms(name, label):
    assert readable(name) == label


@pytest.mark.parametrize(("name", "label"), [
    ("FILTER[:options]", "FILTER[:options]"), ("[FILE]", "File"), ("{a,b}", "A,b"),
    ("<[nested]>", "Nested"),
])
def test_only_the_brackets_around_a_name_go(name, label):
    assert readable(name) == label


def test_a_short_option_is_labelled_by_its_dest_or_as_written() -> None:
    """pickletools' `-v` is "-v", not a lone "V"; `-q` kept as `quiet` is "Quiet"."""
    parser = argparse.ArgumentParser()
    actions = [parser.add_argument("-v", action="store_true"),
               parser.add_argument("-q", dest="quiet", action="store_true"),
               parser.add_argument("-o", metavar="FILE"),
               parser.add_argument("-n"),
               parser.add_argument("-x", "--exclude")]
    kinds = ["flag", "flag", "text", "text", "text"]
    assert [label_for(action, kind) for action, kind in zip(actions, kinds, strict=True)] == [
        "-v", "Quiet", "File", "-n", "Exclude"]

