from __future__ import annotations

import click
import numpy as np

from ..calc import (Status, baca_nilai_array, efisiensi, format_angka, hitung_capaian, kriteria,
                    nps, parse_angka)
from ..calc.rules import JENIS_TARGET, POLARITAS
from .bahasa import Argumen, Grup

ANGKA = {"ignore_unknown_options": True}  # agar "-5" dibaca sebagai angka, bukan opsi


@click.group(cls=Grup)
def hitung() -> None:
    """Hitung capaian, kriteria, NPS atau efisiensi dari angka yang diketik.

    Angka boleh ditulis gaya Indonesia (84,6) atau Inggris (84.6), dengan tanda %.
    """


_CONTOH_CAPAIAN = "tulis realisasi lalu target, mis. rapk-xl hitung capaian 93,62 94,75."


@hitung.command("capaian", context_settings=ANGKA)
@click.argument("realisasi", cls=Argumen, saran=_CONTOH_CAPAIAN)
@click.argument("target", cls=Argumen, saran=_CONTOH_CAPAIAN)
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
    _periksa_angka(realisasi, realisasi, "realisasi", "REALISASI", opini=True, kosong_boleh=True)
    _periksa_angka(target, target, "target", "TARGET", opini=True, kosong_boleh=True)
    h = hitung_capaian(realisasi, target, polaritas, jenis_target, bulan)
    if h.nilai is None:
        click.echo(f"Capaian tidak dapat dihitung: {h.alasan.pesan}")
        raise SystemExit(1)
    click.echo(f"Capaian: {format_angka(h.nilai)} % ({kriteria(h.nilai)})")


@hitung.command("kriteria", context_settings=ANGKA)
@click.argument("nilai", cls=Argumen,
                saran="tulis nilai capaian atau NPS, mis. rapk-xl hitung kriteria 84,6.")
def kriteria_cmd(nilai: str) -> None:
    """Kriteria untuk NILAI capaian atau NPS (dibulatkan 2 desimal dulu)."""
    _periksa_angka(nilai, nilai, "nilai", "NILAI")
    click.echo(kriteria(nilai))


@hitung.command("nps", context_settings=ANGKA)
@click.argument("capaian", nargs=-1, required=True, cls=Argumen,
                saran="tulis satu capaian atau lebih, bobot dengan titik dua, mis. rapk-xl "
                      "hitung nps 90:2 120.")
def nps_cmd(capaian: tuple[str, ...]) -> None:
    """NPS = Σ(bobot × capaian) / Σ bobot.

    Tiap CAPAIAN boleh diberi bobot dengan titik dua: 90:2 berarti capaian 90 berbobot 2
    (IKU). Tanpa bobot: 1. Contoh: rapk-xl hitung nps 90:2 120  →  100,00
    """
    nilai, bobot = [], []
    for c in capaian:
        v, _, b = c.partition(":")
        _periksa_angka(v, c, "capaian", "CAPAIAN")
        if b:
            _periksa_angka(b, c, "bobot", "CAPAIAN")
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


def _periksa_angka(teks: str, argumen: str, apa: str, param: str, opini: bool = False,
                   kosong_boleh: bool = False) -> None:
    """Setiap angka yang diketik harus terbaca; yang tidak terbaca ditolak dengan menyebut
    argumennya, bukan dilewati atau diubah menjadi "tidak dapat dihitung" diam-diam. Kosong
    ("-") boleh bila ``kosong_boleh``: artinya belum ada nilai. ``opini``: opini BPK (WTP, ...) dan teks progres
    ("Progres 45%") juga nilai yang sah (target/realisasi)."""
    _, st, _, progres = baca_nilai_array(np.array([teks], dtype=object))
    if st[0] == Status.OK or (st[0] == Status.KOSONG and kosong_boleh):
        return
    if opini and progres[0]:
        return
    a = parse_angka(teks)
    asal = f" (argumen '{argumen}')" if argumen != teks else ""
    if a.kemungkinan:
        x, y = (format(k, "g").replace(".", ",") for k in a.kemungkinan)
        pesan = (f"{apa} '{teks}'{asal} dapat dibaca {x} atau {y}; tulis salah satunya tanpa "
                 "titik ribuan, mis. 1234 atau 1,234.")
    elif st[0] == Status.KOSONG:
        contoh = "90 atau 90:2" if param == "CAPAIAN" else "90 atau 84,6"
        pesan = f"{apa} kosong{asal}. Tulis angkanya, mis. {contoh}."
    elif param == "CAPAIAN":
        pesan = (f"{apa} '{teks}'{asal} bukan angka. Tulis angka seperti 90, 84,6 atau 84.6; "
                 "bobot dengan titik dua, mis. 90:2.")
    elif opini:
        pesan = (f"{apa} '{teks}' bukan angka atau opini BPK. Tulis angka seperti 90, 84,6 atau "
                 "84.6, opini (WTP, WDP, TW, TMP), atau - bila belum ada.")
    else:
        pesan = f"{apa} '{teks}' bukan angka. Tulis angka seperti 90, 84,6 atau 84.6."
    raise click.BadParameter(pesan, param_hint=param)


_CONTOH_EFISIENSI = "tulis capaian output lalu capaian input (%), mis. rapk-xl hitung efisiensi 98 45."


@hitung.command("efisiensi", context_settings=ANGKA)
@click.argument("output", cls=Argumen, saran=_CONTOH_EFISIENSI)
@click.argument("input_", metavar="INPUT", cls=Argumen, saran=_CONTOH_EFISIENSI)
def efisiensi_cmd(output: str, input_: str) -> None:
    """Efisiensi: IE = OUTPUT / INPUT (capaian output % dibagi capaian input %).

    OUTPUT: NPS sasaran atau capaian indikator. INPUT: realisasi anggaran / pagu × 100.
    """
    _periksa_angka(output, output, "output", "OUTPUT", kosong_boleh=True)
    _periksa_angka(input_, input_, "input", "INPUT", kosong_boleh=True)
    h = efisiensi(output, input_)
    if h.ie is None:
        click.echo(f"Efisiensi tidak dapat dihitung: {h.alasan.pesan}")
        raise SystemExit(1)
    click.echo(f"IE {format_angka(h.ie)}, SE {format_angka(h.se)}, TE {format_angka(h.te)}: "
               f"{h.kategori}")
