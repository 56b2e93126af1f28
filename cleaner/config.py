"""One frozen configuration object; one name per knob across API, CLI and docs."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

Mode = Literal["precision", "balanced", "recall"]
MODES: tuple[Mode, ...] = ("precision", "balanced", "recall")


@dataclass(frozen=True)
class Config:
    """How to clean. Every field is also a CLI option of the same name.

    mode: `balanced` (default) trades precision and recall evenly; `precision`
        drops more (less boilerplate left, some article lines lost); `recall`
        keeps more (no article line lost, some boilerplate left).
    use_rules: apply rule files (site and generic). `--no-rules` turns them off
        and leaves the heuristic scoring alone.
    use_site_rules: apply site rule files. `--no-site-rules` turns them off and
        keeps the generic ones: what cleaner does on a site nobody wrote rules for.
    site: force this site's rules (a registrable domain such as
        `independent.co.uk`); `None` finds the site from URL, folder or text.
    rules_dirs: extra rule folders (a user's own); their files add to the
        shipped ones and override a shipped file for the same domain.
    keep_title: put the recognised title on the first line of the output.
    """

    mode: Mode = "balanced"
    use_rules: bool = True
    use_site_rules: bool = True
    site: str | None = None
    rules_dirs: tuple[Path, ...] = field(default_factory=tuple)
    keep_title: bool = False

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {self.mode!r}")

    def fingerprint_parts(self) -> dict[str, object]:
        """The settings that change the output, as JSON-able values."""
        parts = asdict(self)
        parts["rules_dirs"] = [str(p) for p in self.rules_dirs]
        return parts


def digest(*parts: object) -> str:
    """A short stable hash of JSON-able parts (used to stamp outputs)."""
    blob = json.dumps(parts, sort_keys=True, default=str).encode()
    return hashlib.sha256(blob).hexdigest()[:16]
