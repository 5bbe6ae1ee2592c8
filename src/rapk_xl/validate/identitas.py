"""Aturan identitas: tabel Info (unit kerja, tahun, periode, satuan anggaran, versi format)."""
from __future__ import annotations

from ..calc.parse import format_angka, parse_angka
from ..calc.turunan import SATUAN_ANGGARAN, satuan_anggaran_baku
from ..format.spec import INFO, KUNCI_INFO, VERSI_FORMAT, kunci_info, rentang_tahun
from ..io.reader import Bacaan
from ..reference import cari_unit, saran_unit
from ..temuan import ERROR, WARNING, Temuan, aturan, temuan

__all__ = ["bilangan_info"]


def bilangan_info(nilai: object) -> int | None:
    """Nilai Info sebagai bilangan bulat (2024, "2024", 6.0), atau None."""
    a = parse_angka(nilai)
    if a.nilai is None or not float(a.nilai).is_integer():
        return None
    return int(a.nilai)


def _tampil(nilai: object, salah: str) -> str:
    """Nilai sel seperti yang diketik, dengan apa salahnya: 13.0 dari pembaca → "'13' tidak
    sah"; sel kosong → "kosong" saja (yang salah: belum diisi)."""
    if nilai is None or (isinstance(nilai, str) and not nilai.strip()):
        return "kosong"
    if isinstance(nilai, float):
        return f"'{format_angka(nilai, None)}' {salah}"
    return f"'{nilai}' {salah}"


def _info(aturan_id: str, b: Bacaan, id_: str, **isi) -> Temuan:
    return temuan(aturan_id, INFO.sheet, b.info_sel.get(id_), **isi)


def _ada(b: Bacaan, id_: str) -> bool:
    """Baris Info ``id_`` ada (dan tabel Info terbaca)."""
    return not b.tabel[INFO.kunci].kosong and id_ in b.info


@aturan("info-kunci-hilang", ERROR, "identitas", "Baris wajib tabel Info tidak ada.",
        "Baris '{kunci}' tidak ada di tabel Info. Tambahkan barisnya (Kunci '{kunci}') dan isi "
        "Nilainya.", lingkup="workbook")
def info_kunci_hilang(b: Bacaan):
    if b.tabel[INFO.kunci].kosong:
        return []  # tabel Info hilang: sudah dilaporkan sebagai masalah struktur
    return [temuan("info-kunci-hilang", INFO.sheet, None, kunci=k.kunci)
            for k in KUNCI_INFO if k.wajib and k.id not in b.info]


@aturan("unit-tidak-dikenal", ERROR, "identitas", "Unit Kerja kosong atau tidak ada di daftar "
        "referensi.", "{kolom} {isi} {sebab}", lingkup="workbook")
def unit_tidak_dikenal(b: Bacaan):
    if not _ada(b, "unit_kerja"):
        return []
    unit = b.info["unit_kerja"]
    kolom = kunci_info("unit_kerja").kunci
    if unit is None or not str(unit).strip():
        return [_info("unit-tidak-dikenal", b, "unit_kerja", kolom=kolom, isi="kosong.",
                      sebab="Pilih nama unit dari dropdown.")]
    if cari_unit(unit) is not None:
        return []
    saran = saran_unit(unit)
    usul = ("Mungkin maksud Anda: " + "; ".join(f"'{s.nama}'" for s in saran) + ". "
            if saran else "")
    return [_info("unit-tidak-dikenal", b, "unit_kerja", kolom=kolom,
                  isi=f"'{unit}' tidak ada di daftar unit kerja BPOM.",
                  sebab=f"{usul}Pilih dari dropdown.")]


@aturan("tahun-tidak-wajar", ERROR, "identitas", "Tahun kosong atau tidak wajar.",
        "{kolom} {isi}: isi tahun PK/RAPK {bawah}–{atas}, mis. 2024.",
        lingkup="workbook")
def tahun_tidak_wajar(b: Bacaan):
    if not _ada(b, "tahun"):
        return []
    tahun = bilangan_info(b.info["tahun"])
    bawah, atas = rentang_tahun()
    if tahun is not None and bawah <= tahun <= atas:
        return []
    return [_info("tahun-tidak-wajar", b, "tahun", kolom=kunci_info("tahun").kunci,
                  isi=_tampil(b.info["tahun"], "tidak wajar"), bawah=bawah, atas=atas)]


@aturan("periode-tidak-sah", ERROR, "identitas", "Periode kosong atau di luar 1-12.",
        "{kolom} {isi}: isi bulan terakhir yang dilaporkan, 1–12 (6 = Juni).",
        lingkup="workbook")
def periode_tidak_sah(b: Bacaan):
    if not _ada(b, "periode"):
        return []
    per = bilangan_info(b.info["periode"])
    if per is not None and 1 <= per <= 12:
        return []
    return [_info("periode-tidak-sah", b, "periode", kolom=kunci_info("periode").kunci,
                  isi=_tampil(b.info["periode"], "tidak sah"))]


@aturan("satuan-anggaran-tidak-sah", ERROR, "identitas",
        "Satuan Anggaran bukan Rupiah/Ribu Rupiah.",
        "{kolom} {isi}: pilih {pilihan}.", lingkup="workbook")
def satuan_anggaran_tidak_sah(b: Bacaan):
    if not _ada(b, "satuan_anggaran") or satuan_anggaran_baku(b.info["satuan_anggaran"]):
        return []
    return [_info("satuan-anggaran-tidak-sah", b, "satuan_anggaran",
                  kolom=kunci_info("satuan_anggaran").kunci,
                  isi=_tampil(b.info["satuan_anggaran"], "tidak sah"), pilihan=" atau ".join(SATUAN_ANGGARAN))]


@aturan("versi-format", ERROR, "struktur", "Versi Format tidak dikenal.",
        "{kolom} {isi} (versi yang berlaku: {versi}). Pakai template rapk-xl terbaru dan salin "
        "datanya ke sana.", lingkup="workbook")
def versi_format(b: Bacaan):
    if not _ada(b, "versi_format") or bilangan_info(b.info["versi_format"]) == VERSI_FORMAT:
        return []
    return [_info("versi-format", b, "versi_format", kolom=kunci_info("versi_format").kunci,
                  isi=_tampil(b.info["versi_format"], "tidak dikenal"), versi=VERSI_FORMAT)]


def _terisi(b: Bacaan, id_: str) -> bool:
    v = b.info.get(id_)
    return v is not None and bool(str(v).strip())


@aturan("info-atasan-tidak-lengkap", WARNING, "identitas",
        "Hanya satu dari Nama Atasan dan Jabatan Atasan yang diisi (pihak kedua PK).",
        "{isi} diisi tetapi {kosong} kosong: cetakan Perjanjian Kinerja mencetak pihak kedua "
        "tanpa {kosong}. Isi keduanya, atau kosongkan keduanya.", lingkup="workbook")
def info_atasan_tidak_lengkap(b: Bacaan):
    """Kedua kunci opsional: workbook tanpa keduanya (format 1 lama) tidak diberi temuan."""
    if b.tabel[INFO.kunci].kosong:
        return []
    nama, jabatan = _terisi(b, "nama_atasan"), _terisi(b, "jabatan_atasan")
    if nama == jabatan:
        return []
    isi, kosong = ("nama_atasan", "jabatan_atasan") if nama else ("jabatan_atasan", "nama_atasan")
    sel = b.info_sel.get(kosong) or b.info_sel.get(isi)
    return [temuan("info-atasan-tidak-lengkap", INFO.sheet, sel, isi=kunci_info(isi).kunci,
                   kosong=kunci_info(kosong).kunci)]
