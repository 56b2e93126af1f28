"""Draft a rule file for a benchmark site, keeping only the rules that raise its F1.

    python bench/site_rules.py DOMAIN [DOMAIN...] [--out rules/sites] [--min-gain 0.001] [--dry-run]

For each DOMAIN (a registrable domain of the manifest URLs), from that site's pages:

1. Candidates. *Markers*: lines that recur on at least two pages (and a third of
   them), never occur in a gold text, and always sit after the article body (a footer
   marker, kind `after`) or always before it (a header marker, kind `before`); the
   body is the span of page lines that occur in the gold text. Each footer marker is
   also tried unguarded (`guard = 0.0`), for short stories above long comment threads,
   where the marker sits early in the text. *Lines*: the drop rules
   `cleaner learn` proposes for the site (recurring lines and runs of lines), minus
   any that would drop a line of a gold text.
2. Forward selection: starting from the generic rules and the heuristics alone
   (`--no-site-rules`), add the candidate (each marker alone; the learned lines
   together) that raises the site's F1 most, while the gain is at least --min-gain.
3. Pruning: remove any chosen rule whose removal does not lower the site's F1.

The file is written only when it beats the generic rules by --min-gain. Examples:
each drop example is the site's own boilerplate line; keep examples are sentences of
ours that mention the line without being it (rules match whole lines), never article
text from the benchmark. Review the file before committing it, then run
`cleaner rules test` and `python bench/rules_effect.py --site DOMAIN`.
"""

from __future__ import annotations

import argparse
import collections
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import regex
from rules_effect import domain_of, score

from cleaner.api import Cleaner
from cleaner.batch import Job
from cleaner.config import Config
from cleaner.evaluate import Page, find_pages
from cleaner.ingest import InputError, document_from_bytes
from cleaner.learn import LearnOptions, learn
from cleaner.learn.write import rule_toml, toml_string
from cleaner.rules.book import RuleBook
from cleaner.rules.examples import rule_example_failures
from cleaner.rules.schema import Rule, RuleFile, compile_pattern

#: A marker line has at most this many words (a label, not a sentence).
MARKER_WORDS = 12
#: After the first round, forward selection tries only this many best candidates.
SHORTLIST = 12
#: A page line with at least this many words that occurs in the gold text marks the body.
BODY_WORDS = 4


@dataclass(frozen=True)
class Candidate:
    """One step of the forward selection: one rule, or several added together."""

    name: str
    rules: tuple[Rule, ...]


def page_lines(page: Page) -> list[str]:
    try:
        document = document_from_bytes(page.text_path.read_bytes(), source=str(page.text_path), url=page.url)
    except InputError:
        return []
    return [line.text.strip() for line in document.lines if line.text.strip()]


def gold_of(page: Page) -> tuple[set[str], str]:
    gold = page.gold_path.read_text(encoding="utf-8")
    return {line.strip() for line in gold.splitlines() if line.strip()}, " ".join(gold.split())


def in_gold(line: str, gold_lines: set[str], gold_text: str) -> bool:
    return line in gold_lines or (len(line) >= 20 and " ".join(line.split()) in gold_text)


def slug(text: str) -> str:
    words = regex.sub(r"[^\p{L}\p{N} ]", " ", text.lower()).split()[:4]
    return "-".join(words)[:32].strip("-") or "line"


def keep_sentence(line: str) -> str:
    return f"In the second paragraph the author quotes the words “{line}” and moves on."


def marker_rule(kind: str, line: str, pages: int, total: int, domain: str) -> Rule:
    where = "after the article: the footer (links, comments, copyright) starts here" if kind == "after" else (
        "before the article: the header (menus, section labels) ends here"
    )
    return Rule(
        id=f"{'footer' if kind == 'after' else 'header'}-{slug(line)}",
        kind=kind,  # type: ignore[arg-type]
        why=f"On {pages} of the {total} benchmark pages of {domain} this line sits {where}.",
        pattern=compile_pattern(line, False, True, False),
        drop_examples=(line,),
        keep_examples=(keep_sentence(line),),
    )


