"""Pemeriksaan lintas tabel (pandas/numpy) atas tumpukan banyak berkas: kunci, pola target,
anggaran dan realisasi. Aturannya di domain.md; pesan menyebut apa yang salah dan cara
memperbaikinya.

Semua pemeriksaan bekerja atas seluruh tumpukan sekaligus (matriks baris × 12 bulan,
agregat per kelompok); perulangan Python hanya untuk menyusun pesan baris yang bermasalah.
"""
from __future__ import annotations

from functools import partial

import numpy as np
import pandas as pd

from ..calc.parse import bulatkan_array, format_angka
from ..calc.rules import normalisasi_jenis_target
from ..format.spec import BULAN_REALISASI, BULAN_TARGET, POLA_KODE_INDIKATOR
from .temuan import Temuan
from .tumpukan import ST, Tumpukan

__all__ = ["periksa_silang"]

TOL = 0.01  # selisih anggaran yang masih dianggap sama (pembulatan sen)
EPS = 1e-9
_TERBACA = ("ok", "teks", "opini")
_KUNCI = ["_f", "Kode Indikator"]
_BULAN = np.arange(1, 13)


#: angka di pesan: tanpa desimal bila bulat, selain itu 2 desimal
_f = partial(format_angka, desimal=None)


class _Kumpul:
    def __init__(self):
        self.hasil: list[tuple[int, Temuan]] = []

    def tambah(self, tp: Tumpukan, idx, kolom: str, aturan: str, pesan: str) -> None:
        f = int(tp.df.at[idx, "_f"])
        self.hasil.append((f, Temuan(aturan, tp.sheet.get(f) or tp.spec.sheet,
                                     tp.sel(idx, kolom), pesan)))


def _terbaca(df: pd.DataFrame, kolom: str) -> pd.Series:
    return df[kolom + ST].isin(_TERBACA)


def _matriks(df: pd.DataFrame, kolom) -> tuple[np.ndarray, np.ndarray]:
    """(nilai, terisi) baris × bulan; nilai NaN di sel yang tidak terbaca sebagai angka."""
    nilai = df[list(kolom)].to_numpy(dtype=float)
    terisi = np.isin(df[[k + ST for k in kolom]].to_numpy(dtype=object), _TERBACA)
    return np.where(terisi, nilai, np.nan), terisi


def _pertama(mask: np.ndarray):
    """Pasangan (baris, kolom True pertamanya) untuk setiap baris yang punya True."""
    baris = np.flatnonzero(mask.any(axis=1))
    return zip(baris, mask.argmax(axis=1)[baris])


def _sebelumnya(nilai: np.ndarray) -> np.ndarray:
    """Nilai terisi terakhir sebelum setiap bulan (NaN bila belum ada)."""
    ff = pd.DataFrame(nilai).ffill(axis=1).to_numpy()
    return np.hstack([np.full((len(nilai), 1), np.nan), ff[:, :-1]])


def _info_pk(pk: pd.DataFrame) -> pd.DataFrame:
    d = pk[pk["Kode Indikator"].notna()].drop_duplicates(_KUNCI)
    info = d[[*_KUNCI, "Jenis Target", "Satuan", "Indikator", "Target", "Target|st"]].copy()
    info["jenis"] = info["Jenis Target"].map(normalisasi_jenis_target)
    info["target"] = np.where(info["Target|st"].isin(_TERBACA), info["Target"], np.nan)
    info["bagian"] = (info["Satuan"].astype(str).str.strip().eq("%")
                      & info["Indikator"].astype(str).str.strip().str.lower()
                      .str.startswith("persentase"))
    return info.drop(columns=["Jenis Target", "Target", "Target|st"]).rename(
        columns={"Indikator": "_indikator", "Satuan": "_satuan"})


