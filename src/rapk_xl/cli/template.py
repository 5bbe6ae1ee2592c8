from __future__ import annotations

from pathlib import Path

import click

from ..format.spec import rentang_tahun
from ..io.galat_os import sebab_os
from ..io.writer import tulis_template
from ..reference import UnitTakJelas, pilih_unit
from .bahasa import Opsi, Perintah


@click.command("template", cls=Perintah)
@click.option("-o", "--output", "keluaran", required=True, cls=Opsi, metavar="BERKAS",
              type=click.Path(dir_okay=False, path_type=Path), help="Berkas .xlsx yang ditulis.",
              saran="sebutkan berkas template yang ditulis, mis. -o rapk_jember.xlsx.")
@click.option("--unit", metavar="NAMA",
              help='Nama unit kerja, mis. "Balai POM di Jember" (ejaan bebas).')
@click.option("--tahun", type=click.IntRange(*rentang_tahun()), metavar="YYYY",
              help="Tahun PK/RAPK (tahun yang diterima validator).")
def template_cmd(keluaran: Path, unit: str | None, tahun: int | None) -> None:
    """Tulis template workbook RAPK (kosong, atau dengan unit dan tahun terisi).

    Template memuat sheet Info, PK, RAPK, Anggaran, Realisasi, Pembilang (diisi) dan Capaian
    (dihitung), dengan dropdown, format angka dan tata letak cetak. Format: docs/format.md.
    """
    nama = None
    if unit:
        try:
            nama = pilih_unit(unit).nama
        except UnitTakJelas as e:
            raise click.BadParameter(str(e), param_hint="--unit") from None
    if keluaran.suffix.lower() != ".xlsx":
        raise click.BadParameter(f"nama berkas harus berakhiran .xlsx (mis. rapk_jember.xlsx), "
                                 f"bukan '{keluaran.name}'.", param_hint="--output")
    try:
        tulis_template(keluaran, nama, tahun)
    except OSError as e:
        raise click.ClickException(f"tidak dapat menulis {keluaran}: {sebab_os(e)}.") from None
    click.echo(f"Template ditulis: {keluaran}")
