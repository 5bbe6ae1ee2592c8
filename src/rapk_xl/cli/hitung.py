from __future__ import annotations

import click

from ..calc import efisiensi, format_angka, hitung_capaian, kriteria, nps, parse_angka
from ..calc.rules import JENIS_TARGET, POLARITAS
from .bahasa import Grup

ANGKA = {"ignore_unknown_options": True}  # agar "-5" dibaca sebagai angka, bukan opsi


@click.group(cls=Grup)
def hitung() -> None:
    """Hitung capaian, kriteria, NPS atau efisiensi dari angka yang diketik.

    Angka boleh ditulis gaya Indonesia (84,6) atau Inggris (84.6), dengan tanda %.
    """


@hitung.command("capaian", context_settings=ANGKA)
@click.argument("realisasi")
@click.argument("target")
@click.option("--polaritas", type=click.Choice(POLARITAS, case_sensitive=False),
              default="Positif", show_default=True,
              help="Negatif bila makin kecil makin baik (PermenPANRB 6/2022).")
@click.option("--jenis-target", type=click.Choice(JENIS_TARGET, case_sensitive=False),
              help="Jenis target indikator (untuk Akhir Tahun).")
@click.option("--bulan", type=click.IntRange(1, 12), help="Bulan pelaporan 1-12.")
def capaian_cmd(realisasi: str, target: str, polaritas: str, jenis_target: str | None,
                bulan: int | None) -> None:
    """Capaian (%) = REALISASI / TARGET × 100, beserta kriterianya.

    Contoh: rapk-xl hitung capaian 93,62 94,75   |   rapk-xl hitung capaian WDP WTP
    """
    h = hitung_capaian(realisasi, target, polaritas, jenis_target, bulan)
    if h.nilai is None:
        click.echo(f"Capaian tidak dapat dihitung: {h.alasan.pesan}")
        raise SystemExit(1)
    click.echo(f"Capaian: {format_angka(h.nilai)} % ({kriteria(h.nilai)})")


@hitung.command("kriteria", context_settings=ANGKA)
@click.argument("nilai")
def kriteria_cmd(nilai: str) -> None:
    """Kriteria untuk NILAI capaian atau NPS (dibulatkan 2 desimal dulu)."""
    k = kriteria(nilai)
    if k is None:
        raise click.BadParameter(f"'{nilai}' bukan angka.", param_hint="NILAI")
    click.echo(k)


@hitung.command("nps", context_settings=ANGKA)
@click.argument("capaian", nargs=-1, required=True)
def nps_cmd(capaian: tuple[str, ...]) -> None:
    """NPS = Σ(bobot × capaian) / Σ bobot.

    Tiap CAPAIAN boleh diberi bobot dengan titik dua: 90:2 berarti capaian 90 berbobot 2
    (IKU). Tanpa bobot: 1. Contoh: rapk-xl hitung nps 90:2 120  →  100,00
    """
    nilai, bobot = [], []
    for c in capaian:
        v, _, b = c.partition(":")
        _periksa_angka(v, c, "capaian")
        if b:
            _periksa_angka(b, c, "bobot")
        nilai.append(v)
        bobot.append(b or None)
    try:
        hasil = nps(nilai, bobot)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="CAPAIAN") from None
    if hasil is None:
        click.echo("NPS tidak dapat dihitung: tidak ada capaian yang berupa angka.")
        raise SystemExit(1)
    click.echo(f"NPS: {format_angka(hasil)} ({kriteria(hasil)})")


def _periksa_angka(teks: str, argumen: str, apa: str) -> None:
    """Setiap angka yang diketik harus terbaca; yang tidak terbaca ditolak dengan menyebut
    argumennya, bukan dilewati diam-diam."""
    a = parse_angka(teks)
    if a.ok:
        return
    asal = f" (argumen '{argumen}')" if argumen != teks else ""
    if a.kemungkinan:
        x, y = (format(k, "g").replace(".", ",") for k in a.kemungkinan)
        pesan = (f"{apa} '{teks}'{asal} dapat dibaca {x} atau {y}; tulis salah satunya tanpa "
                 "titik ribuan, mis. 1234 atau 1,234.")
    elif not teks.strip():
        pesan = f"{apa} kosong{asal}. Tulis angkanya, mis. 90 atau 90:2."
    else:
        pesan = (f"{apa} '{teks}'{asal} bukan angka. Tulis angka seperti 90, 84,6 atau 84.6; "
                 "bobot dengan titik dua, mis. 90:2.")
    raise click.BadParameter(pesan, param_hint="CAPAIAN")


@hitung.command("efisiensi", context_settings=ANGKA)
@click.argument("output")
@click.argument("input_", metavar="INPUT")
def efisiensi_cmd(output: str, input_: str) -> None:
    """Efisiensi: IE = OUTPUT / INPUT (capaian output % dibagi capaian input %).

    OUTPUT: NPS sasaran atau capaian indikator. INPUT: realisasi anggaran / pagu × 100.
    """
    h = efisiensi(output, input_)
    if h.ie is None:
        click.echo(f"Efisiensi tidak dapat dihitung: {h.alasan.pesan}")
        raise SystemExit(1)
    click.echo(f"IE {format_angka(h.ie)}, SE {format_angka(h.se)}, TE {format_angka(h.te)}: "
               f"{h.kategori}")
