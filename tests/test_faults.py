"""Faults a long unattended run meets: many files, files that move under it, full
disks, unwritable folders, a killed process, symlink loops, odd file names.

Each fault must give one `path: problem` line (or none, when nothing is wrong),
leave no partial output, and not stop the run.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner import writers
from cleaner.api import Cleaner
from cleaner.batch import Outcome, discover, run
from cleaner.cli import app
from cleaner.writers import TEMP_MARK

CLI = [sys.executable, "-m", "cleaner"]
BODY = (
    "The council voted on Tuesday to rebuild the old stone bridge over the river, "
    "a project that residents have asked for since the floods of last winter.\n"
)


def long_body(lines: int) -> str:
    """BODY over and over, each line its own (a repeated line would go as a second copy)."""
    return "".join(BODY.replace("Tuesday", f"day {n} of the session") for n in range(lines))


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args))


def make_files(folder: Path, n: int, per_folder: int = 1000) -> list[Path]:
    paths = []
    for i in range(n):
        sub = folder / f"part{i // per_folder:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"story {i:05d}.txt"
        path.write_text(f"Story {i}\n\n{BODY}", encoding="utf-8")
        paths.append(path)
    return paths


def temps(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(TEMP_MARK)]


def test_folder_of_20000_files(tmp_path: Path) -> None:
    make_files(tmp_path, 20_000)
    done = subprocess.run([*CLI, "clean", str(tmp_path), "--jobs", "2"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "files: 20000 cleaned, 0 skipped, 0 failed" in done.stderr
    assert len(list(tmp_path.rglob("*.clean.txt"))) == 20_000
    again = subprocess.run([*CLI, "clean", str(tmp_path), "--jobs", "2"], capture_output=True, text=True)
    assert "files: 0 cleaned, 20000 skipped, 0 failed" in again.stderr


def test_file_vanishing_during_the_run(tmp_path: Path) -> None:
    paths = make_files(tmp_path, 5)
    jobs = list(discover([tmp_path]))
    paths[2].unlink()  # found, then gone before it is read
    outcomes: list[Outcome] = []
    summary = run(Cleaner(), jobs, on_outcome=outcomes.append)
    assert (summary.cleaned, summary.failed) == (4, 1)
    failed = next(o for o in outcomes if o.status == "failed")
    assert failed.job.source == paths[2]
    assert failed.error is not None and failed.error.startswith("cannot read: No such file")
    assert not paths[2].with_name(paths[2].name.replace(".txt", ".clean.txt")).exists()


class EditingCleaner(Cleaner):
    """A cleaner during whose work someone rewrites the file being cleaned."""

    def __init__(self, victim: Path) -> None:
        super().__init__()
        self.victim = victim

    def clean_bytes(self, data, source=None, url=None, site=None):  # type: ignore[no-untyped-def]
        result = super().clean_bytes(data, source=source, url=url, site=site)
        if source == str(self.victim):
            self.victim.write_text(BODY.replace("bridge", "railway station") * 2, encoding="utf-8")
        return result


def test_file_changing_during_the_run_is_redone_next_run(tmp_path: Path) -> None:
    paths = make_files(tmp_path, 3)
    victim = paths[1]
    output = victim.with_name(victim.name.replace(".txt", ".clean.txt"))
    run(EditingCleaner(victim), list(discover([tmp_path])))
    assert "bridge" in output.read_text(encoding="utf-8")  # what was read, whole
    # The output holds the old text: the next run must not take it as up to date.
    summary = run(Cleaner(), list(discover([tmp_path])))
    assert (summary.cleaned, summary.skipped) == (1, 2)
    assert "railway station" in output.read_text(encoding="utf-8")


def test_full_disk_fails_that_file_only_and_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = make_files(tmp_path, 4)
    real_fdopen = os.fdopen

    class FullDisk:
        """A file object that takes a few bytes, then reports a full disk."""

        def __init__(self, handle):  # type: ignore[no-untyped-def]
            self.handle = handle

        def __enter__(self):  # type: ignore[no-untyped-def]
            return self

        def __exit__(self, *exc):  # type: ignore[no-untyped-def]
            self.handle.close()

        def write(self, data: bytes) -> int:
            self.handle.write(data[:10])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def fdopen(fd, *args, **kwargs):  # type: ignore[no-untyped-def]
        handle = real_fdopen(fd, *args, **kwargs)
        if "story 00002" in os.readlink(f"/proc/self/fd/{fd}"):
            return FullDisk(handle)
        return handle

    monkeypatch.setattr(writers.os, "fdopen", fdopen)
    result = invoke("clean", str(tmp_path), "--jobs", "1")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith(str(tmp_path))]
    assert errors == [f"{paths[2]}: cannot write {paths[2].with_name('story 00002.clean.txt')}: No space left on device"]
    assert not paths[2].with_name("story 00002.clean.txt").exists()
    assert len(list(tmp_path.rglob("*.clean.txt"))) == 3
    assert temps(tmp_path) == []


@pytest.fixture
def tiny_tmpfs(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A real 64 KiB file system, when this machine lets us mount one."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_really_full_disk(tmp_path: Path, tiny_tmpfs: Path) -> None:
    source = tmp_path / "in"
    make_files(source, 3)
    big = source / "part000" / "zz big.txt"
    big.write_text(long_body(2000), encoding="utf-8")  # ~300 KB of output: cannot fit
    result = invoke("clean", str(source), "--out-dir", str(tiny_tmpfs), "--jobs", "1")
    assert result.exit_code == 1
    assert f"{big}: cannot write" in result.stderr and "No space left on device" in result.stderr
    assert not (tiny_tmpfs / "part000" / "zz big.clean.txt").exists()
    assert len(list(tiny_tmpfs.rglob("*.clean.txt"))) == 3
    assert temps(tiny_tmpfs) == []


def test_unwritable_output_folder(tmp_path: Path) -> None:
    source = tmp_path / "in"
    paths = make_files(source, 2)
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    blocked.chmod(0o500)
    try:
        if os.access(blocked, os.W_OK):  # root ignores permissions: use a file where a folder must be
            blocked.chmod(0o700)
            blocked.rmdir()
            blocked.write_text("a file, not a folder\n")
        result = invoke("clean", str(source), "--out-dir", str(blocked / "out"), "--jobs", "1")
    finally:
        if blocked.is_dir():
            blocked.chmod(0o700)
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith(str(source))]
    assert [line.split(": cannot write ")[0] for line in lines] == [str(p) for p in paths]
    assert all(line.count("\n") == 0 and "cannot write" in line for line in lines)


def test_killed_run_leaves_no_partial_output_and_rerun_finishes(tmp_path: Path) -> None:
    paths = make_files(tmp_path, 3000)
    for path in paths[::50]:  # some bigger files, so a kill can land mid-write
        path.write_text(long_body(400), encoding="utf-8")
    process = subprocess.Popen(
        [*CLI, "clean", str(tmp_path), "--jobs", "2", "-q"], start_new_session=True, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while len(list(tmp_path.rglob("*.clean.txt"))) < 200 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    finished = list(tmp_path.rglob("*.clean.txt"))
    assert 0 < len(finished) < len(paths), "the kill should land mid-run"
    reference = Cleaner()
    for output in finished:  # every output there is complete
        source = output.with_name(output.name.replace(".clean.txt", ".txt"))
        assert output.read_text(encoding="utf-8") == reference.clean_bytes(source.read_bytes()).text
    rerun = subprocess.run([*CLI, "clean", str(tmp_path), "--jobs", "2"], capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    summary = next(line for line in rerun.stderr.splitlines() if line.startswith("files:"))
    cleaned, skipped = (int(part.split()[0]) for part in summary[len("files: ") :].split(", ")[:2])
    assert cleaned + skipped == len(paths) and skipped > 0
    assert len(list(tmp_path.rglob("*.clean.txt"))) == len(paths)
    assert temps(tmp_path) == []


def test_symlink_loops(tmp_path: Path) -> None:
    make_files(tmp_path, 2)
    (tmp_path / "part000" / "loop").symlink_to(tmp_path)  # a folder that contains itself
    (tmp_path / "self").symlink_to("self")
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    result = invoke("clean", str(tmp_path), "--jobs", "1")
    assert result.exit_code == 1
    errors = sorted(line for line in result.stderr.splitlines() if line.startswith(str(tmp_path)))
    assert [line.split(": ", 1)[0] for line in errors] == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    assert "2 cleaned, 0 skipped, 2 failed" in result.stderr


def test_file_names_with_spaces_newlines_and_non_utf8_bytes(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    names = [b"with space.txt", b"new\nline.txt", b"caf\xe9 latin1.txt", b"\xff\xfe.txt", "日本語.txt".encode()]
    for name in names:
        with open(os.path.join(folder, name), "wb") as handle:
            handle.write(BODY.encode())
    with open(os.path.join(folder, b"empty \xe9\n.txt"), "wb"):
        pass
    done = subprocess.run([*CLI, "clean", str(tmp_path), "--jobs", "2"], capture_output=True)
    assert done.returncode == 1, done.stderr
    for name in names:
        output = os.path.join(folder, name[: -len(b".txt")] + b".clean.txt")
        with open(output, "rb") as handle:
            assert handle.read() == Cleaner().clean_text(BODY).text.encode()
    stderr = done.stderr.decode("utf-8")
    assert f"{tmp_path}/empty \\xe9\\n.txt: empty file\n" in stderr  # one line, name escaped
    assert "5 cleaned, 0 skipped, 1 failed" in stderr


CATASTROPHIC_RULE = """language = "en"

