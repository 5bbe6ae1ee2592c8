"""Pemeriksaan lintas tabel (pandas biasa) atas tumpukan banyak berkas: kunci, pola target,
anggaran dan realisasi. Aturannya di domain.md; pesan menyebut apa yang salah dan cara
memperbaikinya."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..calc.parse import bulatkan_array, format_angka
from ..calc.rules import normalisasi_jenis_target
from ..format.spec import BULAN_REALISASI, BULAN_TARGET, POLA_KODE_INDIKATOR
from .temuan import Temuan
from .tumpukan import ST, Tumpukan

__all__ = ["periksa_silang"]

TOL = 0.01  # selisih anggaran yang masih dianggap sama (pembulatan sen)
_TERBACA = ("ok", "teks", "opini")


def _f(x: float) -> str:
    return format_angka(x, 0 if float(x).is_integer() else 2)


class _Kumpul:
    def __init__(self):
        self.hasil: list[tuple[int, Temuan]] = []

    def tambah(self, tp: Tumpukan, idx, kolom: str, aturan: str, pesan: str,
               severity: str = "") -> None:
        f = int(tp.df.at[idx, "_f"])
        self.hasil.append((f, Temuan(aturan, tp.sheet.get(f) or tp.spec.sheet,
                                     tp.sel(idx, kolom), pesan, severity)))


def _kunci(df: pd.DataFrame) -> pd.MultiIndex:
    return pd.MultiIndex.from_arrays([df["_f"], df["Kode Indikator"]])


def _kode(k) -> str:
    return str(k) if k is not None else "(kosong)"


# --------------------------------------------------------------------------------------
# Kunci
# --------------------------------------------------------------------------------------

def _kunci_tabel(tp: dict[str, Tumpukan], out: _Kumpul) -> None:
    pk = tp["pk"].df
    ada_kode = pk["Kode Indikator"].notna()
    kunci_pk = set(zip(pk.loc[ada_kode, "_f"], pk.loc[ada_kode, "Kode Indikator"]))
    for nama in ("pk", "rapk", "realisasi"):
        t = tp[nama]
        d = t.df[t.df["Kode Indikator"].notna()]
        ganda = d[d.duplicated(["_f", "Kode Indikator"], keep="first")]
        pertama = d.drop_duplicates(["_f", "Kode Indikator"]).set_index(["_f", "Kode Indikator"])["_r"]
        for idx, f, kode in zip(ganda.index, ganda["_f"], ganda["Kode Indikator"]):
            out.tambah(t, idx, "Kode Indikator", "kode-ganda",
                       f"Kode Indikator {kode} sudah dipakai di baris {pertama[(f, kode)]}: setiap "
                       f"indikator hanya boleh satu baris di sheet {t.spec.sheet}. Hapus atau "
                       "perbaiki kodenya.")
    for nama in ("rapk", "anggaran", "realisasi", "pembilang"):
        t = tp[nama]
        d = t.df[t.df["Kode Indikator"].notna()]
        asing = [i for i, f, k in zip(d.index, d["_f"], d["Kode Indikator"]) if (f, k) not in kunci_pk]
        for idx in asing:
            out.tambah(t, idx, "Kode Indikator", "kode-tidak-di-pk",
                       f"Kode Indikator {d.at[idx, 'Kode Indikator']} tidak ada di sheet PK. "
                       "Tambahkan indikatornya di PK atau perbaiki kodenya.")
    sah = ada_kode & pk["Kode Indikator"].astype(str).str.match(POLA_KODE_INDIKATOR)
    for nama, aturan in (("rapk", "pk-tidak-di-rapk"),):
        t = tp[nama].df
        ada = set(zip(t["_f"], t["Kode Indikator"]))
        for idx in pk.index[sah]:  # kode yang salah bentuk sudah dilaporkan sendiri
            f, kode = pk.at[idx, "_f"], pk.at[idx, "Kode Indikator"]
            if (f, kode) not in ada:
                out.tambah(tp["pk"], idx, "Kode Indikator", aturan,
                           f"Indikator {kode} ada di PK tetapi tidak punya baris di sheet RAPK "
                           "(target bulanan dan anggaran). Tambahkan barisnya di RAPK.")
    # satu No Sasaran, satu teks sasaran
    d = pk[pk["No Sasaran"].notna() & pk["Sasaran"].notna()]
    pertama = d.drop_duplicates(["_f", "No Sasaran"]).set_index(["_f", "No Sasaran"])
    for idx, f, no, teks in zip(d.index, d["_f"], d["No Sasaran"], d["Sasaran"]):
        acuan = pertama.loc[(f, no)]
        if teks != acuan["Sasaran"]:
            out.tambah(tp["pk"], idx, "Sasaran", "sasaran-tidak-konsisten",
                       f"Sasaran nomor {int(no)} ditulis berbeda dengan baris {acuan['_r']} "
                       f"('{acuan['Sasaran']}'). Satu nomor sasaran harus satu teks sasaran.")


def _anggaran(tp: dict[str, Tumpukan], out: _Kumpul) -> None:
    t = tp["anggaran"]
    a = t.df
    kolom_baris = ["_f", "Kode Indikator", "Kode RO", "Komponen", "Sub Komponen"]
    d = a[a["Kode RO"].notna()]
    ganda = d[d.duplicated(kolom_baris, keep="first")]
    for idx in ganda.index:
        out.tambah(t, idx, "Kode Indikator", "baris-anggaran-ganda",
                   f"Baris anggaran ganda: indikator {a.at[idx, 'Kode Indikator']}, RO "
                   f"{a.at[idx, 'Kode RO']}, {a.at[idx, 'Komponen'] or '-'}, "
                   f"{a.at[idx, 'Sub Komponen'] or '-'} sudah ada di baris sebelumnya. Hapus "
                   "salah satunya.")
    # nomor urut per indikator: 1, 2, 3, ...
    no = a[a["No|st"].isin(_TERBACA) & a["Kode Indikator"].notna()]
    for (_, kode), g in no.groupby(["_f", "Kode Indikator"], sort=False):
        harap = 1
        for idx, v in zip(g.index, g["No"]):
            if v != harap:
                out.tambah(t, idx, "No", "nomor-urut",
                           f"Nomor urut {_f(v)} untuk indikator {kode} seharusnya {harap} "
                           f"(sebelumnya {harap - 1}).")
                break
            harap += 1
    kontr_ok = a["Kontribusi|st"].isin(_TERBACA)
    pagu_ok = a["Pagu|st"].isin(_TERBACA)
    # Kontribusi > Pagu
    lebih = a[kontr_ok & pagu_ok & (a["Kontribusi"] > a["Pagu"] + TOL)]
    for idx in lebih.index:
        out.tambah(t, idx, "Kontribusi", "kontribusi-lebih-pagu",
                   f"Kontribusi {_f(a.at[idx, 'Kontribusi'])} lebih besar dari Pagu sub komponennya "
                   f"({_f(a.at[idx, 'Pagu'])}). Kontribusi adalah bagian Pagu untuk indikator ini.")
    # Realisasi Anggaran > Kontribusi
    ra_ok = a["Realisasi Anggaran|st"].isin(_TERBACA)
    lebih = a[kontr_ok & ra_ok & (a["Realisasi Anggaran"] > a["Kontribusi"] + TOL)]
    for idx in lebih.index:
        out.tambah(t, idx, "Realisasi Anggaran", "realisasi-anggaran-lebih",
                   f"Realisasi Anggaran {_f(a.at[idx, 'Realisasi Anggaran'])} lebih besar dari "
                   f"Kontribusi {_f(a.at[idx, 'Kontribusi'])}.")
    # sub komponen bersama: Σ Kontribusi = Pagu
    g = a[kontr_ok & pagu_ok & a["Kode RO"].notna() & a["Komponen"].notna()
          & a["Sub Komponen"].notna()]
    kunci = ["_f", "Kode RO", "Komponen", "Sub Komponen"]
    for _, grup in g.groupby(kunci, sort=False):
        idx0 = grup.index[0]
        pagu = grup["Pagu"].iloc[0]
        beda = grup[(grup["Pagu"] - pagu).abs() > TOL]
        if len(beda):
            idx = beda.index[0]
            out.tambah(t, idx, "Pagu", "pagu-tidak-konsisten",
                       f"Sub komponen {grup.at[idx0, 'Kode RO']} / {grup.at[idx0, 'Komponen']} / "
                       f"{grup.at[idx0, 'Sub Komponen']} ditulis dengan Pagu {_f(a.at[idx, 'Pagu'])} "
                       f"di sini dan {_f(pagu)} di baris {a.at[idx0, '_r']}. Samakan Pagu-nya.")
            continue
        total = grup["Kontribusi"].sum()
        ind = ", ".join(str(k) for k in grup["Kode Indikator"])
        if total > pagu + TOL and len(grup) > 1:  # satu baris: kontribusi-lebih-pagu
            out.tambah(t, idx0, "Pagu", "pagu-terhitung-ganda",
                       f"Sub komponen {grup.at[idx0, 'Kode RO']} / {grup.at[idx0, 'Sub Komponen']}: "
                       f"jumlah Kontribusi untuk indikator {ind} = {_f(total)}, lebih besar dari "
                       f"Pagu {_f(pagu)} (anggaran terhitung dua kali). Kurangi Kontribusinya.")
        elif total < pagu - TOL:
            out.tambah(t, idx0, "Pagu", "pagu-tidak-teratribusi",
                       f"Sub komponen {grup.at[idx0, 'Kode RO']} / {grup.at[idx0, 'Sub Komponen']}: "
                       f"jumlah Kontribusi ({ind}) = {_f(total)} dari Pagu {_f(pagu)}; "
                       f"{_f(pagu - total)} belum diatribusikan ke indikator mana pun.")
    # Anggaran RAPK = Σ Kontribusi
    r = tp["rapk"]
    rd = r.df[r.df["Anggaran|st"].isin(_TERBACA) & r.df["Kode Indikator"].notna()]
    jumlah = a[kontr_ok].groupby(["_f", "Kode Indikator"])["Kontribusi"].sum()
    baris = a.groupby(["_f", "Kode Indikator"]).size()
    for idx, f, kode, ang in zip(rd.index, rd["_f"], rd["Kode Indikator"], rd["Anggaran"]):
        total = float(jumlah.get((f, kode), 0.0))
        if abs(total - ang) > TOL:
            if (f, kode) not in baris.index:
                pesan = (f"Anggaran indikator {kode} {_f(ang)}, tetapi indikator ini tidak punya "
                         "baris di sheet Anggaran. Tambahkan rincian RO/komponen/sub komponennya.")
            else:
                pesan = (f"Anggaran indikator {kode} {_f(ang)} tidak sama dengan jumlah Kontribusi "
                         f"barisnya di sheet Anggaran ({_f(total)}; selisih {_f(ang - total)}).")
            out.tambah(r, idx, "Anggaran", "anggaran-beda-kontribusi", pesan)


# --------------------------------------------------------------------------------------
# Target
# --------------------------------------------------------------------------------------

def _matriks(df: pd.DataFrame, kolom) -> tuple[np.ndarray, np.ndarray]:
    nilai = df[list(kolom)].to_numpy(dtype=float)
    st = df[[k + ST for k in kolom]].to_numpy(dtype=object)
    terisi = np.isin(st, _TERBACA)
    return np.where(terisi, nilai, np.nan), terisi


def _persen_bagian(satuan, indikator) -> bool:
    return (str(satuan or "").strip() == "%" and
            str(indikator or "").strip().lower().startswith("persentase"))


def _target(tp: dict[str, Tumpukan], out: _Kumpul) -> None:
    r, pk = tp["rapk"], tp["pk"].df
    info = pk[pk["Kode Indikator"].notna()].drop_duplicates(["_f", "Kode Indikator"]).set_index(
        ["_f", "Kode Indikator"])
    d = r.df[r.df["Kode Indikator"].notna()]
    if d.empty:
        return
    m, terisi = _matriks(d, BULAN_TARGET)
    for n, idx in enumerate(d.index):
        f, kode = d.at[idx, "_f"], d.at[idx, "Kode Indikator"]
        if (f, kode) not in info.index:
            continue
        p = info.loc[(f, kode)]
        jenis = normalisasi_jenis_target(p["Jenis Target"])
        target = p["Target"] if p["Target|st"] in _TERBACA else None
        baris, isi = m[n], terisi[n]
        bulan = np.flatnonzero(isi)
        if len(bulan) == 0:
            if jenis:
                out.tambah(r, idx, "B12", "target-kosong",
                           f"Indikator {kode} tidak punya target bulanan (B01–B12 kosong). Isi "
                           "target bulan-bulan yang bertarget.")
            continue
        if _persen_bagian(p["Satuan"], p["Indikator"]) and (baris[bulan] > 100).any():
            j = bulan[np.argmax(baris[bulan] > 100)]
            out.tambah(r, idx, BULAN_TARGET[j], "target-melebihi-100",
                       f"Target {BULAN_TARGET[j]} indikator {kode} = {_f(baris[j])}, padahal "
                       "indikator ini persentase (paling besar 100).")
        lompat = [j for j in range(bulan[0], bulan[-1]) if not isin_(isi, j)]
        if lompat:
            out.tambah(r, idx, BULAN_TARGET[lompat[0]], "target-bolong",
                       f"Target indikator {kode} terputus: {BULAN_TARGET[lompat[0]]} kosong di antara "
                       "bulan yang bertarget. Isi targetnya atau pastikan memang tidak ada target.")
        seperti_jumlah = False
        if isi[11] and len(bulan) > 1:
            sebelum = baris[bulan[bulan < 11]]
            if len(sebelum) and sebelum.max() >= 10 and baris[11] <= 0.25 * sebelum.max():
                seperti_jumlah = True
                out.tambah(r, idx, "B12", "b12-seperti-jumlah",
                           f"B12 indikator {kode} = {_f(baris[11])} setelah target {_f(sebelum.max())} "
                           f"di bulan sebelumnya: tampak seperti jumlah ({p['Satuan']}) setelah "
                           "persentase. Samakan satuan B01–B12 dengan satuan indikator.")
        if jenis == "Tetap":
            nilai = baris[bulan]
            acuan = pd.Series(nilai).mode().iloc[0]
            beda = bulan[np.abs(nilai - acuan) > 1e-9]
            if len(beda):
                j = beda[0]
                out.tambah(r, idx, BULAN_TARGET[j], "tetap-bervariasi",
                           f"Indikator {kode} berjenis Tetap, tetapi target {BULAN_TARGET[j]} = "
                           f"{_f(baris[j])} berbeda dari bulan lain ({_f(acuan)}). Target Tetap sama "
                           "setiap bulan.")
            elif target is not None and abs(acuan - target) > 1e-9:
                j = bulan[0]
                out.tambah(r, idx, BULAN_TARGET[j], "tetap-beda-target",
                           f"Target bulanan indikator {kode} ({_f(acuan)}) berbeda dari Target "
                           f"tahunan di PK ({_f(target)}). Untuk jenis Tetap keduanya sama.")
        elif jenis == "Kumulatif":
            nilai = baris[bulan]
            turun = np.flatnonzero(np.diff(nilai) < -1e-9) + 1
            turun = [k for k in turun if not (seperti_jumlah and bulan[k] == 11)]
            if turun:
                j = bulan[turun[0]]
                out.tambah(r, idx, BULAN_TARGET[j], "kumulatif-turun",
                           f"Indikator {kode} berjenis Kumulatif, tetapi target {BULAN_TARGET[j]} "
                           f"({_f(baris[j])}) lebih kecil dari bulan sebelumnya "
                           f"({_f(nilai[turun[0] - 1])}). Target Kumulatif tidak boleh turun.")
            if target is not None and (not isi[11] or abs(baris[11] - target) > 1e-9):
                ada = _f(baris[11]) if isi[11] else "kosong"
                out.tambah(r, idx, "B12", "kumulatif-b12-beda-target",
                           f"B12 indikator {kode} ({ada}) harus sama dengan Target tahunan di PK "
                           f"({_f(target)}) untuk jenis Kumulatif.")
        elif jenis == "Akhir Tahun":
            awal = bulan[bulan < 11]
            if len(awal):
                j = awal[0]
                out.tambah(r, idx, BULAN_TARGET[j], "akhir-tahun-sebelum-b12",
                           f"Indikator {kode} berjenis Akhir Tahun, tetapi bertarget di "
                           f"{BULAN_TARGET[j]}. Indikator Akhir Tahun hanya bertarget di B12; "
                           "ubah jenisnya atau kosongkan bulan sebelumnya.")
            if target is not None and isi[11] and abs(baris[11] - target) > 1e-9:
                out.tambah(r, idx, "B12", "akhir-tahun-beda-target",
                           f"B12 indikator {kode} ({_f(baris[11])}) berbeda dari Target tahunan di PK "
                           f"({_f(target)}).")
    # baris bergeser: angka di kolom tambahan kanan tabel RAPK
    ekstra = [c for c in r.mentah.columns if c not in r.spec.semua_header and not c.startswith("_")]
    for c in ekstra:
        kol = r.mentah.loc[d.index, c]
        for idx, v in kol.items():
            if isinstance(v, (int, float)) and not isinstance(v, bool) and v == v:
                kode = d.at[idx, "Kode Indikator"]
                out.tambah(r, idx, c, "baris-bergeser",
                           f"Ada angka {_f(v)} di kolom '{c}' di kanan kolom Anggaran (indikator "
                           f"{kode}): baris ini tampaknya bergeser satu kolom (angka berlebih untuk "
                           "12 bulan). Geser target B01–B12 dan Anggaran ke kolom yang benar.")


def isin_(isi: np.ndarray, j: int) -> bool:
    return bool(isi[j])


# --------------------------------------------------------------------------------------
# Realisasi
# --------------------------------------------------------------------------------------

def _realisasi(tp: dict[str, Tumpukan], out: _Kumpul, periode: dict[int, int | None]) -> None:
    re_, pk, rapk = tp["realisasi"], tp["pk"].df, tp["rapk"].df
    info = pk[pk["Kode Indikator"].notna()].drop_duplicates(["_f", "Kode Indikator"]).set_index(
        ["_f", "Kode Indikator"])
    rp = rapk[rapk["Kode Indikator"].notna()].drop_duplicates(["_f", "Kode Indikator"])
    _, t_isi = _matriks(rp, BULAN_TARGET)
    target_isi = {(f, k): t_isi[i] for i, (f, k) in enumerate(zip(rp["_f"], rp["Kode Indikator"]))}
    d = re_.df[re_.df["Kode Indikator"].notna()].drop_duplicates(["_f", "Kode Indikator"])
    nilai, _ = _matriks(d, BULAN_REALISASI)
    st = d[[b + ST for b in BULAN_REALISASI]].to_numpy(dtype=object)
    ada_real = {}
    for n, idx in enumerate(d.index):
        f, kode = d.at[idx, "_f"], d.at[idx, "Kode Indikator"]
        ada_real[(f, kode)] = idx
        per = periode.get(f)
        if (f, kode) not in info.index:
            continue
        p = info.loc[(f, kode)]
        jenis = normalisasi_jenis_target(p["Jenis Target"])
        tisi = target_isi.get((f, kode), np.zeros(12, bool))
        kosong = st[n] == "kosong"
        for j in range(12):
            b = BULAN_REALISASI[j]
            if per is not None and j + 1 <= per and tisi[j] and kosong[j] \
                    and not (jenis == "Akhir Tahun" and j < 11):
                out.tambah(re_, idx, b, "realisasi-kosong",
                           f"Realisasi {b} indikator {kode} belum diisi, padahal bulan itu bertarget "
                           f"dan sudah lewat (Periode {per}).")
            if per is not None and j + 1 > per and not kosong[j]:
                out.tambah(re_, idx, b, "realisasi-setelah-periode",
                           f"Realisasi {b} indikator {kode} terisi, padahal Periode di Info baru "
                           f"{per}. Kosongkan bulan setelah Periode, atau perbarui Periode.")
        baris = nilai[n]
        if _persen_bagian(p["Satuan"], p["Indikator"]):
            lebih = np.flatnonzero(baris > 100)
            if len(lebih):
                j = lebih[0]
                out.tambah(re_, idx, BULAN_REALISASI[j], "realisasi-tidak-wajar",
                           f"Realisasi {BULAN_REALISASI[j]} indikator {kode} = {_f(baris[j])}%, "
                           "padahal persentase bagian tidak mungkin lebih dari 100.")
        negatif = np.flatnonzero(baris < 0)
        if len(negatif):
            j = negatif[0]
            out.tambah(re_, idx, BULAN_REALISASI[j], "realisasi-tidak-wajar",
                       f"Realisasi {BULAN_REALISASI[j]} indikator {kode} negatif ({_f(baris[j])}).")
        if jenis == "Kumulatif":
            isi = np.flatnonzero(~np.isnan(baris))
            turun = np.flatnonzero(np.diff(baris[isi]) < -1e-9)
            if len(turun):
                j = isi[turun[0] + 1]
                out.tambah(re_, idx, BULAN_REALISASI[j], "realisasi-kumulatif-turun",
                           f"Realisasi Kumulatif indikator {kode} turun di {BULAN_REALISASI[j]} "
                           "(realisasi kumulatif adalah total sejak Januari).")
    # indikator PK tanpa baris realisasi, padahal sudah ada bulan bertarget s.d. Periode
    for idx in pk.index[pk["Kode Indikator"].notna()]:
        f, kode = pk.at[idx, "_f"], pk.at[idx, "Kode Indikator"]
        per = periode.get(f)
        tisi = target_isi.get((f, kode))
        if (f, kode) in ada_real or per is None or tisi is None:
            continue
        jenis = normalisasi_jenis_target(pk.at[idx, "Jenis Target"])
        perlu = [j for j in range(min(per, 12)) if tisi[j] and not (jenis == "Akhir Tahun" and j < 11)]
        if perlu:
            out.tambah(tp["pk"], idx, "Kode Indikator", "pk-tidak-di-realisasi",
                       f"Indikator {kode} belum punya baris di sheet Realisasi, padahal sudah "
                       f"bertarget sejak {BULAN_TARGET[perlu[0]]}. Tambahkan baris realisasinya.")
    # pembilang / penyebut
    pb = tp["pembilang"]
    q = pb.df[pb.df["Kode Indikator"].notna()]
    for idx in q.index:
        f, kode, bln = q.at[idx, "_f"], q.at[idx, "Kode Indikator"], q.at[idx, "Bulan"]
        a, b = q.at[idx, "Pembilang"], q.at[idx, "Penyebut"]
        if np.isnan(a) or np.isnan(b) or np.isnan(bln) or not 1 <= bln <= 12:
            continue
        if b == 0:
            out.tambah(pb, idx, "Penyebut", "penyebut-nol",
                       f"Penyebut indikator {kode} bulan {int(bln)} = 0; a / b tidak dapat dihitung.")
            continue
        hitung = float(bulatkan_array(a / b * 100.0))
        ridx = ada_real.get((f, kode))
        r_nilai = nilai[list(d.index).index(ridx), int(bln) - 1] if ridx is not None else np.nan
        if np.isnan(r_nilai):
            out.tambah(pb, idx, "Pembilang", "pembilang-tidak-cocok",
                       f"Pembilang/penyebut indikator {kode} bulan {int(bln)} memberi "
                       f"{_f(hitung)}, tetapi realisasi R{int(bln):02d} kosong.")
        elif abs(hitung - float(bulatkan_array(r_nilai))) > 0.005:
            out.tambah(pb, idx, "Pembilang", "pembilang-tidak-cocok",
                       f"{_f(a)} / {_f(b)} × 100 = {_f(hitung)}, tetapi realisasi R{int(bln):02d} "
                       f"indikator {kode} = {_f(r_nilai)}. Samakan keduanya.")


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
    for nama, fungsi in (("kunci", _kunci_tabel), ("anggaran", _anggaran), ("target", _target),
                         ("realisasi", _realisasi)):
        buang = {f for f, t in tak_terbaca.items() if t & _PERLU[nama]}
        tp = _saring(tumpukan, buang)
        if nama == "realisasi":
            fungsi(tp, out, periode)
        else:
            fungsi(tp, out)
    return out.hasil
