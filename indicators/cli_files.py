"""The files named on the command line: missing ones said as a usage error, the system's refusals in the
reader's words (never its English text), names shown on one report line."""
from __future__ import annotations

import sys
from pathlib import Path


def missing_files(files: list[str], lang: str) -> bool:
    """Files named on the command line that are not there (a typo): a usage error, said in words."""
    from .i18n import t

    absent = [(f, not_a_file(f)) for f in files]
    absent = [(f, why) for f, why in absent if why]
    for f, why in absent:
        print(t(why, lang, file=shown_name(f)), file=sys.stderr)
    return bool(absent)


def not_a_file(name: str) -> str | None:
    """Why a path named on the command line is no file to read (the text's key), None for a regular
    file: a folder or a device (/dev/zero) is said as what it is, not as a typo."""
    path = Path(name)
    try:
        if path.is_dir():
            return "cli_is_folder"
        if path.exists():
            return None if path.is_file() else "cli_not_regular_file"
    except (OSError, ValueError):   # a name too long for the system, or holding a NUL
        pass
    return "cli_no_such_file"


def os_reason(exc: OSError, lang: str) -> str:
    """Why the system refused a file, in the reader's words (never the system's English text)."""
    import errno

    from .i18n import t

    kind = {errno.ENOENT: "missing", errno.ENOTDIR: "not_folder", errno.EEXIST: "not_folder", errno.EACCES: "denied",
            errno.EPERM: "denied", errno.EISDIR: "folder", errno.ENOSPC: "full", errno.EROFS: "full"}.get(exc.errno, "other")
    return t(f"os_reason_{kind}", lang, code=errno.errorcode.get(exc.errno, exc.errno))


def shown_name(name: str) -> str:
    """A file name as one line of the text report: a newline, a tab or another control character in it
    is written escaped, as Python writes it (`\\n`), so that no name breaks or forges a report line."""
    import unicodedata

    return "".join(c.encode("unicode_escape").decode("ascii") if unicodedata.category(c) in ("Cc", "Zl", "Zp")
                   else c for c in name)
