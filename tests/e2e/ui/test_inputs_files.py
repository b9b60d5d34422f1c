"""`file_upload` in a browser: choose or drop files, see them listed, get their bytes."""

from __future__ import annotations

import hashlib

from pilot import eventually
from playwright.sync_api import expect

from desklaunch.ui import file_upload, put_text

BIG = bytes(range(256)) * 5000  # 1.2 MiB: travels in three chunks


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def test_a_required_file_arrives_with_its_name_type_and_bytes(pilot) -> None:
    def script() -> None:
        f = file_upload("Report", accept=".csv", required=True)
        put_text(f"{f['filename']} {f['mime_type']} {f['content'].decode()} path={f['path']}")

    app = pilot(script)
    app.submit()
    expect(app.alert()).to_have_text("Please choose a file")
    app.field("Report").set_input_files(
        files=[{"name": "sales.csv", "mimeType": "text/csv", "buffer": b"a,b\n1,2"}])
    expect(app.page.get_by_role("list", name="Files for Report")).to_contain_text("sales.csv")
    app.submit()
    app.expect_text("sales.csv text/csv a,b\n1,2 path=None")


def test_several_files_in_chunks_and_one_removed(pilot) -> None:
    def script() -> None:
        files = file_upload("Photos", multiple=True)
        put_text(", ".join(f"{f['filename']}:{len(f['content'])}:{_digest(f['content'])}"
                           for f in files))

    app = pilot(script)
    app.field("Photos").set_input_files(files=[
        {"name": "big.bin", "mimeType": "application/octet-stream", "buffer": BIG},
        {"name": "small.txt", "mimeType": "text/plain", "buffer": b"hi"},
        {"name": "oops.txt", "mimeType": "text/plain", "buffer": b"no"},
    ])
    app.click("Remove oops.txt")
    files = app.page.get_by_role("list", name="Files for Photos").get_by_role("listitem")
    expect(files).to_have_count(2)
    app.submit()
    app.expect_text(f"big.bin:{len(BIG)}:{_digest(BIG)}, small.txt:2:{_digest(b'hi')}")


def test_files_sent_before_a_reload_are_listed_again_and_arrive(pilot) -> None:
    def script() -> None:
        files = file_upload("Photos", multiple=True)
        put_text(", ".join(f"{f['filename']}:{_digest(f['content'])}" for f in files))

    app = pilot(script)
    app.field("Photos").set_input_files(files=[
        {"name": "big.bin", "mimeType": "application/octet-stream", "buffer": BIG},
        {"name": "oops.txt", "mimeType": "text/plain", "buffer": b"no"},
    ])
    expect(app.page.get_by_role("progressbar")).to_have_count(0)  # both sent
    app.click("Remove oops.txt")
    eventually(lambda: [len(files) for *_, files in app.session.uploads.listed()] == [1])
    app.reload()
    listed = app.page.get_by_role("list", name="Files for Photos").get_by_role("listitem")
    expect(listed).to_have_count(1)
    expect(listed).to_contain_text("big.bin")
    app.submit()
    app.expect_text(f"big.bin:{_digest(BIG)}")




def test_a_file_over_the_limit_is_refused_before_it_is_sent(pilot) -> None:
    def script() -> None:
        f = file_upload("Avatar", max_size="1K")
        put_text(f"Got {f and f['filename']}")

    app = pilot(script)
    expect(app.field("Avatar")).to_have_accessible_description("At most 1 KB")
    app.field("Avatar").set_input_files(
        files=[{"name": "huge.png", "mimeType": "image/png", "buffer": b"x" * 2048}])
    refusal = "huge.png is larger than 1 KB, the most this field accepts"
    expect(app.alert()).to_have_text(refusal)
    expect(app.page.get_by_role("listitem")).to_have_text("huge.png2 KBtoo large, not sentRemove")
    app.submit()  # as under PyWebIO: not sent without the file, unnoticed
    expect(app.alert()).to_have_text(refusal)
    expect(app.field("Avatar")).to_be_focused()
    app.page.get_by_role("button", name="Remove huge.png").click()
    expect(app.alert()).to_have_count(0)
    expect(app.field("Avatar")).to_be_focused()
    app.submit()  # not required: nothing chosen is an answer
    app.expect_text("Got None")


def test_the_app_refuses_a_file_type_the_field_does_not_accept(pilot) -> None:
    def script() -> None:
        f = file_upload("Table", accept=[".csv", "text/tab-separated-values"])
        put_text(f"Got {f['filename']}")

    app = pilot(script)
    field = app.field("Table")
    field.set_input_files(files=[{"name": "run.exe", "mimeType": "application/x-msdownload",
                                  "buffer": b"MZ"}])
    app.submit()
    expect(app.alert()).to_have_text("run.exe is not a file this field accepts")
    field.set_input_files(files=[{"name": "t.tsv", "mimeType": "text/tab-separated-values",
                                  "buffer": b"a\tb"}])
    app.submit()
    app.expect_text("Got t.tsv")


def test_a_file_dropped_on_the_field_is_taken(pilot) -> None:
    def script() -> None:
        f = file_upload("Notes")
        put_text(f"Dropped {f['filename']}: {f['content'].decode()}")

    app = pilot(script)
    transfer = app.page.evaluate_handle(
        "() => { const t = new DataTransfer();"
        " t.items.add(new File(['hello there'], 'note.txt', {type: 'text/plain'}));"
        " return t; }")
    zone = app.page.get_by_text("or drop a file here")
    zone.dispatch_event("dragover", {"dataTransfer": transfer})
    zone.dispatch_event("drop", {"dataTransfer": transfer})
    expect(app.page.get_by_role("listitem")).to_contain_text("note.txt")
    app.submit()
    app.expect_text("Dropped note.txt: hello there")


def test_the_files_chosen_describe_the_field_and_are_told(pilot, tmp_path) -> None:
    """The field's own words stay "No file chosen" (it is emptied so that the same file can
    be chosen again): what was chosen is its description, and is told as it is chosen."""
    from access import said

    def script() -> None:
        put_text(f"got {file_upload('Receipt')['filename']}")

    receipt = tmp_path / "small.txt"
    receipt.write_text("paid")
    app = pilot(script)
    field = app.field("Receipt")
    field.set_input_files(str(receipt))
    expect(field).to_have_accessible_description("Chosen: small.txt")
    app.page.wait_for_timeout(600)
    assert "small.txt chosen" in said(app.page, "polite")
    app.click("Remove small.txt")
    expect(field).to_have_accessible_description("")
    field.set_input_files(str(receipt))
    app.submit()
    app.expect_text("got small.txt")
