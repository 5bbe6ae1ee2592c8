"""``docs/format.md`` dibangkitkan dari :mod:`rapk_xl.format.spec`: setiap sheet, tabel, kolom
(id bidang dan teks header), jenis, aturan dan petunjuknya.

``python scripts/docs.py`` menulis ulang berkasnya; ``tests/test_docs.py`` memastikan isinya
sama dengan yang dibangkitkan (dokumen tidak pernah tertinggal dari format).
"""
from __future__ import annotations

from .spec import INFO, KUNCI_INFO, TABEL_DATA, VERSI_FORMAT, Kolom, rentang_tahun

__all__ = ["format_md"]

_PEMBUKA = '# Format workbook RAPK — versi 1\n\nKontrak antara unit kerja yang mengisi workbook dan Biro Perencanaan dan Keuangan yang\nmenerimanya. Satu workbook per unit kerja per tahun. Format ini ditulis sekali di kode\n(`src/rapk_xl/format/spec.py`): template, pembaca, validator dan dokumen ini mengikutinya.\nMulai dari template: `rapk-xl template -o unit.xlsx --unit "Balai POM di Jember" --tahun 2025`\n(atau `templates/rapk_template.xlsx`).\n\n## Aturan umum\n\n- Data diisi di **tabel Excel** (ListObject) dengan nama sheet, nama tabel dan teks header\n  persis seperti di bawah. Kolom lain boleh ditambahkan **setelah** kolom-kolom ini.\n- Di sheet isian: baris 1–3 judul, baris 4 petunjuk, **baris 5 header**, data mulai baris 6\n  (sheet `Info`: header baris 4). Menambah baris: ketik tepat di bawah baris terakhir tabel.\n- **`Kode Indikator`** (mis. `1.01` = sasaran 1, indikator 01) menghubungkan semua tabel:\n  setiap indikator PK punya tepat satu baris RAPK dan satu baris Realisasi, dan nol atau lebih\n  baris Anggaran dan Pembilang. Tulis sebagai teks (template sudah memformat kolomnya).\n- Angka diketik sebagai angka. Teks angka (`"90"`, `"1.234"`) dibaca tetapi dilaporkan\n  validator; `1.234` ditolak karena dapat berarti 1234 atau 1,234.\n- **Nilai target/realisasi** boleh angka, opini BPK (`WTP`, `WDP`, `TW`, `TMP`, atau kodenya\n  4/3/2/1), atau `-`/kosong (tidak ada). Realisasi boleh berupa teks `Progres NN%` untuk\n  indikator yang baru final di akhir tahun.\n- Anggaran dalam satuan `Satuan Anggaran` di Info (`Rupiah` atau `Ribu Rupiah`).\n\n'

_PENUTUP = '### Pembilang dan penyebut\n\nRealisasi yang dihitung sebagai a / b × 100 (mis. 12.965 / 13.020 = 99,58 %) dicatat di sheet\n`Pembilang`: satu baris per indikator per bulan, dengan `Bulan` 1–12. Realisasi bulan itu di\nsheet `Realisasi` (kolom `R01`…`R12`) harus sama dengan `Pembilang / Penyebut × 100`\ndibulatkan 2 desimal; validator memeriksanya. Indikator tanpa pembilang/penyebut (indeks,\nnilai, jumlah) tidak perlu baris di sini. Dipilih sebagai tabel terpisah (bukan 24 kolom\ntambahan di Realisasi) karena hanya sebagian indikator dan sebagian bulan yang memilikinya.\n\n## Sheet yang dihitung\n\n- `Capaian` (terkunci, tanpa password): per indikator — target bulan ini, target tahunan,\n  realisasi (bulan `Periode`), capaian periode dan tahunan (`=CAPAIAN()`), kriteria\n  (`=KRITERIA()`, berwarna menurut kelas), jumlah kontribusi dan realisasi anggaran, capaian\n  input; per sasaran — NPS (`=NPS()` dengan bobot `=BOBOT()`), kontribusi, realisasi anggaran,\n  efisiensi (`=EFISIENSI()`, bila realisasi anggaran diisi); per perspektif dan unit —\n  `=NPS_UNIT()`. NPS memakai capaian periode. Pencarian nilainya rumus Excel biasa\n  (INDEX/MATCH/SUMIF); fungsi rapk-xl tersedia di Excel setelah add-in dipasang. Tanpa add-in\n  (LibreOffice, Excel di Mac) setiap sel itu dihitung rumus Excel biasa dari aturan yang sama\n  (`IFERROR(CAPAIAN(...), <rumus biasa>)`); yang hanya dapat dihitung add-in (teks angka, opini\n  BPK) menampilkan `Perlu add-in`.\n- `RAPK` kolom `Jumlah Kontribusi`: `=SUMIF(...)` atas sheet `Anggaran`; harus sama dengan\n  `Anggaran`.\n- Angka yang dihitung workbook tidak pernah dipercaya oleh validator atau konsolidasi: semuanya\n  dihitung ulang dari nilai isian. Sel berumus yang ditimpa nilai ketikan dilaporkan.\n- `Daftar` (tersembunyi): daftar pilihan dropdown (unit kerja, jenis target, ...).\n\n## Tampilan dan cetak\n\nDropdown untuk unit, jenis target, polaritas, IKU, satuan anggaran (dan saran untuk perspektif\ndan satuan); format angka `#,##0` untuk rupiah; header dibekukan; sheet PK dan RAPK siap cetak\nA4 lanskap selebar halaman dengan baris judul berulang, judul "RENCANA AKSI PERJANJIAN KINERJA\nTAHUN …" dan blok tanda tangan dari Info. Tata letak resmi bersarang (indikator diikuti\nbaris RO/komponen/sub komponen): `rapk-xl cetak` (lihat `docs/cetak.md`).\n\n## Versi\n\n`Versi Format` di Info = `1`. Perubahan nama sheet, tabel atau header menaikkan versi;\nworkbook dengan versi lain ditolak validator dengan pesan yang jelas.\n'

