from __future__ import annotations

from pathlib import Path

import click

from .bahasa import Perintah


@click.command("validasi", cls=Perintah)
@click.argument("paths", metavar="PATH...", nargs=-1, required=True,
                type=click.Path(path_type=Path))
@click.option("--format", "bentuk", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Bentuk laporan di layar.")
@click.option("-o", "--output", "keluaran", type=click.Path(dir_okay=False, path_type=Path),
              help="Tulis juga laporan .xlsx dengan tautan ke setiap sel.")
@click.option("--jobs", type=click.IntRange(1, 64), default=None,
              help="Jumlah proses baca paralel (bawaan: jumlah inti, paling banyak 2).")
def validasi_cmd(paths: tuple[Path, ...], bentuk: str, keluaran: Path | None,
                 jobs: int | None) -> None:
    """Periksa workbook RAPK sebelum dikirim atau saat diterima.

    PATH boleh berkas atau folder (dijelajahi; .xlsx, .xlsm, .xls, .xlsb dan .csv dilaporkan,
    berkas kunci Excel ~$... dilewati). Kode keluar: 0 tanpa kesalahan (peringatan boleh),
    1 ada kesalahan, 2 tidak ada yang dapat dibaca atau perintah salah pakai.
    """
    from ..validate.laporan import ke_json, ke_teks, tulis_xlsx
    from ..validate.validator import kumpulkan_berkas, validasi_masuk

    masuk, galat = kumpulkan_berkas(paths)
    for g in galat:
        click.echo(f"Galat: {g}", err=True)
    if not masuk:
        click.echo("Galat: tidak ada berkas workbook (.xlsx, .xlsm, .xls, .xlsb, .csv) untuk "
                   "diperiksa.", err=True)
        raise SystemExit(2)
    lap = validasi_masuk(masuk, jobs)
    click.echo(ke_json(lap) if bentuk == "json" else ke_teks(lap))
    if keluaran is not None:
        if keluaran.suffix.lower() != ".xlsx":
            click.echo("Galat: laporan -o harus berakhiran .xlsx.", err=True)
            raise SystemExit(2)
        try:
            tulis_xlsx(lap, keluaran)
        except OSError as e:
            click.echo(f"Galat: laporan tidak dapat ditulis ke {keluaran}: {e.strerror}.", err=True)
            raise SystemExit(2) from None
        if bentuk == "text":
            click.echo(f"Laporan ditulis: {keluaran}")
    terbaca = [f for f in lap.files if not f.dilewati and not _gagal_baca(f)]
    if not terbaca or galat:
        raise SystemExit(2)
    raise SystemExit(1 if lap.ada_error else 0)


def _gagal_baca(f) -> bool:
    from ..validate.katalog import KATALOG
    return any(KATALOG[t.rule].kelompok == "berkas" for t in f.findings)
