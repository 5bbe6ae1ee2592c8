"""Rumus sheet ``Capaian`` template: capaian untuk bulan Periode di Info.

Tata letak sheet (blok, kolom) ada di :mod:`rapk_xl.format.capaian`; rumus di sini. Pencarian
nilai (target bulan ini, realisasi, jumlah anggaran) memakai rumus Excel biasa
(INDEX/MATCH/SUMIF); hitungan kinerja memakai fungsi rapk-xl (``CAPAIAN``, ``KRITERIA``,
``NPS``, ``NPS_UNIT``, ``BOBOT``, ``EFISIENSI``) sehingga aturannya satu dengan Python;
aturan turunan yang cukup ditulis sebagai rumus biasa (capaian input) diambil dari
:mod:`rapk_xl.calc.turunan`.

:func:`rancangan` mengembalikan setiap sel berumus beserta rumusnya; penulis template dan
pemeriksa "rumus ditimpa" memakai rancangan yang sama.
"""
from __future__ import annotations

from functools import lru_cache

from ..calc import rumus_excel as rx
from ..format.capaian import (BARIS_DATA, INDIKATOR, JUMLAH_BARIS_SASARAN, PERSPEKTIF_BLOK,
                              SASARAN, SEL_KRITERIA_UNIT, SEL_NAMA_BULAN, SEL_NPS_UNIT,
                              SEL_PERIODE, jumlah_baris_indikator)
from ..format.spec import (ANGGARAN, BATAS_BARIS, BATAS_BARIS_ANGGARAN, PERSPEKTIF, PK, RAPK,
                           REALISASI, SHEET_CAPAIAN, Tabel, kunci_info)
from .xlsx_parts import angka_ke_kolom as huruf

__all__ = ["rancangan", "rentang_kolom", "sel_rumus_template", "kolom_blok", "sel_per_blok",
           "BATAS_BARIS",
           "BATAS_BARIS_ANGGARAN", "BARIS_DATA", "SHEET_CAPAIAN"]


def rentang_kolom(t: Tabel, id_: str, batas: int = BATAS_BARIS) -> str:
    """Rentang mutlak satu kolom tabel isian, baris data sampai ``batas``
    (mis. ``Anggaran!$A$6:$A$5005``)."""
    h = huruf(t.posisi(id_))
    return f"{t.sheet}!${h}${t.baris_header + 1}:${h}${batas}"


def _blok_bulan(t: Tabel, pertama: str, terakhir: str) -> str:
    a, b = huruf(t.posisi(pertama)), huruf(t.posisi(terakhir))
    return f"{t.sheet}!${a}${t.baris_header + 1}:${b}${BATAS_BARIS}"


def _atau_kosong(ekspresi: str) -> str:
    """Nilai sel sumber, atau "" bila kosong (INDEX atas sel kosong memberi 0)."""
    return f'IF({ekspresi}="","",{ekspresi})'


def _capaian(c: dict[str, str], target: str, per: str) -> str:
    r, t, pol, jenis = c["realisasi"], c[target], c["polaritas"], c["jenis_target"]
    return rx.bungkus(f"CAPAIAN({r},{t},{pol},{jenis},{per})", rx.capaian(r, t, pol, jenis, per))


def _kriteria(x: str) -> str:
    return rx.bungkus(f"KRITERIA({x})", rx.kriteria(x))


def kolom_blok(blok) -> dict[str, str]:
    """id bidang → huruf kolom sheet Capaian untuk satu blok."""
    return {k.id: huruf(blok.kolom_sheet(k.id)) for k in blok.kolom}