def _gabung_pk(df: pd.DataFrame, info: pd.DataFrame) -> pd.DataFrame:
    """Baris ``df`` (berkode) dengan info PK-nya; indeks asli di kolom ``idx``."""
    d = df[df["Kode Indikator"].notna()]
    return d.reset_index(names="idx").merge(info, on=_KUNCI, how="inner")


# --------------------------------------------------------------------------------------
# Kunci
# --------------------------------------------------------------------------------------

def _kunci_tabel(tp: dict[str, Tumpukan], out: _Kumpul) -> None:
    pk = tp["pk"].df
    ada_kode = pk["Kode Indikator"].notna()
    kunci_pk = set(pk[ada_kode]["_k"])
    for nama in ("pk", "rapk", "realisasi"):
        t = tp[nama]
        d = t.df[t.df["Kode Indikator"].notna()]
        ganda = d[d.duplicated(_KUNCI, keep="first")]
        if ganda.empty:
            continue
        pertama = d.drop_duplicates(_KUNCI).set_index(_KUNCI)["_r"]
        for idx, f, kode in zip(ganda.index, ganda["_f"], ganda["Kode Indikator"]):
            out.tambah(t, idx, "Kode Indikator", "kode-ganda",
                       f"Kode Indikator {kode} sudah dipakai di baris {pertama[(f, kode)]}: setiap "
                       f"indikator hanya boleh satu baris di sheet {t.spec.sheet}. Hapus atau "
                       "perbaiki kodenya.")
    for nama in ("rapk", "anggaran", "realisasi", "pembilang"):
        t = tp[nama]
        d = t.df[t.df["Kode Indikator"].notna()]
        asing = d.index[~d["_k"].isin(kunci_pk)]
        for idx in asing:
            out.tambah(t, idx, "Kode Indikator", "kode-tidak-di-pk",
                       f"Kode Indikator {d.at[idx, 'Kode Indikator']} tidak ada di sheet PK. "
                       "Tambahkan indikatornya di PK atau perbaiki kodenya.")
    # indikator PK tanpa baris RAPK (kode yang salah bentuk sudah dilaporkan sendiri)
    sah = pk[ada_kode & pk["Kode Indikator"].astype(str).str.match(POLA_KODE_INDIKATOR)]
    rapk = tp["rapk"].df
    ada = set(rapk[rapk["Kode Indikator"].notna()]["_k"])
    for idx in sah.index[~sah["_k"].isin(ada)]:
        out.tambah(tp["pk"], idx, "Kode Indikator", "pk-tidak-di-rapk",
                   f"Indikator {pk.at[idx, 'Kode Indikator']} ada di PK tetapi tidak punya baris di "
                   "sheet RAPK (target bulanan dan anggaran). Tambahkan barisnya di RAPK.")
    # satu No Sasaran, satu teks sasaran
    d = pk[pk["No Sasaran"].notna() & pk["Sasaran"].notna()]
    if not d.empty:
        g = d.groupby(["_f", "No Sasaran"], sort=False)
        acuan, baris_acuan = g["Sasaran"].transform("first"), g["_r"].transform("first")
        for idx in d.index[d["Sasaran"] != acuan]:
            out.tambah(tp["pk"], idx, "Sasaran", "sasaran-tidak-konsisten",
                       f"Sasaran nomor {int(d.at[idx, 'No Sasaran'])} ditulis berbeda dengan baris "
                       f"{baris_acuan[idx]} ('{acuan[idx]}'). Satu nomor sasaran harus satu teks "
                       "sasaran.")


# --------------------------------------------------------------------------------------
# Anggaran
# --------------------------------------------------------------------------------------

