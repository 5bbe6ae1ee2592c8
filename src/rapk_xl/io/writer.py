"""Menulis workbook RAPK format versi 1 (template kosong, template terisi, sampel).

Semua sheet, tabel, header, lebar, format angka dan dropdown diambil dari
:mod:`rapk_xl.format.spec`; rumus sheet Capaian dari :mod:`rapk_xl.io.capaian_sheet`.
"""
from __future__ import annotations

from copy import copy
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, Protection
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.formula import ArrayFormula
from openpyxl.worksheet.table import Table, TableStyleInfo

from ..format import DataRAPK
from ..format import capaian as fc
from ..format.spec import (
    ANGGARAN, BARIS_HEADER, BATAS_BARIS, BATAS_BARIS_ANGGARAN, DAFTAR, INFO, KUNCI_INFO,
    NAMA_DAFTAR_PILIHAN, PERSPEKTIF, PK, RAPK, SHEET_CAPAIAN, SHEET_DAFTAR, SHEET_PETUNJUK,
    TABEL_DATA, VERSI_FORMAT, Kolom, Tabel,
)
from . import capaian_sheet as cs
from .gaya import (BUNGKUS, HEADER_FILL, HEADER_FONT, JUDUL_FONT, KOTAK, PETUNJUK_FONT,
                   RUMUS_FILL, SUBHEADER_FILL, TENGAH, atur_cetak, huruf, tulis_sel,
                   warnai_kriteria)
from .tampilan import jumlah_baris_teks, tinggi_baris

__all__ = ["tulis_workbook", "tulis_template", "data_template", "BATAS_VALIDASI", "batas_baris",
           "BARIS_CETAK_CAPAIAN"]

#: Baris terakhir sheet isian yang disiapkan untuk diisi (format, dropdown, rumus): baris
#: yang diketik atau ditempel sampai di sini masuk ke sel berformat, juga bila tabel Excel
#: tidak ikut memanjang (LibreOffice, WPS, menempel).
BATAS_VALIDASI = BATAS_BARIS

#: Huruf bawaan workbook (Calibri 11) untuk perkiraan tinggi baris.
_UKURAN = 11
_UKURAN_PETUNJUK = 9


def batas_baris(t: Tabel) -> int:
    """Baris terakhir yang disiapkan untuk tabel ``t``: sejauh rumus sheet Capaian
    membacanya (Anggaran sampai baris 5005, tabel lain sampai 2005)."""
    return BATAS_BARIS_ANGGARAN if t is ANGGARAN else BATAS_VALIDASI

