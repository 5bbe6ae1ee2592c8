from __future__ import annotations

import time
from pathlib import Path

import click

from ..io.galat_os import sebab_os
from ..samples.synthetic import ArgumenSampelSalah, buat_sampel, periksa_argumen
from .bahasa import Opsi, Perintah


@click.command("sampel", cls=Perintah)
@click.option("--units", "-n", "units", type=int, metavar="N", required=True, cls=Opsi,
              saran="sebutkan jumlah workbook yang dibuat, mis. --units 103 (satu per unit "
                    "kerja).",
              help="Jumlah workbook (satu per unit kerja). Lebih dari 103: unit diulang dengan "
                   "tahun sebelumnya.")
@click.option("-o", "--output", "folder", required=True, cls=Opsi,
              type=click.Path(file_okay=False, path_type=Path),
              saran="sebutkan folder tujuan, mis. -o sampel.",
              help="Folder tujuan (dibuat bila belum ada). Berkas bernama sama ditimpa, berkas "
                   "lain dibiarkan.")
@click.option("--seed", type=int, metavar="S", default=0, show_default=True,
              help="Bilangan acak awal: seed dan opsi yang sama memberi isi yang sama.")
@click.option("--rusak", type=int, metavar="K", default=0, show_default=True,
              help="Jumlah workbook yang diberi 1-3 kesalahan sengaja (dicatat di manifest).")
@click.option("--tahun", type=int, metavar="YYYY", default=2024, show_default=True,
              help="Tahun PK/RAPK (putaran berikutnya: tahun-tahun sebelumnya).")
@click.option("--periode", type=int, metavar="M", default=6, show_default=True,
              help="Bulan terakhir yang realisasinya diisi, 1-12 (6 = Juni).")
@click.option("--jobs", "-j", type=int, metavar="J", default=1, show_default=True,
              help="Jumlah proses penulis berkas (mis. 2 untuk dua inti).")
def sampel_cmd(units: int, folder: Path, seed: int, rusak: int, tahun: int, periode: int,
               jobs: int) -> None:
    """Buat workbook RAPK sintetis untuk uji validator, konsolidasi dan kecepatan.

    Satu workbook format versi 1 per unit kerja nyata (<kode unit>_<tahun>_<periode>.xlsx),
    berisi PK, RAPK, anggaran, realisasi dan pembilang yang masuk akal dan konsisten; angkanya
    rekaan. --rusak K memberi K workbook kesalahan sengaja; manifest.json mencatat setiap
    kesalahan beserta sheet dan selnya. Penjelasan: docs/sampel.md.

    Contoh: rapk-xl sampel --units 103 -o sampel --rusak 15 --jobs 2
    """
    try:
        periksa_argumen(units, rusak, tahun, periode, jobs)
    except ArgumenSampelSalah as e:
        raise click.BadParameter(e.pesan, param_hint=f"--{e.argumen}") from None
    click.echo(f"Menulis {units} workbook ke {folder} ...")
    mulai = time.perf_counter()
    try:
        m = buat_sampel(folder, units=units, seed=seed, rusak=rusak, tahun=tahun,
                        periode=periode, jobs=jobs)
    except OSError as e:
        raise click.ClickException(f"tidak dapat menulis ke {folder}: {sebab_os(e)}.") from None
    n_rusak = sum(f.rusak for f in m.files)
    n_kesalahan = sum(len(f.faults) for f in m.files)
    detik = f"{time.perf_counter() - mulai:.1f}".replace(".", ",")
    click.echo(f"Selesai: {len(m.files)} workbook ditulis dalam {detik} detik.")
    click.echo(f"Dengan kesalahan sengaja: {n_rusak} berkas ({n_kesalahan} kesalahan)."
               if n_rusak else "Dengan kesalahan sengaja: 0 berkas (semua bersih).")
    click.echo(f"Manifest: {m.path}")