def _anggaran(tp: dict[str, Tumpukan], out: _Kumpul) -> None:
    t = tp["anggaran"]
    a = t.df
    kolom_baris = [*_KUNCI, "Kode RO", "Komponen", "Sub Komponen"]
    d = a[a["Kode RO"].notna()]
    for idx in d.index[d.duplicated(kolom_baris, keep="first")]:
        out.tambah(t, idx, "Kode Indikator", "baris-anggaran-ganda",
                   f"Baris anggaran ganda: indikator {a.at[idx, 'Kode Indikator']}, RO "
                   f"{a.at[idx, 'Kode RO']}, {a.at[idx, 'Komponen'] or '-'}, "
                   f"{a.at[idx, 'Sub Komponen'] or '-'} sudah ada di baris sebelumnya. Hapus "
                   "salah satunya.")
    # nomor urut per indikator: 1, 2, 3, ... (laporkan lompatan pertama)
    no = a[_terbaca(a, "No") & a["Kode Indikator"].notna()]
    if not no.empty:
        harap = no.groupby(_KUNCI, sort=False).cumcount() + 1
        salah = no["No"] != harap
        pertama = salah & (salah.groupby([no["_f"], no["Kode Indikator"]]).cumsum() == 1)
        for idx in no.index[pertama]:
            out.tambah(t, idx, "No", "nomor-urut",
                       f"Nomor urut {_f(a.at[idx, 'No'])} untuk indikator "
                       f"{a.at[idx, 'Kode Indikator']} seharusnya {harap[idx]} (sebelumnya "
                       f"{harap[idx] - 1}).")
    kontr_ok, pagu_ok = _terbaca(a, "Kontribusi"), _terbaca(a, "Pagu")
    for idx in a.index[kontr_ok & pagu_ok & (a["Kontribusi"] > a["Pagu"] + TOL)]:
        out.tambah(t, idx, "Kontribusi", "kontribusi-lebih-pagu",
                   f"Kontribusi {_f(a.at[idx, 'Kontribusi'])} lebih besar dari Pagu sub komponennya "
                   f"({_f(a.at[idx, 'Pagu'])}). Kontribusi adalah bagian Pagu untuk indikator ini.")
    ra_ok = _terbaca(a, "Realisasi Anggaran")
    for idx in a.index[kontr_ok & ra_ok & (a["Realisasi Anggaran"] > a["Kontribusi"] + TOL)]:
        out.tambah(t, idx, "Realisasi Anggaran", "realisasi-anggaran-lebih",
                   f"Realisasi Anggaran {_f(a.at[idx, 'Realisasi Anggaran'])} lebih besar dari "
                   f"Kontribusi {_f(a.at[idx, 'Kontribusi'])}.")
    _sub_komponen(t, a[kontr_ok & pagu_ok & a["Kode RO"].notna() & a["Komponen"].notna()
                       & a["Sub Komponen"].notna()], out)
    # Anggaran RAPK = Σ Kontribusi
    r = tp["rapk"]
    rd = r.df[_terbaca(r.df, "Anggaran") & r.df["Kode Indikator"].notna()]
    berkode = a[a["Kode Indikator"].notna()]
    jumlah = berkode.loc[kontr_ok].groupby("_k")["Kontribusi"].sum()
    kunci_rd = rd["_k"]
    total = kunci_rd.map(jumlah).fillna(0.0).to_numpy(dtype=float)
    beda = np.abs(total - rd["Anggaran"].to_numpy()) > TOL
    punya = kunci_rd.isin(set(berkode["_k"])).to_numpy()
    for idx, tot, ada in zip(rd.index[beda], total[beda], punya[beda]):
        kode, ang = rd.at[idx, "Kode Indikator"], rd.at[idx, "Anggaran"]
        if not ada:
            pesan = (f"Anggaran indikator {kode} {_f(ang)}, tetapi indikator ini tidak punya "
                     "baris di sheet Anggaran. Tambahkan rincian RO/komponen/sub komponennya.")
        else:
            pesan = (f"Anggaran indikator {kode} {_f(ang)} tidak sama dengan jumlah Kontribusi "
                     f"barisnya di sheet Anggaran ({_f(tot)}; selisih {_f(ang - tot)}).")
        out.tambah(r, idx, "Anggaran", "anggaran-beda-kontribusi", pesan)


