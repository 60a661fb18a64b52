"""Workbooks zipped by hand, as hostile files are made: one sheet `observations` whose XML rows are written
one after the other (bytes), so that a 0.7 MB file can hold 1.4 M rows. Shared by the tests of the reading
limits and bench/small_files.py."""
from __future__ import annotations

import io
import zipfile

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def hand_zipped(rows, shared: list[str] | None = None) -> bytes:
    """The workbook's bytes; `rows`: the `<row>` elements (bytes); `shared`: its shared strings."""
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
        'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType='
        '"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0"?><workbook {NS} xmlns:r="{REL}"><sheets><sheet name="observations" '
        'sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        f'package/2006/relationships"><Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/'
        f'sheet1.xml"/><Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
        '</Relationships>',
        "xl/sharedStrings.xml": f'<?xml version="1.0"?><sst {NS}>' + "".join(
            f"<si><t>{s}</t></si>" for s in (shared or ["indicator_id"])) + "</sst>",
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(f'<?xml version="1.0"?><worksheet {NS}><sheetData>'.encode())
            for row in rows:
                sheet.write(row)
            sheet.write(b"</sheetData></worksheet>")
    return buffer.getvalue()
