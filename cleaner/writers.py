"""Writing outputs: atomically next to the original (or under --out-dir).

An output is written to a hidden temporary file in the destination folder and
renamed over the destination, so a reader (or an interrupted run) never sees a
half-written file. Temporary files left by a killed run carry `TEMP_MARK` in
their name and are removed by the next run that writes to the same folder.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

TEMP_MARK = ".cleaner-tmp"


def write_atomic(path: Path, text: str) -> int:
    """Write `text` as UTF-8 to `path` atomically; returns the bytes written."""
    data = text.encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_MARK)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
    return len(data)


def remove_stale_temps(folder: Path) -> None:
    """Remove temporary files a killed run left in `folder` (ours only)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(".") and entry.name.endswith(TEMP_MARK):
            try:
                os.unlink(entry.path)
            except OSError:
                pass
