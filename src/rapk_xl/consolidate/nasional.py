"""Angka buku nasional, dihitung ulang dengan mesin hitung dari nilai yang dikirim unit.

Tidak ada angka yang diambil dari sel yang dihitung workbook kiriman (sheet Capaian, kolom
Jumlah Kontribusi): capaian, kriteria, NPS, realisasi anggaran dan efisiensi semuanya dihitung
di sini dengan :mod:`rapk_xl.calc`. Setiap tabel yang dihasilkan berkolom id bidang lembarnya
di :mod:`rapk_xl.format.nasional`.

Buku ini alat kerja Biro: Ringkasan diurutkan per kelompok dengan NPS terendah lebih dulu,
unit yang kirimannya ditolak karena nama unitnya salah eja tetap dikenali (saran nama) dan
tercatat *ditolak* beserta alasannya, Perlu Perhatian mengumpulkan semua yang harus
ditindaklanjuti, Tren menunjukkan setiap periode tahun berjalan dari riwayat, dan efisiensi
sebelum Desember dihitung terhadap pagu yang diprorata ke periode (sementara).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..calc import (capaian_array, efisiensi_array, hitung_nps_per, kali_rupiah,
                    kriteria_array, kunci_teks, nilai_bulan, parse_angka_array, tampil_array)
from ..calc.parse import bulatkan, bulatkan_array, format_angka
from ..calc.turunan import (capaian_input, capaian_input_periode, efisiensi_sementara,
                            median_capaian, nps_nasional)
from ..format import nasional as fn
from ..format.spec import ID_REALISASI, ID_TARGET, nama_bulan
from ..io.gaya import huruf
from ..reference import cari_unit, daftar_unit, saran_unit
from .riwayat import KirimanTercatat, waktu_tampil

__all__ = ["BukuNasional", "hitung_buku", "indikator_kiriman", "MIN_UNIT_INDIKATOR",
           "unit_ditolak", "PeriodeTren"]

MIN_UNIT_INDIKATOR = fn.MIN_UNIT_INDIKATOR
_URUT_KELOMPOK = {"BPOM": 0, "Pusat": 1, "Balai": 2, "Loka": 3}
_URUT_STATUS = {"diterima": 0, "ditolak": 1, "belum mengirim": 2}


@dataclass
class PeriodeTren:
    """Kiriman dipakai dan datanya untuk satu periode lain tahun itu (untuk sheet Tren)."""

    kiriman: list[KirimanTercatat]
    data: dict[str, pd.DataFrame]


@dataclass
class BukuNasional:
    tahun: int
    periode: int
    #: id lembar (:data:`rapk_xl.format.nasional.BUKU`) → isinya (kolom = id bidang lembar)
    lembar: dict[str, pd.DataFrame] = field(default_factory=dict)
    #: periode yang ada di sheet Tren (urut)
    periode_tren: list[int] = field(default_factory=list)

    def __getitem__(self, id_: str) -> pd.DataFrame:
        return self.lembar[id_]

    @property
    def ringkasan(self) -> pd.DataFrame:
        return self.lembar["ringkasan"]

    @property
    def per_kriteria(self) -> pd.DataFrame:
        return self.lembar["per_kriteria"]

    @property
    def sementara(self) -> bool:
        return efisiensi_sementara(self.periode)


def _angka(seri: pd.Series) -> np.ndarray:
    x, _ = parse_angka_array(seri.to_numpy(dtype=object))
    return x


def _lembar(spec, baris) -> pd.DataFrame:
    """DataFrame berkolom id bidang ``spec`` (urut spec)."""
    return pd.DataFrame(baris, columns=list(spec.ids))


def _alamat(lembar, baris_ke: int, kolom: str) -> str:
    """Alamat sel (``'Matriks Capaian'!B12``) baris data ke-``baris_ke`` (0 = pertama)."""
    return (f"'{lembar.nama}'!{huruf(lembar.posisi(kolom))}"
            f"{lembar.baris_header + 1 + baris_ke}")


def indikator_kiriman(data: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Satu baris per indikator PK kiriman: kolom PK, target bulanan RAPK (``b01``..) dan
    realisasi (``r01``..) indikator itu (baris pertama untuk setiap kode)."""
    kunci = ["kiriman_id", "kode_indikator"]
    pk = data["pk"]
    rapk = data["rapk"][[*kunci, *ID_TARGET]].drop_duplicates(kunci)
    real = data["realisasi"][[*kunci, *ID_REALISASI, "keterangan"]].drop_duplicates(kunci)
    return (pk.merge(rapk, on=kunci, how="left").merge(real, on=kunci, how="left")
            .astype(object).where(lambda d: d.notna(), None))


