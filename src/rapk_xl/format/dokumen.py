"""``docs/format.md`` dibangkitkan dari :mod:`rapk_xl.format.spec`: setiap sheet, tabel, kolom
(id bidang dan teks header), jenis, aturan dan petunjuknya.

``python scripts/docs.py`` menulis ulang berkasnya; ``tests/test_docs.py`` memastikan isinya
sama dengan yang dibangkitkan (dokumen tidak pernah tertinggal dari format).
"""
from __future__ import annotations

from .spec import INFO, KUNCI_INFO, TABEL_DATA, VERSI_FORMAT, Kolom, rentang_tahun

__all__ = ["format_md"]

_PEMBUKA = '# Format workbook RAPK — versi 1\n\nKontrak antara unit kerja yang mengisi workbook dan Biro Perencanaan dan Keuangan yang\nmenerimanya. Satu workbook per unit kerja per tahun. Format ini ditulis sekali di kode\n(`src/rapk_xl/format/spec.py`): template, pembaca, validator dan dokumen ini mengikutinya.\nMulai dari template: `rapk-xl template -o unit.xlsx --unit "Balai POM di Jember" --tahun 2025`\n(atau `templates/rapk_template.xlsx`).\n\n## Aturan umum\n\n- Data diisi di **tabel Excel** (ListObject) dengan nama sheet, nama tabel dan teks header\n  persis seperti di bawah. Kolom lain boleh ditambahkan **setelah** kolom-kolom ini.\n- Di sheet isian: baris 1–3 judul, baris 4 petunjuk, **baris 5 header**, data mulai baris 6\n  (sheet `Info`: header baris 4). Baris 6–2005 (sheet `Anggaran`: 6–5005) sudah disiapkan\n  untuk diketik atau ditempel: tidak ada apa pun di bawah tabel (lihat *Tampilan dan cetak*).\n  Isi tanpa baris kosong di tengah: baris sesudah baris kosong di bawah tabel Excel tidak\n  dibaca.\n- **`Kode Indikator`** (mis. `1.01` = sasaran 1, indikator 01) menghubungkan semua tabel:\n  setiap indikator PK punya tepat satu baris RAPK dan satu baris Realisasi, dan nol atau lebih\n  baris Anggaran dan Pembilang. Tulis sebagai teks (template sudah memformat kolomnya).\n- Angka diketik sebagai angka. Teks angka (`"90"`, `"1.234"`) dibaca tetapi dilaporkan\n  validator; `1.234` ditolak karena dapat berarti 1234 atau 1,234.\n- **Nilai target/realisasi** boleh angka, opini BPK (`WTP`, `WDP`, `TW`, `TMP`, atau kodenya\n  4/3/2/1), atau `-`/kosong (tidak ada). Realisasi boleh berupa teks `Progres NN%` untuk\n  indikator yang baru final di akhir tahun.\n- Anggaran dalam satuan `Satuan Anggaran` di Info (`Rupiah` atau `Ribu Rupiah`).\n\n'

