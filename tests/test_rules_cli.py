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


def test_check_notes_a_file_whose_rules_are_tried_line_by_line(tmp_path: Path):
    """An inline flag keeps a file's patterns out of the combined scan: valid, but slower, and said so."""
    (tmp_path / "generic").mkdir()
    rule = 'kind = "line"\nregex = true\nwhy = "w"\ndrop_examples = ["Share this"]\n'
    (tmp_path / "generic" / "xx.toml").write_text(f'language = "xx"\n[[rules]]\nid = "share"\n{rule}pattern = \'(?i)share this\'\n')
    result = CliRunner().invoke(app, ["rules", "check", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "xx.toml:3: rule share: its pattern (an inline flag" in result.stderr
    (tmp_path / "generic" / "xx.toml").write_text(
        f'language = "xx"\n[[rules]]\nid = "share"\n{rule}pattern = \'share this\'\nignore_case = true\n'
    )
    assert "note:" not in CliRunner().invoke(app, ["rules", "check", str(tmp_path)]).stderr


def test_check_notes_a_pattern_that_matches_every_line(tmp_path: Path):
    """A block whose end matches any line makes every line a candidate of the combined scan: said so."""
    (tmp_path / "generic").mkdir()
    rule = 'id = "caption"\nkind = "block"\nregex = true\nwhy = "w"\ndrop_examples = ["Image caption,\\nA caption"]\n'
    path = tmp_path / "generic" / "xx.toml"
    path.write_text(f"language = \"xx\"\n[[rules]]\n{rule}pattern = 'Image caption,?'\nend = '.*[^,]'\n")
    result = CliRunner().invoke(app, ["rules", "check", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "rule caption: the pattern '.*[^,]' matches lines of every kind" in result.stderr
    path.write_text(f"language = \"xx\"\n[[rules]]\n{rule}pattern = 'Image caption,?'\nend = 'A caption'\n")
    assert "note:" not in CliRunner().invoke(app, ["rules", "check", str(tmp_path)]).stderr


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
