"""Aturan turunan: besaran yang dihitung dari nilai isian workbook, selain capaian/NPS inti.

Satu tempat untuk setiap definisi (lihat ``docs/aturan.md``): capaian input, pengali Satuan
Anggaran, nilai bulan Periode, rasio pembilang/penyebut, indikator persentase bagian.
Template (rumus sheet Capaian), pemeriksa rumus, buku nasional dan dokumen cetak mengambil
definisinya dari sini. Setiap aturan yang juga ditulis sebagai rumus Excel di template punya
rumusnya di :mod:`rapk_xl.calc.rumus_excel`, dan tes memastikan keduanya memberi hasil yang
sama di LibreOffice.

Modul ini murni: tanpa I/O, tanpa Excel.
"""
from __future__ import annotations

import numpy as np

from .parse import Status, kunci_teks, parse_angka_array
from .rules import Alasan, CapaianArray, _obj, _pilih

__all__ = [
    "SATUAN_ANGGARAN", "KALI_RUPIAH", "satuan_anggaran_baku", "kali_rupiah",
    "capaian_input_array", "capaian_input", "nilai_bulan",
    "rasio_pembilang", "persentase_bagian", "bulan_triwulan", "jumlah_angka",
    "pagu_periode", "capaian_input_periode", "efisiensi_sementara", "median_capaian",
    "nps_nasional", "jumlah_terbaca",
]

SATUAN_ANGGARAN = ("Rupiah", "Ribu Rupiah")
#: pengali ke rupiah untuk setiap Satuan Anggaran
KALI_RUPIAH = {"Rupiah": 1.0, "Ribu Rupiah": 1000.0}
_SATUAN = {kunci_teks(s): s for s in SATUAN_ANGGARAN}


def satuan_anggaran_baku(nilai: object) -> str | None:
    """Satuan Anggaran dalam ejaan baku ('ribu  rupiah' → 'Ribu Rupiah'); None bila bukan
    salah satu :data:`SATUAN_ANGGARAN`."""
    return _SATUAN.get(kunci_teks(nilai))


def kali_rupiah(nilai: object) -> float | None:
    """Pengali angka anggaran ke rupiah (1 atau 1000); None bila Satuan Anggaran tidak sah."""
    s = satuan_anggaran_baku(nilai)
    return KALI_RUPIAH[s] if s else None


# --------------------------------------------------------------------------------------
# Capaian input (penyerapan anggaran)
# --------------------------------------------------------------------------------------

def capaian_input_array(realisasi_anggaran, pagu) -> CapaianArray:
    """Capaian input (%) = realisasi anggaran / pagu × 100, per elemen.

    - Realisasi anggaran kosong berarti belum ada yang terserap: 0 %, bukan "belum ada".
      (Di template, SUMIF atas baris tanpa realisasi juga memberi 0.)
    - Pagu (kontribusi) kosong atau 0: tidak ada anggaran untuk dibandingkan —
      ``Alasan.TANPA_PAGU`` (sel template kosong).
    - Teks yang bukan angka: ``Alasan.BUKAN_ANGKA``.
    """
    r, p = np.broadcast_arrays(_obj(realisasi_anggaran), _obj(pagu))
    bentuk = r.shape
    rx, rst = parse_angka_array(np.array(r, dtype=object).reshape(-1))
    px, pst = parse_angka_array(np.array(p, dtype=object).reshape(-1))
    rx = np.where(rst == Status.KOSONG, 0.0, rx)
    kondisi = [(pst == Status.KOSONG) | (px == 0), pst != Status.OK,
               (rst != Status.OK) & (rst != Status.KOSONG)]
    alasan = _pilih(kondisi, [Alasan.TANPA_PAGU, Alasan.BUKAN_ANGKA, Alasan.BUKAN_ANGKA],
                    rx.shape)
    with np.errstate(divide="ignore", invalid="ignore"):
        nilai = np.where(alasan == None, rx / px * 100.0, np.nan)  # noqa: E711
    return CapaianArray(nilai.astype(float).reshape(bentuk), alasan.reshape(bentuk))


def capaian_input(realisasi_anggaran, pagu):
    """Capaian input (%) satu nilai (``None`` bila tidak dapat dihitung), atau
    :class:`CapaianArray` untuk larik. Aturannya: :func:`capaian_input_array`."""
    h = capaian_input_array(realisasi_anggaran, pagu)
    if np.ndim(h.nilai):
        return h
    return None if h.alasan.reshape(-1)[0] is not None else float(h.nilai)



# --------------------------------------------------------------------------------------
# Nilai bulanan, pembilang/penyebut, persentase bagian
# --------------------------------------------------------------------------------------

def nilai_bulan(bulanan, bulan: object) -> object:
    """Nilai bulan ke-``bulan`` (1-12) dari deret 12 bulan (B01..B12 atau R01..R12); None bila
    bulan tidak sah atau deretnya tidak ada."""
    try:
        b = int(bulan)
    except (TypeError, ValueError):
        return None
    if bulanan is None or not 1 <= b <= 12 or b > len(bulanan):
        return None
    return bulanan[b - 1]


