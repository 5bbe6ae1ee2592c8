"""``docs/format.md`` dibangkitkan dari :mod:`rapk_xl.format.spec`: setiap sheet, tabel, kolom
(id bidang dan teks header), jenis, aturan dan petunjuknya.

``python scripts/docs.py`` menulis ulang berkasnya; ``tests/test_docs.py`` memastikan isinya
sama dengan yang dibangkitkan (dokumen tidak pernah tertinggal dari format).
"""
from __future__ import annotations

from .spec import INFO, KUNCI_INFO, TABEL_DATA, VERSI_FORMAT, Kolom, rentang_tahun

__all__ = ["format_md"]

_PEMBUKA = """\
# Format workbook RAPK — versi 1

Kontrak antara unit kerja yang mengisi workbook dan Biro Perencanaan dan Keuangan yang
menerimanya. Satu workbook per unit kerja per tahun. Format ini ditulis sekali di kode
(`src/rapk_xl/format/spec.py`): template, pembaca, validator dan dokumen ini mengikutinya.
Mulai dari template: `rapk-xl template -o unit.xlsx --unit "Balai POM di Jember" --tahun 2025`
(atau `templates/rapk_template.xlsx`).

## Aturan umum

- Data diisi di **tabel Excel** (ListObject) dengan nama sheet, nama tabel dan teks header
  persis seperti di bawah. Kolom lain boleh ditambahkan **setelah** kolom-kolom ini.
- Di sheet isian: baris 1–3 judul, baris 4 petunjuk, **baris 5 header**, data mulai baris 6
  (sheet `Info`: header baris 4). Baris 6–2005 (sheet `Anggaran`: 6–5005) sudah disiapkan
  untuk diketik atau ditempel: tidak ada apa pun di bawah tabel (lihat *Tampilan dan cetak*).
  Baris kosong di tengah isian dilewati; baris sesudahnya tetap dibaca (validator
  memperingatkan celahnya, `tabel-terputus`).
- **`Kode Indikator`** (mis. `1.01` = sasaran 1, indikator 01) menghubungkan semua tabel:
  setiap indikator PK punya tepat satu baris RAPK dan satu baris Realisasi, dan nol atau lebih
  baris Anggaran dan Pembilang. Tulis sebagai teks (template sudah memformat kolomnya).
- Angka diketik sebagai angka. Teks angka (`"90"`, `"1.234"`) dibaca tetapi dilaporkan
  validator; `1.234` ditolak karena dapat berarti 1234 atau 1,234.
- **Nilai target/realisasi** boleh angka, opini BPK (`WTP`, `WDP`, `TW`, `TMP`, atau kodenya
  4/3/2/1), atau `-`/kosong (tidak ada). Realisasi boleh berupa teks `Progres NN%` untuk
  indikator yang baru final di akhir tahun.
- Anggaran dalam satuan `Satuan Anggaran` di Info (`Rupiah` atau `Ribu Rupiah`).

"""

