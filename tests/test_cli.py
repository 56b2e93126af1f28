"""`cleaner clean` end to end: through typer's CliRunner and a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner import batch
from cleaner.cli import app

runner = CliRunner()


def invoke(*args: str, input: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=input)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def outputs(folder: Path) -> dict[str, bytes]:
    return {k: v for k, v in snapshot(folder).items() if k.endswith(".clean.txt")}


def test_writes_next_to_originals_and_leaves_them_alone(scrape: Path) -> None:
    before = snapshot(scrape)
    result = invoke("clean", str(scrape), "--jobs", "1")
    assert result.exit_code == 0, result.output
    after = snapshot(scrape)
    for name, data in before.items():
        assert after[name] == data
    assert set(outputs(scrape)) == {"example-news.com/a.clean.txt", "example-news.com/2024/b.clean.txt"}
    text = (scrape / "example-news.com" / "a.clean.txt").read_text()
    assert "The city council voted on Tuesday" in text
    assert "Share this article" not in text and "Advertisement" not in text
    assert "files: 2 cleaned, 0 skipped, 0 failed" in result.output


def test_never_takes_outputs_gold_or_hidden_files(scrape: Path) -> None:
    site = scrape / "example-news.com"
    (site / "c.gold.txt").write_text("gold")
    (site / ".hidden.txt").write_text("hidden text")
    (scrape / ".cache").mkdir()
    (scrape / ".cache" / "x.txt").write_text("cached text")
    for _ in range(2):
        assert invoke("clean", str(scrape), "--force", "-j", "1").exit_code == 0
    assert sorted(outputs(scrape)) == ["example-news.com/2024/b.clean.txt", "example-news.com/a.clean.txt"]


def test_rerun_skips_and_is_identical(scrape: Path) -> None:
    assert invoke("clean", str(scrape), "-j", "1").exit_code == 0
    first = outputs(scrape)
    again = invoke("clean", str(scrape), "-j", "1")
    assert "0 cleaned, 2 skipped" in again.output
    assert outputs(scrape) == first
    forced = invoke("clean", str(scrape), "-j", "1", "--force")
    assert "2 cleaned, 0 skipped" in forced.output
    assert outputs(scrape) == first


def test_rerun_redoes_changed_inputs_and_changed_settings(scrape: Path) -> None:
    assert invoke("clean", str(scrape), "-j", "1").exit_code == 0
    source = scrape / "example-news.com" / "a.txt"
    source.write_text(source.read_text() + "\nOne more paragraph was added to the story later in the evening, the editor said.\n")
    os.utime(source, ns=(source.stat().st_atime_ns, source.stat().st_mtime_ns + 10**9))
    assert "1 cleaned, 1 skipped" in invoke("clean", str(scrape), "-j", "1").output
    assert "2 cleaned, 0 skipped" in invoke("clean", str(scrape), "-j", "1", "--mode", "recall").output


def test_clean_text_is_idempotent(scrape: Path, tmp_path: Path) -> None:
    assert invoke("clean", str(scrape), "-j", "1").exit_code == 0
    once = (scrape / "example-news.com" / "a.clean.txt").read_text()
    twice = invoke("clean", "-", input=once)
    assert twice.exit_code == 0
    assert twice.stdout == once


def test_jobs_one_and_two_give_identical_outputs(scrape: Path, tmp_path: Path) -> None:
    for i in range(6):
        (scrape / f"extra{i}.txt").write_text(f"Item {i}\n\n" + (scrape / "example-news.com" / "a.txt").read_text())
    one, two = tmp_path / "one", tmp_path / "two"
    assert invoke("clean", str(scrape), "--out-dir", str(one), "-j", "1").exit_code == 0
    assert invoke("clean", str(scrape), "--out-dir", str(two), "-j", "2").exit_code == 0
    assert outputs(one) == outputs(two)
    assert len(outputs(one)) == 8


def test_out_dir_mirrors_tree_and_suffix(scrape: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke("clean", str(scrape), "--out-dir", str(out), "--suffix", ".body.txt", "-j", "1")
    assert result.exit_code == 0, result.output
    made = sorted(str(p.relative_to(out)) for p in out.rglob("*.txt"))
    assert made == ["example-news.com/2024/b.body.txt", "example-news.com/a.body.txt"]
    assert not list(scrape.rglob("*.body.txt"))


def test_stdin_to_stdout(article: str) -> None:
    result = invoke("clean", "-", input=article)
    assert result.exit_code == 0
    assert result.stdout.startswith("The city council voted")
    assert "Sign up to our newsletter" not in result.stdout


def test_stdin_bad_input_is_one_line_and_exit_1() -> None:
    result = invoke("clean", "-", input=b"\x00\x01binary")
    assert result.exit_code == 1
    assert result.stderr.strip() == "-: binary file (contains NUL bytes)"


def test_bad_usage_exits_2(scrape: Path) -> None:
    assert invoke("clean", str(scrape), "--mode", "loose").exit_code == 2
    assert invoke("clean", "--no-such-option").exit_code == 2
    assert invoke("clean", "-", str(scrape)).exit_code == 2


def bad_inputs(folder: Path) -> dict[str, str]:
    """Write one file per kind of bad input; returns name -> expected message part."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "nul.txt").write_bytes(b"some text\x00more text")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b" \n\t\n\xc2\xa0\n")
    (folder / "broken.txt").symlink_to(folder / "missing-target.txt")
    (folder / "unwritable.txt").write_text("A sentence that is fine to clean, written for this test only.\n")
    (folder / "unwritable.clean.txt").mkdir()  # the output path is taken by a folder
    return {
        "binary.txt": "binary file",
        "nul.txt": "binary file (contains NUL bytes)",
        "empty.txt": "empty file",
        "blank.txt": "file holds only whitespace",
        "broken.txt": "broken symbolic link",
        "unwritable.txt": "cannot write",
    }