def _info_kiriman(kiriman: list[KirimanTercatat]) -> pd.DataFrame:
    return pd.DataFrame([{"kiriman_id": k.id, "unit": k.unit, "kode_unit": k.kode_unit,
                          "periode_kiriman": k.periode,
                          "kali": kali_rupiah(k.satuan_anggaran or "Rupiah") or 1.0,
                          "berkas": k.berkas, "sha256": k.sha256} for k in kiriman],
                        columns=["kiriman_id", "unit", "kode_unit", "periode_kiriman", "kali",
                                 "berkas", "sha256"])


def _capaian(kiriman: list[KirimanTercatat], data: dict[str, pd.DataFrame]):
    """Indikator semua kiriman dengan capaian periode dan tahunan (urut referensi unit)."""
    info = _info_kiriman(kiriman)
    urutan_unit = {u.kode: i for i, u in enumerate(daftar_unit())}
    ind = indikator_kiriman(data).merge(info, on="kiriman_id", how="inner")
    ind["_urut"] = ind["kode_unit"].map(urutan_unit)
    ind = ind.sort_values(["_urut", "kiriman_id", "urutan"], kind="stable").reset_index(drop=True)
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
    ind["_tampil_tahunan"] = tampil_array(tahunan.nilai, tahunan.alasan, None)
    ind["_tampil_periode"] = tampil_array(periodik.nilai, periodik.alasan, None)
    return ind, info


def _nps_per_unit(ind: pd.DataFrame) -> tuple[pd.Series, pd.DataFrame]:
    """NPS per unit (capaian periode, seperti sheet Capaian template) dan NPS per sasaran."""
    if not len(ind):
        return pd.Series(dtype=float), pd.DataFrame(columns=["unit", "sasaran", "nps"])
    nps_df = pd.DataFrame({"unit": ind["kode_unit"], "sasaran": ind["no_sasaran"],
                           "perspektif": ind["perspektif"], "capaian": ind["capaian_periode"],
                           "bobot": ind["bobot"], "iku": ind["iku"]})
    h = hitung_nps_per(nps_df, by=["unit"])
    return h.total.set_index("unit")["nps"], h.sasaran


def unit_ditolak(k: KirimanTercatat):
    """Unit kerja kiriman ditolak: dari namanya bila dikenali, selain itu dari saran nama
    terdekat (nama salah eja, mis. 'Balai POM di Jembr'); (unit, lewat_saran) atau None."""
    if k.kode_unit:
        u = next((x for x in daftar_unit() if x.kode == k.kode_unit), None)
        return (u, False) if u is not None else None
    u = cari_unit(k.unit) if k.unit else None
    if u is not None:
        return u, False
    saran = saran_unit(k.unit, n=1) if k.unit else []
    return (saran[0], True) if saran else None


def _alasan_tolak(k: KirimanTercatat, lewat_saran: bool, unit) -> str:
    salah = k.temuan_kesalahan
    nama = Path(k.berkas).name
    bagian = []
    if lewat_saran:
        bagian.append(f"Nama unit ditulis '{k.unit}' (dikenali sebagai {unit.nama}).")
    if salah:
        t = salah[0]
        tempat = f" ({t.get('sheet')}!{t.get('cell')})" if t.get("sheet") and t.get("cell") \
            else (f" ({t.get('sheet')})" if t.get("sheet") else "")
        lagi = f" (+{len(salah) - 1} kesalahan lain)" if len(salah) > 1 else ""
        bagian.append(f"{nama}: {t.get('message')}{tempat}{lagi}")
    else:
        bagian.append(f"{nama} ditolak.")
    return " ".join(bagian)


def _persen(x) -> str:
    return format_angka(x, 2) if x is not None and not (isinstance(x, float) and math.isnan(x)) \
        else "-"


