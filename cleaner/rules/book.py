"""Loaded rule files and the choice of which apply to a document.

Site lookup order: `--site` (Config.site) > the document's URL > its folder-name hint
(`Document.site`, set by batch.py) > a site fingerprint found in the text. Generic
files apply by language: the English file and the file of the document's language
(found by stopword coverage, as for scoring); all of them when the language is not
known, and always a file whose language cannot be detected. A user's rules folder
adds files and replaces a shipped site file that names the same domain.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cleaner.model import Document
from cleaner.rules.domains import registrable_domain
from cleaner.rules.load import Problem, RuleFileError, read_rule_file
from cleaner.rules.schema import RuleFile, combined_prefilter
from cleaner.scoring.stopwords import language_of
from cleaner.scoring.tokens import WORD
from cleaner.scoring.vocabulary import ISO_CODES, iso_code

#: Only the first this many characters are searched for fingerprints.
FINGERPRINT_WINDOW = 200_000
#: The document's language (which generic files apply) is read from its first this many characters.
LANGUAGE_WINDOW = 5_000
#: Generic files of these languages apply to documents of every language.
ALWAYS = frozenset({"en", ""})
#: Languages `document_language` can report; a generic file in any other language always applies.
DETECTABLE = frozenset(ISO_CODES.values())


def shipped_rules_dir() -> Path | None:
    """The repo's rules/ folder (editable install) or the copy a wheel installs as `cleaner/_rules`."""
    here = Path(__file__).resolve()
    for candidate in (here.parents[2] / "rules", here.parents[1] / "_rules"):
        if (candidate / "sites").is_dir() or (candidate / "generic").is_dir():
            return candidate
    return None


@dataclass(frozen=True)
class Selection:
    """The rule files that apply to one document, and why."""

    site: str | None = None
    how: str = "none"  #: "--site", "url", "folder", "fingerprint" or "none"
    files: tuple[str, ...] = ()
    rule_files: tuple[RuleFile, ...] = field(default=(), repr=False, compare=False)
    #: one combined pattern for the generic files that apply (`prefilter.py`): one scan instead of one per file
    generic_prefilter: Any = field(default=None, repr=False, compare=False)
    language: str | None = None  #: the document's language (ISO code), which chose the generic files


@dataclass(frozen=True)
class RuleBook:
    """All loaded rule files (picklable; patterns compiled once at load)."""

    digest: str = ""
    sites: tuple[RuleFile, ...] = ()
    generic: tuple[RuleFile, ...] = ()
    #: combined pattern of each set of generic files chosen so far (by their paths), built on first use
    _prefilters: dict[tuple[str, ...], Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def generic_files(self, language: str | None) -> tuple[RuleFile, ...]:
        """The generic files for a document in `language` (ISO code; None: unknown, all files)."""
        if language is None:
            return self.generic
        return tuple(
            f for f in self.generic if f.language in ALWAYS or f.language == language or f.language not in DETECTABLE
        )

    def _prefilter(self, files: tuple[RuleFile, ...]) -> Any:
        key = tuple(f.path for f in files)
        if key not in self._prefilters:
            self._prefilters[key] = combined_prefilter(tuple(rule for f in files for rule in f.rules))
        return self._prefilters[key]

    def site_file(self, domain: str) -> RuleFile | None:
        domain = registrable_domain(domain) if domain else ""
        for rule_file in self.sites:
            if domain in rule_file.domains:
                return rule_file
        return None

    def find_site(self, document: Document, site: str | None = None) -> tuple[str | None, str]:
        """Which site a document belongs to, and how that was found."""
        if site:
            return registrable_domain(site), "--site"
        if document.url and registrable_domain(document.url):
            return registrable_domain(document.url), "url"
        if document.site and self.site_file(document.site):
            return registrable_domain(document.site), "folder"
        head = document.text[:FINGERPRINT_WINDOW]
        for rule_file in self.sites:
            if any(fp in head for fp in rule_file.fingerprints):
                return rule_file.domains[0], "fingerprint"
        if document.site:
            return registrable_domain(document.site), "folder"
        return None, "none"

    def select(self, document: Document, site: str | None = None) -> Selection:
        domain, how = self.find_site(document, site)
        site_file = self.site_file(domain) if domain else None
        language = document_language(document)
        generic = self.generic_files(language)
        files = ((site_file,) if site_file else ()) + generic
        return Selection(
            site=domain, how=how, language=language, files=tuple(f.path for f in files), rule_files=files,
            generic_prefilter=self._prefilter(generic),
        )


def document_language(document: Document) -> str | None:
    """ISO code of the document's language by stopword coverage (`scoring.stopwords`); None when unknown."""
    name = language_of(WORD.findall(document.text[:LANGUAGE_WINDOW]))
    return iso_code(name)


def _shown(path: Path, root: Path, shipped: bool) -> str:
    return f"rules/{path.relative_to(root).as_posix()}" if shipped else str(path)


def _files_in(root: Path) -> list[Path]:
    return sorted(root.glob("sites/*.toml")) + sorted(root.glob("generic/*.toml"))


def read_dir(root: Path, shipped: bool, problems: list[Problem]) -> list[RuleFile]:
    """All rule files of one rules folder (sites/*.toml and generic/*.toml)."""
    if not root.is_dir():
        problems.append(Problem(str(root), 0, "", "rules folder not found"))
        return []
    files = [read_rule_file(p, _shown(p, root, shipped), problems) for p in _files_in(root)]
    return [f for f in files if f is not None]


def load_rulebook(
    extra_dirs: tuple[Path, ...] = (), shipped: bool = True, check_examples: bool = True
) -> RuleBook:
    """Load shipped and user rule files; raise `RuleFileError` listing every problem."""
    from cleaner.rules.examples import example_problems

    problems: list[Problem] = []
    roots: list[tuple[Path, bool]] = []
    base = shipped_rules_dir() if shipped else None
    if base is not None:
        roots.append((base, True))
    roots += [(Path(d), False) for d in extra_dirs]
    sites: dict[str, RuleFile] = {}
    generic: dict[str, RuleFile] = {}
    hasher = hashlib.sha256()
    for root, is_shipped in roots:
        for rule_file in read_dir(root, is_shipped, problems):
            for domain in rule_file.domains:
                sites.pop(domain, None)
            if rule_file.scope == "site":
                for domain in rule_file.domains:
                    sites[domain] = rule_file
            else:
                generic[rule_file.path if is_shipped else Path(rule_file.path).name] = rule_file
        for p in _files_in(root) if root.is_dir() else []:
            hasher.update(p.name.encode() + b"\0" + p.read_bytes())
    if check_examples:
        for rule_file in list(dict.fromkeys(sites.values())) + list(generic.values()):
            problems += example_problems(rule_file)
    if problems:
        raise RuleFileError(problems)
    unique_sites = tuple(dict.fromkeys(sites.values()))
    return RuleBook(digest=hasher.hexdigest()[:16], sites=unique_sites, generic=tuple(generic.values()))