PETUNJUK = [
    ("RAPK — Rencana Aksi Perjanjian Kinerja (format workbook versi {versi})", "judul"),
    ("Workbook ini diisi satu kali per unit kerja per tahun, lalu diperbarui realisasinya setiap "
     "bulan dan dikirim ke Biro Perencanaan dan Keuangan.", ""),
    ("", ""),
    ("Sheet yang diisi", "sub"),
    ("Info — unit kerja, tahun, periode (bulan terakhir yang dilaporkan), satuan anggaran, "
     "penandatangan.", ""),
    ("PK — sasaran dan indikator: satuan, jenis target, polaritas, IKU, bobot, target tahunan.", ""),
    ("RAPK — target per bulan B01–B12 dan anggaran tiap indikator.", ""),
    ("Anggaran — rincian output (RO), komponen, sub komponen, pagu dan kontribusi per indikator; "
     "realisasi anggaran.", ""),
    ("Realisasi — realisasi tiap bulan R01–R12 (s.d. bulan itu).", ""),
    ("Pembilang — opsional: pembilang dan penyebut untuk indikator a / b × 100.", ""),
    ("", ""),
    ("Sheet yang dihitung (jangan diketik)", "sub"),
    ("Capaian — target bulan ini, realisasi, capaian periode dan tahunan, kriteria, NPS per "
     "sasaran dan unit, efisiensi. Dihitung dengan fungsi rapk-xl (=CAPAIAN, =NPS, ...) yang "
     "tersedia setelah add-in rapk-xl dipasang.", ""),
    ("", ""),
    ("Aturan pengisian", "sub"),
    ("Kode Indikator (mis. 1.01) menghubungkan semua sheet: tulis persis sama di PK, RAPK, "
     "Anggaran dan Realisasi.", ""),
    ("Isi data mulai baris 6, satu baris per baris data, tanpa baris kosong di tengah. Baris 6 "
     "sampai 2005 sudah disiapkan (format, pilihan, rumus): ketik atau tempel langsung di sana. "
     "Menempel dari workbook lain: Tempel Spesial > Nilai, agar format sel tetap.", ""),
    ("Kode Indikator dan Kode RO adalah teks: 1.10 tetap 1.10 (bukan 1.1) di kolom yang sudah "
     "disiapkan.", ""),
    ("Jangan mengganti nama sheet, tabel atau judul kolom; kolom tambahan boleh diletakkan di "
     "kanan kolom terakhir.", ""),
    ("Angka diketik sebagai angka (bukan teks); '-' atau kosong berarti tidak ada target.", ""),
    ("Sebelum mengirim: tekan tombol Validasi di tab RAPK (atau jalankan rapk-xl validasi).", ""),
    ("", ""),
    ("Mencetak", "sub"),
    ("Dokumen RAPK resmi (tata letak dokumen, tanda tangan dari Info: tempat, tanggal, jabatan, "
     "nama) dicetak dengan rapk-xl cetak, bukan dari sheet isian. Sheet isian dan Capaian "
     "dapat dicetak sebagai salinan kerja (A4 lanskap).", ""),
]


def data_template(unit: str | None = None, tahun: int | None = None, periode: int | None = None
                  ) -> DataRAPK:
    """Isi awal template: Info terisi seperlunya, tabel kosong."""
    info: dict[str, object] = {k.id: None for k in KUNCI_INFO}
    info.update({"unit_kerja": unit, "tahun": tahun, "periode": periode,
                 "satuan_anggaran": "Rupiah", "versi_format": VERSI_FORMAT})
    return DataRAPK(info)


def _nama(wb: Workbook, nama: str, rujukan: str) -> None:
    wb.defined_names[nama] = DefinedName(nama, attr_text=rujukan)


def _tulis_daftar(wb: Workbook) -> None:
    ws = wb.create_sheet(SHEET_DAFTAR)
    ws.sheet_state = "hidden"
    for j, (nama, (judul, isi)) in enumerate(DAFTAR.items(), start=1):
        ws.cell(1, j, judul).font = Font(bold=True)
        for i, v in enumerate(isi, start=2):
            ws.cell(i, j, v)
        h = huruf(j)
        _nama(wb, nama, f"{SHEET_DAFTAR}!${h}$2:${h}${len(isi) + 1}")
        ws.column_dimensions[h].width = 30
    ws.protection.sheet = True


def _validasi_daftar(nama_daftar: str, ketat: bool, judul: str, petunjuk: str) -> DataValidation:
    dv = DataValidation(type="list", formula1=f"={nama_daftar}", allow_blank=True,
                        showDropDown=False, showErrorMessage=True, showInputMessage=bool(petunjuk))
    dv.errorStyle = "stop" if ketat else "warning"
    dv.errorTitle = judul[:32]
    dv.error = ("Pilih salah satu nilai dari daftar." if ketat else
                "Nilai ini tidak ada di daftar. Tetap pakai?")
    if petunjuk:
        dv.promptTitle, dv.prompt = judul[:32], petunjuk[:255]
    return dv