def _sub_komponen(t: Tumpukan, g: pd.DataFrame, out: _Kumpul) -> None:
    """Satu sub komponen (RO, komponen, sub komponen) untuk beberapa indikator: satu Pagu,
    dan jumlah Kontribusinya sama dengan Pagu."""
    if g.empty:
        return
    kunci = ["_f", "Kode RO", "Komponen", "Sub Komponen"]
    grup = g.assign(_idx=g.index).groupby(kunci, sort=False)
    ringkas = grup.agg(idx0=("_idx", "first"), pagu=("Pagu", "first"), pmin=("Pagu", "min"),
                       pmax=("Pagu", "max"), total=("Kontribusi", "sum"), n=("Pagu", "size"))
    beda_pagu = (ringkas["pmax"] - ringkas["pmin"]) > TOL
    posisi = grup.indices
    for k in ringkas.index[beda_pagu]:  # satu temuan per sub komponen, di baris yang berbeda
        baris = g.index[posisi[k]]
        pagu = ringkas.at[k, "pagu"]
        idx = next(i for i in baris if abs(g.at[i, "Pagu"] - pagu) > TOL)
        out.tambah(t, idx, "Pagu", "pagu-tidak-konsisten",
                   f"Sub komponen {k[1]} / {k[2]} / {k[3]} ditulis dengan Pagu "
                   f"{_f(g.at[idx, 'Pagu'])} di sini dan {_f(pagu)} di baris "
                   f"{g.at[ringkas.at[k, 'idx0'], '_r']}. Samakan Pagu-nya.")
    lebih = ~beda_pagu & (ringkas["total"] > ringkas["pagu"] + TOL) & (ringkas["n"] > 1)
    kurang = ~beda_pagu & (ringkas["total"] < ringkas["pagu"] - TOL)
    for k in ringkas.index[lebih | kurang]:
        i0, pagu, total = ringkas.at[k, "idx0"], ringkas.at[k, "pagu"], ringkas.at[k, "total"]
        ind = ", ".join(str(x) for x in g.loc[g.index[posisi[k]], "Kode Indikator"])
        if total > pagu:
            out.tambah(t, i0, "Pagu", "pagu-terhitung-ganda",
                       f"Sub komponen {k[1]} / {k[3]}: jumlah Kontribusi untuk indikator {ind} = "
                       f"{_f(total)}, lebih besar dari Pagu {_f(pagu)} (anggaran terhitung dua "
                       "kali). Kurangi Kontribusinya.")
        else:
            out.tambah(t, i0, "Pagu", "pagu-tidak-teratribusi",
                       f"Sub komponen {k[1]} / {k[3]}: jumlah Kontribusi ({ind}) = {_f(total)} "
                       f"dari Pagu {_f(pagu)}; {_f(pagu - total)} belum diatribusikan ke indikator "
                       "mana pun.")


# --------------------------------------------------------------------------------------
# Target
# --------------------------------------------------------------------------------------

def _target(tp: dict[str, Tumpukan], out: _Kumpul, info: pd.DataFrame) -> None:
    r = tp["rapk"]
    m = _gabung_pk(r.df, info)
    if not m.empty:
        _pola_target(r, m, out)
    _baris_bergeser(r, out)


