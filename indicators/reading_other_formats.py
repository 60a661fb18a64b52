"""Files in a format the import does not read, said as what they are and what to do: an Excel 97-2003
workbook, a workbook protected by a password, an OpenDocument spreadsheet, a ZIP archive of files
(indicators/reading.py asks before reading a file as CSV or XLSX)."""
from __future__ import annotations

import io
import zipfile

from .problems import Problem
from .reading import ZIP_SIGNATURES


# An OLE2 container's first bytes: an Excel 97-2003 workbook, a workbook saved with a password (Excel
# wraps the encrypted .xlsx in one), also a Word .doc. The stream names say which (UTF-16 in its directory).
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_XLS_STREAM = "Workbook".encode("utf-16-le")
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


def other_format(raw: bytes, name: str) -> Problem | None:
    """A file in a format the import does not read, said as what it is and what to do (a file-level
    error): an Excel 97-2003 workbook (OLE2 holding a `Workbook` stream, or named .xls), a workbook
    protected by a password, an OpenDocument spreadsheet (.ods), or a ZIP archive of files (INSEE and
    Eurostat ship their tables so), named by its first members. None for anything else (a text file, a
    workbook: a ZIP with `xl/` parts, another Office document, a damaged archive), left to the readers."""
    if raw.startswith(OLE2_SIGNATURE):
        if _ENCRYPTED_STREAM in raw:
            return Problem(name, None, None, None, "encrypted_xlsx")
        if _XLS_STREAM in raw or name.lower().removesuffix(".gz").endswith((".xls", ".xlt")):
            return Problem(name, None, None, None, "xls_file")
        return None
    if not raw.startswith(ZIP_SIGNATURES):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            names = [n for n in archive.namelist() if not n.endswith("/")]
            if "mimetype" in names:
                with archive.open("mimetype") as part:
                    if part.read(len(_ODS_MIMETYPE)) == _ODS_MIMETYPE:
                        return Problem(name, None, None, None, "ods_file")
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError, RuntimeError):
        return None
    # An Office document (its `[Content_Types].xml`: a workbook, a .docx) or an empty archive: not said here.
    if not names or "[Content_Types].xml" in names or any(n.startswith("xl/") for n in names):
        return None
    shown = ", ".join(n[:80] for n in names[:5]) + (", …" if len(names) > 5 else "")
    return Problem(name, None, None, None, "zip_archive", {"files": shown})