def _validasi_kolom(k: Kolom) -> DataValidation | None:
    if k.rumus:
        return None
    if k.pilihan in NAMA_DAFTAR_PILIHAN:
        return _validasi_daftar(NAMA_DAFTAR_PILIHAN[k.pilihan], k.pilihan_ketat, k.nama,
                                k.petunjuk)
    if k.jenis in ("bulat", "angka"):
        jenis = "whole" if k.jenis == "bulat" else "decimal"
        lo = k.minimum if k.minimum is not None else -1e15
        if k.maksimum is not None:
            dv = DataValidation(type=jenis, operator="between", formula1=str(lo),
                                formula2=str(k.maksimum))
            syarat = f"antara {lo:g} dan {k.maksimum:g}"
        else:
            dv = DataValidation(type=jenis, operator="greaterThanOrEqual", formula1=str(lo))
            syarat = f"paling kecil {lo:g}"
        dv.allow_blank = True
        dv.showErrorMessage = True
        dv.errorTitle = k.nama[:32]
        dv.error = (f"{k.nama} harus {'bilangan bulat' if k.jenis == 'bulat' else 'angka'} "
                    f"{syarat}.")
        if k.petunjuk:
            dv.showInputMessage, dv.promptTitle, dv.prompt = True, k.nama[:32], k.petunjuk[:255]
        return dv
    if k.petunjuk:
        dv = DataValidation(type=None, allow_blank=True, showInputMessage=True)
        dv.promptTitle, dv.prompt = k.nama[:32], k.petunjuk[:255]
        return dv
    return None


def _judul(ws, t: Tabel, lebar_kolom: list[float]) -> None:
    akhir = huruf(len(lebar_kolom))
    # TRIM: tanpa unit/tahun tidak tersisa spasi ganda atau spasi di ujung
    teks = [f'=TRIM("{t.judul} "&infoTahun)', '=UPPER(infoUnit&"")',
            "BADAN PENGAWAS OBAT DAN MAKANAN"]
    for r, isi in enumerate(teks, start=1):
        c = ws.cell(r, 1, isi)
        # judul lebih lebar daripada tabel (Pembilang: 4 kolom; nama unit sampai 110 huruf)
        # diperkecil agar utuh, tidak terpotong di kiri dan kanan
        c.font, c.alignment = JUDUL_FONT, Alignment(horizontal="center", shrink_to_fit=True)
        ws.merge_cells(f"A{r}:{akhir}{r}")
    c = ws.cell(4, 1, t.petunjuk)
    c.font, c.alignment = PETUNJUK_FONT, BUNGKUS
    ws.merge_cells(f"A4:{akhir}4")
    # sel gabungan tidak menyesuaikan tingginya sendiri (Excel maupun LibreOffice)
    n = jumlah_baris_teks(t.petunjuk, sum(lebar_kolom), _UKURAN_PETUNJUK)
    ws.row_dimensions[4].height = max(24.0, tinggi_baris(n, _UKURAN_PETUNJUK))


class _RumusBersama(ArrayFormula):
    """Rumus bersama (*shared formula*, ECMA-376 §18.3.1.40) satu kolom: sel pertama memuat
    rumus dan rentangnya, sel lain hanya ``<f t="shared" si="0"/>``; Excel dan LibreOffice
    menggeser rujukan relatifnya (``$A6`` → ``$A7``) untuk setiap baris. openpyxl menulisnya
    lewat jalur ``ArrayFormula`` (atribut dari ``__iter__``, teks dari ``text``). Satu per
    sheet (``si`` 0)."""

    def __init__(self, ref: str | None, text: str | None = None):
        super().__init__(ref, text)

    def __iter__(self):
        yield "t", "shared"
        if self.ref:
            yield "ref", self.ref
        yield "si", "0"


