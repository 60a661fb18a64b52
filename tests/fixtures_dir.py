"""Where the real public files of `shared/fixtures/` are (never copied into this repository).

The project sits beside `shared/` in the workspace, but a clone may live elsewhere (CI, a fresh
directory): `MONITOR_FIXTURES` names the folder explicitly; otherwise the first `shared/fixtures`
found beside this clone or one of its parents, then the workspace's `/work/shared/fixtures`.
"""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def fixtures_dir() -> Path:
    if os.environ.get("MONITOR_FIXTURES"):
        return Path(os.environ["MONITOR_FIXTURES"])
    candidates = [p / "shared" / "fixtures" for p in ROOT.parents] + [Path("/work/shared/fixtures")]
    for candidate in candidates:
        if (candidate / "SOURCES.md").is_file():
            return candidate
    # Tests that need them then fail naming this path, rather than skipping silently.
    return ROOT.parent / "shared" / "fixtures"