_PENUTUP = '### Pembilang dan penyebut\n\nRealisasi yang dihitung sebagai a / b × 100 (mis. 12.965 / 13.020 = 99,58 %) dicatat di sheet\n`Pembilang`: satu baris per indikator per bulan, dengan `Bulan` 1–12. Realisasi bulan itu di\nsheet `Realisasi` (kolom `R01`…`R12`) harus sama dengan `Pembilang / Penyebut × 100`\ndibulatkan 2 desimal; validator memeriksanya. Indikator tanpa pembilang/penyebut (indeks,\nnilai, jumlah) tidak perlu baris di sini. Dipilih sebagai tabel terpisah (bukan 24 kolom\ntambahan di Realisasi) karena hanya sebagian indikator dan sebagian bulan yang memilikinya.\n\n## Sheet yang dihitung\n\n- `Capaian` (terkunci, tanpa password): per indikator — target bulan ini, target tahunan,\n  realisasi (bulan `Periode`), capaian periode dan tahunan (`=CAPAIAN()`), kriteria\n  (`=KRITERIA()`, berwarna menurut kelas), jumlah kontribusi dan realisasi anggaran, capaian\n  input; per sasaran — NPS (`=NPS()` dengan bobot `=BOBOT()`), kontribusi, realisasi anggaran,\n  efisiensi (`=EFISIENSI()`, bila realisasi anggaran diisi); per perspektif dan unit —\n  `=NPS_UNIT()`. NPS memakai capaian periode. Pencarian nilainya rumus Excel biasa\n  (INDEX/MATCH/SUMIF); fungsi rapk-xl tersedia di Excel setelah add-in dipasang. Tanpa add-in\n  (LibreOffice, Excel di Mac) setiap sel itu dihitung rumus Excel biasa dari aturan yang sama\n  (`IFERROR(CAPAIAN(...), <rumus biasa>)`); yang hanya dapat dihitung add-in (teks angka, opini\n  BPK) menampilkan `Perlu add-in`.\n- `RAPK` kolom `Jumlah Kontribusi`: `=SUMIF(...)` atas sheet `Anggaran`; harus sama dengan\n  `Anggaran`.\n- Angka yang dihitung workbook tidak pernah dipercaya oleh validator atau konsolidasi: semuanya\n  dihitung ulang dari nilai isian. Sel berumus yang ditimpa nilai ketikan dilaporkan.\n- `Daftar` (tersembunyi): daftar pilihan dropdown (unit kerja, jenis target, ...).\n\n## Tampilan dan cetak\n\nDropdown untuk unit, jenis target, polaritas, IKU, satuan anggaran (dan saran untuk perspektif\ndan satuan); format angka `#,##0` untuk rupiah; header dibekukan; judul "RENCANA AKSI\nPERJANJIAN KINERJA TAHUN …" dari Info.\n\n**Area ketik.** Tabel Excel di template kosong hanya satu baris (Excel memanjangkannya sendiri\nsaat orang mengetik tepat di bawahnya), tetapi LibreOffice, WPS dan menempel blok tidak\nmemanjangkan tabel. Tabel tidak dibuat 2000 baris sejak awal: baris kosong berarsir warna\ntabel dihitung Excel sebagai halaman berisi (menurut dokumentasi Microsoft tentang halaman\nkosong; tidak diuji di Excel) dan ikut dalam urut/saring. Karena itu yang membuat baris baru\nterbantu bukan tabelnya, melainkan kolomnya, sampai baris 2005 (`Anggaran`: 5005, sejauh rumus\nsheet `Capaian` membaca):\n\n- setiap kolom punya *gaya bawaan kolom* (`<col style>`, dipakai Excel dan LibreOffice untuk\n  sel yang baru diketik): kolom kode (`Kode Indikator`, `Kode RO`) berformat teks `@`, jadi\n  `1.02` dan `2.10` tetap teks; uang `#,##0`; target `#,##0.##`; teks panjang dibungkus;\n- dropdown dan validasi angka berlaku sampai baris terakhir itu;\n- kolom rumus `RAPK`!`Jumlah Kontribusi` berumus di setiap baris itu (kosong bila `Kode\n  Indikator` kosong).\n\nDiperiksa dengan LibreOffice sungguhan (`tests/test_ketik_libreoffice.py`): isi ketiga sampel\ndiketik sel demi sel ke template dan memberi temuan validasi yang sama dengan sampel yang\nditulis kode; 300 baris yang ditempel di A6 `PK`, `RAPK` dan `Anggaran` mendarat di sel kosong\nberformat dan terbaca semua.\n\n**Tanda tangan tidak di sheet isian.** Dulu blok tanda tangan (tempat dan tanggal, jabatan,\nnama dari Info) digabung tiga baris di bawah tabel `PK` dan `RAPK`: baris ke-5 dan seterusnya\nyang diketik masuk ke sel gabungannya (Polaritas menjadi `80`, Anggaran hilang) dan blok yang\nditempel menimpanya atau ditolak. Diletakkan di samping tabel pun ia menghalangi kolom\ntambahan, yang menurut format ini boleh ditambahkan di kanan kolom terakhir, dan tercetak di\nsamping tabel, bukan di bawahnya. Maka tanda tangan hanya ada di dokumen cetak resmi\n(`rapk-xl cetak`, lihat `docs/cetak.md`), yang mengambil tempat, tanggal, jabatan dan nama\ndari sheet `Info`.\n\n**Cetak sheet isian** (salinan kerja; dokumen resmi: `rapk-xl cetak`): A4 lanskap selebar\nhalaman, baris judul 1–5 berulang, tinggi baris mengikuti teks yang dibungkus. Sheet `RAPK`\npunya area cetak kolom A–O sampai baris 2005: kolom `Jumlah Kontribusi` yang berumus sampai\nbaris 2005 tidak ikut tercetak, sehingga sel rumus kosong tidak menjadi puluhan halaman\nkosong; halaman tanpa isi tidak dicetak. `Petunjuk` dan `Info` juga lanskap. `Capaian`: area\ncetak A–AC sampai baris 52 (indikator ke-47 dan blok perspektif), atau sampai indikator\nterakhir bila workbook ditulis berisi lebih banyak; bila PK memuat lebih banyak indikator,\nbaris 3 sheet `Capaian` berganti menjadi peringatan untuk menghapus area cetak sebelum\nmencetak. Tanpa Periode di Info, `Capaian` menampilkan "(isi Periode 1-12 di sheet Info)",\nbukan "0 Januari".\n\nYang diuji di LibreOffice (PDF, `tests/test_libreoffice.py`): template kosong = satu halaman\nper sheet isian dan dua untuk `Capaian`; setiap kata di dalam halaman dan tidak ada teks yang\nmenimpa teks lain (template kosong dan sampel Jember). Yang tidak dapat diuji di sini: cara\nExcel di Windows memperlakukan halaman kosong di dalam area cetak `RAPK` (menurut Microsoft,\nhalaman kosong di akhir tidak dicetak).\n\n## Versi\n\n`Versi Format` di Info = `1`. Perubahan nama sheet, tabel atau header menaikkan versi;\nworkbook dengan versi lain ditolak validator dengan pesan yang jelas.\n'

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