def marker_candidates(domain: str, pages: list[Page]) -> list[Candidate]:
    seen: collections.Counter[str] = collections.Counter()
    after: collections.Counter[str] = collections.Counter()
    before: collections.Counter[str] = collections.Counter()
    ever_in_gold: set[str] = set()
    for page in pages:
        lines = page_lines(page)
        gold_lines, gold_text = gold_of(page)
        body = [i for i, line in enumerate(lines) if len(line.split()) >= BODY_WORDS and in_gold(line, gold_lines, gold_text)]
        first, last = (body[0], body[-1]) if body else (len(lines), -1)
        positions: dict[str, list[int]] = collections.defaultdict(list)
        for i, line in enumerate(lines):
            positions[line].append(i)
            if in_gold(line, gold_lines, gold_text):
                ever_in_gold.add(line)
        for line, where in positions.items():
            if len(line.split()) > MARKER_WORDS:
                continue
            seen[line] += 1
            after[line] += body != [] and where[0] > last
            before[line] += body != [] and where[-1] < first
    need = max(2, -(-len(pages) // 3))
    found = []
    for line, n in seen.items():
        if n < need or line in ever_in_gold:
            continue
        for kind, counts in (("after", after), ("before", before)):
            if counts[line] == n:
                rule = marker_rule(kind, line, n, len(pages), domain)
                if not rule_example_failures(rule):
                    found.append(Candidate(f"{kind}: {line}", (rule,)))
                    # A short story above a long comment thread puts the footer marker
                    # early in the text, where the default guard stops it.
                    unguarded = replace(rule, guard=0.0, why=rule.why + " Unguarded: comments can outweigh the story.")
                    found.append(Candidate(f"{kind} (unguarded): {line}", (unguarded,)))
    return found


def learned_candidate(domain: str, pages: list[Page]) -> Candidate | None:
    jobs = [Job(p.text_path, p.text_path, p.text_path.parent) for p in pages]
    learned = learn([], LearnOptions(min_docs=2, min_share=1 / 3, site=domain), jobs=lambda: iter(jobs))
    golds = [gold_of(p) for p in pages]
    rules = []
    for proposal in learned.proposals:
        for proposed in proposal.rules:
            if any(in_gold(line, g, t) for line in proposed.lines for g, t in golds):
                continue
            rule = replace(proposed.to_rule(), keep_examples=(keep_sentence(proposed.lines[0]),))
            rule = replace(rule, id=rule.id.replace("learned-", "line-", 1))
            if not rule_example_failures(rule):
                rules.append(rule)
    return Candidate(f"{len(rules)} recurring lines", tuple(rules)) if rules else None


class SiteBench:
    """Scores a site's pages with a given set of site rules in place of its file."""

    def __init__(self, domain: str, pages: list[Page]) -> None:
        self.domain, self.pages = domain, pages
        self.cleaner = Cleaner(Config())  # loaded once; each trial swaps in its own rule book
        book = self.cleaner.rulebook
        self.digest = book.digest
        self.others = tuple(f for f in book.sites if domain not in f.domains)
        self.generic = book.generic

    def rule_file(self, rules: Sequence[Rule]) -> RuleFile:
        return RuleFile(f"rules/sites/{self.domain}.toml", "site", (self.domain,), (), tuple(rules))

    def f1(self, rules: Sequence[Rule]) -> float:
        sites = self.others + ((self.rule_file(rules),) if rules else ())
        self.cleaner.rulebook = RuleBook(self.digest, sites=sites, generic=self.generic)
        return score(self.cleaner, self.pages).f1


def select(bench: SiteBench, candidates: list[Candidate], min_gain: float) -> tuple[float, float, list[Rule]]:
    start = current = bench.f1(())
    chosen: list[Rule] = []
    left = list(candidates)
    while left:
        trials = sorted(((bench.f1(chosen + list(c.rules)), c) for c in left), key=lambda t: -t[0])
        # Later rounds try only the candidates that helped on their own so far.
        left = [c for f1, c in trials[:SHORTLIST] if f1 > current]
        if not left:
            break
        best, candidate = trials[0]
        if best < current + min_gain:
            break
        print(f"  + {candidate.name[:70]}: {current:.3f} -> {best:.3f}")
        current = best
        chosen += candidate.rules
        taken = {r.pattern.source for r in chosen}
        left = [c for c in left if c is not candidate and not taken & {r.pattern.source for r in c.rules}]
    for rule in list(chosen):
        without = [r for r in chosen if r is not rule]
        f1 = bench.f1(without)
        if f1 >= current - 1e-9:
            print(f"  - {rule.id}: {current:.3f} -> {f1:.3f}")
            chosen, current = without, f1
    return start, current, chosen


def file_toml(domain: str, pages: int, before: float, after: float, rules: list[Rule]) -> str:
    head = (
        f"# {domain}: header/footer markers and recurring lines of this site's {pages} benchmark pages,\n"
        f"# drafted by bench/site_rules.py and kept because each raises the site's F1\n"
        f"# (generic rules only {before:.3f} -> with this file {after:.3f}).\n"
        f"domains = [{toml_string(domain)}]\n"
    )
    return head + "".join("\n" + rule_toml(rule) for rule in unique_ids(rules))


def unique_ids(rules: list[Rule]) -> list[Rule]:
    taken: set[str] = set()
    out = []
    for rule in rules:
        name, n = rule.id, 2
        while name in taken:
            name, n = f"{rule.id}-{n}", n + 1
        taken.add(name)
        out.append(replace(rule, id=name))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("domains", nargs="+")
    parser.add_argument("--bench", type=Path, default=Path("/work/shared/bench"))
    parser.add_argument("--out", type=Path, default=Path("rules/sites"))
    parser.add_argument("--min-gain", type=float, default=0.001)
    parser.add_argument("--dry-run", action="store_true", help="print what would be kept; write nothing")
    args = parser.parse_args()
    by_site: dict[str, list[Page]] = collections.defaultdict(list)
    for page in find_pages(args.bench):
        by_site[domain_of(page)].append(page)
    for domain in args.domains:
        pages = by_site.get(domain, [])
        if len(pages) < 2:
            print(f"{domain}: {len(pages)} pages, need at least 2")
            continue
        candidates = marker_candidates(domain, pages)
        learned = learned_candidate(domain, pages)
        candidates += [learned] if learned else []
        print(f"{domain}: {len(pages)} pages, {len(candidates)} candidates")
        bench = SiteBench(domain, pages)
        before, after, rules = select(bench, candidates, args.min_gain)
        verdict = "write" if rules and after >= before + args.min_gain else "no file"
        print(f"{domain}: F1 {before:.3f} -> {after:.3f} with {len(rules)} rules: {verdict}")
        if verdict == "write" and not args.dry_run:
            path = args.out / f"{domain}.toml"
            path.write_text(file_toml(domain, len(pages), before, after, rules), encoding="utf-8")
            print(f"  wrote {path}")


if __name__ == "__main__":
    main()
