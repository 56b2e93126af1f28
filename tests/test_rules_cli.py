"""`cleaner rules check|test|list|which`."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from cleaner.cli import app

REPO = Path(__file__).resolve().parents[1]
runner = CliRunner()


def test_check_and_test_pass_on_shipped_rules():
    assert runner.invoke(app, ["rules", "check"]).exit_code == 0
    result = runner.invoke(app, ["rules", "test", str(REPO / "rules")])
    assert result.exit_code == 0 and "all pass" in result.output


def test_test_fails_with_file_and_rule(tmp_path: Path):
    (tmp_path / "sites").mkdir()
    (tmp_path / "sites" / "x.org.toml").write_text(
        'domains = ["x.org"]\n[[rules]]\nid = "m"\nkind = "line"\npattern = "Menu"\nwhy = "w"\ndrop_examples = ["Other"]\n'
    )
    result = runner.invoke(app, ["rules", "test", str(tmp_path)])
    assert result.exit_code == 1
    assert "x.org.toml:3: rule m: drop example not removed" in result.output


def test_list_and_which():
    assert "independent.co.uk" in runner.invoke(app, ["rules", "list"]).output
    seed = next((REPO / "corpus" / "independent.co.uk").glob("*[0-9].txt"))
    out = runner.invoke(app, ["rules", "which", str(seed)]).output
    assert "site=independent.co.uk  found by folder  language=en" in out
    assert "donation-appeal" in out and "cut appeal-last-sentence" in out