def _ringkasan(ind, data, info, kiriman, ditolak, tahun, periode, terakhir):
    nps, _ = _nps_per_unit(ind)
    ang = data["anggaran"].merge(info[["kiriman_id", "kode_unit", "kali"]], on="kiriman_id",
                                 how="inner")
    ang["kontribusi_rp"] = _angka(ang["kontribusi"]) * ang["kali"]
    ang["realisasi_rp"] = _angka(ang["realisasi_anggaran"]) * ang["kali"]
    per_unit = ang.groupby("kode_unit")[["kontribusi_rp", "realisasi_rp"]].sum(min_count=1)
    jumlah_ind = ind.groupby("kode_unit").size()
    pakai = {k.kode_unit: k for k in kiriman}
    status = {k.kode_unit: "diterima" for k in kiriman}
    keterangan: dict[str, str] = {}
    for k in kiriman:
        if k.peringatan:
            keterangan[k.kode_unit] = f"{k.peringatan} peringatan validator."
    tolak_unit: dict[str, list[str]] = {}
    for k in ditolak:
        if k.tahun not in (tahun, None) or _periode_sah(k) not in (periode, None):
            continue
        dikenal = unit_ditolak(k)
        if dikenal is None:
            continue
        u, lewat_saran = dikenal
        tolak_unit.setdefault(u.kode, []).append(_alasan_tolak(k, lewat_saran, u))
    for kode, alasan in tolak_unit.items():
        if kode not in status:
            status[kode] = "ditolak"
            keterangan[kode] = " ".join(alasan)
    baris = []
    for u in daftar_unit():
        if u.kelompok == "BPOM" and u.kode not in status:
            continue  # PK tingkat badan: dicantumkan hanya bila memang dikirim
        st = status.get(u.kode, "belum mengirim")
        ket = keterangan.get(u.kode)
        if st == "belum mengirim" and u.kode in terakhir:
            p = terakhir[u.kode]
            ket = f"Kiriman diterima terakhir: periode {p} ({nama_bulan(p, str(p))})."
        baris.append({"kelompok": u.kelompok, "unit_kerja": u.nama, "kode_unit": u.kode,
                      "status": st, "keterangan": ket,
                      "jumlah_indikator": int(jumlah_ind.get(u.kode, 0)) or None,
                      "nps": nps.get(u.kode, np.nan),
                      "pagu": per_unit["kontribusi_rp"].get(u.kode, np.nan),
                      "realisasi_anggaran": per_unit["realisasi_rp"].get(u.kode, np.nan),
                      "berkas": pakai[u.kode].berkas if u.kode in pakai else None})
    ring = pd.DataFrame(baris)
    ring["kriteria_nps"] = kriteria_array(ring["nps"].to_numpy())
    ring["realisasi_anggaran_persen"] = capaian_input(
        ring["realisasi_anggaran"].to_numpy(object), ring["pagu"].to_numpy(object)).nilai
    masukan = capaian_input_periode(ring["realisasi_anggaran"].to_numpy(object),
                                    ring["pagu"].to_numpy(object), periode)
    ring["capaian_input"] = masukan.nilai
    ef = efisiensi_array(ring["nps"].to_numpy(object), ring["capaian_input"].to_numpy(object))
    ring["efisiensi_ie"] = ef.ie
    label = " (sementara)" if efisiensi_sementara(periode) else ""
    ring["kategori_efisiensi"] = [f"{k}{label}" if k else None for k in ef.kategori]
    ring["_efisien"] = [k == "Efisien" for k in ef.kategori]
    # per kelompok; yang diterima NPS terendah lebih dulu, lalu ditolak, lalu belum mengirim
    ring = ring.assign(_k=ring["kelompok"].map(_URUT_KELOMPOK),
                       _s=ring["status"].map(_URUT_STATUS),
                       _n=ring["nps"].fillna(np.inf))
    ring = ring.sort_values(["_k", "_s", "_n", "unit_kerja"], kind="stable")
    return ring.drop(columns=["_k", "_s", "_n"]).reset_index(drop=True)


