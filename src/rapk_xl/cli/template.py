from __future__ import annotations

from pathlib import Path

import click

from ..io.writer import tulis_template
from ..reference import cari_unit, saran_unit
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
        u = cari_unit(unit)
        if u is None:
            saran = ", ".join(f"'{s.nama}'" for s in saran_unit(unit))
            raise click.BadParameter(f"unit '{unit}' tidak ada di daftar unit kerja."
                                     + (f" Mungkin: {saran}." if saran else ""),
                                     param_hint="--unit")
        nama = u.nama
    if keluaran.suffix.lower() != ".xlsx":
        raise click.BadParameter("nama berkas harus berakhiran .xlsx.", param_hint="--output")
    try:
        tulis_template(keluaran, nama, tahun)
    except OSError as e:
        raise click.ClickException(f"tidak dapat menulis {keluaran}: {e.strerror}") from None
    click.echo(f"Template ditulis: {keluaran}")
