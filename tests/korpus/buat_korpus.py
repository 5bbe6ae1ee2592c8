"""Bangun korpus berkas rusak dan berbahaya untuk tests/test_korpus.py.

    .venv/bin/python tests/korpus/buat_korpus.py

Setiap berkas mewakili kiriman nyata yang salah; KORPUS memetakan nama berkas ke aturan yang
harus dilaporkan validator (tepat satu temuan, tanpa crash). Hasilnya disimpan di repositori
agar tes tidak bergantung pada skrip ini saat berjalan.
"""
import io
import sys
import zipfile
from pathlib import Path

SINI = Path(__file__).resolve().parent
sys.path.insert(0, str(SINI.parent))

KORPUS = {
    "kosong.xlsx": "berkas-kosong",
    "csv_diganti_nama.xlsx": "bukan-xlsx",
    "ekspor_html.xls": "bukan-xlsx",
    "excel_lama.xls": "berkas-xls-atau-terenkripsi",
    "berpassword.xlsx": "berkas-xls-atau-terenkripsi",
    "biner.xlsb": "format-xlsb",
    "terpotong.xlsx": "rusak",
    "dokumen_word.xlsx": "bukan-xlsx",
    "bom_zip.xlsx": "terlalu-besar",
    "entitas_xml.xlsx": "xml-tidak-aman",
    "sheet_raksasa.xlsx": "sheet-terlalu-besar",
    "bukan_template.xlsx": "bukan-workbook-rapk",
    "data.csv": "bukan-xlsx",
    "crc_rusak.xlsx": "rusak",
}


def _zip(path: Path, bagian: dict[str, bytes], metode=zipfile.ZIP_DEFLATED) -> None:
    with zipfile.ZipFile(path, "w", metode) as z:
        for nama, isi in bagian.items():
            z.writestr(nama, isi)


def _bersih() -> bytes:
    from bersih import data_bersih
    from rapk_xl.io.writer import tulis_workbook
    p = SINI / "_sementara.xlsx"
    tulis_workbook(data_bersih(), p)
    isi = p.read_bytes()
    p.unlink()
    return isi


def _isi_zip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


def main() -> None:
    bersih = _bersih()
    (SINI / "kosong.xlsx").write_bytes(b"")
    (SINI / "csv_diganti_nama.xlsx").write_text(
        "Kode Indikator,Indikator,B01\n1.01,Persentase Obat,90\n", encoding="utf-8")
    (SINI / "data.csv").write_text("Kode Indikator;Target\n1.01;90\n", encoding="utf-8")
    (SINI / "ekspor_html.xls").write_text(
        "<html><body><table><tr><td>1.01</td><td>90</td></tr></table></body></html>",
        encoding="utf-8")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    (SINI / "excel_lama.xls").write_bytes(ole + b"Workbook".ljust(512, b"\x00"))
    (SINI / "berpassword.xlsx").write_bytes(
        ole + "EncryptedPackage".encode("utf-16-le").ljust(512, b"\x00"))
    _zip(SINI / "biner.xlsb", {"[Content_Types].xml": b"<Types/>", "xl/workbook.bin": b"\x00" * 64})
    (SINI / "terpotong.xlsx").write_bytes(bersih[: len(bersih) // 2])
    _zip(SINI / "dokumen_word.xlsx", {"[Content_Types].xml": b"<Types/>",
                                      "word/document.xml": b"<w:document/>"})
    # zip bomb: workbook sah dengan satu bagian yang membengkak menjadi 300 MB spasi
    bagian = _isi_zip(bersih)
    bagian["xl/worksheets/sheet1.xml"] = b" " * (300 * 1024 * 1024)
    _zip(SINI / "bom_zip.xlsx", bagian)
    # "billion laughs" di workbook.xml
    bagian = _isi_zip(bersih)
    tawa = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            + b"".join(b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10 if i > 1 else b"&lol;" * 10)
                       for i in range(1, 10))
            + b"]>")
    wbxml = bagian["xl/workbook.xml"]
    wbxml = wbxml.split(b"?>", 1)[1] if wbxml.startswith(b"<?xml") else wbxml
    bagian["xl/workbook.xml"] = tawa + wbxml.replace(b"<sheets>", b"<sheets>&lol9;", 1)
    _zip(SINI / "entitas_xml.xlsx", bagian)
    # sheet isian dengan satu sel di pojok terjauh (XFD1048576)
    bagian = _isi_zip(bersih)
    ws = bagian["xl/worksheets/sheet5.xml"]  # Anggaran
    ws = ws.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
                                     b"</sheetData>")
    bagian["xl/worksheets/sheet5.xml"] = ws
    _zip(SINI / "sheet_raksasa.xlsx", bagian)
    # workbook Excel biasa yang bukan dari template
    from openpyxl import Workbook
    wb = Workbook()
    wb.active.append(["Laporan", "bebas"])
    wb.save(SINI / "bukan_template.xlsx")
    # satu byte data sheet PK terkompresi diubah: CRC bagian itu tidak cocok lagi
    data = bytearray(bersih)
    with zipfile.ZipFile(io.BytesIO(bersih)) as z:
        info = z.getinfo("xl/worksheets/sheet3.xml")
    awal = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[awal + info.compress_size // 2] ^= 0xFF
    (SINI / "crc_rusak.xlsx").write_bytes(bytes(data))
    print("\n".join(sorted(p.name for p in SINI.iterdir() if p.suffix != ".py")))


if __name__ == "__main__":
    main()
