"""Angka buku nasional, dihitung ulang dengan mesin hitung dari nilai yang dikirim unit.

Tidak ada angka yang diambil dari sel yang dihitung workbook kiriman (sheet Capaian, kolom
Jumlah Kontribusi): capaian, kriteria, NPS, realisasi anggaran dan efisiensi semuanya dihitung
di sini dengan :mod:`rapk_xl.calc`. Setiap tabel yang dihasilkan berkolom id bidang lembarnya
di :mod:`rapk_xl.format.nasional`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..calc import (capaian_array, capaian_input, efisiensi_array, hitung_nps_per,
                    kali_rupiah, kriteria_array, kunci_teks, nilai_bulan, parse_angka_array,
                    tampil_array)
from ..format import nasional as fn
from ..format.spec import ID_REALISASI, ID_TARGET
from ..reference import daftar_unit
from .riwayat import KirimanTercatat, waktu_tampil

__all__ = ["BukuNasional", "hitung_buku", "indikator_kiriman", "MIN_UNIT_INDIKATOR"]

#: indikator yang dipakai sedikitnya sekian unit masuk sheet Indikator (sebaran antarunit)
MIN_UNIT_INDIKATOR = 3
_URUT_KELOMPOK = {"BPOM": 0, "Pusat": 1, "Balai": 2, "Loka": 3}


@dataclass
class BukuNasional:
    tahun: int
    periode: int
    #: id lembar (:data:`rapk_xl.format.nasional.BUKU`) → isinya (kolom = id bidang lembar)
    lembar: dict[str, pd.DataFrame] = field(default_factory=dict)

    def __getitem__(self, id_: str) -> pd.DataFrame:
        return self.lembar[id_]

    @property
    def ringkasan(self) -> pd.DataFrame:
        return self.lembar["ringkasan"]

    @property
    def per_kriteria(self) -> pd.DataFrame:
        return self.lembar["per_kriteria"]


def _angka(seri: pd.Series) -> np.ndarray:
    x, _ = parse_angka_array(seri.to_numpy(dtype=object))
    return x


def _lembar(spec, baris) -> pd.DataFrame:
    """DataFrame berkolom id bidang ``spec`` (urut spec)."""
    return pd.DataFrame(baris, columns=list(spec.ids))


def indikator_kiriman(data: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Satu baris per indikator PK kiriman: kolom PK, target bulanan RAPK (``b01``..) dan
    realisasi (``r01``..) indikator itu (baris pertama untuk setiap kode)."""
    kunci = ["kiriman_id", "kode_indikator"]
    pk = data["pk"]
    rapk = data["rapk"][[*kunci, *ID_TARGET]].drop_duplicates(kunci)
    real = data["realisasi"][[*kunci, *ID_REALISASI, "keterangan"]].drop_duplicates(kunci)
    return (pk.merge(rapk, on=kunci, how="left").merge(real, on=kunci, how="left")
            .astype(object).where(lambda d: d.notna(), None))


def _matriks(ind: pd.DataFrame, unit_ref) -> tuple[pd.DataFrame, object, object]:
    per = ind["periode_kiriman"].to_numpy()
    target_bulan = [nilai_bulan([r[b] for b in ID_TARGET], p) for r, p in
                    zip(ind[list(ID_TARGET)].to_dict("records"), per)]
    realisasi = [nilai_bulan([r[b] for b in ID_REALISASI], p) for r, p in
                 zip(ind[list(ID_REALISASI)].to_dict("records"), per)]
    ind["target_periode"] = pd.Series(target_bulan, index=ind.index, dtype=object)
    ind["realisasi_periode"] = pd.Series(realisasi, index=ind.index, dtype=object)
    polaritas, jenis = ind["polaritas"].to_numpy(object), ind["jenis_target"].to_numpy(object)
    r = ind["realisasi_periode"].to_numpy(object)
    tahunan = capaian_array(r, ind["target"].to_numpy(object), polaritas, jenis, per)
    periodik = capaian_array(r, ind["target_periode"].to_numpy(object), polaritas, jenis, per)
    ind["capaian_periode"] = periodik.nilai
    ind["kriteria_periode"] = kriteria_array(periodik.nilai)
    matriks = pd.DataFrame({
        "kelompok": ind["kode_unit"].map(lambda k: unit_ref[k].kelompok if k in unit_ref else None),
        "unit_kerja": ind["unit"], "kode_indikator": ind["kode_indikator"],
        "indikator": ind["indikator"], "satuan": ind["satuan"], "target_tahunan": ind["target"],
        "target_periode": ind["target_periode"], "realisasi": ind["realisasi_periode"],
        "capaian_tahunan": tampil_array(tahunan.nilai, tahunan.alasan, None),
        "kriteria_tahunan": kriteria_array(tahunan.nilai),
        "capaian_periode": tampil_array(periodik.nilai, periodik.alasan, None),
        "kriteria_periode": ind["kriteria_periode"],
        "sha256": ind["sha256"].str[:12],
    })
    return _lembar(fn.MATRIKS, matriks), tahunan, periodik