def test_each_bad_input_is_one_clear_line_and_the_run_goes_on(scrape: Path) -> None:
    bad = scrape / "bad"
    expected = bad_inputs(bad)
    result = invoke("clean", str(scrape), "-j", "1")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith(str(bad))]
    assert len(errors) == len(expected)
    for name, problem in expected.items():
        line = next(e for e in errors if e.startswith(str(bad / name) + ":"))
        assert problem in line
    assert "2 cleaned, 0 skipped, 6 failed" in result.stderr
    assert (scrape / "example-news.com" / "a.clean.txt").exists()
    assert not list(bad.glob("*cleaner-tmp"))


def test_unreadable_file(scrape: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = scrape / "example-news.com" / "a.txt"
    real_read = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == target:
            raise PermissionError(13, "Permission denied")
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = invoke("clean", str(scrape), "-j", "1")
    assert result.exit_code == 1
    assert f"{target}: cannot read: Permission denied" in result.stderr
    assert (scrape / "example-news.com" / "2024" / "b.clean.txt").exists()


def test_missing_path_fails_that_path_only(scrape: Path) -> None:
    result = invoke("clean", str(scrape / "nope.txt"), str(scrape), "-j", "1")
    assert result.exit_code == 1
    assert f"{scrape / 'nope.txt'}: no such file or folder" in result.stderr
    assert "2 cleaned" in result.stderr


def test_huge_single_line_file(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (10 * 1024 * 1024))  # 50 MB, no newline
    result = invoke("clean", str(big), "-j", "1")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "big.clean.txt").exists()


def test_explain_prints_every_line_and_writes_nothing(scrape: Path) -> None:
    source = scrape / "example-news.com" / "a.txt"
    result = invoke("clean", str(source), "--explain")
    assert result.exit_code == 0
    n_lines = sum(1 for line in source.read_text().splitlines() if line.strip())
    assert result.stdout.count(" KEEP ") + result.stdout.count(" DROP ") + result.stdout.count(" CUT ") == n_lines
    assert "site=example-news.com" in result.stdout
    assert not outputs(scrape)