[[rules]]
id = "nested-quantifier"
kind = "line"
regex = true
pattern = '(a|a)+$'
why = "A badly written pattern: (a|a)+ backtracks exponentially on a run of a's that does not match."
drop_examples = ["aaaa"]
keep_examples = ["The council met on Tuesday."]
"""


def catastrophic_setup(tmp_path: Path) -> tuple[Path, Path]:
    rules = tmp_path / "rules"
    (rules / "generic").mkdir(parents=True)
    (rules / "generic" / "slow.toml").write_text(CATASTROPHIC_RULE, encoding="utf-8")
    scrape = tmp_path / "scrape"
    make_files(scrape, 3)
    hostile = scrape / "part000" / "hostile.txt"
    hostile.write_text(f"{BODY}\n{'a' * 40}b\n\n{long_body(1)}", encoding="utf-8")
    return rules, scrape


def test_catastrophic_regex_rule_does_not_stop_the_run(tmp_path: Path) -> None:
    rules, scrape = catastrophic_setup(tmp_path)
    # A real process with a generous limit: without a regex timeout this search
    # would take longer than the age of the universe, and the test fails here.
    done = subprocess.run(
        [*CLI, "clean", str(scrape), "--rules", str(rules), "--jobs", "1"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "files: 4 cleaned" in done.stderr
    output = (scrape / "part000" / "hostile.clean.txt").read_text(encoding="utf-8")
    assert output.count("stone bridge") == 2


def test_catastrophic_regex_rule_is_reported(tmp_path: Path) -> None:
    rules, scrape = catastrophic_setup(tmp_path)
    report = tmp_path / "report.jsonl"
    done = subprocess.run(
        [*CLI, "clean", str(scrape), "--rules", str(rules), "--jobs", "1", "--report", str(report)],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    slow = rules / "generic" / "slow.toml"
    warned = [line for line in done.stderr.splitlines() if "timed out" in line]
    assert warned == [f"{scrape / 'part000' / 'hostile.txt'}: warning: rule nested-quantifier in {slow} timed out"
                      " (no match; heuristics decide) [rule-timeout]"]
    assert f"warnings: 1 (rule-timeout:{slow}:nested-quantifier in 1 file(s))" in done.stderr
    records = {Path(r["source"]).name: r for r in map(json.loads, report.read_text(encoding="utf-8").splitlines())}
    assert records["hostile.txt"]["warnings"] == [f"rule-timeout:{slow}:nested-quantifier"]
    assert records["story 00000.txt"]["warnings"] == []