def _pola_target(r: Tumpukan, m: pd.DataFrame, out: _Kumpul) -> None:
    val, isi = _matriks(m, BULAN_TARGET)
    n = len(m)
    jenis = m["jenis"].to_numpy(dtype=object)
    target = m["target"].to_numpy(dtype=float)
    idx, kode = m["idx"].to_numpy(), m["Kode Indikator"].to_numpy(dtype=object)
    ada = isi.any(axis=1)
    tetap, kum, akhir = jenis == "Tetap", jenis == "Kumulatif", jenis == "Akhir Tahun"
    ada_target = ~np.isnan(target)

    for i in np.flatnonzero(~ada & pd.notna(jenis)):
        out.tambah(r, idx[i], "B12", "target-kosong",
                   f"Indikator {kode[i]} tidak punya target bulanan (B01–B12 kosong). Isi target "
                   "bulan-bulan yang bertarget.")
    for i, j in _pertama(isi & (val > 100) & m["bagian"].to_numpy(dtype=bool)[:, None]):
        out.tambah(r, idx[i], BULAN_TARGET[j], "target-melebihi-100",
                   f"Target {BULAN_TARGET[j]} indikator {kode[i]} = {_f(val[i, j])}, padahal "
                   "indikator ini persentase (paling besar 100).")
    di_antara = (np.cumsum(isi, axis=1) > 0) & (np.cumsum(isi[:, ::-1], axis=1)[:, ::-1] > 0)
    for i, j in _pertama(di_antara & ~isi):
        out.tambah(r, idx[i], BULAN_TARGET[j], "target-bolong",
                   f"Target indikator {kode[i]} terputus: {BULAN_TARGET[j]} kosong di antara "
                   "bulan yang bertarget. Isi targetnya atau pastikan memang tidak ada target.")
    # B12 seperti jumlah setelah persentase (pola PJAS/desa/pasar)
    sebelum = np.where(isi[:, :11], val[:, :11], -np.inf).max(axis=1)
    jumlah = isi[:, 11] & (sebelum >= 10) & (val[:, 11] <= 0.25 * sebelum)
    for i in np.flatnonzero(jumlah):
        out.tambah(r, idx[i], "B12", "b12-seperti-jumlah",
                   f"B12 indikator {kode[i]} = {_f(val[i, 11])} setelah target {_f(sebelum[i])} di "
                   f"bulan sebelumnya: tampak seperti jumlah ({m['_satuan'].iat[i]}) "
                   "setelah persentase. Samakan satuan B01–B12 dengan satuan indikator.")
    # Tetap: sama setiap bulan dan sama dengan Target
    with np.errstate(all="ignore"):
        rentang = np.nanmax(np.where(isi, val, -np.inf), axis=1) - np.nanmin(
            np.where(isi, val, np.inf), axis=1)
    bervariasi = tetap & ada & (rentang > EPS)
    for i in np.flatnonzero(bervariasi):
        bulan = np.flatnonzero(isi[i])
        acuan = pd.Series(val[i, bulan]).mode().iloc[0]
        j = bulan[np.abs(val[i, bulan] - acuan) > EPS][0]
        out.tambah(r, idx[i], BULAN_TARGET[j], "tetap-bervariasi",
                   f"Indikator {kode[i]} berjenis Tetap, tetapi target {BULAN_TARGET[j]} = "
                   f"{_f(val[i, j])} berbeda dari bulan lain ({_f(acuan)}). Target Tetap sama "
                   "setiap bulan.")
    pertama_isi = isi.argmax(axis=1)
    nilai_pertama = val[np.arange(n), pertama_isi]
    for i in np.flatnonzero(tetap & ada & ~bervariasi & ada_target
                            & (np.abs(nilai_pertama - target) > EPS)):
        out.tambah(r, idx[i], BULAN_TARGET[pertama_isi[i]], "tetap-beda-target",
                   f"Target bulanan indikator {kode[i]} ({_f(nilai_pertama[i])}) berbeda dari Target "
                   f"tahunan di PK ({_f(target[i])}). Untuk jenis Tetap keduanya sama.")
    # Kumulatif: tidak turun, B12 = Target
    sblm = _sebelumnya(val)
    turun = isi & (val < sblm - EPS) & kum[:, None]
    turun[:, 11] &= ~jumlah
    for i, j in _pertama(turun):
        out.tambah(r, idx[i], BULAN_TARGET[j], "kumulatif-turun",
                   f"Indikator {kode[i]} berjenis Kumulatif, tetapi target {BULAN_TARGET[j]} "
                   f"({_f(val[i, j])}) lebih kecil dari bulan sebelumnya ({_f(sblm[i, j])}). "
                   "Target Kumulatif tidak boleh turun.")
    for i in np.flatnonzero(kum & ada & ada_target
                            & (~isi[:, 11] | (np.abs(val[:, 11] - target) > EPS))):
        isi12 = _f(val[i, 11]) if isi[i, 11] else "kosong"
        out.tambah(r, idx[i], "B12", "kumulatif-b12-beda-target",
                   f"B12 indikator {kode[i]} ({isi12}) harus sama dengan Target tahunan di PK "
                   f"({_f(target[i])}) untuk jenis Kumulatif.")
    # Akhir Tahun: hanya B12
    for i, j in _pertama(isi[:, :11] & akhir[:, None]):
        out.tambah(r, idx[i], BULAN_TARGET[j], "akhir-tahun-sebelum-b12",
                   f"Indikator {kode[i]} berjenis Akhir Tahun, tetapi bertarget di "
                   f"{BULAN_TARGET[j]}. Indikator Akhir Tahun hanya bertarget di B12; ubah "
                   "jenisnya atau kosongkan bulan sebelumnya.")
    for i in np.flatnonzero(akhir & ada_target & isi[:, 11] & (np.abs(val[:, 11] - target) > EPS)):
        out.tambah(r, idx[i], "B12", "akhir-tahun-beda-target",
                   f"B12 indikator {kode[i]} ({_f(val[i, 11])}) berbeda dari Target tahunan di PK "
                   f"({_f(target[i])}).")


