from __future__ import annotations

from pathlib import Path

import click

from ..io.writer import tulis_template
from ..reference import UnitTakJelas, pilih_unit
from .bahasa import Perintah


@click.command("template", cls=Perintah)
@click.option("-o", "--output", "keluaran", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Berkas .xlsx yang ditulis.")
@click.option("--unit", help='Nama unit kerja, mis. "Balai POM di Jember" (ejaan bebas).')
@click.option("--tahun", type=click.IntRange(2020, 2100), help="Tahun PK/RAPK.")
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
        raise click.BadParameter("nama berkas harus berakhiran .xlsx.", param_hint="--output")
    try:
        tulis_template(keluaran, nama, tahun)
    except OSError as e:
        raise click.ClickException(f"tidak dapat menulis {keluaran}: {e.strerror}") from None
    click.echo(f"Template ditulis: {keluaran}")