_JENIS = {"teks": "teks", "kode": "kode (teks)", "pilihan": "pilihan", "bulat": "bilangan bulat",
          "angka": "angka", "nilai": "nilai target/realisasi"}


def _aturan(k: Kolom) -> str:
    if k.rumus:
        return "**dihitung template (jangan diketik)**"
    bagian = []
    if k.pola:
        bagian.append(f"pola `{k.pola}`")
    if k.pilihan:
        bagian.append(("salah satu dari " if k.pilihan_ketat else "disarankan: ")
                      + ", ".join(k.pilihan))
    if k.minimum is not None and k.jenis in ("bulat", "angka"):
        bagian.append(f"≥ {k.minimum:g}")
    if k.maksimum is not None:
        bagian.append(f"≤ {k.maksimum:g}")
    if k.alias:
        bagian.append("juga terbaca: " + ", ".join(f"`{a}`" for a in k.alias))
    return "; ".join(bagian)


def _info() -> list[str]:
    bawah, _ = rentang_tahun()
    baris = [f"## Sheet `{INFO.sheet}` — tabel `{INFO.nama}` (kolom "
             + ", ".join(f"`{k.nama}`" for k in INFO.kolom) + ")", "",
             "| kunci | id bidang | wajib | aturan | petunjuk |", "|---|---|---|---|---|"]
    for k in KUNCI_INFO:
        if k.pilihan:
            aturan = "salah satu dari " + ", ".join(k.pilihan)
        elif k.id == "unit_kerja":
            aturan = "nama dari daftar unit kerja (`rapk-xl unit`)"
        elif k.jenis == "bulat" and k.maksimum is None:
            aturan = f"bilangan bulat {bawah} s.d. tahun depan"
        elif k.jenis == "bulat":
            aturan = f"bilangan bulat {k.minimum:g}–{k.maksimum:g}"
        else:
            aturan = ""
        baris.append(f"| `{k.kunci}` | `{k.id}` | {'ya' if k.wajib else ''} | {aturan} | "
                     f"{k.petunjuk} |")
    return [*baris, "", "Kunci tambahan boleh ditambahkan sebagai baris baru.", ""]


def _tabel() -> list[str]:
    baris = ["## Tabel data", ""]
    for t in TABEL_DATA:
        baris += [f"### Sheet `{t.sheet}` — tabel `{t.nama}`", "", t.petunjuk, "",
                  "| kolom | id bidang | jenis | wajib | aturan | petunjuk |",
                  "|---|---|---|---|---|---|"]
        for k in t.kolom:
            baris.append(f"| `{k.nama}` | `{k.id}` | {_JENIS[k.jenis]} | "
                         f"{'ya' if k.wajib else ''} | {_aturan(k)} | {k.petunjuk} |")
        baris.append("")
    return baris


def format_md() -> str:
    """Isi ``docs/format.md``."""
    assert VERSI_FORMAT == 1, "perbarui teks pembuka/penutup untuk versi format baru"
    return _PEMBUKA + "\n".join([*_info(), *_tabel()]) + _PENUTUP