def _ringkasan(ind: pd.DataFrame, data, info: pd.DataFrame, kiriman, ditolak) -> pd.DataFrame:
    # NPS per unit (capaian periode, seperti sheet Capaian template)
    nps_df = pd.DataFrame({"unit": ind["kode_unit"], "sasaran": ind["no_sasaran"],
                           "perspektif": ind["perspektif"], "capaian": ind["capaian_periode"],
                           "bobot": ind["bobot"], "iku": ind["iku"]})
    nps = (hitung_nps_per(nps_df, by=["unit"]).total.set_index("unit")["nps"]
           if len(nps_df) else pd.Series(dtype=float))
    # anggaran per unit, dalam rupiah
    ang = data["anggaran"].merge(info[["kiriman_id", "kode_unit", "kali"]], on="kiriman_id",
                                 how="inner")
    ang["kontribusi_rp"] = _angka(ang["kontribusi"]) * ang["kali"]
    ang["realisasi_rp"] = _angka(ang["realisasi_anggaran"]) * ang["kali"]
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
        baris.append({"kelompok": u.kelompok, "unit_kerja": u.nama,
                      "status": status.get(u.kode, "belum mengirim"),
                      "jumlah_indikator": int(jumlah_ind.get(u.kode, 0)) or None,
                      "nps": nps.get(u.kode, np.nan),
                      "pagu": per_unit["kontribusi_rp"].get(u.kode, np.nan),
                      "realisasi_anggaran": per_unit["realisasi_rp"].get(u.kode, np.nan)})
    ring = pd.DataFrame(baris)
    ring["kriteria_nps"] = kriteria_array(ring["nps"].to_numpy())
    serap = capaian_input(ring["realisasi_anggaran"].to_numpy(object),
                          ring["pagu"].to_numpy(object))
    ring["realisasi_anggaran_persen"] = serap.nilai
    ef = efisiensi_array(ring["nps"].to_numpy(object),
                         ring["realisasi_anggaran_persen"].to_numpy(object))
    ring["efisiensi_ie"] = ef.ie
    ring["kategori_efisiensi"] = ef.kategori
    return _lembar(fn.RINGKASAN, ring)


def _sebaran(ind: pd.DataFrame) -> pd.DataFrame:
    """Sebaran capaian periode untuk indikator yang dipakai banyak unit."""
    ind = ind.assign(_kunci=ind["indikator"].map(lambda s: kunci_teks(s) or None))
    sebaran = []
    for _, g in ind[ind["_kunci"].notna()].groupby("_kunci", sort=False):
        if g["kode_unit"].nunique() < MIN_UNIT_INDIKATOR:
            continue
        c = g["capaian_periode"].to_numpy(dtype=float)
        ada = c[~np.isnan(c)]
        label = g["kriteria_periode"].value_counts()
        sebaran.append({"kode_indikator": g["kode_indikator"].mode().iat[0],
                        "indikator": g["indikator"].iat[0],
                        "jumlah_unit": g["kode_unit"].nunique(), "unit_dengan_capaian": len(ada),
                        "capaian_terendah": ada.min() if len(ada) else np.nan,
                        "median": float(np.median(ada)) if len(ada) else np.nan,
                        "capaian_tertinggi": ada.max() if len(ada) else np.nan,
                        **{fn.id_kriteria(lbl): int(label.get(lbl, 0))
                           for lbl in fn.LABEL_KRITERIA}})
    return _lembar(fn.INDIKATOR, sebaran)