def jumlah_angka(nilai) -> float:
    """Jumlah sel yang berupa angka, seperti SUMIF Excel: teks (juga teks angka) dan sel kosong
    tidak ikut. Dipakai untuk "Jumlah Kontribusi" dan kolom jumlah sheet Capaian."""
    total = 0.0
    for v in np.asarray(nilai, dtype=object).reshape(-1):
        if isinstance(v, (int, float)) and not isinstance(v, bool) and v == v:
            total += float(v)
    return total


def rasio_pembilang(pembilang, penyebut) -> np.ndarray:
    """Realisasi dari pembilang a dan penyebut b: a / b × 100 (NaN bila b kosong atau 0)."""
    a, _ = parse_angka_array(np.asarray(pembilang, dtype=object))
    b, _ = parse_angka_array(np.asarray(penyebut, dtype=object))
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(b != 0, a / b * 100.0, np.nan)


def persentase_bagian(satuan, indikator) -> np.ndarray:
    """Indikator "Persentase ..." bersatuan % adalah bagian dari keseluruhan: target dan
    realisasinya tidak mungkin lebih dari 100 (indeks dan nilai bersatuan % boleh)."""
    s = np.asarray(satuan, dtype=object).reshape(-1)
    i = np.asarray(indikator, dtype=object).reshape(-1)
    return np.fromiter((kunci_teks(a) == "%" and kunci_teks(b).startswith("persentase")
                        for a, b in zip(s, i)), bool, len(s))


def bulan_triwulan(triwulan: int) -> int:
    """Bulan akhir triwulan: TW I → 3, II → 6, III → 9, IV → 12."""
    if triwulan not in (1, 2, 3, 4):
        raise ValueError("triwulan harus 1-4")
    return 3 * triwulan


# --------------------------------------------------------------------------------------
# Efisiensi sebelum akhir tahun, ringkasan nasional
# --------------------------------------------------------------------------------------

def efisiensi_sementara(periode: object) -> bool:
    """Efisiensi pada periode sebelum Desember hanya perkiraan ("sementara"): output baru
    sebagian tahun, jadi input dibandingkan dengan pagu yang diprorata ke periode itu."""
    try:
        return int(periode) < 12
    except (TypeError, ValueError):
        return False


def _faktor_periode(periode: object) -> float:
    try:
        p = int(periode)
    except (TypeError, ValueError):
        return float("nan")
    return p / 12.0 if 1 <= p <= 12 else float("nan")


def pagu_periode(pagu, periode):
    """Pagu yang diprorata ke periode: pagu × periode / 12 (periode 12: pagu itu sendiri).

    Dasar capaian input efisiensi sementara: di bulan Juni separuh pagu setahun, sehingga
    penyerapan 48 % pagu setahun berarti 96 % dari yang "seharusnya" terserap s.d. Juni.
    Periode di luar 1-12, atau pagu yang bukan angka: NaN.
    """
    x, _ = parse_angka_array(np.asarray(pagu, dtype=object).reshape(-1))
    hasil = x * _faktor_periode(periode)
    return float(hasil[0]) if np.ndim(pagu) == 0 else hasil.reshape(np.shape(pagu))


def capaian_input_periode(realisasi_anggaran, pagu, periode) -> CapaianArray:
    """Capaian input (%) terhadap pagu yang diprorata ke periode:
    realisasi anggaran / (pagu × periode / 12) × 100. Pada periode 12 sama dengan
    :func:`capaian_input_array`, begitu pula aturan kosong/nol/teksnya."""
    r, p = np.broadcast_arrays(_obj(realisasi_anggaran), _obj(pagu))
    bentuk = r.shape
    dasar = np.array(p, dtype=object).reshape(-1)
    px, pst = parse_angka_array(dasar)
    ok = pst == Status.OK
    dasar[ok] = px[ok] * _faktor_periode(periode)
    h = capaian_input_array(np.array(r, dtype=object).reshape(-1), dasar)
    return CapaianArray(h.nilai.reshape(bentuk), h.alasan.reshape(bentuk))


def median_capaian(nilai) -> float:
    """Median capaian yang ada (NaN, kosong dan teks seperti "Akhir Tahun" dilewati); NaN
    bila tak ada satu pun. Median, bukan rata-rata: satu unit dengan capaian 300 % tidak
    menggeser gambaran nasional."""
    x, _ = parse_angka_array(np.asarray(nilai, dtype=object).reshape(-1))
    x = x[~np.isnan(x)]
    return float(np.median(x)) if x.size else float("nan")


def nps_nasional(nps_unit) -> float:
    """NPS nasional: rata-rata biasa NPS unit kerja yang ada (setiap unit satu suara, unit
    tanpa NPS dilewati); NaN bila tak ada satu pun."""
    x, _ = parse_angka_array(np.asarray(nps_unit, dtype=object).reshape(-1))
    x = x[~np.isnan(x)]
    return float(x.mean()) if x.size else float("nan")


def jumlah_terbaca(nilai) -> float:
    """Jumlah sel yang terbaca sebagai angka, juga teks angka yang tidak ambigu
    (``"5.874.961,0"``); teks lain dan sel kosong tidak ikut. Cara buku nasional menjumlah
    anggaran kiriman (berbeda dengan :func:`jumlah_angka`, yang seperti SUMIF Excel)."""
    x, _ = parse_angka_array(np.asarray(nilai, dtype=object).reshape(-1))
    return float(np.nansum(x)) if x.size else 0.0