def _pola_rumus(t: Tabel, nama: str) -> str:
    """Rumus kolom rumus (id bidang ``nama``) dengan ``{r}`` untuk nomor barisnya."""
    if t is RAPK and nama == "jumlah_kontribusi":
        kode = f"${huruf(t.posisi('kode_indikator'))}{{r}}"
        batas = BATAS_BARIS_ANGGARAN
        return (f'=IF({kode}="","",SUMIF({cs.rentang_kolom(ANGGARAN, "kode_indikator", batas)},'
                f'{kode},{cs.rentang_kolom(ANGGARAN, "kontribusi", batas)}))')
    raise KeyError(nama)


_ATAS = Alignment(vertical="top")


def _tinggi_header(judul: list[str], lebar: list[float]) -> float:
    """Tinggi baris header agar setiap judul kolom terbungkus utuh (paling sedikit 2 baris)."""
    n = max([2, *(jumlah_baris_teks(j, w, _UKURAN) for j, w in zip(judul, lebar))])
    return tinggi_baris(n, _UKURAN)


def _gaya_isian(spec: Kolom | None) -> tuple[str | None, Alignment]:
    """Format angka dan perataan sel isian sebuah kolom: kode selalu teks (``@``), sehingga
    ``1.02`` dan ``2.10`` yang diketik tetap teks; teks panjang dibungkus."""
    if spec is None:
        return None, _ATAS
    fmt = "@" if spec.jenis == "kode" else spec.format_angka
    return fmt, (BUNGKUS if spec.jenis == "teks" and spec.lebar >= 30 else _ATAS)


def _tulis_tabel(wb: Workbook, t: Tabel, df: pd.DataFrame) -> None:
    ws = wb.create_sheet(t.sheet)
    ekstra = [c for c in df.columns if c not in t.semua_id]
    semua = [*t.semua_id, *ekstra]  # id bidang (kolom tambahan: teks header aslinya)
    spec = [t.kolom_id(id_) if id_ in t.semua_id else None for id_ in semua]
    judul = [t.nama_kolom(id_) for id_ in semua]
    lebar = [k.lebar if k else 14 for k in spec]
    h = t.baris_header
    data = h + 1
    batas = batas_baris(t)
    _judul(ws, t, lebar)
    for j, teks in enumerate(judul, start=1):
        c = ws.cell(h, j, teks)
        c.font, c.fill, c.alignment, c.border = HEADER_FONT, HEADER_FILL, TENGAH, KOTAK
    ws.row_dimensions[h].height = _tinggi_header(judul, lebar)
    n = max(len(df), 1)
    akhir = data + n - 1
    baris_teks = [1] * n  # baris teks terbanyak per baris data (untuk tingginya)
    for j, (nama, k) in enumerate(zip(semua, spec), start=1):
        hj = huruf(j)
        fmt, rata = _gaya_isian(k)
        # gaya bawaan kolom: sel kosong di bawah tabel yang diketik atau ditempel (tanpa
        # tabel Excel yang memanjang) tetap berformat, seperti baris tabel
        dim = ws.column_dimensions[hj]
        dim.width = lebar[j - 1]
        if fmt:
            dim.number_format = fmt
        dim.alignment = rata
        if k is not None and k.rumus:
            # kolom rumus: terisi sampai baris terakhir yang disiapkan, bukan hanya baris tabel
            # satu rumus bersama untuk seluruh kolom (seperti yang ditulis Excel sendiri):
            # berkasnya kecil, dibaca cepat oleh validator
            pertama = ws.cell(data, j, _RumusBersama(f"{hj}{data}:{hj}{batas}",
                                                     _pola_rumus(t, nama).format(r=data)))
            pertama.fill, pertama.protection = RUMUS_FILL, Protection(locked=True)
            if fmt:
                pertama.number_format = fmt
            ikut = _RumusBersama(None)
            for r in range(data + 1, batas + 1):
                # gaya disalin langsung (jauh lebih cepat daripada menyetel tiga atribut gaya
                # di 2000 sel; template ditulis ulang untuk setiap kiriman sintetis)
                ws.cell(r, j, ikut)._style = copy(pertama._style)
            continue
        nilai = df[nama].tolist() if nama in df.columns else []
        gaya = None  # gaya sel isian kolom ini: disetel sekali, lalu disalin (cepat)
        for i, v in enumerate(nilai):
            c = tulis_sel(ws, data + i, j, v)
            if gaya is None:
                if fmt:
                    c.number_format = fmt
                c.alignment = rata
                gaya = c._style
            else:
                c._style = copy(gaya)
            if rata.wrap_text and isinstance(v, str) and len(v) > lebar[j - 1]:
                baris_teks[i] = max(baris_teks[i], jumlah_baris_teks(v, lebar[j - 1], _UKURAN))
        if k is not None:
            dv = _validasi_kolom(k)
            if dv is not None:
                dv.add(f"{hj}{data}:{hj}{batas}")
                ws.add_data_validation(dv)
    for i, nb in enumerate(baris_teks):
        if nb > 1:
            ws.row_dimensions[data + i].height = tinggi_baris(nb, _UKURAN)
    tabel = Table(displayName=t.nama, ref=f"A{h}:{huruf(len(semua))}{akhir}")
    tabel.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(tabel)
    ws.freeze_panes = ws.cell(data, t.kolom_tetap + 1)
    atur_cetak(ws, f"1:{h}")
    rumus = [j for j, k in enumerate(spec) if k is not None and k.rumus]
    if rumus:
        # sel rumus yang menunggu baris baru sampai baris `batas` tidak boleh menjadi halaman
        # kosong: area cetak = kolom isian (tanpa kolom rumus di kanannya) sampai `batas`;
        # halaman tanpa isi tidak dicetak
        ws.print_area = f"A1:{huruf(min(rumus))}{batas}"