def _total(ring: pd.DataFrame, periode: int, tren_nasional: dict[int, float]) -> pd.DataFrame:
    diterima = ring[ring["status"] == "diterima"]
    n_unit = len(ring)
    nps = nps_nasional(diterima["nps"].to_numpy(object))
    pagu = float(np.nansum(diterima["pagu"].to_numpy(float)))
    real = float(np.nansum(diterima["realisasi_anggaran"].to_numpy(float)))
    serap = capaian_input(real, pagu)
    lalu = [p for p in sorted(tren_nasional) if p < periode]
    sementara = efisiensi_sementara(periode)
    bulan = nama_bulan(periode, str(periode))
    isi = {
        "diterima": (len(diterima), f"dari {n_unit} unit kerja."),
        "ditolak": (int((ring["status"] == "ditolak").sum()),
                    "Kiriman ada tetapi tidak lolos validasi: perbaiki dan kirim ulang (lihat "
                    "Perlu Perhatian dan Ditolak)."),
        "belum": (int((ring["status"] == "belum mengirim").sum()),
                  f"Tidak ada kiriman untuk periode {periode} ({bulan})."),
        "nps": (None if math.isnan(nps) else nps,
                (f"{kriteria_array(np.array([nps]))[0]}; rata-rata NPS {len(diterima)} unit "
                 "yang diterima." if not math.isnan(nps) else "Belum ada unit yang diterima.")),
        "pagu": (pagu / 1e9, "Σ Kontribusi unit yang diterima."),
        "realisasi": (real / 1e9, (f"{_persen(serap)} % dari pagu." if serap is not None
                                   else "")),
        "efisien": (int(ring["_efisien"].sum()),
                    (f"Sementara: capaian input = realisasi anggaran ÷ (pagu × {periode}/12), "
                     "karena output pun baru sebagian tahun. Final di periode 12."
                     if sementara else
                     "Capaian input = realisasi anggaran ÷ pagu (periode 12: final).")),
        "tren": (tren_nasional.get(lalu[-1]) if lalu else None,
                 ("Periode sebelumnya. " + "; ".join(
                     f"{nama_bulan(p, str(p))}: {_persen(tren_nasional[p])}"
                     for p in sorted(tren_nasional)) + " (lihat Tren).") if lalu else
                 "Belum ada periode lain tahun ini di riwayat."),
    }
    return _lembar(fn.TOTAL, [{"ukuran": label, "nilai": isi[id_][0], "keterangan": isi[id_][1]}
                              for id_, label, _ in fn.BARIS_TOTAL])


def _matriks(ind: pd.DataFrame, ring: pd.DataFrame, unit_ref) -> pd.DataFrame:
    urut = {k: i for i, k in enumerate(ring["kode_unit"])}
    ind = ind.assign(_u=ind["kode_unit"].map(urut)).sort_values(["_u"], kind="stable")
    return pd.DataFrame({
        "kelompok": ind["kode_unit"].map(lambda k: unit_ref[k].kelompok if k in unit_ref else None),
        "unit_kerja": ind["unit"], "kode_indikator": ind["kode_indikator"],
        "indikator": ind["indikator"], "satuan": ind["satuan"],
        "target_periode": ind["target_periode"], "realisasi": ind["realisasi_periode"],
        "capaian_periode": ind["_tampil_periode"], "kriteria_periode": ind["kriteria_periode"],
        "target_tahunan": ind["target"], "capaian_tahunan": ind["_tampil_tahunan"],
        "kode_unit": ind["kode_unit"], "berkas": ind["berkas"], "_nilai": ind["capaian_periode"],
    }).reset_index(drop=True)


def _periode_sah(k: KirimanTercatat) -> int | None:
    """Periode kiriman, atau ``None`` bila tidak terbaca atau tidak sah (mis. 13): kiriman
    ditolak seperti itu dihitung untuk periode buku (unitnya sudah mengirim), bukan periode
    lain."""
    return k.periode if isinstance(k.periode, int) and 1 <= k.periode <= 12 else None