def rancangan(n_indikator: int) -> dict[str, str]:
    """Semua sel berumus di sheet Capaian: alamat → rumus (tanpa ``=``)."""
    sel: dict[str, str] = {}
    akhir = BARIS_DATA + jumlah_baris_indikator(n_indikator) - 1
    per = SEL_PERIODE
    kol = kolom_blok(INDIKATOR)

    def rng(id_: str) -> str:
        return f"${kol[id_]}${BARIS_DATA}:${kol[id_]}${akhir}"

    # rentang kolom blok indikator yang dipakai berulang (NPS unit, sasaran, perspektif)
    cp, bobot, no_sas = rng("capaian_periode"), rng("bobot"), rng("no_sasaran")

    # Periode: kosong (bukan 0, yang tampil sebagai "0 Januari") bila Info belum diisi, dan
    # nama bulan atau apa yang harus dilakukan. Rumus capaian membaca sel ini sebagai bulan.
    info_per = kunci_info("periode").nama_range
    sel[SEL_PERIODE.replace("$", "")] = f'IF({info_per}&""="","",{info_per})'
    sel[SEL_NAMA_BULAN] = (f'IF({per}="","(isi Periode 1-12 di sheet Info)",'
                           f'IFERROR(INDEX(lstBulan,{per}),"(Periode di Info harus 1-12)"))')
    ks = kolom_blok(SASARAN)
    akhir_sas = BARIS_DATA + JUMLAH_BARIS_SASARAN - 1
    nps_sas = f"${ks['nps']}${BARIS_DATA}:${ks['nps']}${akhir_sas}"
    persp_sas = f"${ks['perspektif']}${BARIS_DATA}:${ks['perspektif']}${akhir_sas}"
    kp = kolom_blok(PERSPEKTIF_BLOK)
    awal_p = PERSPEKTIF_BLOK.baris_header + 1
    nps_persp = f"${kp['nps']}${awal_p}:${kp['nps']}${awal_p + len(PERSPEKTIF) - 1}"
    sel[SEL_NPS_UNIT] = rx.bungkus(f'NPS_UNIT({cp},{bobot},{no_sas},{rng("perspektif")})',
                                   rx.nps_unit(nps_sas, persp_sas, nps_persp, PERSPEKTIF))
    sel[SEL_KRITERIA_UNIT] = rx.bungkus(f"KRITERIA({SEL_NPS_UNIT})", rx.kriteria(SEL_NPS_UNIT))

    # blok indikator: baris ke-k sheet Capaian = indikator ke-k PK; bagian rumus yang sama
    # untuk setiap baris disusun sekali
    k = f"ROW()-ROW($A${INDIKATOR.baris_header})"
    pk = {id_: _atau_kosong(f"INDEX({rentang_kolom(PK, id_)},{k})")
          for id_ in ("no_sasaran", "perspektif", "indikator", "satuan", "jenis_target",
                      "polaritas", "target")}
    kode_pk = _atau_kosong(f"INDEX({rentang_kolom(PK, 'kode_indikator')},{k})")
    b_pk = f"INDEX({rentang_kolom(PK, 'bobot')},{k})"
    iku_pk = f"INDEX({rentang_kolom(PK, 'iku')},{k})"
    bobot_pk = rx.bungkus(f"BOBOT({b_pk},{iku_pk})", rx.bobot(b_pk, iku_pk))
    kode_rapk = rentang_kolom(RAPK, "kode_indikator")
    kode_real = rentang_kolom(REALISASI, "kode_indikator")
    blok_target = _blok_bulan(RAPK, "b01", "b12")
    blok_real = _blok_bulan(REALISASI, "r01", "r12")
    kode_ang = rentang_kolom(ANGGARAN, "kode_indikator", BATAS_BARIS_ANGGARAN)
    kontr_ang = rentang_kolom(ANGGARAN, "kontribusi", BATAS_BARIS_ANGGARAN)
    real_ang = rentang_kolom(ANGGARAN, "realisasi_anggaran", BATAS_BARIS_ANGGARAN)
    for r in range(BARIS_DATA, akhir + 1):
        kode = f"${kol['kode_indikator']}{r}"
        jika = f'IF({kode}="","",'
        target_bulan = f"INDEX({blok_target},MATCH({kode},{kode_rapk},0),{per})"
        realisasi = f"INDEX({blok_real},MATCH({kode},{kode_real},0),{per})"
        c = {n: f"{kol[n]}{r}" for n in kol}
        baris = {
            "kode_indikator": f'IFERROR({kode_pk}&"","")',
            "no_sasaran": jika + pk["no_sasaran"] + ")",
            "perspektif": jika + pk["perspektif"] + ")",
            "indikator": jika + pk["indikator"] + ")",
            "satuan": jika + pk["satuan"] + ")",
            "jenis_target": jika + pk["jenis_target"] + ")",
            "polaritas": jika + pk["polaritas"] + ")",
            "bobot": jika + bobot_pk + ")",
            "target_bulan": jika + f'IFERROR({_atau_kosong(target_bulan)},""))',
            "target_tahunan": jika + pk["target"] + ")",
            "realisasi": jika + f'IFERROR({_atau_kosong(realisasi)},""))',
            "capaian_periode": jika + _capaian(c, "target_bulan", per) + ")",
            "kriteria_periode": jika + _kriteria(c["capaian_periode"]) + ")",
            "capaian_tahunan": jika + _capaian(c, "target_tahunan", per) + ")",
            "kriteria_tahunan": jika + _kriteria(c["capaian_tahunan"]) + ")",
            "kontribusi": jika + f"SUMIF({kode_ang},{kode},{kontr_ang}))",
            "realisasi_anggaran": jika + f"SUMIF({kode_ang},{kode},{real_ang}))",
            "capaian_input": jika + rx.capaian_input(c["realisasi_anggaran"],
                                                     c["kontribusi"]) + ")",
        }
        for id_, rumus in baris.items():
            sel[c[id_]] = rumus

    no_pk = rentang_kolom(PK, "no_sasaran")
    sasaran_pk = rentang_kolom(PK, "sasaran")
    persp_pk = rentang_kolom(PK, "perspektif")
    kontr, real_ang_ind = rng("kontribusi"), rng("realisasi_anggaran")
    for i, r in enumerate(range(BARIS_DATA, BARIS_DATA + JUMLAH_BARIS_SASARAN)):
        no = f"{ks['no_sasaran']}{r}"
        if i == 0:
            sel[no] = f'IF(COUNT({no_pk})=0,"",MIN({no_pk}))'
        else:
            sebelum = f"{ks['no_sasaran']}{r - 1}"
            sel[no] = (f'IF({sebelum}="","",IFERROR(SMALL({no_pk},'
                       f'COUNTIF({no_pk},"<="&{sebelum})+1),""))')
        jika = f'IF({no}="","",'
        cocok = f"MATCH({no},{no_pk},0)"
        c = {n: f"{ks[n]}{r}" for n in ks}
        sel[c["sasaran"]] = jika + _atau_kosong(f"INDEX({sasaran_pk},{cocok})") + ")"
        sel[c["perspektif"]] = jika + _atau_kosong(f"INDEX({persp_pk},{cocok})") + ")"
        sel[c["nps"]] = jika + rx.bungkus(f"NPS({cp},{bobot},{no_sas},{no})",
                                          rx.nps_sasaran(cp, bobot, no_sas, no)) + ")"
        sel[c["kriteria"]] = jika + _kriteria(c["nps"]) + ")"
        sel[c["kontribusi"]] = jika + f"SUMIF({no_sas},{no},{kontr}))"
        sel[c["realisasi_anggaran"]] = jika + f"SUMIF({no_sas},{no},{real_ang_ind}))"
        sel[c["capaian_input"]] = jika + rx.capaian_input(c["realisasi_anggaran"],
                                                          c["kontribusi"]) + ")"
        o, i_ = c["nps"], c["capaian_input"]
        sel[c["efisiensi_ie"]] = (f'IF({i_}="","",' + rx.bungkus(
            f"EFISIENSI({o},{i_})", rx.efisiensi(o, i_)) + ")")
        sel[c["kategori_efisiensi"]] = (f'IF({i_}="","",' + rx.bungkus(
            f'EFISIENSI({o},{i_},"Kategori")', rx.efisiensi(o, i_, kategori=True)) + ")")

    persp = rng("perspektif")
    for i, r in enumerate(range(PERSPEKTIF_BLOK.baris_header + 1,
                                PERSPEKTIF_BLOK.baris_header + 1 + len(PERSPEKTIF))):
        p = f"{kp['perspektif']}{r}"
        sel[f"{kp['nps']}{r}"] = rx.bungkus(f"NPS_UNIT({cp},{bobot},{no_sas},{persp},{p})",
                                            rx.nps_perspektif(nps_sas, persp_sas, p))
        sel[f"{kp['kriteria']}{r}"] = _kriteria(f"{kp['nps']}{r}")
    return sel