def test_report_has_one_record_per_document(scrape: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.jsonl"
    assert invoke("clean", str(scrape), "-j", "2", "--report", str(report)).exit_code == 0
    records = [json.loads(line) for line in report.read_text().splitlines()]
    assert [Path(r["source"]).name for r in records] == ["a.txt", "b.txt"]
    first = records[0]
    assert first["site"] == "example-news.com"
    dropped = [d for d in first["decisions"] if not d["keep"]]
    assert dropped and all(d["reason"] for d in dropped)
    assert sum(first["reasons"].values()) >= len(dropped)


def test_site_from_folder_names() -> None:
    root = Path("/data/scrape")
    assert batch.site_from_folders(root / "independent.co.uk" / "x.txt", root) == "independent.co.uk"
    assert batch.site_from_folders(root / "www.Example.com" / "2024" / "x.txt", root) == "example.com"
    assert batch.site_from_folders(root / "misc" / "x.txt", root) is None


def run_cli(*args: str, cwd: Path, input: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "cleaner", *args], cwd=cwd, input=input, capture_output=True, timeout=300)


def test_real_subprocess_folder_run_and_pipe(scrape: Path, article: str) -> None:
    done = run_cli("clean", str(scrape), "--jobs", "2", cwd=scrape)
    assert done.returncode == 0, done.stderr
    assert b"files: 2 cleaned" in done.stderr
    piped = run_cli("clean", "-", cwd=scrape, input=article.encode())
    assert piped.returncode == 0
    assert piped.stdout.decode() == (scrape / "example-news.com" / "a.clean.txt").read_text()
    assert run_cli("clean", str(scrape), "--jobs", "nope", cwd=scrape).returncode == 2


def test_version_and_help() -> None:
    assert invoke("--version").stdout.startswith("cleaner ")
    assert "Example" in invoke("clean", "--help").stdout


def test_no_site_rules_keeps_the_generic_rules_only() -> None:
    seed = Path(__file__).resolve().parent.parent / "corpus" / "independent.co.uk" / "002_29a9ef628dbd3811.txt"
    with_site = invoke("clean", str(seed), "--explain")
    generic_only = invoke("clean", str(seed), "--explain", "--no-site-rules")
    assert with_site.exit_code == generic_only.exit_code == 0
    assert "rules/sites/independent.co.uk.toml" in with_site.stdout
    assert "rules/sites/" not in generic_only.stdout
    assert "rules/generic/en.toml" in generic_only.stdout  # e.g. the donation appeal, the Premium pitch


def test_eval_prints_each_dataset_and_keep_title_scores_the_title(article: str, tmp_path: Path) -> None:
    body = [p for p in article.split("\n\n") if len(p.split()) > 20]
    for dataset in ("news", "blogs"):
        (tmp_path / dataset).mkdir()
        (tmp_path / dataset / "page.txt").write_text(article, encoding="utf-8")
        (tmp_path / dataset / "page.gold.txt").write_text("\n\n".join(["Council approves new bridge", *body]) + "\n")
    # The manifest's URL names the title's words, so that the title is recognised (and kept out of the body).
    url = "https://example-news.com/2024/council-approves-new-bridge"
    (tmp_path / "manifest.jsonl").write_text(json.dumps({"name": "page", "url": url}) + "\n")
    rows = {}
    for flags in ((), ("--keep-title",)):
        result = invoke("eval", str(tmp_path), *flags)
        assert result.exit_code == 0, result.output
        rows[flags] = {line.split()[0]: line.split()[1:] for line in result.output.splitlines()[1:]}
        assert {"news", "blogs", "all"} <= set(rows[flags])
    recall = {flags: float(row["all"][2]) for flags, row in rows.items()}  # pages, P, R, F1, floor P, R, F1
    assert recall[()] < 1.0 == recall[("--keep-title",)]  # the gold's title is only in the output with --keep-title
    assert float(rows[()]["all"][3]) > float(rows[()]["all"][6])  # the cleaner beats the unchanged text