def _tulis_info(wb: Workbook, info: dict) -> None:
    ws = wb.create_sheet(INFO.sheet)
    ws.cell(1, 1, "INFORMASI WORKBOOK RAPK").font = JUDUL_FONT
    c = ws.cell(2, 1, INFO.petunjuk)
    c.font = PETUNJUK_FONT
    h = INFO.baris_header
    for j, k in enumerate(INFO.kolom, start=1):
        c = ws.cell(h, j, k.nama)
        c.font, c.fill, c.alignment = HEADER_FONT, HEADER_FILL, TENGAH
        ws.column_dimensions[huruf(j)].width = k.lebar
    kunci_lain = [k for k in info if k not in {ki.id for ki in KUNCI_INFO}]
    baris = [(ki.kunci, info.get(ki.id, ki.contoh), ki) for ki in KUNCI_INFO]
    baris += [(k, info[k], None) for k in kunci_lain]
    for i, (kunci, nilai, ki) in enumerate(baris):
        r = h + 1 + i
        ws.cell(r, 1, kunci).font = Font(bold=True)
        c = tulis_sel(ws, r, 2, nilai)
        c.protection = Protection(locked=False)
        c.border = KOTAK
        c.alignment = BUNGKUS
        petunjuk = ki.petunjuk if ki else None
        p = ws.cell(r, 3, petunjuk)
        p.font, p.alignment = PETUNJUK_FONT, BUNGKUS
        nb = max(jumlah_baris_teks(str(nilai), INFO.kolom[1].lebar, _UKURAN)
                 if isinstance(nilai, str) else 1,
                 jumlah_baris_teks(petunjuk or "", INFO.kolom[2].lebar, _UKURAN_PETUNJUK))
        if nb > 1:
            ws.row_dimensions[r].height = tinggi_baris(nb, _UKURAN)
        if ki is None:
            continue
        if ki.nama_range:
            _nama(wb, ki.nama_range, f"{INFO.sheet}!$B${r}")
        if ki.id == "unit_kerja":
            dv = _validasi_daftar("lstUnit", True, ki.kunci, ki.petunjuk)
        elif ki.pilihan:
            dv = _validasi_daftar(NAMA_DAFTAR_PILIHAN[ki.pilihan], True, ki.kunci, ki.petunjuk)
        elif ki.jenis == "bulat":
            atas = "YEAR(TODAY())+1" if ki.maksimum is None else f"{ki.maksimum:g}"
            dv = DataValidation(type="whole", operator="between", formula1=f"{ki.minimum:g}",
                                formula2=atas, allow_blank=True,
                                showErrorMessage=True, showInputMessage=True)
            dv.errorTitle, dv.promptTitle, dv.prompt = ki.kunci, ki.kunci, ki.petunjuk
            dv.error = (f"{ki.kunci} harus bilangan bulat {ki.minimum:g}–{ki.maksimum:g}."
                        if ki.maksimum is not None else
                        f"{ki.kunci} harus tahun {ki.minimum:g} s.d. tahun depan.")
        else:
            continue
        dv.add(f"B{r}")
        ws.add_data_validation(dv)
    akhir = h + len(baris)
    tabel = Table(displayName=INFO.nama, ref=f"A{h}:C{akhir}")
    tabel.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
    ws.add_table(tabel)
    ws.freeze_panes = ws.cell(h + 1, 1)
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    atur_cetak(ws)  # lanskap: ketiga kolom (lebar 144) terbaca tanpa diperkecil


