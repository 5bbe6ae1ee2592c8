"""Baris perintah ``rapk-xl``: satu grup click, perintahnya kata-kata yang dipakai staf.

Setiap perintah adalah lapisan tipis di atas fungsi Python dengan tujuan yang sama, jadi
semua yang dikerjakan CLI juga dapat dipanggil sebagai pustaka.
"""
from __future__ import annotations

import click

from .. import __version__
from . import bahasa
from .cetak import cetak_cmd
from .demo import demo_cmd
from .hitung import hitung
from .sampel import sampel_cmd
from .template import template_cmd
from .unit import unit

bahasa.pasang()

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(cls=bahasa.Grup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", "-V", prog_name="rapk-xl",
                      message="%(prog)s, versi %(version)s",
                      help="Tampilkan versi lalu keluar.")
def cli() -> None:
    """rapk-xl: PK dan RAPK BPOM di Excel.

    Hitung capaian, NPS, kriteria dan efisiensi; buat template; periksa dan
    konsolidasikan workbook unit kerja. Bantuan tiap perintah: rapk-xl PERINTAH --help
    """


cli.add_command(demo_cmd)
cli.add_command(hitung)
cli.add_command(unit)
cli.add_command(template_cmd)
cli.add_command(cetak_cmd)
cli.add_command(sampel_cmd)

__all__ = ["cli"]