def test_eval_writes_each_pages_scores_and_names_the_worst(article: str, tmp_path: Path) -> None:
    """`--pages` and `--worst`, with the same results with `--jobs 2` as with one process."""
    body = "\n\n".join(p for p in article.split("\n\n") if len(p.split()) > 20)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "good.txt").write_text(article, encoding="utf-8")
    (tmp_path / "news" / "good.gold.txt").write_text(body, encoding="utf-8")
    # A gold file that holds other text than the page's article: the page scores 0.
    (tmp_path / "news" / "wrong.txt").write_text(article, encoding="utf-8")
    (tmp_path / "news" / "wrong.gold.txt").write_text("Nothing of this is on the page at all, not one word of it.\n")
    (tmp_path / "news" / "broken.txt").write_bytes(b"")  # unreadable: named on stderr, scored as an empty output
    (tmp_path / "news" / "broken.gold.txt").write_text(body, encoding="utf-8")
    pages = tmp_path / "pages.jsonl"
    runs = {}
    for jobs in ("1", "2"):  # the same table, pages and messages in one process and in two
        result = CliRunner().invoke(app, ["eval", str(tmp_path), "--pages", str(pages), "--worst", "2", "-j", jobs])
        assert result.exit_code == 0, result.output
        runs[jobs] = (result.stdout, result.stderr, pages.read_text())
    assert runs["1"] == runs["2"]
    assert f"{tmp_path / 'news' / 'broken.txt'}: empty file" in result.stderr
    records = {r["name"]: r for r in map(json.loads, pages.read_text().splitlines())}
    assert set(records) == {"good", "wrong", "broken"}
    assert records["good"]["f1"] > 0.9 and records["good"]["output_words"] > 0
    assert records["wrong"]["f1"] == 0.0 and records["wrong"]["gold_words"] == 14
    assert records["broken"]["precision"] is None and records["broken"]["f1"] == 0.0
    worst = result.stdout.split("worst 2 pages by F1:\n")[1].splitlines()
    assert [line.split()[-1] for line in worst] == [str(tmp_path / "news" / n) for n in ("broken.txt", "wrong.txt")]
    table = result.stdout.split("\n\n")[0].splitlines()
    assert table[1].split()[:2] == ["news", "3"]


