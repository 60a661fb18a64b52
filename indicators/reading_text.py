"""From a file's bytes to its text: the encoding (UTF-8, with or without BOM, UTF-16 and UTF-32 with or
without BOM, Windows-1252 and other single-byte encodings), a UTF-8 file holding a few bytes of another
encoding, a Windows-1252 file holding rows pasted from a UTF-8 one, and the invisible characters around
or inside cells. The CSV's structure (separator, header, records) is reading.py's."""
from __future__ import annotations

import codecs
import functools
import re
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .problems import Problem, capped

if TYPE_CHECKING:   # reading.py imports this module: the type only, never at run time
    from .reading import Sheet


# The bytes 0x80-0xFF: deleting them from a file leaves its ASCII bytes (bytes.translate, at C speed).
_HIGH_BYTES = bytes(range(128, 256))
# A byte that is not UTF-8 as "backslashreplace" writes it, visibly: \xe9 (always 0x80 or more).
INVALID_BYTE = re.compile(r"\\x[89a-f][0-9a-f]")


def _mostly_utf8(raw: bytes) -> bool:
    """Whether most non-ASCII bytes of a file that is not all UTF-8 belong to valid UTF-8 sequences:
    a UTF-8 file into which a few bytes of another encoding were pasted (é written as the one byte
    0xE9 among é written as the two C3 A9), rather than a Windows-1252 file (no such sequence, or a
    chance pair). Counted a block at a time: a copy of a whole 100 MB file is never made."""
    # Each byte that is not UTF-8 is one character with "surrogateescape" and none with "ignore".
    escaping = codecs.getincrementaldecoder("utf-8")(errors="surrogateescape")
    ignoring = codecs.getincrementaldecoder("utf-8")(errors="ignore")
    high = invalid = 0
    block = 1 << 20
    for start in range(0, len(raw), block):
        chunk, final = raw[start:start + block], start + block >= len(raw)
        high += len(chunk) - len(chunk.translate(None, _HIGH_BYTES))
        invalid += len(escaping.decode(chunk, final=final)) - len(ignoring.decode(chunk, final=final))
        if invalid >= 1000 and high - invalid < invalid // 10:
            return False   # plainly Windows-1252 from the first megabytes (0.05 s of a 25 MB file saved)
    return high - invalid > invalid


# The control characters no text table holds: C0 and DEL, but for tab, LF, VT (a line break inside a
# FileMaker cell), FF and CR. An image, an archive or a PDF's compressed streams hold about one byte in ten.
_CONTROLS = bytes(b for b in [*range(32), 127] if b not in b"\t\n\x0b\x0c\r")
# Formats whose first bytes say what they are, whatever their share of control characters (a PDF opens
# with lines of text): PDF, PNG, JPEG, GIF, an Excel 97-2003 or Word document (OLE2), RAR, 7-Zip.
_BINARY_SIGNATURES = (b"%PDF-", b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"\xd0\xcf\x11\xe0",
                      b"Rar!\x1a\x07", b"7z\xbc\xaf\x27\x1c")
BINARY_HEAD = 1 << 16   # the bytes looked at: 64 KB


