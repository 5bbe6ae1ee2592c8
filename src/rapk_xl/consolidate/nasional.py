"""Angka buku nasional, dihitung ulang dengan mesin hitung dari nilai yang dikirim unit.

Tidak ada angka yang diambil dari sel yang dihitung workbook kiriman (sheet Capaian, kolom
Jumlah Kontribusi): capaian, kriteria, NPS, realisasi anggaran dan efisiensi semuanya dihitung
di sini dengan :mod:`rapk_xl.calc`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..calc import (capaian_array, capaian_input, efisiensi_array, hitung_nps_per,
                    kriteria_array, parse_angka_array)
from ..calc.rules import KRITERIA
from ..format.spec import KALI_RUPIAH
from ..reference import daftar_unit
from .riwayat import KirimanTercatat, waktu_tampil

__all__ = ["BukuNasional", "hitung_buku", "MIN_UNIT_INDIKATOR"]

#: indikator yang dipakai sedikitnya sekian unit masuk sheet Indikator (sebaran antarunit)
MIN_UNIT_INDIKATOR = 3
LABEL_KRITERIA = [lbl for _, lbl in KRITERIA]


@dataclass
class BukuNasional:
    tahun: int
    periode: int
    ringkasan: pd.DataFrame
    matriks: pd.DataFrame
    indikator: pd.DataFrame
    peringkat: pd.DataFrame
    sumber: pd.DataFrame
    per_kriteria: pd.DataFrame
    ditolak: pd.DataFrame = field(default_factory=pd.DataFrame)


def _bulan(nilai: object, bulan: int) -> object:
    if isinstance(nilai, list) and 1 <= bulan <= len(nilai):
        return nilai[bulan - 1]
    return None


def _tampil(nilai: np.ndarray, alasan: np.ndarray) -> list:
    """Angka, atau label alasan ("Akhir Tahun", "Target kosong", ...); kosong bila belum ada."""
    return [float(v) if a is None else (a.tampil or None) for v, a in zip(nilai, alasan)]


def _angka(seri: pd.Series) -> np.ndarray:
    x, _ = parse_angka_array(seri.to_numpy(dtype=object), desimal=",")
    return x


def hitung_buku(tahun: int, periode: int, kiriman: list[KirimanTercatat],
                indikator: pd.DataFrame, anggaran: pd.DataFrame,
                ditolak: list[KirimanTercatat]) -> BukuNasional:
    """Susun semua tabel buku nasional dari kiriman yang dipakai dan datanya."""
    info = pd.DataFrame([{"kiriman_id": k.id, "unit": k.unit, "kode_unit": k.kode_unit,
                          "periode_kiriman": k.periode,
                          "kali": KALI_RUPIAH.get(k.satuan_anggaran or "Rupiah", 1.0),
                          "berkas": k.berkas, "sha256": k.sha256} for k in kiriman],
                        columns=["kiriman_id", "unit", "kode_unit", "periode_kiriman", "kali",
                                 "berkas", "sha256"])
    unit_ref = {u.kode: u for u in daftar_unit()}
    urutan_unit = {u.kode: i for i, u in enumerate(daftar_unit())}
    ind = indikator.merge(info, on="kiriman_id", how="inner")
    ind["_urut"] = ind["kode_unit"].map(urutan_unit)
    ind = ind.sort_values(["_urut", "kiriman_id", "urutan"], kind="stable").reset_index(drop=True)
    per = ind["periode_kiriman"].to_numpy()
    target_bulan = [_bulan(b, int(p)) for b, p in zip(ind["bulan"], per)]
    realisasi = [_bulan(r, int(p)) for r, p in zip(ind["realisasi"], per)]
    ind["target_bulan"] = pd.Series(target_bulan, index=ind.index, dtype=object)
    ind["realisasi_periode"] = pd.Series(realisasi, index=ind.index, dtype=object)
    tahunan = capaian_array(ind["realisasi_periode"].to_numpy(object), ind["target"].to_numpy(object),
                            ind["polaritas"].to_numpy(object), ind["jenis_target"].to_numpy(object),
                            per, desimal=",")
    periodik = capaian_array(ind["realisasi_periode"].to_numpy(object),
                             ind["target_bulan"].to_numpy(object), ind["polaritas"].to_numpy(object),
                             ind["jenis_target"].to_numpy(object), per, desimal=",")
    ind["capaian_tahunan"] = tahunan.nilai
    ind["capaian_periode"] = periodik.nilai
    ind["kriteria_periode"] = kriteria_array(periodik.nilai)
    matriks = pd.DataFrame({
        "Kelompok": ind["kode_unit"].map(lambda k: unit_ref[k].kelompok if k in unit_ref else None),
        "Unit Kerja": ind["unit"], "Kode Indikator": ind["kode"], "Indikator": ind["indikator"],
        "Satuan": ind["satuan"], "Target Tahunan": ind["target"],
        "Target Periode": ind["target_bulan"], "Realisasi s.d. Periode": ind["realisasi_periode"],
        "Capaian Tahunan (%)": _tampil(tahunan.nilai, tahunan.alasan),
        "Kriteria Tahunan": kriteria_array(tahunan.nilai),
        "Capaian Periode (%)": _tampil(periodik.nilai, periodik.alasan),
        "Kriteria Periode": ind["kriteria_periode"],
        "SHA-256 Kiriman": ind["sha256"].str[:12],
    })
    # NPS per unit (capaian periode, seperti sheet Capaian template)
    nps_df = pd.DataFrame({"unit": ind["kode_unit"], "sasaran": ind["no_sasaran"],
                           "perspektif": ind["perspektif"], "capaian": ind["capaian_periode"],
                           "bobot": ind["bobot"], "iku": ind["iku"]})
    nps = (hitung_nps_per(nps_df, by=["unit"]).total.set_index("unit")["nps"]
           if len(nps_df) else pd.Series(dtype=float))
    # anggaran per unit, dalam rupiah
    ang = anggaran.merge(info[["kiriman_id", "kode_unit", "kali"]], on="kiriman_id", how="inner")
    ang["kontribusi_rp"] = _angka(ang["kontribusi"]) * ang["kali"]
    ang["realisasi_rp"] = _angka(ang["realisasi"]) * ang["kali"]
    per_unit = ang.groupby("kode_unit")[["kontribusi_rp", "realisasi_rp"]].sum(min_count=1)
    jumlah_ind = ind.groupby("kode_unit").size()
    status = {k.kode_unit: "diterima" for k in kiriman}
    for k in ditolak:
        if k.kode_unit and k.kode_unit not in status:
            status[k.kode_unit] = "ditolak"
    baris = []
    for u in daftar_unit():
        if u.kelompok == "BPOM" and u.kode not in status:
            continue  # PK tingkat badan: dicantumkan hanya bila memang dikirim
        anggaran_u = per_unit["kontribusi_rp"].get(u.kode, np.nan) if len(per_unit) else np.nan
        real_u = per_unit["realisasi_rp"].get(u.kode, np.nan) if len(per_unit) else np.nan
        baris.append({"Kelompok": u.kelompok, "Unit Kerja": u.nama,
                      "Status": status.get(u.kode, "belum mengirim"),
                      "Jumlah Indikator": int(jumlah_ind.get(u.kode, 0)) or None,
                      "NPS": nps.get(u.kode, np.nan), "Pagu (Rp)": anggaran_u,
                      "Realisasi Anggaran (Rp)": real_u})
    ring = pd.DataFrame(baris)
    ring.insert(5, "Kriteria NPS", kriteria_array(ring["NPS"].to_numpy()))
    serap = capaian_input(ring["Realisasi Anggaran (Rp)"].to_numpy(object),
                          ring["Pagu (Rp)"].to_numpy(object))
    ring["Realisasi Anggaran (%)"] = serap.nilai
    ef = efisiensi_array(ring["NPS"].to_numpy(object), ring["Realisasi Anggaran (%)"].to_numpy(object))
    ring["Efisiensi (IE)"] = ef.ie
    ring["Kategori Efisiensi"] = ef.kategori
    # sebaran indikator yang dipakai banyak unit
    kunci = ind["indikator"].map(lambda s: " ".join(str(s).split()).casefold() if s else None)
    ind["_kunci"] = kunci
    sebaran = []
    for k, g in ind[ind["_kunci"].notna()].groupby("_kunci", sort=False):
        if g["kode_unit"].nunique() < MIN_UNIT_INDIKATOR:
            continue
        c = g["capaian_periode"].to_numpy(dtype=float)
        ada = c[~np.isnan(c)]
        label = g["kriteria_periode"].value_counts()
        sebaran.append({"Kode Indikator": g["kode"].mode().iat[0], "Indikator": g["indikator"].iat[0],
                        "Jumlah Unit": g["kode_unit"].nunique(),
                        "Unit dengan Capaian": len(ada),
                        "Capaian Terendah (%)": ada.min() if len(ada) else np.nan,
                        "Median (%)": float(np.median(ada)) if len(ada) else np.nan,
                        "Capaian Tertinggi (%)": ada.max() if len(ada) else np.nan,
                        **{lbl: int(label.get(lbl, 0)) for lbl in LABEL_KRITERIA}})
    sebaran_df = pd.DataFrame(sebaran, columns=["Kode Indikator", "Indikator", "Jumlah Unit",
                                                "Unit dengan Capaian", "Capaian Terendah (%)",
                                                "Median (%)", "Capaian Tertinggi (%)",
                                                *LABEL_KRITERIA])
    # peringkat realisasi anggaran per kelompok
    ada = ring[ring["Realisasi Anggaran (%)"].notna()].copy()
    ada = ada.sort_values(["Kelompok", "Realisasi Anggaran (%)", "Unit Kerja"],
                          ascending=[True, False, True], kind="stable")
    ada.insert(1, "Peringkat", ada.groupby("Kelompok").cumcount() + 1)
    peringkat = ada[["Kelompok", "Peringkat", "Unit Kerja", "Pagu (Rp)",
                     "Realisasi Anggaran (Rp)", "Realisasi Anggaran (%)"]]
    urut_kel = {"BPOM": 0, "Pusat": 1, "Balai": 2, "Loka": 3}
    peringkat = peringkat.sort_values(["Kelompok", "Peringkat"], key=lambda s: s.map(urut_kel)
                                      if s.name == "Kelompok" else s, kind="stable")
    sumber = pd.DataFrame([{"Unit Kerja": k.unit, "Tahun": k.tahun, "Periode": k.periode,
                            "Berkas": k.berkas, "SHA-256": k.sha256,
                            "Diterima": waktu_tampil(k.diterima_pada),
                            "Berkas Diubah": waktu_tampil(k.diubah_pada),
                            "Satuan Anggaran": k.satuan_anggaran,
                            "Peringatan": k.peringatan} for k in kiriman])
    per_kriteria = pd.DataFrame({"Kriteria NPS": LABEL_KRITERIA,
                                 "Jumlah Unit": [int((ring["Kriteria NPS"] == lbl).sum())
                                                 for lbl in LABEL_KRITERIA]})
    tolak = [{"Berkas": k.berkas, "Unit Kerja": k.unit, "Tahun": k.tahun, "Periode": k.periode,
              "Diterima": waktu_tampil(k.diterima_pada), "Aturan": t.get("rule"), "Sheet": t.get("sheet"),
              "Sel": t.get("cell"), "Pesan": t.get("message")}
             for k in ditolak for t in k.temuan_kesalahan]
    return BukuNasional(tahun, periode, ring, matriks, sebaran_df, peringkat.reset_index(drop=True),
                        sumber, per_kriteria, pd.DataFrame(tolak, columns=[
                            "Berkas", "Unit Kerja", "Tahun", "Periode", "Diterima", "Aturan",
                            "Sheet", "Sel", "Pesan"]))