def _perhatian(ring: pd.DataFrame, matriks: pd.DataFrame, tolak: pd.DataFrame,
               ditolak: list[KirimanTercatat], tahun: int, periode: int) -> pd.DataFrame:
    baris = []
    bulan = nama_bulan(periode, str(periode))
    # ditolak: satu baris per berkas ditolak (juga yang unitnya tak dikenali sama sekali)
    baris_tolak = {}
    for i, b in enumerate(tolak["berkas"]):
        baris_tolak.setdefault(b, i)
    for k in ditolak:
        dikenal = unit_ditolak(k)
        u, lewat = dikenal if dikenal else (None, False)
        lain_periode = (k.tahun, _periode_sah(k)) != (tahun, periode)
        alasan = _alasan_tolak(k, lewat, u) if u is not None else (
            f"Nama unit '{k.unit or ''}' tidak dikenali. " + _alasan_tolak(k, False, None))
        if lain_periode and k.tahun and _periode_sah(k):
            alasan = f"Kiriman untuk tahun {k.tahun} periode {k.periode}. " + alasan
        i = baris_tolak.get(k.berkas)
        baris.append({"jenis": fn.JENIS_PERHATIAN[0], "kelompok": u.kelompok if u else None,
                      "unit_kerja": u.nama if u else (k.unit or "(tidak terbaca)"),
                      "alasan": alasan,
                      "lihat": (f"Ditolak baris {fn.DITOLAK.baris_header + 1 + i}"
                                if i is not None else Path(k.berkas).name),
                      "_tautan": _alamat(fn.DITOLAK, i, "berkas") if i is not None else None,
                      "_urut": (0, _URUT_KELOMPOK.get(u.kelompok if u else "", 9),
                                u.nama if u else "")})
    for i, r in ring.iterrows():
        if r["status"] == "belum mengirim":
            ket = r["keterangan"] if isinstance(r["keterangan"], str) else \
                f"Belum ada kiriman diterima tahun {tahun}."
            baris.append({"jenis": fn.JENIS_PERHATIAN[1], "kelompok": r["kelompok"],
                          "unit_kerja": r["unit_kerja"],
                          "alasan": f"Tidak ada kiriman untuk tahun {tahun} periode {periode} "
                                    f"({bulan}). {ket}",
                          "lihat": f"Ringkasan baris {fn.RINGKASAN.baris_header + 1 + i}",
                          "_tautan": _alamat(fn.RINGKASAN, i, "unit_kerja"),
                          "_urut": (1, _URUT_KELOMPOK[r["kelompok"]], r["unit_kerja"])})
    rendah = ring[(ring["status"] == "diterima") & ring["nps"].notna()]
    for i, r in rendah.iterrows():
        if bulatkan(float(r["nps"]), 2) >= fn.BATAS_NPS:
            continue
        m = matriks.index[matriks["kode_unit"] == r["kode_unit"]]
        terendah = matriks.loc[m].dropna(subset=["_nilai"]).sort_values("_nilai").head(1)
        sebab = ""
        if len(terendah):
            t = terendah.iloc[0]
            sebab = (f" Capaian terendah: {t['kode_indikator']} {t['indikator']} "
                     f"({_persen(t['_nilai'])} %).")
        baris.append({"jenis": fn.JENIS_PERHATIAN[2], "kelompok": r["kelompok"],
                      "unit_kerja": r["unit_kerja"], "nilai": r["nps"],
                      "kriteria": r["kriteria_nps"],
                      "alasan": f"NPS {_persen(r['nps'])} ({r['kriteria_nps']}), di bawah "
                                f"{fn.BATAS_NPS:g}.{sebab}",
                      "lihat": (f"Matriks Capaian baris {fn.MATRIKS.baris_header + 1 + m[0]}-"
                                f"{fn.MATRIKS.baris_header + 1 + m[-1]}" if len(m) else
                                f"Ringkasan baris {fn.RINGKASAN.baris_header + 1 + i}"),
                      "_tautan": (_alamat(fn.MATRIKS, int(m[0]), "unit_kerja") if len(m)
                                  else _alamat(fn.RINGKASAN, i, "unit_kerja")),
                      "_urut": (2, _URUT_KELOMPOK[r["kelompok"]], float(r["nps"]))})
    nilai = matriks["_nilai"].to_numpy(dtype=float)
    rendah_c = matriks[~np.isnan(nilai) & (bulatkan_array(nilai, 2) < fn.BATAS_CAPAIAN)]
    for i, r in rendah_c.iterrows():
        c = r["_nilai"]
        baris.append({"jenis": fn.JENIS_PERHATIAN[3], "kelompok": r["kelompok"],
                      "unit_kerja": r["unit_kerja"], "kode_indikator": r["kode_indikator"],
                      "indikator": r["indikator"], "nilai": c, "kriteria": r["kriteria_periode"],
                      "alasan": f"Capaian periode {_persen(c)} %: realisasi "
                                f"{_tampil(r['realisasi'])} terhadap target {bulan} "
                                f"{_tampil(r['target_periode'])} (berkas "
                                f"{Path(r['berkas']).name}, sheet Realisasi).",
                      "lihat": f"Matriks Capaian baris {fn.MATRIKS.baris_header + 1 + i}",
                      "_tautan": _alamat(fn.MATRIKS, i, "capaian_periode"),
                      "_urut": (3, _URUT_KELOMPOK.get(r["kelompok"], 9), float(c))})
    baris.sort(key=lambda b: b["_urut"])
    df = pd.DataFrame(baris, columns=[*fn.PERHATIAN.ids, "_tautan", "_urut"])
    return df.drop(columns=["_urut"]).rename(columns={"_tautan": "_tautan_lihat"})