def test_a_report_file_that_cannot_be_written_is_a_usage_error(scrape: Path, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "out.jsonl"
    for args in (["clean", str(scrape), "--report", str(missing)], ["eval", str(tmp_path), "--pages", str(missing)]):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 2, result.output
        assert result.stderr.strip() == f"{missing}: No such file or directory"
        assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not outputs(scrape)  # nothing cleaned


def test_a_long_line_judged_whole_gets_a_warning(tmp_path: Path) -> None:
    """A line of 1,000 words that does not hold the page is kept or dropped whole: a warning says so.

    A page that is all on one line is read sentence by sentence, with no warning (`cleaner.pieces`).
    """
    sentence = "The council voted on Tuesday to rebuild the old stone bridge over the river in the town."
    words = ["Home", "News", "Sport"] + (sentence.split() * 70) + ["Share", "this", "article"]
    rest = "\n\n".join([f"Story number {n} of the day. {sentence} " * 40 for n in range(3)])
    (tmp_path / "one-line.txt").write_text(" ".join(words) + "\n\n" + rest + "\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text("Home\n\n" + sentence + "\n\nShare this article\n", encoding="utf-8")
    (tmp_path / "flat.txt").write_text(" ".join(words) + "\n", encoding="utf-8")
    done = invoke("clean", str(tmp_path), "-q", "--jobs", "1", "--report", str(tmp_path / "report.jsonl"))
    assert done.exit_code == 0, done.output
    warned = [line for line in done.output.splitlines() if "[long-line]" in line]
    assert warned == [f"{tmp_path / 'one-line.txt'}: warning: line 1 holds {len(words)} words: its line breaks "
                      "were lost, so it is kept or dropped whole [long-line]"]
    records = {json.loads(line)["source"].rsplit("/", 1)[-1]: json.loads(line) for line in
               (tmp_path / "report.jsonl").read_text().splitlines()}
    assert records["one-line.txt"]["warnings"] == [f"long-line:1:{len(words)}"]
    assert records["story.txt"]["warnings"] == records["flat.txt"]["warnings"] == []


#: conftest's article as a Markdown scraper writes it: a menu of links, a linked "Read more" list.
ARTICLE_MD = """[Home](/) | [News](/news) | [Sport](/sport) | [Weather](/weather)

# Council approves new bridge

**Share this article**

The city council voted on Tuesday to rebuild the old stone bridge over the river, a project that residents have asked for since the floods of last winter damaged its foundations.

Work will begin in the spring and is expected to take two years, the council said in a statement, adding that a temporary footbridge will keep both banks connected while the work goes on.

"We have listened to the people who cross this bridge every day," the mayor told reporters after the vote, and she promised that local firms would be invited to bid for the contract.

Read more:

* [Flood defences to be reviewed](/news/flood-defences)
* [Mayor unveils budget plan](/news/budget)
"""

def test_include_chooses_the_file_names_a_folder_run_takes(scrape: Path) -> None:
    site = scrape / "example-news.com"
    (site / "c.md").write_text(ARTICLE_MD, encoding="utf-8")
    (site / "README.md").write_text("# Notes\n\nWhat this folder is.\n", encoding="utf-8")
    assert invoke("clean", str(scrape), "-j", "1").exit_code == 0
    assert "example-news.com/c.clean.txt" not in outputs(scrape)  # *.md is not taken by default
    result = invoke("clean", str(scrape), "-j", "1", "--include", "*.md", "--include", "[!R]*.txt")
    assert result.exit_code == 0, result.output
    assert "files: 2 cleaned, 2 skipped, 0 failed" in result.output  # c.md and README.md; a and b were done
    text = (site / "c.clean.txt").read_text(encoding="utf-8")
    assert "The city council voted on Tuesday" in text and "](" not in text
    only_md = invoke("clean", str(scrape), "-j", "1", "--include", "C.MD", "--force")
    assert "files: 1 cleaned, 0 skipped, 0 failed" in only_md.output  # patterns match names, any case


def test_inputs_that_would_make_one_output_are_cleaned_once(scrape: Path, tmp_path: Path, article: str) -> None:
    site = scrape / "example-news.com"
    (site / "a.md").write_text(ARTICLE_MD, encoding="utf-8")
    result = invoke("clean", str(scrape), "-j", "1", "--include", "*.md", "--include", "*.txt")
    assert result.exit_code == 1
    assert f"{site / 'a.txt'}: skipped: a.md beside it makes the same output" in result.output  # first pattern wins
    assert "](" not in (site / "a.clean.txt").read_text(encoding="utf-8")
    other = tmp_path / "other" / "example-news.com"
    other.mkdir(parents=True)
    (other / "a.txt").write_text(article.replace("council", "assembly"), encoding="utf-8")
    out = tmp_path / "out"
    both = invoke("clean", str(scrape), str(tmp_path / "other"), "--out-dir", str(out), "-j", "2")
    assert both.exit_code == 1
    assert f"{other / 'a.txt'}: skipped: {site / 'a.txt'} makes the same output" in both.output
    assert "The city council voted" in (out / "example-news.com" / "a.clean.txt").read_text(encoding="utf-8")
    twice = invoke("clean", str(scrape), str(scrape), "--force", "-j", "1")  # a folder given twice: once
    assert twice.exit_code == 0 and "files: 2 cleaned, 0 skipped, 0 failed" in twice.output


@pytest.mark.parametrize("module", ["cleaner.cli_jsonl", "cleaner.cli_learn", "cleaner.cli_rules", "cleaner.cli"])
def test_each_command_module_can_be_imported_first(module: str) -> None:
    done = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
