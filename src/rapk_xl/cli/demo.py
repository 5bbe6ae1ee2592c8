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
              metavar="FOLDER",
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder untuk semua berkas yang ditulis demo.")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=2, show_default=True,
              metavar="N",
              help="Proses paralel untuk menulis dan membaca kiriman.")
def demo_cmd(folder: Path, jobs: int) -> None:
    """Jalankan pekerjaan utama rapk-xl pada data bawaan.

    Menghitung satu contoh kecil (capaian, kriteria, NPS, efisiensi; angka rekaan), lalu
    menulis ke FOLDER: template kosong, tiga sampel dokumen RAPK asli, 103 workbook kiriman
    unit sintetis (beberapa dengan kesalahan sengaja), laporan validasinya, dan buku nasional
    hasil konsolidasi beserta riwayatnya. Kiriman yang sudah ada dipakai lagi.
    """
    from ..consolidate.riwayat import RiwayatRusak, RiwayatTerkunci
    from ..io.galat_os import sebab_os

    def tahap(pesan: str) -> None:
        click.echo(f"… {pesan}", err=True)

    try:
        h = demo(folder, jobs=jobs, tahap=tahap)
    except OSError as e:
        raise click.ClickException(f"tidak dapat menulis ke {folder}: {sebab_os(e)}.") from None
    except (RiwayatTerkunci, RiwayatRusak) as e:
        raise click.ClickException(str(e)) from None
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
    _pekerjaan_utama(h)


def _pekerjaan_utama(h) -> None:
    from ..format.spec import nama_bulan
    from ..validate.laporan import ringkasan

    k = h.konsolidasi
    bulan = nama_bulan(k.periode)
    click.secho(f"Pekerjaan utama: {len(h.manifest['files'])} kiriman unit, tahun {k.tahun}, periode {k.periode} "
                f"({bulan})", bold=True)
    rusak = [f for f in h.manifest["files"] if f["faults"]]
    asal = "dibuat" if h.kiriman_baru else "dipakai lagi"
    click.echo(f"  Kiriman: {len(h.manifest['files'])} workbook {asal} di {h.kiriman}/, "
               f"{len(rusak)} sengaja diberi kesalahan (dicatat di manifest.json)")
    click.echo(f"  Validasi: {ringkasan(h.validasi)}")
    for t in k.ditolak:
        salah = t.temuan_kesalahan
        x = salah[0]
        lagi = f" (+{len(salah) - 1} lagi)" if len(salah) > 1 else ""
        click.echo(f"    ditolak {Path(t.berkas).name}: {x['sheet']}!{x['cell']} "
                   f"{x['message']}{lagi}")
    click.echo(f"  Konsolidasi: {len(k.dipakai)} unit di buku nasional "
               f"({k.baru} kiriman baru, {k.sudah_tercatat} sudah tercatat; buku "
               f"{'ditulis' if k.buku_ditulis else 'tidak berubah'})")
    sebaran = ", ".join(f"{lbl} {n}" for lbl, n in k.buku.per_kriteria.itertuples(index=False)
                        if n)
    click.echo(f"  NPS unit per kriteria: {sebaran}")
    click.echo()
    click.secho(f"Berkas ditulis di {h.folder}/", bold=True)
    for ket, p in h.berkas.items():
        click.echo(f"  {ket}: {p}")
    click.echo(f"  Kiriman unit: {h.kiriman}/")
    click.echo()
    click.echo(f"Buka {k.keluaran} di Excel atau LibreOffice Calc. Ulangi konsolidasi sendiri:")
    click.echo(f"  rapk-xl konsolidasi {h.kiriman} -o {k.keluaran}")