def _urut_kode(kode: object) -> tuple:
    """'2.01' sebelum '10.01': urut angka per bagian."""
    return tuple(int(x) if x.isdigit() else 10**6 for x in str(kode).split("."))


def _tampil(v) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "-"
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return format_angka(float(v), None)
    return str(v)


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
                        "median": median_capaian(ada),
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


def _tren(tahun, periode, ring, ind_ini, tren: dict[int, PeriodeTren], unit_ref):
    """Tabel Tren: NPS per kelompok dan per unit, median capaian per kode indikator, setiap
    periode tahun itu s.d. periode buku yang punya kiriman diterima."""
    per_periode: dict[int, tuple[pd.Series, pd.DataFrame]] = {}
    if len(ind_ini):
        per_periode[periode] = (ring.set_index("kode_unit")["nps"].dropna(), ind_ini)
    for p, pt in tren.items():
        if p >= periode or not pt.kiriman:
            continue
        ind, _ = _capaian(pt.kiriman, pt.data)
        if len(ind):
            per_periode[p] = (_nps_per_unit(ind)[0], ind)
    daftar = sorted(per_periode)
    kelompok_unit = {u.kode: u.kelompok for u in daftar_unit()}
    jumlah_ref = pd.Series(kelompok_unit).value_counts()
    baris_k = []
    nasional: dict[int, float] = {}
    for kel in (fn.LABEL_SEMUA, "Pusat", "Balai", "Loka"):
        rata, jumlah = {}, {}
        for p in daftar:
            nps = per_periode[p][0]
            if kel != fn.LABEL_SEMUA:
                nps = nps[[kelompok_unit.get(k) == kel for k in nps.index]]
            else:
                nps = nps[[kelompok_unit.get(k) != "BPOM" for k in nps.index]]
            rata[fn.id_periode(p)] = nps_nasional(nps.to_numpy(object))
            jumlah[fn.id_periode(p)] = int(len(nps))
            if kel == fn.LABEL_SEMUA:
                nasional[p] = rata[fn.id_periode(p)]
        n_ref = int(jumlah_ref.drop("BPOM", errors="ignore").sum()) if kel == fn.LABEL_SEMUA \
            else int(jumlah_ref.get(kel, 0))
        baris_k.append({"kelompok": kel, "ukuran": fn.UKURAN_TREN[0], "jumlah_unit": n_ref,
                        **rata})
        baris_k.append({"kelompok": kel, "ukuran": fn.UKURAN_TREN[1], "jumlah_unit": n_ref,
                        **jumlah, "_format_periode": fn.FORMAT_JUMLAH})
    # urutkan: NPS per kelompok dulu (sumber grafik), lalu jumlah unit
    baris_k = baris_k[0::2] + baris_k[1::2]
    baris_u = []
    for _, r in ring.iterrows():
        nilai = {fn.id_periode(p): per_periode[p][0].get(r["kode_unit"], np.nan) for p in daftar}
        if r["status"] != "diterima" and all(math.isnan(v) for v in nilai.values()):
            continue
        baris_u.append({"kelompok": r["kelompok"], "unit_kerja": r["unit_kerja"],
                        "status": r["status"], **nilai})
    baris_i = []
    semua = pd.concat([per_periode[p][1].assign(_p=p) for p in daftar], ignore_index=True) \
        if daftar else pd.DataFrame(columns=["kode_indikator", "indikator", "kode_unit", "_p",
                                             "capaian_periode"])
    if len(semua):
        semua = semua[semua["kode_indikator"].notna()].assign(
            _teks=lambda d: d["indikator"].map(kunci_teks))
        for (kode, _), g in sorted(semua.groupby(["kode_indikator", "_teks"], sort=False),
                                   key=lambda kv: (_urut_kode(kv[0][0]), kv[0][1])):
            if g["kode_unit"].nunique() < MIN_UNIT_INDIKATOR:
                continue
            baris_i.append({
                "kode_indikator": kode, "indikator": g["indikator"].iat[0],
                "jumlah_unit": int(g.loc[g["_p"] == daftar[-1], "kode_unit"].nunique()),
                **{fn.id_periode(p): median_capaian(g.loc[g["_p"] == p, "capaian_periode"]
                                                    .to_numpy(object)) for p in daftar}})
    return (pd.DataFrame(baris_k, columns=[*fn.TREN_KELOMPOK.ids, "_format_periode"]),
            _lembar(fn.TREN_UNIT, baris_u),
            _lembar(fn.TREN_INDIKATOR, baris_i), daftar, nasional)


