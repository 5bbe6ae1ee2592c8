from __future__ import annotations

from pathlib import Path

import click

from ..format.cetakan import DOKUMEN, JENIS_DOKUMEN
from ..io.cetak import ada_indikator
from ..io.dokumen import GagalDokumen, tulis_dokumen
from ..io.pdf import GagalPdf, ke_pdf
from ..io.reader import GagalBaca, baca_aman, ke_data
from .bahasa import Perintah

_MAKS_PERINGATAN = 5


def _baca(berkas: Path):
    if not berkas.exists():
        raise click.ClickException(f"Berkas '{berkas}' tidak ditemukan.")
    if berkas.is_dir():
        raise click.ClickException(f"'{berkas}' adalah folder, bukan berkas workbook.")
    try:
        return baca_aman(berkas)
    except GagalBaca as e:
        pesan = e.pesan if berkas.name in e.pesan else f"'{berkas.name}': {e.pesan}"
        raise click.ClickException(f"Workbook tidak dapat dibaca. {pesan}") from None


def _periksa(bacaan, berkas: Path, data) -> None:
    if not ada_indikator(data):
        raise click.ClickException(
            f"Sheet RAPK di '{berkas.name}' tidak memuat indikator; tidak ada yang dicetak. "
            "Apakah ini workbook format rapk-xl (dibuat dengan 'rapk-xl template')?"
            + "".join(f"\n  - {m.message}" for m in bacaan.masalah[:_MAKS_PERINGATAN]))
    parah = [m for m in bacaan.masalah if m.parah]
    for m in parah[:_MAKS_PERINGATAN]:
        click.echo(f"Peringatan ({berkas.name}): {m.message}", err=True)
    if len(parah) > _MAKS_PERINGATAN:
        click.echo(f"Peringatan ({berkas.name}): {len(parah) - _MAKS_PERINGATAN} masalah "
                   "struktur lain.", err=True)


_NAMA_DOKUMEN = {"rapk": "Rencana Aksi PK (tata letak resmi)",
                 **{k: d.nama for k, d in DOKUMEN.items()}}


@click.command("cetak", cls=Perintah)
@click.argument("berkas", metavar="BERKAS", type=click.Path(path_type=Path))
@click.option("-o", "--output", "keluaran", required=True, type=click.Path(path_type=Path),
              help="Berkas .xlsx cetakan yang ditulis.")
@click.option("--dokumen", type=click.Choice(JENIS_DOKUMEN), default="rapk", show_default=True,
              help="Dokumen yang dicetak: rapk (Rencana Aksi PK), pk (Perjanjian Kinerja dengan "
                   "lampiran), triwulan (rencana aksi triwulan dan realisasinya), pengukuran "
                   "(Pengukuran Kinerja), capaian (Capaian Kinerja dengan NPS dan efisiensi).")
@click.option("--tahun-lalu", "tahun_lalu", type=click.Path(path_type=Path), metavar="BERKAS",
              help="Workbook tahun lalu, untuk --dokumen pengukuran: capaian tahun lalu "
                   "berdampingan (dicocokkan menurut teks dan kode indikator).")
@click.option("--pdf", "pdf", is_flag=True,
              help="Tulis juga PDF di sebelahnya (nama sama, berakhiran .pdf). Perlu LibreOffice.")
@click.option("--tata-letak", type=click.Choice(["otomatis", "upt", "nasional"]),
              default="otomatis", show_default=True,
              help="Untuk --dokumen rapk. UPT: dengan sasaran, komponen dan sub komponen. "
                   "Nasional: seperti RAPK Badan POM (KODE, RO, ANGGARAN). Otomatis: nasional "
                   "untuk Badan POM atau bila tidak ada Komponen, selain itu UPT.")
def cetak_cmd(berkas: Path, keluaran: Path, dokumen: str, tahun_lalu: Path | None, pdf: bool,
              tata_letak: str) -> None:
    """Cetak dokumen dari BERKAS (workbook format rapk-xl) dalam tata letak siap tanda tangan.

    Bawaan: RAPK dalam tata letak dokumen resmi. --dokumen memilih Perjanjian Kinerja (pk),
    rencana aksi triwulan (triwulan), Pengukuran Kinerja (pengukuran) atau Capaian Kinerja
    (capaian). Semua: A4 selebar halaman, header berulang di tiap halaman, angka berformat
    Indonesia, judul dan tanda tangan dari sheet Info. Lihat docs/cetak.md.
    """
    if keluaran.suffix.lower() != ".xlsx":
        raise click.BadParameter("nama berkas harus berakhiran .xlsx.", param_hint="--output")
    for masukan in (berkas, tahun_lalu):
        if masukan is not None and keluaran.exists() and masukan.exists() and \
                keluaran.resolve() == masukan.resolve():
            raise click.BadParameter("berkas keluaran tidak boleh sama dengan berkas masukan.",
                                     param_hint="--output")
    if keluaran.is_dir():
        raise click.BadParameter(f"'{keluaran}' adalah folder.", param_hint="--output")
    if tahun_lalu is not None and dokumen != "pengukuran":
        raise click.BadParameter("hanya untuk --dokumen pengukuran.", param_hint="--tahun-lalu")
    bacaan = _baca(berkas)
    data = ke_data(bacaan)
    _periksa(bacaan, berkas, data)
    data_lalu = None
    if tahun_lalu is not None:
        bacaan_lalu = _baca(tahun_lalu)
        data_lalu = ke_data(bacaan_lalu)
        _periksa(bacaan_lalu, tahun_lalu, data_lalu)
        th, th_lalu = data.info.get("tahun"), data_lalu.info.get("tahun")
        if isinstance(th, (int, float)) and isinstance(th_lalu, (int, float)) \
                and th_lalu != th - 1:
            click.echo(f"Peringatan: --tahun-lalu berisi tahun {th_lalu:g}, bukan {th - 1:g}.",
                       err=True)

    try:
        tulis_dokumen(dokumen, data, keluaran, data_lalu,
                      None if tata_letak == "otomatis" else tata_letak)
    except GagalDokumen as e:
        raise click.ClickException(f"'{berkas.name}': {e.pesan}") from None
    except OSError as e:
        raise click.ClickException(
            f"Tidak dapat menulis {keluaran}: {e.strerror or e}. Bila berkas itu sedang "
            "terbuka di Excel, tutup dulu.") from None
    click.echo(f"Cetakan ditulis: {keluaran} ({_NAMA_DOKUMEN[dokumen]})")
    if not pdf:
        return
    tujuan = keluaran.with_suffix(".pdf")
    try:
        ke_pdf(keluaran, tujuan)
    except GagalPdf as e:  # juga SofficeTidakAda: pesannya memuat cara memasang LibreOffice
        raise click.ClickException(
            f"PDF tidak dibuat: {e.pesan} Berkas xlsx tetap ditulis: {keluaran}") from None
    click.echo(f"PDF ditulis: {tujuan}")
