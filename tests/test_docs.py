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


def test_cli_md_memuat_setiap_perintah_dan_opsinya():
    import click

    from rapk_xl.cli import PERINTAH, cli
    teks = (DOCS / "cli.md").read_text(encoding="utf-8")
    ctx = click.Context(cli)
    for nama in PERINTAH:
        cmd = cli.get_command(ctx, nama)
        subs = cmd.commands.values() if isinstance(cmd, click.Group) else [cmd]
        for sub in subs:
            judul = f"rapk-xl {nama}" + (f" {sub.name}" if sub is not cmd else "")
            baris = [b for b in teks.splitlines() if f"`{judul}" in b]
            assert baris, judul
            for p in sub.params:
                if isinstance(p, click.Option) and p.name != "help":
                    panjang = max(p.opts, key=len)
                    assert any(panjang in b or min(p.opts, key=len) in b for b in baris), \
                        (judul, panjang)
