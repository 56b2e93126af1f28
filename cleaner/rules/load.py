"""Read and validate rule files (TOML). Every problem names file, line and rule id."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

import regex

from cleaner.rules.schema import DEFAULT_GAP, DEFAULT_GUARD, KINDS, MAX_GAP, Rule, RuleFile, RuleKind, compile_pattern

Scope = Literal["site", "generic"]
FILE_KEYS = {"domains", "fingerprints", "language", "rules"}
RULE_KEYS = {
    "id", "why", "kind", "pattern", "regex", "whole", "ignore_case", "end", "guard",
    "max_items", "gap", "drop_examples", "keep_examples",
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a rule file."""

    path: str
    line: int
    rule_id: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        rule = f" rule {self.rule_id}:" if self.rule_id else ""
        return f"{where}:{rule} {self.message}"


class RuleFileError(ValueError):
    """Raised when rule files do not load; `problems` lists each one."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def _line_of(text: str, needle: str) -> int:
    """1-based line where `needle` first occurs in `text` (0 when absent)."""
    at = text.find(needle)
    return text.count("\n", 0, at) + 1 if at >= 0 else 0


def _id_line(text: str, rule_id: str) -> int:
    for quote in ('"', "'"):
        for spacing in ("id = ", "id="):
            n = _line_of(text, f"{spacing}{quote}{rule_id}{quote}")
            if n:
                return n
    return 0


def _strings(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def _rule(raw: Any, shown: str, text: str, problems: list[Problem]) -> Rule | None:
    if not isinstance(raw, dict):
        problems.append(Problem(shown, 0, "", "each [[rules]] entry must be a table"))
        return None
    rule_id = raw.get("id", "")
    if not isinstance(rule_id, str):
        problems.append(Problem(shown, 0, "", "rule id must be a string"))
        return None
    line = _id_line(text, rule_id) if rule_id else 0

    def bad(message: str) -> None:
        problems.append(Problem(shown, line, rule_id, message))

    if not rule_id:
        bad("rule has no id")
        return None
    unknown = sorted(set(raw) - RULE_KEYS)
    if unknown:
        bad(f"unknown key(s) {', '.join(unknown)}")
    kind = raw.get("kind", "line")
    if not isinstance(kind, str) or kind not in KINDS:
        bad(f"unknown kind {kind!r} (one of {', '.join(KINDS)})")
        return None
    if not isinstance(raw.get("why", ""), str) or not str(raw.get("why", "")).strip():
        bad("rule has no 'why'")
    drops = _strings(raw.get("drop_examples", []))
    keeps = _strings(raw.get("keep_examples", []))
    if drops is None or keeps is None:
        bad("drop_examples and keep_examples must be lists of strings")
        return None
    if not drops and not keeps:
        bad("rule has no examples (drop_examples / keep_examples)")
    if kind != "keep" and not drops:
        bad("rule has no drop_examples")
    if not isinstance(raw.get("pattern"), str) or not raw["pattern"]:
        bad("rule has no 'pattern'")
        return None
    is_regex = bool(raw.get("regex", False))
    whole = bool(raw.get("whole", kind not in ("strip",)))
    ignore_case = bool(raw.get("ignore_case", False))
    try:
        pattern = compile_pattern(raw["pattern"], is_regex, whole, ignore_case)
        end = None
        if kind == "block":
            if not isinstance(raw.get("end"), str):
                bad("a block rule needs 'end'")
                return None
            end = compile_pattern(raw["end"], is_regex, whole, ignore_case)
    except regex.error as exc:
        bad(f"bad regex: {exc}")
        return None
    guard = raw.get("guard", DEFAULT_GUARD)
    if isinstance(guard, bool) or not isinstance(guard, (int, float)) or not 0 <= guard < 1:
        bad("guard must be a number in [0, 1)")
        return None
    max_items = raw.get("max_items", 12)
    if isinstance(max_items, bool) or not isinstance(max_items, int) or max_items < 1:
        bad("max_items must be a positive integer")
        return None
    gap = raw.get("gap", DEFAULT_GAP)
    if isinstance(gap, bool) or not isinstance(gap, int) or not 0 <= gap <= MAX_GAP:
        bad(f"gap must be an integer from 0 to {MAX_GAP}")
        return None
    flags = [raw.get(k, False) for k in ("regex", "whole", "ignore_case") if k in raw]
    if any(not isinstance(f, bool) for f in flags):
        bad("regex, whole and ignore_case must be true or false")
        return None
    return Rule(
        id=rule_id, kind=cast(RuleKind, kind), why=str(raw.get("why", "")), pattern=pattern, end=end,
        guard=float(guard), max_items=max_items, gap=gap,
        drop_examples=drops, keep_examples=keeps, line_no=line,
    )


def read_rule_file(path: Path, shown: str, problems: list[Problem]) -> RuleFile | None:
    """Parse one TOML file; append what is wrong to `problems`."""
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(shown, 0, "", f"cannot read: {exc}"))
        return None
    except tomllib.TOMLDecodeError as exc:
        problems.append(Problem(shown, getattr(exc, "lineno", 0) or 0, "", f"not valid TOML: {exc}"))
        return None
    unknown = sorted(set(data) - FILE_KEYS)
    if unknown:
        problems.append(Problem(shown, _line_of(text, unknown[0]), "", f"unknown key(s) {', '.join(unknown)}"))
    scope = "generic" if path.parent.name == "generic" else "site"
    domains = _strings(data.get("domains", []))
    fingerprints = _strings(data.get("fingerprints", []))
    if domains is None or fingerprints is None:
        problems.append(Problem(shown, 0, "", "domains and fingerprints must be lists of strings"))
    domains = domains or ()
    if scope == "site" and not domains:
        problems.append(Problem(shown, 0, "", "a site file needs 'domains'"))
    rules: list[Rule] = []
    seen: set[str] = set()
    raw_rules = data.get("rules", [])
    if not isinstance(raw_rules, list):
        problems.append(Problem(shown, 0, "", "'rules' must be an array of tables ([[rules]])"))
        raw_rules = []
    for raw in raw_rules:
        rule = _rule(raw, shown, text, problems)
        if rule is None:
            continue
        if rule.id in seen:
            problems.append(Problem(shown, rule.line_no, rule.id, "duplicate id"))
            continue
        seen.add(rule.id)
        rules.append(rule)
    return RuleFile(
        path=shown, scope=cast(Scope, scope), domains=tuple(d.lower() for d in domains),
        fingerprints=fingerprints or (), rules=tuple(rules),
        language=str(data.get("language", path.stem if scope == "generic" else "")),
    )