def _baris_bergeser(r: Tumpukan, out: _Kumpul) -> None:
    """Angka di kolom tambahan kanan tabel RAPK: baris bergeser (13 angka untuk 12 bulan)."""
    d = r.df[r.df["Kode Indikator"].notna()]
    for c in [c for c in r.mentah.columns if c not in r.spec.semua_header and not c.startswith("_")]:
        kol = r.mentah.loc[d.index, c]
        angka = kol.map(lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and v == v)
        for idx in kol.index[angka.to_numpy(dtype=bool)]:
            out.tambah(r, idx, c, "baris-bergeser",
                       f"Ada angka {_f(kol[idx])} di kolom '{c}' di kanan kolom Anggaran (indikator "
                       f"{d.at[idx, 'Kode Indikator']}): baris ini tampaknya bergeser satu kolom "
                       "(angka berlebih untuk 12 bulan). Geser target B01–B12 dan Anggaran ke "
                       "kolom yang benar.")


# --------------------------------------------------------------------------------------
# Realisasi
# --------------------------------------------------------------------------------------

def _isi_target(rapk: pd.DataFrame) -> pd.DataFrame:
    """Per (berkas, kode): bulan mana yang bertarget (kolom t1..t12)."""
    rp = rapk[rapk["Kode Indikator"].notna()].drop_duplicates(_KUNCI)
    _, isi = _matriks(rp, BULAN_TARGET)
    return pd.concat([rp[_KUNCI].reset_index(drop=True),
                      pd.DataFrame(isi, columns=[f"t{b}" for b in _BULAN])], axis=1)


def _realisasi(tp: dict[str, Tumpukan], out: _Kumpul, periode: dict[int, int | None],
               info: pd.DataFrame) -> None:
    re_, pk = tp["realisasi"], tp["pk"].df
    isi_t = _isi_target(tp["rapk"].df)
    kolom_t = [f"t{b}" for b in _BULAN]
    d = re_.df[re_.df["Kode Indikator"].notna()].drop_duplicates(_KUNCI)
    m = _gabung_pk(d, info).merge(isi_t, on=_KUNCI, how="left")
    if not m.empty:
        _bulan_realisasi(re_, m, kolom_t, out, periode)
    # indikator PK tanpa baris realisasi, padahal sudah ada bulan bertarget s.d. Periode
    p = pk[pk["Kode Indikator"].notna()].reset_index(names="idx").merge(isi_t, on=_KUNCI, how="inner")
    p = p.merge(info[[*_KUNCI, "jenis"]], on=_KUNCI, how="left")
    p = p[~p["_k"].isin(set(d["_k"]))]
    if not p.empty:
        per = p["_f"].map(periode).to_numpy(dtype=float)
        perlu = (p[kolom_t].to_numpy(dtype=bool) & (_BULAN[None, :] <= per[:, None])
                 & ~((p["jenis"] == "Akhir Tahun").to_numpy()[:, None] & (_BULAN[None, :] < 12)))
        for i, j in _pertama(perlu):
            out.tambah(tp["pk"], p["idx"].iat[i], "Kode Indikator", "pk-tidak-di-realisasi",
                       f"Indikator {p['Kode Indikator'].iat[i]} belum punya baris di sheet "
                       f"Realisasi, padahal sudah bertarget sejak {BULAN_TARGET[j]}. "
                       "Tambahkan baris realisasinya.")
    _pembilang(tp, d, out)