def is_binary(raw: bytes) -> bool:
    """Whether bytes without a UTF-16 byte order mark are no text: they open with a binary format's
    signature, or more than 2 of their first 64 KB (and more than 1 in 1,000) are control characters
    other than tab, LF, VT, FF and CR. One stray control character (a NUL in a note, the Ctrl-Z that
    ends an old DOS file) leaves a file text, and a problem at its cell if it matters. A UTF-16 file
    without byte order mark (a NUL beside every ASCII letter) is binary by this rule."""
    if raw.startswith(_BINARY_SIGNATURES):
        return True
    head = raw[:BINARY_HEAD]
    controls = len(head) - len(head.translate(None, _CONTROLS))
    return controls > max(2, len(head) // 1000)


# Characters that practically never stand beside a letter in French or Dutch text (½ in "½uvre", š), nor
# anywhere (¤); capitals that never follow a small letter inside a word (È in "donnÈes", Ë in "LiËge"),
# though they start one ("Œuvre", "École", "L'HAŸ"); Š after any letter, not before one ("Škoda"): each is a
# byte of another single-byte encoding read as this one (Ž is Mac Roman's é: "DonnŽes", "RŽgion", "Žtat").
_ODD = "Žžˆšƒ™‰‹›¦¨´¸¼½¾\u0080-\u009f"
_ODD_CAPITALS = "ŸŒÀ-ÖØ-Ý"
_ODD_AFTER_LETTER = "Š"   # Mac Roman's ä after any letter, not before one ("Škoda")
# and signs that never stand inside a word or after a letter: Mac Roman's ë î ì ï read as Windows-1252
# (‘ ” “ •: "Belgi‘", "ma”trise", "na•f"); ’ stays out of it: the French apostrophe ("aujourd’hui"), and ”
# counts only between two letters (a closing quote follows a word)
_ODD_INSIDE = "”"
_ODD_AFTER = "‘“•˜"   # an opening quote or a bullet after a letter ("Belgi‘" at a word's end too)
_ODD_BESIDE_LETTER = re.compile(f"(?<=[^\\W\\d_])[{_ODD}]|[{_ODD}](?=[^\\W\\d_])|(?<=[a-zß-öø-ÿœ])[{_ODD_CAPITALS}]"
                                f"|(?<=[^\\W\\d_])[{_ODD_AFTER_LETTER}{_ODD_AFTER}]"
                                f"|(?<=[^\\W\\d_])[{_ODD_INSIDE}](?=[^\\W\\d_])|[¤ˆ\u0080-\u009f]")   # ˆ alone: Mac's "à"; a control character: never text
# The single-byte encodings of French and Belgian files, most common first: Windows-1252 (Excel on
# Windows), ISO-8859-15 (Latin-9: € at 0xA4, œ at 0xBD), Mac Roman (Excel for Mac's "CSV (Macintosh)": é
# at 0x8E, Ž in Windows-1252).
_SINGLE_BYTE = ("cp1252", "iso8859_15", "mac_roman")


@functools.cache
def _not_odd_bytes(encoding: str) -> bytes:
    """Every byte but those this encoding reads as one of the odd characters (_ODD…, ¤): deleting these
    from a sample (bytes.translate, at C speed) leaves only odd ones. A sample without any has no odd
    character to count, and the count's pattern (0.08 s a megabyte, 7 % of bench/ingest.py's validation)
    is not run."""
    odd = re.compile(f"[{_ODD}{_ODD_CAPITALS}{_ODD_AFTER_LETTER}{_ODD_INSIDE}{_ODD_AFTER}¤]")
    def is_odd(b: int) -> bool:
        try:
            return odd.fullmatch(bytes([b]).decode(encoding)) is not None
        except UnicodeDecodeError:   # undefined in this encoding: the decoding itself refuses it
            return False
    return bytes(b for b in range(256) if not is_odd(b))


def _single_byte(raw: bytes) -> tuple[str, str, bool] | None:
    """The file read in the single-byte encoding whose text has the fewest odd characters beside letters
    (counted in its first megabyte), Windows-1252 on a tie; None when none reads it without any while
    Windows-1252 cannot read it (a DOS file: charset-normalizer measures it)."""
    sample = raw[:1 << 20]
    best = None
    for encoding in _SINGLE_BYTE:
        try:
            # (UTF-8 rows pasted into a Windows-1252 file, Ã¨ for è, are not counted: repair_mixed reads them)
            text = sample.decode(encoding)
            odd = len(_ODD_BESIDE_LETTER.findall(_MOJIBAKE.sub("", text))) \
                if sample.translate(None, _not_odd_bytes(encoding)) else 0
        except UnicodeDecodeError:   # Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined
            continue
        if best is None or odd < best[1]:
            best = (encoding, odd)
        if odd == 0:
            break
    if best is None or (best[1] and best[0] != "cp1252"):   # none plainly right: charset-normalizer measures
        return None
    try:
        text = raw.decode(best[0])
    except UnicodeDecodeError:   # past the sample
        return None
    # Windows-1252 and ISO-8859-1 differ only in 0x80-0x9F, where Windows puts € ’ œ …: a file without such
    # a byte fits both, and docs/data-format.md names Windows-1252 then (DESIGN.md's encoding, Excel's).
    return text, {"cp1252": "cp1252", "iso8859_15": "iso-8859-15", "mac_roman": "mac-roman"}[best[0]], False


# UTF-16 and UTF-32 without a byte order mark: the share of NUL bytes at each position of a 4-byte group
# (little-endian UTF-16 "a" is 61 00: a NUL at every odd position, none at the even ones), in that order.
_WIDE = (("utf-32-le", (False, True, True, True)), ("utf-32-be", (True, True, True, False)),
         ("utf-16-le", (False, True, False, True)), ("utf-16-be", (True, False, True, False)))


def _without_bom(raw: bytes) -> tuple[str, str, bool] | None:
    """A file `is_binary` finds full of NULs, read as UTF-16 or UTF-32 when its NULs fall where those
    encodings put them for Latin letters (most high bytes NUL, next to no low byte) and the text read holds
    no control character; None otherwise (binary). Without this, a UTF-16 file saved without its byte order
    mark was "a binary file", and a UTF-32 one a table of NULs."""
    head = raw[:BINARY_HEAD]
    head = head[:len(head) // 4 * 4]
    if len(head) < 16 or raw.startswith(_BINARY_SIGNATURES):
        return None
    nul = (np.frombuffer(head, dtype=np.uint8).reshape(-1, 4) == 0).mean(axis=0)
    for codec, high in _WIDE:
        if all(share >= 0.7 if is_high else share <= 0.02 for share, is_high in zip(nul, high)):
            text = raw.decode(codec, errors="replace")   # a cut file loses its last character only
            if is_binary(text[:BINARY_HEAD].encode("utf-8")):
                return None
            return text, codec[:6], False
    return None


def is_text(raw: bytes) -> bool:
    """Whether bytes read as text by `decode` (judged on their first 64 KB): a CSV named .xlsx is read as
    the CSV it is, as a workbook named .csv is read as a workbook."""
    head = raw[:BINARY_HEAD]
    return head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")) \
        or not is_binary(head) or _without_bom(head) is not None


def decode(raw: bytes) -> tuple[str, str, bool] | None:
    """Text, encoding name and whether bytes that are not of that encoding were found (a UTF-8 file
    holding a few bytes of another encoding: each is written visibly in the text, as \\xe9, and the
    cells holding one are refused by `invalid_bytes`); None when the bytes are not text (`is_binary`)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw[3:].decode("utf-8"), "utf-8-sig", False
        except UnicodeDecodeError:
            return raw[3:].decode("utf-8", errors="backslashreplace"), "utf-8-sig", True
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):   # UTF-32 (its BOM opens as UTF-16's does)
        return raw.decode("utf-32", errors="replace"), "utf-32", False
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" export
        # An odd byte count (a cut file) loses its last half character, not the whole file.
        return raw.decode("utf-16", errors="replace"), "utf-16", False
    if is_binary(raw):   # read as ISO-8859-1, any bytes would make a table of junk offered for mapping
        return _without_bom(raw)
    try:
        return raw.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(raw):
        # Read as Windows-1252 (as it was), every accent of the file would be stored as Ã©: UTF-8, and the
        # few cells holding other bytes are refused, naming them.
        return raw.decode("utf-8", errors="backslashreplace"), "utf-8", True
    single = _single_byte(raw)
    if single is not None:
        return single
    from charset_normalizer import from_bytes  # other single-byte files (DOS, Mac): let it measure

    best = from_bytes(raw[:65536]).best()
    encoding = best.encoding if best else "latin_1"
    if encoding in ("latin_1", "iso8859_1"):
        # Latin-1 reads 0x80-0x9F as control characters where Windows-1252 has € ’ œ …: the same text
        # otherwise, and Windows-1252 is the name docs/data-format.md gives when several fit.
        try:
            return raw.decode("cp1252"), "cp1252", False
        except UnicodeDecodeError:   # 0x81, 0x8D, 0x8F, 0x90, 0x9D: Latin-1 alone reads them
            return raw.decode("latin_1"), "iso-8859-1", False
    try:
        return raw.decode(encoding), encoding, False
    except (UnicodeDecodeError, LookupError):
        return raw.decode("cp1252", errors="replace"), "cp1252", False


def invalid_byte_problems(sheet: Sheet) -> list[Problem]:
    """The cells of a UTF-8 file holding bytes that are not UTF-8 (written \\xe9 by `decode`), one error
    each at its row and column with the cell as read: stored, such a cell would be garbled text."""
    problems: list[Problem] = []
    unnamed = sheet.unnamed_letters()
    for column in sheet.frame.columns:
        cells = sheet.frame[column].astype("str")
        at = np.flatnonzero(cells.str.contains("\\x", regex=False).to_numpy(dtype=bool))
        if len(at):   # (a backslash alone in a note is no such byte)
            at = at[cells.iloc[at].str.contains(INVALID_BYTE.pattern, regex=True).to_numpy(dtype=bool)]
        if len(at):
            found = sheet.rows[at]

            def make(i: int, at=at, found=found, cells=cells, column=column) -> Problem:
                return Problem(sheet.label, int(found[i]), column, cells.iat[at[i]], "invalid_bytes", unnamed=unnamed)

            problems.extend(capped(sheet.label, column, "invalid_bytes", found, make))
    return problems


_MOJIBAKE = re.compile("[\u00c2\u00c3][\u0080-\u00bf\u2018-\u203a\u20ac\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]")


def has_mojibake(text: str, encoding: str) -> bool:
    """Whether a Windows-1252 text holds UTF-8 text read as Windows-1252 (Ã© for é): rows pasted from a
    UTF-8 file, read again by `repair_mixed` and named by `mixed_encoding`."""
    # Â or Ã opens every such pair: looking for them first spares the pattern a pass over 25 MB.
    return encoding in ("cp1252", "iso-8859-1") and ("\u00c2" in text or "\u00c3" in text) \
        and _MOJIBAKE.search(text) is not None


def _as_utf8(cell: str) -> str:
    """A cell of a Windows-1252 file holding UTF-8 text (Ã© for é) read as UTF-8, when its bytes are that."""
    try:
        return cell.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return cell


def repair_mixed(frame: pd.DataFrame) -> pd.DataFrame:
    """The cells of a Windows-1252 file that hold UTF-8 text (rows pasted from a UTF-8 file), each read
    as UTF-8: stored as read, Liège would be LiÃ¨ge on every page. Other cells are left as they are."""
    frame = frame.copy()
    for column in frame.columns:
        cells = frame[column].astype("str")
        at = np.flatnonzero(cells.str.contains(_MOJIBAKE.pattern, regex=True).to_numpy(dtype=bool))
        if len(at):
            values = frame[column].to_numpy(dtype=object, copy=True)
            values[at] = [_as_utf8(v) for v in values[at]]
            frame[column] = values
    return frame


def repair_header(header: list[str]) -> list[str]:
    """A header row of a Windows-1252 file, its UTF-8 names read as UTF-8 as `repair_mixed` reads cells: a
    header pasted from a UTF-8 template over an Excel export (`pÃ©riode`) names the column `période`."""
    return [_as_utf8(name) if _MOJIBAKE.search(name) else name for name in header]


def mixed_encoding(name: str, text: str) -> list[Problem]:
    """A notice naming the rows of a Windows-1252 file that hold UTF-8 text (read as such, repair_mixed)."""
    lines = text.splitlines()
    bad = [i + 1 for i, line in enumerate(lines) if _MOJIBAKE.search(line)]
    shown = ", ".join(map(str, bad[:10])) + (" …" if len(bad) > 10 else "")
    return [Problem(name, bad[0], None, None, "mixed_encoding", {"rows": shown, "count": len(bad)},
                    severity="notice")]


# ---------------------------------------------------------------- invisible characters

# Unicode's format characters (category Cf): the zero-width space, the BOM (U+FEFF, also where two files
# were pasted together), the word joiner, the soft hyphen, direction marks… A cell copied from a web page
# or a PDF carries them around a code or a number, invisible. Not the tags U+E0020-E007F, which end a flag
# emoji in a note (tests/test_hostile_bytes_named.py checks the list against unicodedata).
INVISIBLE_CHARS = ("\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
                   "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
                   "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001")
INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]")
# Spaces and invisible characters around a cell's text: trimmed, as spaces and NBSP are.
_EDGES = re.compile(f"^[\\s{INVISIBLE_CHARS}]+|[\\s{INVISIBLE_CHARS}]+$")
# Those removed from inside a cell: not the joiners U+200C and U+200D, parts of emoji and of some scripts.
_INSIDE = re.compile(f"(?![\u200c\u200d])[{INVISIBLE_CHARS}]")


def has_invisible(text: str, encoded: bytes) -> bool:
    """Whether a text (and `encoded`, the same as UTF-8) holds an invisible character: an ASCII text cannot
    (said at once), any other is looked through as bytes by RE2, 0.03 s for 25 MB (Python's re: 0.2 s)."""
    return not text.isascii() and _invisible_bytes().search(encoded) is not None


@functools.cache
def _invisible_bytes():
    import re2

    return re2.compile(f"[{INVISIBLE_CHARS}]".encode("utf-8"))


def visible(text: str) -> str:
    """A header cell without the spaces and invisible characters around it, nor any NUL (a column's name
    is said in messages, where a NUL must never be)."""
    text = text.replace("\x00", "").strip()
    return _EDGES.sub("", text) if INVISIBLE.search(text) else text


def header_notice(label: str, header_row: int, name: str, written: str) -> Problem:
    """The notice of a column name that held an invisible character (or a NUL) inside it, removed: the name
    is read as it shows."""
    from .texts.reading_bytes import INVISIBLE_NAMES

    found = re.search(f"[\x00{INVISIBLE_CHARS}]", written.strip())
    char = found.group() if found else ""
    before = _INSIDE.sub("", written.strip()[:found.start()].replace("\x00", ""))[-20:] if found else ""
    return Problem(label, header_row, name, name, "invisible_inside",
                   {"before": before, "code": f"U+{ord(char):04X}" if char else "",
                    "name": INVISIBLE_NAMES.get(char, INVISIBLE_NAMES[""])}, severity="notice")


def trim_invisible(frame: pd.DataFrame, rows: np.ndarray, label: str, unnamed: tuple[str, ...] = (),
                   header_row: int | None = None) -> tuple[pd.DataFrame, list[Problem]]:
    """The table without the invisible characters of its cells and column names: those around a cell's
    text trimmed with the spaces beside them, silently, as spaces and NBSP are (`\u200b200093201` is
    200093201); those inside removed, each cell so read with a notice naming the first (`invisible_inside`:
    "a zero-width space (U+200B) after 200"). Kept, a code or a number holding one was refused with the
    same-looking text as its culprit ("Unknown code 200093201. Did you mean 200093201?"). The caller looks
    first (`has_invisible`): a table without any costs nothing."""
    from .texts.reading_bytes import INVISIBLE_NAMES

    problems: list[Problem] = []
    frame = frame.copy(deep=False)   # (no cell copied: the columns changed are replaced)
    names = [_INSIDE.sub("", visible(str(c))) for c in frame.columns]
    if len(set(names)) == len(names):   # unless two names would become one
        # a header with one inside (`terr\u200bitory_id`) is said at its row, as a cell's is
        problems.extend(header_notice(label, header_row, name, str(c)) for name, c in zip(names, frame.columns)
                        if header_row is not None and _INSIDE.search(visible(str(c))))
        frame.columns = names
    for k, column in enumerate(frame.columns):
        cells = frame.iloc[:, k]
        at = np.flatnonzero(cells.astype("str").str.contains(INVISIBLE.pattern, regex=True).to_numpy(dtype=bool))
        if not len(at):
            continue
        values: list[str] = []
        inside: list[tuple[int, str, str, str]] = []   # (position, the text before the first, it, the cell)
        for i, cell in zip(at, cells.iloc[at]):
            text = _EDGES.sub("", str(cell))
            found = _INSIDE.search(text)
            if found:
                text = _INSIDE.sub("", text)
                inside.append((i, _INSIDE.sub("", found.string[:found.start()])[-20:], found.group(), text))
            values.append(text)
        cells.iloc[at] = values   # (copy on write: the frame given is left as it is; no other cell made a str)
        frame.isetitem(k, cells)
        if not inside:
            continue
        where = rows[np.asarray([i for i, *_ in inside], dtype=np.int64)]

        def make(j: int, inside=inside, where=where, column=column) -> Problem:
            _, before, char, text = inside[j]
            return Problem(label, int(where[j]), column, text, "invisible_inside",
                           {"before": before, "code": f"U+{ord(char):04X}",
                            "name": INVISIBLE_NAMES.get(char, INVISIBLE_NAMES[""])}, severity="notice", unnamed=unnamed)

        problems.extend(capped(label, column, "invisible_inside", where, make, severity="notice"))
    return frame, problems