def _tulis_petunjuk(wb: Workbook) -> None:
    ws = wb.active
    ws.title = SHEET_PETUNJUK
    ws.column_dimensions["A"].width = 120
    for r, (teks, jenis) in enumerate(PETUNJUK, start=1):
        teks = teks.format(versi=VERSI_FORMAT)
        c = ws.cell(r, 1, teks)
        c.alignment = BUNGKUS
        ukuran = _UKURAN
        if jenis == "judul":
            c.font, ukuran = JUDUL_FONT, JUDUL_FONT.size
        elif jenis == "sub":
            c.font, c.fill = Font(bold=True), SUBHEADER_FILL
        nb = jumlah_baris_teks(teks, ws.column_dimensions["A"].width, ukuran)
        if nb > 1 or jenis == "judul":
            ws.row_dimensions[r].height = tinggi_baris(nb, ukuran)
    # lanskap: kolom selebar 120 muat tanpa diperkecil (LibreOffice tidak memperkecil sheet
    # ini ke lebar halaman tegak, sehingga teksnya terpotong di kiri dan kanan)
    atur_cetak(ws)


#: Baris terakhir area cetak blok indikator sheet Capaian template kosong: satu halaman
#: formulir (47 indikator). Workbook yang ditulis berisi mencetak indikatornya saja; bila PK
#: kemudian memuat lebih banyak indikator, baris 3 sheet Capaian memperingatkannya.
BARIS_CETAK_CAPAIAN = BARIS_HEADER + 47

_PETUNJUK_CAPAIAN = ("Dihitung otomatis dari PK, RAPK, Realisasi dan Anggaran untuk bulan "
                     "Periode di Info; NPS memakai capaian periode. Sheet ini terkunci: jangan "
                     "diketik.")


def _area(blok, akhir: int) -> str:
    """Area cetak satu blok sheet Capaian, dari baris 1 (judul) sampai ``akhir``."""
    awal = blok.kolom_awal if blok is not fc.INDIKATOR else 1
    return f"{huruf(awal)}1:{huruf(blok.kolom_awal + len(blok.kolom) - 1)}{akhir}"


