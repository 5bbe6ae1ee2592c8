from __future__ import annotations

from pathlib import Path

import click
import pandas as pd

from ..calc import format_angka
from ..demo import demo
from .bahasa import Perintah
from .tabel import tabel


@click.command("demo", cls=Perintah)
@click.option("-o", "--output", "folder", default="demo-keluaran", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder untuk template dan sampel yang ditulis demo.")
def demo_cmd(folder: Path) -> None:
    """Jalankan contoh bawaan dan tunjukkan apa yang dapat dilakukan rapk-xl.

    Menghitung capaian, kriteria, NPS dan efisiensi untuk satu unit contoh (angka rekaan)
    per bulan Juni, lalu menulis template kosong dan tiga sampel dokumen RAPK ke FOLDER.
    """
    try:
        h = demo(folder)
    except OSError as e:
        raise click.ClickException(f"tidak dapat menulis ke {folder}: {e.strerror}") from None
    click.secho("Contoh unit kerja, periode Juni (angka rekaan)", bold=True)
    click.echo()
    click.echo(tabel(
        ["Kode", "Indikator", "Target", "Realisasi", "Capaian %", "Kriteria"],
        [(r.kode, r.indikator, r.target, r.realisasi, r.capaian,
          r.keterangan if pd.isna(r.kriteria) else r.kriteria)
         for r in h.indikator.itertuples()],
        kanan=(2, 3, 4)))
    click.echo()
    click.echo(tabel(["Perspektif", "Sasaran", "NPS", "Kriteria"],
                     [(r.perspektif, r.sasaran, r.nps, r.kriteria)
                      for r in h.sasaran.itertuples()], kanan=(2,)))
    click.echo()
    click.echo(tabel(["Perspektif", "NPS", "Kriteria"],
                     [(r.perspektif, r.nps, r.kriteria) for r in h.perspektif.itertuples()],
                     kanan=(1,)))
    click.echo()
    click.secho(f"NPS unit: {format_angka(h.nps)} ({h.kriteria})", bold=True)
    ef = h.efisiensi_sasaran_1
    click.echo(f"Efisiensi sasaran 1 (anggaran terserap 45%): IE {format_angka(ef.ie)}, "
               f"TE {format_angka(ef.te)}, {ef.kategori}")
    click.echo()
    click.secho(f"Berkas ditulis di {h.folder}/", bold=True)
    for ket, p in h.berkas.items():
        click.echo(f"  {ket}: {p}")