def _bulan_realisasi(re_: Tumpukan, m: pd.DataFrame, kolom_t: list[str], out: _Kumpul,
                     periode: dict[int, int | None]) -> None:
    val, _ = _matriks(m, BULAN_REALISASI)
    kosong = m[[b + ST for b in BULAN_REALISASI]].to_numpy(dtype=object) == "kosong"
    tisi = m[kolom_t].fillna(False).to_numpy(dtype=bool)
    per = m["_f"].map(periode).to_numpy(dtype=float)
    idx, kode = m["idx"].to_numpy(), m["Kode Indikator"].to_numpy(dtype=object)
    akhir = (m["jenis"] == "Akhir Tahun").to_numpy()
    sd_periode = _BULAN[None, :] <= per[:, None]
    setelah = _BULAN[None, :] > per[:, None]
    wajib = sd_periode & tisi & kosong & ~(akhir[:, None] & (_BULAN[None, :] < 12))
    for i, j in zip(*np.nonzero(wajib)):
        b = BULAN_REALISASI[j]
        out.tambah(re_, idx[i], b, "realisasi-kosong",
                   f"Realisasi {b} indikator {kode[i]} belum diisi, padahal bulan itu bertarget "
                   f"dan sudah lewat (Periode {int(per[i])}).")
    for i, j in zip(*np.nonzero(setelah & ~kosong)):
        b = BULAN_REALISASI[j]
        out.tambah(re_, idx[i], b, "realisasi-setelah-periode",
                   f"Realisasi {b} indikator {kode[i]} terisi, padahal Periode di Info baru "
                   f"{int(per[i])}. Kosongkan bulan setelah Periode, atau perbarui Periode.")
    for i, j in _pertama((val > 100) & m["bagian"].to_numpy(dtype=bool)[:, None]):
        out.tambah(re_, idx[i], BULAN_REALISASI[j], "realisasi-tidak-wajar",
                   f"Realisasi {BULAN_REALISASI[j]} indikator {kode[i]} = {_f(val[i, j])}%, padahal "
                   "persentase bagian tidak mungkin lebih dari 100.")
    for i, j in _pertama(val < 0):
        out.tambah(re_, idx[i], BULAN_REALISASI[j], "realisasi-tidak-wajar",
                   f"Realisasi {BULAN_REALISASI[j]} indikator {kode[i]} negatif ({_f(val[i, j])}).")
    kum = (m["jenis"] == "Kumulatif").to_numpy()
    for i, j in _pertama(~np.isnan(val) & (val < _sebelumnya(val) - EPS) & kum[:, None]):
        out.tambah(re_, idx[i], BULAN_REALISASI[j], "realisasi-kumulatif-turun",
                   f"Realisasi Kumulatif indikator {kode[i]} turun di {BULAN_REALISASI[j]} "
                   "(realisasi kumulatif adalah total sejak Januari).")


