"""Dokumentasi tetap benar: setiap sheet, tabel dan header kontrak tertulis di docs/format.md."""
from pathlib import Path

from rapk_xl.format.spec import KUNCI_INFO, TABEL

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_format_md_memuat_semua_sheet_tabel_header():
    teks = (DOCS / "format.md").read_text(encoding="utf-8")
    for t in TABEL:
        assert f"`{t.sheet}`" in teks and f"`{t.nama}`" in teks, t.nama
        for h in t.semua_header:
            assert f"`{h}`" in teks, (t.nama, h)
    for k in KUNCI_INFO:
        assert f"`{k.kunci}`" in teks


def test_validasi_md_memuat_semua_aturan():
    from rapk_xl.validate.katalog import KATALOG
    teks = (DOCS / "validasi.md").read_text(encoding="utf-8")
    for a in KATALOG.values():
        assert f"`{a.id}`" in teks, a.id
