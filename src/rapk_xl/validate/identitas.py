"""Pemeriksaan Info (identitas workbook) dan masalah struktur dari pembaca."""
from __future__ import annotations

from ..calc.parse import parse_angka
from ..format.spec import INFO, KUNCI_INFO, VERSI_FORMAT, rentang_tahun, satuan_anggaran_baku
from ..io.reader import Bacaan
from ..reference import cari_unit, saran_unit
from .katalog import KATALOG, WARNING
from .temuan import Temuan

__all__ = ["periksa_info", "periksa_struktur", "bilangan_info", "tabel_tak_terbaca"]


def bilangan_info(nilai: object) -> int | None:
    """Nilai Info sebagai bilangan bulat (2024, "2024", 6.0), atau None."""
    a = parse_angka(nilai, desimal=",")
    if a.nilai is None or not float(a.nilai).is_integer():
        return None
    return int(a.nilai)


def _tampil(nilai: object) -> str:
    """Nilai sel seperti yang diketik: 13.0 dari pembaca → '13'."""
    if nilai is None:
        return ""
    if isinstance(nilai, float) and nilai.is_integer():
        return str(int(nilai))
    return str(nilai)


def periksa_info(b: Bacaan) -> list[Temuan]:
    if b.tabel[INFO.kunci].kosong:
        return []  # tabel Info hilang: sudah dilaporkan sebagai masalah struktur
    hasil = []

    def t(aturan: str, kunci: str, pesan: str):
        hasil.append(Temuan(aturan, INFO.sheet, b.info_sel.get(kunci), pesan))

    for k in KUNCI_INFO:
        if k.wajib and k.kunci not in b.info:
            hasil.append(Temuan("wajib-kosong", INFO.sheet, None,
                                f"Baris '{k.kunci}' tidak ada di tabel Info. Tambahkan barisnya "
                                f"(Kunci '{k.kunci}') dan isi Nilainya."))
    unit = b.info.get("Unit Kerja")
    if "Unit Kerja" in b.info:
        if unit is None or not str(unit).strip():
            t("unit-tidak-dikenal", "Unit Kerja", "Unit Kerja kosong. Pilih nama unit dari dropdown.")
        elif cari_unit(unit) is None:
            saran = saran_unit(unit)
            usul = (" Mungkin maksud Anda: " + "; ".join(f"'{s.nama}'" for s in saran) + ".") if saran else ""
            t("unit-tidak-dikenal", "Unit Kerja",
              f"Unit Kerja '{unit}' tidak ada di daftar unit kerja BPOM.{usul} Pilih dari dropdown.")
    if "Tahun" in b.info:
        tahun = bilangan_info(b.info["Tahun"])
        bawah, atas = rentang_tahun()
        if tahun is None or not bawah <= tahun <= atas:
            t("tahun-tidak-wajar", "Tahun",
              f"Tahun '{_tampil(b.info['Tahun'])}' tidak wajar: isi "
              f"tahun PK/RAPK {bawah}–{atas}, mis. 2024.")
    if "Periode" in b.info:
        per = bilangan_info(b.info["Periode"])
        if per is None or not 1 <= per <= 12:
            t("periode-tidak-sah", "Periode",
              f"Periode '{_tampil(b.info['Periode'])}' tidak sah: "
              "isi bulan terakhir yang dilaporkan, 1–12 (6 = Juni).")
    if "Satuan Anggaran" in b.info:
        s = b.info["Satuan Anggaran"]
        if satuan_anggaran_baku(s) is None:
            t("satuan-anggaran-tidak-sah", "Satuan Anggaran",
              f"Satuan Anggaran '{s or ''}' tidak sah: pilih Rupiah atau Ribu Rupiah.")
    if "Versi Format" in b.info:
        v = bilangan_info(b.info["Versi Format"])
        if v != VERSI_FORMAT:
            t("versi-format", "Versi Format",
              f"Versi Format '{b.info['Versi Format']}' tidak dikenal (versi yang berlaku: "
              f"{VERSI_FORMAT}). Pakai template rapk-xl terbaru dan salin datanya ke sana.")
    return hasil


_TAK_TERBACA = {"sheet-hilang", "tabel-hilang", "sheet-terlalu-besar", "sheet-rusak"}


def tabel_tak_terbaca(b: Bacaan) -> set[str]:
    """Kunci tabel ("pk", "anggaran", ...) yang isinya tidak dapat dibaca dari berkas ini."""
    rusak = {(m.sheet or "").casefold() for m in b.masalah if m.kode in _TAK_TERBACA and m.parah}
    return {k for k, t in b.tabel.items()
            if t.sheet is None or t.sheet.casefold() in rusak or t.spec.sheet.casefold() in rusak}


def periksa_struktur(b: Bacaan, tak_terbaca: set[str] | None = None) -> list[Temuan]:
    """Masalah struktur dari pembaca; ``tak_terbaca`` = :func:`tabel_tak_terbaca` bila sudah
    dihitung."""
    hasil = []
    if (tabel_tak_terbaca(b) if tak_terbaca is None else tak_terbaca) >= set(b.tabel):
        return [Temuan("sheet-hilang", None, None,
                       "Workbook ini tidak memuat sheet format RAPK (Info, PK, RAPK, Anggaran, "
                       "Realisasi, Pembilang): bukan workbook dari template rapk-xl. Buat "
                       "workbook dengan `rapk-xl template` (atau templates/rapk_template.xlsx) "
                       "lalu salin datanya ke sana.")]
    for m in b.masalah:
        aturan = m.kode if m.kode in KATALOG else "tabel-hilang"
        tingkat = WARNING if (aturan == "tabel-hilang" and not m.parah) else ""
        hasil.append(Temuan(aturan, m.sheet, m.sel, m.pesan, tingkat))
    if b.berkas is not None:
        if b.berkas.makro:
            hasil.append(Temuan("makro", None, None,
                                "Workbook berisi makro VBA. Makro tidak dijalankan dan tidak "
                                "diperlukan; simpan sebagai .xlsx tanpa makro."))
        if b.berkas.tautan_eksternal:
            hasil.append(Temuan("tautan-eksternal", None, None,
                                "Workbook bertaut ke workbook lain; nilai dari tautan bisa usang. "
                                "Putuskan tautannya (Data > Edit Links > Break Link)."))
    return hasil
