"""Ubah paket workbook yang sah dengan cara yang dilakukan penulis lain (Excel, pustaka zip lain,
generator), tanpa mengubah isinya: untuk tes bahwa workbook yang sama tetap terbaca sama.

Setiap fungsi membaca ``asal`` (.xlsx) dan menulis ``tujuan``; hanya paket zip-nya yang
diubah, mengikuti standar OPC/SpreadsheetML (ECMA-376), sehingga Excel tetap membukanya.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

CT_MAKRO = "application/vnd.ms-excel.macrosheet+xml"
REL_MAKRO = "http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet"
CT_BUKU_XLSM = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"

#: lembar makro Excel 4.0 seperti ditulis Excel (rumus XLM di kolom A; tidak pernah dijalankan)
XML_MAKRO = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    b'<xm:macrosheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    b'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    b'<dimension ref="A1:A2"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>'
    b'<sheetFormatPr defaultRowHeight="15"/><sheetData>'
    b'<row r="1"><c r="A1" t="b"><f>ALERT("halo")</f><v>1</v></c></row>'
    b'<row r="2"><c r="A2" t="b"><f>RETURN()</f><v>1</v></c></row>'
    b'</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" '
    b'footer="0.3"/></xm:macrosheet>')


def _isi(asal: Path) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(asal) as z:
        return [(i, z.read(i)) for i in z.infolist()]


def _tulis(tujuan: Path, bagian: list[tuple[str, bytes]]) -> Path:
    with zipfile.ZipFile(tujuan, "w", zipfile.ZIP_DEFLATED) as z:
        for nama, data in bagian:
            z.writestr(nama, data)
    return tujuan


def tambah_lembar_makro(asal: Path, tujuan: Path, nama: str = "Makro1",
                        state: str | None = None) -> Path:
    """Tambahkan satu lembar makro Excel 4.0 (``xl/macrosheets/sheet1.xml``) sebagai sheet
    terakhir: bagiannya, override content type-nya, relasi ``xlMacrosheet`` dari workbook, dan
    entri ``<sheet>`` di workbook.xml; workbook menjadi .xlsm (content type macroEnabled)."""
    bagian = []
    for i, data in _isi(asal):
        n = i.filename
        if n == "[Content_Types].xml":
            data = re.sub(rb'(PartName="/xl/workbook.xml" ContentType=")[^"]+"',
                          rb'\g<1>' + CT_BUKU_XLSM.encode() + b'"', data)
            data = data.replace(b"</Types>", b'<Override PartName="/xl/macrosheets/sheet1.xml" '
                                b'ContentType="' + CT_MAKRO.encode() + b'"/></Types>')
        elif n == "xl/_rels/workbook.xml.rels":
            data = data.replace(b"</Relationships>", b'<Relationship Id="rIdMakro1" Type="'
                                + REL_MAKRO.encode() + b'" Target="macrosheets/sheet1.xml"/>'
                                b"</Relationships>")
        elif n == "xl/workbook.xml":
            ids = [int(x) for x in re.findall(rb'sheetId="(\d+)"', data)]
            atribut = f' state="{state}"' if state else ""
            data = data.replace(b"</sheets>", f'<sheet name="{nama}" sheetId="{max(ids) + 1}"'
                                f'{atribut} r:id="rIdMakro1"/></sheets>'.encode())
        bagian.append((n, data))
    bagian.append(("xl/macrosheets/sheet1.xml", XML_MAKRO))
    return _tulis(tujuan, bagian)


def nama_garis_miring_balik(asal: Path, tujuan: Path) -> Path:
    """Nama entri zip dengan ``\\`` (``xl\\workbook.xml``), seperti ditulis beberapa pustaka
    zip di Windows."""
    return _tulis(tujuan, [(i.filename.replace("/", "\\"), d) for i, d in _isi(asal)])


def nama_huruf_kecil(asal: Path, tujuan: Path) -> Path:
    """Nama entri zip berhuruf kecil (``[content_types].xml``, ``xl/sharedstrings.xml``):
    nama bagian OPC tidak peka huruf besar."""
    return _tulis(tujuan, [(i.filename.lower(), d) for i, d in _isi(asal)])


def pindah_folder_workbook(asal: Path, tujuan: Path, folder: str = "buku") -> Path:
    """Pindahkan semua bagian ``xl/`` ke ``folder/`` dan workbook.xml menjadi
    ``folder/utama.xml``; hanya relasi ``officeDocument`` di ``_rels/.rels`` yang
    menunjukkannya; rujukan mutlak ``/xl/...`` di relasi ikut diganti."""
    bagian = []
    for i, data in _isi(asal):
        n = i.filename
        if n == "xl/workbook.xml":
            n = f"{folder}/utama.xml"
        elif n == "xl/_rels/workbook.xml.rels":
            n = f"{folder}/_rels/utama.xml.rels"
        elif n.startswith("xl/"):
            n = folder + n[2:]
        if n == "_rels/.rels":
            data = data.replace(b'Target="xl/workbook.xml"', f'Target="{folder}/utama.xml"'.encode())
            data = data.replace(b'Target="/xl/workbook.xml"', f'Target="/{folder}/utama.xml"'.encode())
        elif n.endswith(".rels"):  # rujukan mutlak (openpyxl menulis Target="/xl/...")
            data = data.replace(b'Target="/xl/', f'Target="/{folder}/'.encode())
        elif n == "[Content_Types].xml":
            data = data.replace(b'PartName="/xl/workbook.xml"', f'PartName="/{folder}/utama.xml"'.encode())
            data = data.replace(b'PartName="/xl/', f'PartName="/{folder}/'.encode())
        bagian.append((n, data))
    return _tulis(tujuan, bagian)


_STRICT = [
    (b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
     b"http://purl.oclc.org/ooxml/spreadsheetml/main"),
    (b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
     b"http://purl.oclc.org/ooxml/officeDocument/relationships"),
    (b"http://schemas.openxmlformats.org/drawingml/2006/main",
     b"http://purl.oclc.org/ooxml/drawingml/main"),
]


def ke_strict(asal: Path, tujuan: Path) -> Path:
    """Namespace "Strict Open XML Spreadsheet" (ECMA-376 bagian 1, Strict) untuk SpreadsheetML,
    relasi dokumen dan DrawingML, seperti Excel menyimpan "Strict Open XML Spreadsheet"."""
    bagian = []
    for i, data in _isi(asal):
        if i.filename.endswith((".xml", ".rels")):
            for lama, baru in _STRICT:
                data = data.replace(lama, baru)
        bagian.append((i.filename, data))
    return _tulis(tujuan, bagian)