_PENUTUP = """\
### Pembilang dan penyebut

Realisasi yang dihitung sebagai a / b × 100 (mis. 12.965 / 13.020 = 99,58 %) dicatat di sheet
`Pembilang`: satu baris per indikator per bulan, dengan `Bulan` 1–12. Realisasi bulan itu di
sheet `Realisasi` (kolom `R01`…`R12`) harus sama dengan `Pembilang / Penyebut × 100`
dibulatkan 2 desimal; validator memeriksanya. Indikator tanpa pembilang/penyebut (indeks,
nilai, jumlah) tidak perlu baris di sini. Dipilih sebagai tabel terpisah (bukan 24 kolom
tambahan di Realisasi) karena hanya sebagian indikator dan sebagian bulan yang memilikinya.

## Sheet yang dihitung

- `Capaian` (terkunci, tanpa password): per indikator — target bulan ini, target tahunan,
  realisasi (bulan `Periode`), capaian periode dan tahunan (`=CAPAIAN()`), kriteria
  (`=KRITERIA()`, berwarna menurut kelas), jumlah kontribusi dan realisasi anggaran, capaian
  input; per sasaran — NPS (`=NPS()` dengan bobot `=BOBOT()`), kontribusi, realisasi anggaran,
  efisiensi (`=EFISIENSI()`, bila realisasi anggaran diisi); per perspektif dan unit —
  `=NPS_UNIT()`. NPS memakai capaian periode. Pencarian nilainya rumus Excel biasa
  (INDEX/MATCH/SUMIF); fungsi rapk-xl tersedia di Excel setelah add-in dipasang. Tanpa add-in
  (LibreOffice, Excel di Mac) setiap sel itu dihitung rumus Excel biasa dari aturan yang sama
  (`IFERROR(CAPAIAN(...), <rumus biasa>)`); yang hanya dapat dihitung add-in (teks angka, opini
  BPK) menampilkan `Perlu add-in`.
- `RAPK` kolom `Jumlah Kontribusi`: `=SUMIF(...)` atas sheet `Anggaran`; harus sama dengan
  `Anggaran`.
- Angka yang dihitung workbook tidak pernah dipercaya oleh validator atau konsolidasi: semuanya
  dihitung ulang dari nilai isian. Sel berumus yang ditimpa nilai ketikan dilaporkan.
- `Daftar` (tersembunyi): daftar pilihan dropdown (unit kerja, jenis target, ...).

## Tampilan dan cetak

Dropdown untuk unit, jenis target, polaritas, IKU, satuan anggaran (dan saran untuk perspektif
dan satuan); format angka `#,##0` untuk rupiah; header dibekukan; judul "RENCANA AKSI
PERJANJIAN KINERJA TAHUN …" dari Info.

**Area ketik.** Tabel Excel di template kosong hanya satu baris (Excel memanjangkannya sendiri
saat orang mengetik tepat di bawahnya), tetapi LibreOffice, WPS dan menempel blok tidak
memanjangkan tabel. Tabel tidak dibuat 2000 baris sejak awal: baris kosong berarsir warna
tabel dihitung Excel sebagai halaman berisi (menurut dokumentasi Microsoft tentang halaman
kosong; tidak diuji di Excel) dan ikut dalam urut/saring. Karena itu yang membuat baris baru
terbantu bukan tabelnya, melainkan kolomnya, sampai baris 2005 (`Anggaran`: 5005, sejauh rumus
sheet `Capaian` membaca):

- setiap kolom punya *gaya bawaan kolom* (`<col style>`, dipakai Excel dan LibreOffice untuk
  sel yang baru diketik): kolom kode (`Kode Indikator`, `Kode RO`) berformat teks `@`, jadi
  `1.02` dan `2.10` tetap teks; uang `#,##0`; target `#,##0.##`; teks panjang dibungkus;
- dropdown dan validasi angka berlaku sampai baris terakhir itu;
- kolom rumus `RAPK`!`Jumlah Kontribusi` berumus di setiap baris itu (kosong bila `Kode
  Indikator` kosong).

Diperiksa dengan LibreOffice sungguhan (`tests/test_ketik_libreoffice.py`): isi ketiga sampel
diketik sel demi sel ke template dan memberi temuan validasi yang sama dengan sampel yang
ditulis kode; 300 baris yang ditempel di A6 `PK`, `RAPK` dan `Anggaran` mendarat di sel kosong
berformat dan terbaca semua.

**Tanda tangan tidak di sheet isian.** Dulu blok tanda tangan (tempat dan tanggal, jabatan,
nama dari Info) digabung tiga baris di bawah tabel `PK` dan `RAPK`: baris ke-5 dan seterusnya
yang diketik masuk ke sel gabungannya (Polaritas menjadi `80`, Anggaran hilang) dan blok yang
ditempel menimpanya atau ditolak. Diletakkan di samping tabel pun ia menghalangi kolom
tambahan, yang menurut format ini boleh ditambahkan di kanan kolom terakhir, dan tercetak di
samping tabel, bukan di bawahnya. Maka tanda tangan hanya ada di dokumen cetak resmi
(`rapk-xl cetak`, lihat `docs/cetak.md`), yang mengambil tempat, tanggal, jabatan dan nama
dari sheet `Info`.

**Cetak sheet isian** (salinan kerja; dokumen resmi: `rapk-xl cetak`): A4 lanskap selebar
halaman, baris judul 1–5 berulang, tinggi baris mengikuti teks yang dibungkus. Sheet `RAPK`
punya area cetak kolom A–O sampai baris 2005: kolom `Jumlah Kontribusi` yang berumus sampai
baris 2005 tidak ikut tercetak, sehingga sel rumus kosong tidak menjadi puluhan halaman
kosong; halaman tanpa isi tidak dicetak. `Petunjuk` dan `Info` juga lanskap. `Capaian`: tiga area
cetak, masing-masing mulai di halaman baru dan selebar halaman — blok indikator (indikator PK
workbook itu; template kosong: 47 baris formulir), blok sasaran (sasaran PK; template kosong:
40) dan blok perspektif (hanya bila PK memakai perspektif; template kosong: ya). Bila PK
kemudian memuat lebih banyak indikator daripada area cetaknya, baris 3 sheet `Capaian`
berganti menjadi peringatan untuk menghapus area cetak sebelum mencetak. Tanpa Periode di Info, `Capaian` menampilkan "(isi Periode 1-12 di sheet Info)",
bukan "0 Januari".

Yang diuji di LibreOffice (PDF, `tests/test_libreoffice.py`): template kosong = satu halaman
per sheet isian dan tiga untuk `Capaian`; setiap kata di dalam halaman dan tidak ada teks yang
menimpa teks lain (template kosong dan sampel Jember). Yang tidak dapat diuji di sini: cara
Excel di Windows memperlakukan halaman kosong di dalam area cetak `RAPK` (menurut Microsoft,
halaman kosong di akhir tidak dicetak).

## Versi

`Versi Format` di Info = `1`. Perubahan nama sheet, tabel atau header menaikkan versi;
workbook dengan versi lain ditolak validator dengan pesan yang jelas.
"""

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