def _peringkat(ring: pd.DataFrame) -> pd.DataFrame:
    """Peringkat % realisasi anggaran per kelompok."""
    ada = ring[ring["realisasi_anggaran_persen"].notna()].copy()
    ada = ada.sort_values(["kelompok", "realisasi_anggaran_persen", "unit_kerja"],
                          ascending=[True, False, True], kind="stable")
    ada["peringkat"] = ada.groupby("kelompok").cumcount() + 1
    ada = ada.sort_values(["kelompok", "peringkat"], key=lambda s: s.map(_URUT_KELOMPOK)
                          if s.name == "kelompok" else s, kind="stable")
    return _lembar(fn.PERINGKAT, ada.reset_index(drop=True))


def hitung_buku(tahun: int, periode: int, kiriman: list[KirimanTercatat],
                data: dict[str, pd.DataFrame], ditolak: list[KirimanTercatat]) -> BukuNasional:
    """Susun semua lembar buku nasional dari kiriman yang dipakai dan datanya
    (:meth:`Riwayat.data`)."""
    info = pd.DataFrame([{"kiriman_id": k.id, "unit": k.unit, "kode_unit": k.kode_unit,
                          "periode_kiriman": k.periode,
                          "kali": kali_rupiah(k.satuan_anggaran or "Rupiah") or 1.0,
                          "berkas": k.berkas, "sha256": k.sha256} for k in kiriman],
                        columns=["kiriman_id", "unit", "kode_unit", "periode_kiriman", "kali",
                                 "berkas", "sha256"])
    unit_ref = {u.kode: u for u in daftar_unit()}
    urutan_unit = {u.kode: i for i, u in enumerate(daftar_unit())}
    ind = indikator_kiriman(data).merge(info, on="kiriman_id", how="inner")
    ind["_urut"] = ind["kode_unit"].map(urutan_unit)
    ind = ind.sort_values(["_urut", "kiriman_id", "urutan"], kind="stable").reset_index(drop=True)
    matriks, _, _ = _matriks(ind, unit_ref)
    ring = _ringkasan(ind, data, info, kiriman, ditolak)
    sumber = _lembar(fn.SUMBER, [
        {"unit_kerja": k.unit, "tahun": k.tahun, "periode": k.periode, "berkas": k.berkas,
         "sha256": k.sha256, "diterima": waktu_tampil(k.diterima_pada),
         "diubah": waktu_tampil(k.diubah_pada), "satuan_anggaran": k.satuan_anggaran,
         "peringatan": k.peringatan} for k in kiriman])
    per_kriteria = _lembar(fn.GRAFIK, {"kriteria_nps": list(fn.LABEL_KRITERIA),
                                       "jumlah_unit": [int((ring["kriteria_nps"] == lbl).sum())
                                                       for lbl in fn.LABEL_KRITERIA]})
    tolak = _lembar(fn.DITOLAK, [
        {"berkas": k.berkas, "unit_kerja": k.unit, "tahun": k.tahun, "periode": k.periode,
         "diterima": waktu_tampil(k.diterima_pada), "aturan": t.get("rule"),
         "sheet": t.get("sheet"), "sel": t.get("cell"), "pesan": t.get("message")}
        for k in ditolak for t in k.temuan_kesalahan])
    lembar = {"ringkasan": ring, "matriks": matriks, "indikator": _sebaran(ind),
              "peringkat": _peringkat(ring), "ditolak": tolak, "sumber": sumber,
              "per_kriteria": per_kriteria}
    assert set(lembar) == {s.id for s in fn.BUKU}, "setiap lembar spec harus dihitung"
    return BukuNasional(tahun, periode, lembar)
