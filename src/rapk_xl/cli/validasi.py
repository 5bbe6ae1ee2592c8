from __future__ import annotations

import json
from pathlib import Path

import click

from .bahasa import Argumen, PerintahJson


def _galat_json(pesan: str) -> str:
    return json.dumps({"files": [], "error": pesan}, ensure_ascii=False, indent=2)


@click.command("validasi", cls=PerintahJson, json_galat=_galat_json)
@click.argument("paths", metavar="PATH...", nargs=-1, required=True, cls=Argumen,
                type=click.Path(path_type=Path),
                saran="sebutkan workbook atau folder yang diperiksa, mis. rapk-xl validasi "
                      "kiriman/ (atau rapk-xl validasi rapk_jember.xlsx).")
@click.option("--format", "bentuk", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Bentuk laporan di layar.")
@click.option("-o", "--output", "keluaran", type=click.Path(dir_okay=False, path_type=Path),
              help="Tulis juga laporan .xlsx dengan tautan ke setiap sel.")
@click.option("--jobs", type=click.IntRange(1, 64), default=None, metavar="N",
              help="Jumlah proses baca paralel (bawaan: jumlah inti, paling banyak 2).")
def validasi_cmd(paths: tuple[Path, ...], bentuk: str, keluaran: Path | None,
                 jobs: int | None) -> None:
    """Periksa workbook RAPK sebelum dikirim atau saat diterima.

    PATH boleh berkas atau folder. Setiap berkas di folder disebut sekali di laporan: lembar
    kerja (.xlsx, .xlsm, .xltx, .xls, .xlsb, .csv, .ods, ...) diperiksa, yang lain (berkas
    kunci Excel ~$..., berkas tersembunyi, bukan lembar kerja, isi folder sampel rapk-xl)
    dilewati dengan alasannya. Dengan --format json stdout selalu JSON. Kode keluar: 0 tanpa
    kesalahan (peringatan boleh), 1 ada kesalahan, 2 tidak ada yang dapat diperiksa, PATH tidak
    ada, atau perintah salah pakai.
    """
    json_ = bentuk == "json"

    def gagal(pesan: str) -> None:
        if json_:
            click.echo(_galat_json(pesan))
        else:
            click.echo(f"Galat: {pesan}", err=True)
        raise SystemExit(2)

    if keluaran is not None and keluaran.suffix.lower() != ".xlsx":
        gagal(f"laporan -o harus berakhiran .xlsx (mis. -o laporan.xlsx), bukan '{keluaran.name}'.")
    lap, galat = _periksa(paths, jobs)
    if not lap.files:
        tempat = ", ".join(f"'{p}'" for p in paths)
        gagal(f"tidak ada berkas untuk diperiksa di {tempat} (folder kosong).")
    from ..io.galat_os import sebab_os
    from ..validate.laporan import ke_json, ke_teks, status, tulis_xlsx

    pesan = None
    diperiksa = [f for f in lap.files if status(f) in ("lolos", "ditolak")]
    if not diperiksa:
        pesan = ("tidak ada workbook yang dapat diperiksa: " + ", ".join(
            f"{n} {s.replace('-', ' ')}" for s, n in _hitung(lap, status).items()) + ".")
    if keluaran is not None:
        try:
            tulis_xlsx(lap, keluaran)
        except OSError as e:
            pesan = (f"laporan tidak dapat ditulis ke {keluaran}: {sebab_os(e)} (tutup berkasnya "
                     "bila sedang terbuka di Excel, atau pilih folder lain).")
    if json_:
        click.echo(ke_json(lap, pesan))
    else:
        click.echo(ke_teks(lap))
        if pesan:
            click.echo(f"Galat: {pesan}", err=True)
        elif keluaran is not None:
            click.echo(f"Laporan ditulis: {keluaran}")
    if pesan or galat:
        raise SystemExit(2)
    raise SystemExit(1 if lap.ada_error else 0)


def _periksa(paths, jobs):
    from ..validate.validator import hasil_tak_ada, kumpulkan_path, validasi_masuk

    masuk, galat = kumpulkan_path(paths)
    lap = validasi_masuk(masuk, jobs)
    lap.files += hasil_tak_ada(galat)
    return lap, galat


def _hitung(lap, status) -> dict[str, int]:
    hitung: dict[str, int] = {}
    for f in lap.files:
        hitung[status(f)] = hitung.get(status(f), 0) + 1
    return hitung