def _pembilang(tp: dict[str, Tumpukan], d: pd.DataFrame, out: _Kumpul) -> None:
    """Pembilang / penyebut × 100 (dibulatkan 2 desimal) = realisasi bulan itu."""
    pb = tp["pembilang"]
    q = pb.df[pb.df["Kode Indikator"].notna() & pb.df["Pembilang"].notna()
              & pb.df["Penyebut"].notna() & pb.df["Bulan"].between(1, 12)]
    if q.empty:
        return
    for idx in q.index[q["Penyebut"] == 0]:
        out.tambah(pb, idx, "Penyebut", "penyebut-nol",
                   f"Penyebut indikator {q.at[idx, 'Kode Indikator']} bulan {int(q.at[idx, 'Bulan'])} "
                   "= 0; a / b tidak dapat dihitung.")
    q = q[q["Penyebut"] != 0]
    val, _ = _matriks(d, BULAN_REALISASI)
    posisi = pd.Series(np.arange(len(d)), index=d["_k"].to_numpy())
    pos = q["_k"].map(posisi).to_numpy(dtype=float)
    ada = ~np.isnan(pos)
    bln = q["Bulan"].to_numpy(dtype=int) - 1
    nyata = np.full(len(q), np.nan)
    nyata[ada] = val[pos[ada].astype(int), bln[ada]]
    hitung = bulatkan_array(q["Pembilang"].to_numpy(dtype=float) / q["Penyebut"].to_numpy(dtype=float) * 100)
    salah = np.isnan(nyata) | (np.abs(hitung - bulatkan_array(nyata)) > 0.005)
    for k in np.flatnonzero(salah):
        idx = q.index[k]
        kode, b = q.at[idx, "Kode Indikator"], int(q.at[idx, "Bulan"])
        if np.isnan(nyata[k]):
            pesan = (f"Pembilang/penyebut indikator {kode} bulan {b} memberi {_f(hitung[k])}, "
                     f"tetapi realisasi R{b:02d} kosong.")
        else:
            pesan = (f"{_f(q.at[idx, 'Pembilang'])} / {_f(q.at[idx, 'Penyebut'])} × 100 = "
                     f"{_f(hitung[k])}, tetapi realisasi R{b:02d} indikator {kode} = "
                     f"{_f(nyata[k])}. Samakan keduanya.")
        out.tambah(pb, idx, "Pembilang", "pembilang-tidak-cocok", pesan)


#: tabel yang harus terbaca agar sebuah kelompok pemeriksaan bermakna
_PERLU = {"kunci": {"pk", "rapk", "realisasi"}, "anggaran": {"rapk", "anggaran"},
          "target": {"pk", "rapk"}, "realisasi": {"pk", "rapk", "realisasi"}}


def _saring(tp: dict[str, Tumpukan], buang: set[int]) -> dict[str, Tumpukan]:
    if not buang:
        return tp
    return {k: Tumpukan(t.spec, t.df[~t.df["_f"].isin(buang)], t.mentah, t.huruf, t.sheet)
            for k, t in tp.items()}


def periksa_silang(tumpukan: dict[str, Tumpukan], periode: dict[int, int | None],
                   tak_terbaca: dict[int, set[str]] | None = None) -> list[tuple[int, Temuan]]:
    """Pemeriksaan lintas tabel. Berkas yang tabel perlunya tak terbaca (sheet hilang, terlalu
    besar) dilewati untuk kelompok itu: masalahnya sudah dilaporkan sekali."""
    tak_terbaca = tak_terbaca or {}
    out = _Kumpul()
    info = _info_pk(tumpukan["pk"].df)
    for nama, fungsi in (("kunci", _kunci_tabel), ("anggaran", _anggaran), ("target", _target),
                         ("realisasi", _realisasi)):
        buang = {f for f, t in tak_terbaca.items() if t & _PERLU[nama]}
        tp = _saring(tumpukan, buang)
        if nama == "realisasi":
            fungsi(tp, out, periode, info)
        elif nama == "target":
            fungsi(tp, out, info)
        else:
            fungsi(tp, out)
    return out.hasil
