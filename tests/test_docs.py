"""Dokumentasi tetap benar: setiap sheet, tabel dan header kontrak tertulis di docs/format.md."""
import importlib.util
from pathlib import Path

from rapk_xl.format.spec import KUNCI_INFO, TABEL

AKAR = Path(__file__).resolve().parents[1]
DOCS = AKAR / "docs"


def _skrip_docs():
    spec = importlib.util.spec_from_file_location("docs_skrip", AKAR / "scripts" / "docs.py")
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


def test_format_md_dibangkitkan_dari_spec():
    from rapk_xl.format.dokumen import format_md
    teks = (DOCS / "format.md").read_text(encoding="utf-8")
    assert teks == format_md(), "docs/format.md usang: jalankan .venv/bin/python scripts/docs.py"
    # dan memang memuat setiap sheet, tabel, header dan id bidang spec
    for t in TABEL:
        assert f"`{t.sheet}`" in teks and f"`{t.nama}`" in teks, t.nama
        for k in t.kolom:
            assert f"`{k.nama}`" in teks, (t.nama, k.nama)
            if t is not TABEL[0]:
                assert f"`{k.id}`" in teks, (t.nama, k.id)
    for k in KUNCI_INFO:
        assert f"`{k.kunci}`" in teks and f"`{k.id}`" in teks


def test_validasi_md_dibangkitkan_dari_register():
    from rapk_xl.validate.katalog import KATALOG
    teks = (DOCS / "validasi.md").read_text(encoding="utf-8")
    assert teks == _skrip_docs().validasi_md(teks), \
        "docs/validasi.md usang: jalankan .venv/bin/python scripts/docs.py"
    for a in KATALOG.values():
        assert f"| `{a.id}` |" in teks, a.id


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
