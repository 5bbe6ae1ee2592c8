"""Baris perintah ``rapk-xl``: satu grup click, perintahnya kata-kata yang dipakai staf.

Setiap perintah adalah lapisan tipis di atas fungsi Python dengan tujuan yang sama, jadi
semua yang dikerjakan CLI juga dapat dipanggil sebagai pustaka. Modul perintah baru diimpor
saat perintahnya dipakai (pola "lazy group" dari dokumentasi click), agar ``rapk-xl validasi``
tidak ikut memuat pustaka yang hanya diperlukan perintah lain.
"""
from __future__ import annotations

import importlib
import os

import click

from .. import __version__
from . import bahasa

bahasa.pasang()

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

#: nama perintah → "modul:objek"
PERINTAH = {
    "demo": "demo:demo_cmd",
    "hitung": "hitung:hitung",
    "unit": "unit:unit",
    "template": "template:template_cmd",
    "cetak": "cetak:cetak_cmd",
    "sampel": "sampel:sampel_cmd",
    "validasi": "validasi:validasi_cmd",
    "addin": "addin:addin_grup",
    "konsolidasi": "konsolidasi:konsolidasi_cmd",
    "riwayat": "riwayat:riwayat_cmd",
}


class GrupMalas(bahasa.Grup):
    def invoke(self, ctx):
        """Galat internal yang tak terduga tampil sebagai pesan singkat, bukan traceback
        (``RAPK_XL_DEBUG=1`` menampilkan traceback untuk pengembang)."""
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit,
                KeyboardInterrupt):
            raise
        except Exception as e:  # noqa: BLE001
            if os.environ.get("RAPK_XL_DEBUG"):
                raise
            click.echo(bahasa.pesan_galat_internal(e), err=True)
            ctx.exit(2)

    def list_commands(self, ctx):
        return sorted(PERINTAH)

    def get_command(self, ctx, nama):
        if nama not in PERINTAH:
            return None
        modul, objek = PERINTAH[nama].split(":")
        return getattr(importlib.import_module(f"{__name__}.{modul}"), objek)


@click.group(cls=GrupMalas, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", "-V", prog_name="rapk-xl",
                      message="%(prog)s, versi %(version)s",
                      help="Tampilkan versi lalu keluar.")
def cli() -> None:
    """rapk-xl: PK dan RAPK BPOM di Excel.

    Hitung capaian, NPS, kriteria dan efisiensi; buat template; periksa dan
    konsolidasikan workbook unit kerja. Bantuan tiap perintah: rapk-xl PERINTAH --help
    """


__all__ = ["cli", "PERINTAH"]
