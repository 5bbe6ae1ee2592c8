from __future__ import annotations

from pathlib import Path

import click

from ..io.cetak import ada_indikator, tulis_cetak
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


@click.command("cetak", cls=Perintah)
@click.argument("berkas", metavar="BERKAS", type=click.Path(path_type=Path))
@click.option("-o", "--output", "keluaran", required=True, type=click.Path(path_type=Path),
              help="Berkas .xlsx cetakan yang ditulis.")
@click.option("--pdf", "pdf", is_flag=True,
              help="Tulis juga PDF di sebelahnya (nama sama, berakhiran .pdf). Perlu LibreOffice.")
@click.option("--tata-letak", type=click.Choice(["otomatis", "upt", "nasional"]),
              default="otomatis", show_default=True,
              help="UPT: dengan sasaran, komponen dan sub komponen. Nasional: seperti RAPK "
                   "Badan POM (KODE, RO, ANGGARAN). Otomatis: nasional untuk Badan POM atau "
                   "bila tidak ada Komponen, selain itu UPT.")
def cetak_cmd(berkas: Path, keluaran: Path, pdf: bool, tata_letak: str) -> None:
    """Cetak RAPK dari BERKAS (workbook format rapk-xl) dalam tata letak dokumen resmi.

    Hasilnya workbook siap cetak: judul, tabel indikator dengan target B01-B12 dan anggaran,
    rincian anggaran bersarang di bawah tiap indikator, total dan tanda tangan; A4 lanskap,
    selebar halaman, header berulang di tiap halaman. Lihat docs/cetak.md.
    """
    if keluaran.suffix.lower() != ".xlsx":
        raise click.BadParameter("nama berkas harus berakhiran .xlsx.", param_hint="--output")
    if keluaran.exists() and berkas.exists() and keluaran.resolve() == berkas.resolve():
        raise click.BadParameter("berkas keluaran tidak boleh sama dengan BERKAS.",
                                 param_hint="--output")
    if keluaran.is_dir():
        raise click.BadParameter(f"'{keluaran}' adalah folder.", param_hint="--output")
    bacaan = _baca(berkas)
    data = ke_data(bacaan)
    if not ada_indikator(data):
        raise click.ClickException(
            f"Sheet RAPK di '{berkas.name}' tidak memuat indikator; tidak ada yang dicetak. "
            "Apakah ini workbook format rapk-xl (dibuat dengan 'rapk-xl template')?"
            + "".join(f"\n  - {m.message}" for m in bacaan.masalah[:_MAKS_PERINGATAN]))
    parah = [m for m in bacaan.masalah if m.parah]
    for m in parah[:_MAKS_PERINGATAN]:
        click.echo(f"Peringatan: {m.message}", err=True)
    if len(parah) > _MAKS_PERINGATAN:
        click.echo(f"Peringatan: {len(parah) - _MAKS_PERINGATAN} masalah struktur lain.",
                   err=True)

    try:
        tulis_cetak(data, keluaran, None if tata_letak == "otomatis" else tata_letak)
    except OSError as e:
        raise click.ClickException(
            f"Tidak dapat menulis {keluaran}: {e.strerror or e}. Bila berkas itu sedang "
            "terbuka di Excel, tutup dulu.") from None
    click.echo(f"Cetakan ditulis: {keluaran}")
    if not pdf:
        return
    tujuan = keluaran.with_suffix(".pdf")
    try:
        ke_pdf(keluaran, tujuan)
    except GagalPdf as e:  # juga SofficeTidakAda: pesannya memuat cara memasang LibreOffice
        raise click.ClickException(
            f"PDF tidak dibuat: {e.pesan} Berkas xlsx tetap ditulis: {keluaran}") from None
    click.echo(f"PDF ditulis: {tujuan}")
