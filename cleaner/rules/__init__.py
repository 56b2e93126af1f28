"""Rule files: schema, loader, site lookup and application (see rules/README.md).

Interface used by the rest of cleaner:

- `load_rulebook(extra_dirs, shipped=True) -> RuleBook`
- `RuleBook.select(document, site=None) -> Selection` (which site, which files, why)
- `apply_rules(selection, document) -> list[RuleVerdict]` one per line
- `run_rules(selection, document) -> RulesRun`: the verdicts and the rules whose regex timed out
"""

from cleaner.rules.apply import RulesRun, RuleTimeout, RuleVerdict, apply_rules, run_rules
from cleaner.rules.book import RuleBook, Selection, load_rulebook

__all__ = [
    "RuleBook", "RuleTimeout", "RuleVerdict", "RulesRun", "Selection", "apply_rules", "load_rulebook", "run_rules",
]