def hitung_buku(tahun: int, periode: int, kiriman: list[KirimanTercatat],
                data: dict[str, pd.DataFrame], ditolak: list[KirimanTercatat],
                tren: dict[int, PeriodeTren] | None = None,
                terakhir: dict[str, int] | None = None) -> BukuNasional:
    """Susun semua lembar buku nasional dari kiriman yang dipakai dan datanya
    (:meth:`Riwayat.data`). ``tren``: kiriman dipakai dan data periode lain tahun itu (sheet
    Tren); ``terakhir``: kode unit → periode kiriman diterima terakhirnya tahun itu (alasan
    "belum mengirim")."""
    tren = tren or {}
    unit_ref = {u.kode: u for u in daftar_unit()}
    ind, info = _capaian(kiriman, data)
    ring = _ringkasan(ind, data, info, kiriman, ditolak, tahun, periode, terakhir or {})
    t_kel, t_unit, t_ind, daftar_tren, nasional = _tren(tahun, periode, ring, ind, tren,
                                                        unit_ref)
    matriks = _matriks(ind, ring, unit_ref)
    tolak = _lembar(fn.DITOLAK, [
        {"berkas": k.berkas, "unit_kerja": k.unit,
         "unit_dikenali": (lambda d: (d[0].nama + (" (saran nama)" if d[1] else ""))
                           if d else None)(unit_ditolak(k)),
         "tahun": k.tahun, "periode": k.periode,
         "diterima": waktu_tampil(k.diterima_pada), "aturan": t.get("rule"),
         "sheet": t.get("sheet"), "sel": t.get("cell"), "pesan": t.get("message")}
        for k in ditolak for t in (k.temuan_kesalahan or [{}])])
    sumber = _lembar(fn.SUMBER, [
        {"unit_kerja": k.unit, "tahun": k.tahun, "periode": k.periode, "berkas": k.berkas,
         "sha256": k.sha256, "diterima": waktu_tampil(k.diterima_pada),
         "diubah": waktu_tampil(k.diubah_pada), "satuan_anggaran": k.satuan_anggaran,
         "peringatan": k.peringatan} for k in kiriman])
    per_kriteria = _lembar(fn.GRAFIK, {"kriteria_nps": list(fn.LABEL_KRITERIA),
                                       "jumlah_unit": [int((ring["kriteria_nps"] == lbl).sum())
                                                       for lbl in fn.LABEL_KRITERIA]})
    grafik = ring[(ring["status"] == "diterima") & ring["nps"].notna()].sort_values(
        ["nps", "unit_kerja"], kind="stable")
    grafik_nps = _lembar(fn.GRAFIK_NPS, {
        "unit_kerja": [fn.nama_pendek(n) for n in grafik["unit_kerja"]],
        "kelompok": list(grafik["kelompok"]), "nps": list(grafik["nps"]),
        "acuan": [fn.ACUAN] * len(grafik)})
    lembar = {"total": _total(ring, periode, nasional),
              "ringkasan": ring, "perhatian": _perhatian(ring, matriks, tolak, ditolak, tahun,
                                                         periode),
              "tren_kelompok": t_kel, "tren_unit": t_unit, "tren_indikator": t_ind,
              "grafik_nps": grafik_nps, "per_kriteria": per_kriteria,
              "matriks": matriks, "indikator": _sebaran(ind), "peringkat": _peringkat(ring),
              "ditolak": tolak, "sumber": sumber}
    assert set(lembar) == {s.id for s in fn.BUKU}, "setiap lembar spec harus dihitung"
    return BukuNasional(tahun, periode, lembar, daftar_tren)