@lru_cache(maxsize=1)
def _sel_capaian() -> frozenset[str]:
    return frozenset(rancangan(0))


@lru_cache(maxsize=1)
def sel_per_blok() -> dict[str, frozenset[str]]:
    """Sel berumus template minimum per blok sheet Capaian (id blok → alamat), untuk mengenali
    sheet Capaian dari template lama (satu blok tidak ada di tempatnya sama sekali)."""
    hasil = {}
    for b in (INDIKATOR, SASARAN, PERSPEKTIF_BLOK):
        huruf_blok = set(kolom_blok(b).values())
        hasil[b.id] = frozenset(a for a in _sel_capaian()
                                if a.rstrip("0123456789") in huruf_blok
                                and int(a[len(a.rstrip("0123456789")):]) > b.baris_header)
    return hasil


def sel_rumus_template(tabel: dict) -> dict[str, set[str]]:
    """Sel yang diberi rumus oleh template, per sheet: seluruh rancangan minimum sheet Capaian
    dan kolom rumus tabel isian (RAPK "Jumlah Kontribusi") di baris data yang terbaca
    (``tabel``: kunci → tabel terbaca dengan ``huruf`` dan ``baris``)."""
    hasil: dict[str, set[str]] = {SHEET_CAPAIAN: set(_sel_capaian())}
    for t in tabel.values():
        if not t.sheet:
            continue
        for k in t.spec.kolom:
            h = t.huruf.get(k.id) if k.rumus else None
            if h:
                hasil.setdefault(t.sheet, set()).update(f"{h}{int(r)}" for r in t.baris)
    return hasil