def _tulis_capaian(wb: Workbook, pk: pd.DataFrame) -> None:
    """Sheet Capaian untuk baris ``pk`` (teks indikator, sasaran dan perspektif yang sudah
    diketahui menentukan tinggi baris dan area cetaknya)."""
    ws = wb.create_sheet(SHEET_CAPAIAN)
    indikator = pk["indikator"].tolist()
    n_indikator = len(indikator)
    # sasaran urut nomor, seperti blok sasaran (nomor terkecil dulu); teksnya yang pertama
    sasaran = (pk[pk["no_sasaran"].notna()].drop_duplicates("no_sasaran")
               .assign(_no=lambda d: pd.to_numeric(d["no_sasaran"], errors="coerce"))
               .sort_values("_no")["sasaran"].tolist())
    ada_perspektif = bool(pk["perspektif"].map(lambda v: isinstance(v, str) and v.strip()).any())
    rumus = cs.rancangan(n_indikator)
    # judul tanpa spasi ganda bila unit/tahun belum diisi
    ws.cell(1, 1, '=TRIM("CAPAIAN KINERJA "&UPPER(infoUnit&"")&" TAHUN "&infoTahun)'
            ).font = JUDUL_FONT
    ws.cell(2, 1, "Periode").font = Font(bold=True)
    ws.cell(2, 5, "NPS unit").font = Font(bold=True)
    # area cetak indikator: indikator workbook ini (template kosong: satu halaman formulir)
    muat = n_indikator or BARIS_CETAK_CAPAIAN - BARIS_HEADER
    akhir_cetak = BARIS_HEADER + muat
    c = ws.cell(3, 1, f'=IF(COUNTA({cs.rentang_kolom(PK, "kode_indikator")})>{muat},'
                      f'"PERHATIAN: PK memuat lebih dari {muat} indikator, sedangkan area cetak '
                      f'sheet ini sampai indikator ke-{muat}. Sebelum mencetak, hapus Area Cetak '
                      '(Excel: Tata Letak Halaman > Area Cetak > Hapus Area Cetak).",'
                      f'"{_PETUNJUK_CAPAIAN}")')
    c.font = PETUNJUK_FONT
    n = fc.jumlah_baris_indikator(n_indikator)
    akhir_blok = {"indikator": fc.BARIS_DATA + n - 1,
                  "sasaran": fc.BARIS_DATA + fc.JUMLAH_BARIS_SASARAN - 1,
                  "perspektif": fc.PERSPEKTIF_BLOK.baris_header + len(PERSPEKTIF)}
    for blk in fc.BLOK:
        mulai, baris, akhir, kolom = (blk.kolom_awal, blk.baris_header, akhir_blok[blk.id],
                                      blk.kolom)
        c = ws.cell(baris - 1, mulai, blk.judul)
        c.font, c.fill = Font(bold=True), SUBHEADER_FILL
        ws.merge_cells(start_row=baris - 1, start_column=mulai,
                       end_row=baris - 1, end_column=mulai + len(kolom) - 1)
        for j, k in enumerate(kolom):
            c = ws.cell(baris, mulai + j, k.nama)
            c.font, c.fill, c.alignment, c.border = HEADER_FONT, HEADER_FILL, TENGAH, KOTAK
            h = huruf(mulai + j)
            ws.column_dimensions[h].width = k.lebar
            gaya = None  # gaya sel pertama kolom ini, disalin ke sel berikutnya (cepat)
            for r in range(baris + 1, akhir + 1):
                f = rumus.get(f"{h}{r}")
                if f is None:
                    continue
                c = ws.cell(r, mulai + j, "=" + f)
                if gaya is not None:
                    c._style = copy(gaya)
                elif k.format_angka:
                    c.number_format = k.format_angka
                if gaya is None:
                    gaya = c._style
                if (k.id == "indikator" and blk is fc.INDIKATOR
                        and r - fc.BARIS_DATA < n_indikator):
                    # teks indikator yang sudah diketahui dibungkus, dengan tinggi barisnya
                    # (di bawah); baris cadangan tidak: LibreOffice tidak menyesuaikan tinggi
                    # baris untuk hasil rumus, teks terbungkusnya akan menimpa baris berikut
                    c.alignment = BUNGKUS
                elif (k.id == "sasaran" and blk is fc.SASARAN
                        and r - fc.BARIS_DATA < len(sasaran)):
                    c.alignment = BUNGKUS
            if k.warna == "kriteria":
                warnai_kriteria(ws, f"{h}{baris + 1}:{h}{akhir}")
        ws.row_dimensions[baris].height = _tinggi_header(
            [k.nama for k in kolom], [ws.column_dimensions[huruf(mulai + j)].width
                                      for j in range(len(kolom))])
    # teks indikator dan sasaran yang sudah diketahui (workbook yang ditulis berisi) dibungkus
    # utuh: baris ke-i memuat indikator ke-i dan sasaran ke-i, jadi tingginya untuk keduanya
    lebar_ind = fc.INDIKATOR.kolom_id("indikator").lebar
    lebar_sas = fc.SASARAN.kolom_id("sasaran").lebar
    for i in range(max(n_indikator, len(sasaran))):
        n_baris = max(
            jumlah_baris_teks(t, lebar, _UKURAN) if isinstance(t, str) and len(t) > lebar else 1
            for t, lebar in ((indikator[i] if i < n_indikator else None, lebar_ind),
                             (sasaran[i] if i < len(sasaran) else None, lebar_sas)))
        if n_baris > 1:
            ws.row_dimensions[fc.BARIS_DATA + i].height = tinggi_baris(n_baris, _UKURAN)
    kp, bp = fc.PERSPEKTIF_BLOK.kolom_awal, fc.PERSPEKTIF_BLOK.baris_header
    for i, p in enumerate(PERSPEKTIF):
        ws.cell(bp + 1 + i, kp, p)
    for alamat in (fc.SEL_PERIODE.replace("$", ""), fc.SEL_NAMA_BULAN, fc.SEL_NPS_UNIT,
                   fc.SEL_KRITERIA_UNIT):
        ws[alamat] = "=" + rumus[alamat]
    ws[fc.SEL_NPS_UNIT].number_format = "0.00"
    ws[fc.SEL_NPS_UNIT].font = ws[fc.SEL_KRITERIA_UNIT].font = Font(bold=True)
    warnai_kriteria(ws, fc.SEL_KRITERIA_UNIT)
    ws.freeze_panes = ws.cell(fc.BARIS_DATA, 2)
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.autoFilter = False
    atur_cetak(ws, f"1:{BARIS_HEADER}")
    # area cetak per blok, masing-masing mulai di halaman baru dan selebar halaman: indikator,
    # sasaran, perspektif — hanya baris yang berisi (tanpa halaman berisi judul saja); tanpa
    # perspektif di PK blok perspektif tidak dicetak (template kosong: ketiganya, formulir)
    akhir_sas = fc.BARIS_DATA - 1 + (len(sasaran) or fc.JUMLAH_BARIS_SASARAN)
    area = [_area(fc.INDIKATOR, akhir_cetak), _area(fc.SASARAN, akhir_sas)]
    if ada_perspektif or not n_indikator:
        area.append(_area(fc.PERSPEKTIF_BLOK, bp + len(PERSPEKTIF)))
    ws.print_area = area


def tulis_workbook(data: DataRAPK, path: str | Path) -> Path:
    """Tulis ``data`` sebagai workbook format versi 1 ke ``path`` (.xlsx)."""
    path = Path(path)
    wb = Workbook()
    _tulis_petunjuk(wb)
    info = dict(data.info)
    info.setdefault("versi_format", VERSI_FORMAT)
    _tulis_info(wb, info)
    for t in TABEL_DATA:
        _tulis_tabel(wb, t, data.tabel[t.kunci])
    _tulis_capaian(wb, data.pk)
    _tulis_daftar(wb)
    wb.active = 1  # buka di Info
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def tulis_template(path: str | Path, unit: str | None = None, tahun: int | None = None) -> Path:
    """Template kosong (atau dengan Info terisi) di ``path``."""
    return tulis_workbook(data_template(unit, tahun), path)
