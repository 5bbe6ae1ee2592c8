"""Menulis workbook RAPK format versi 1 (template kosong, template terisi, sampel).

Semua sheet, tabel, header, lebar, format angka dan dropdown diambil dari
:mod:`rapk_xl.format.spec`; rumus sheet Capaian dari :mod:`rapk_xl.io.capaian_sheet`.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, Protection
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.table import Table, TableStyleInfo

from ..format import DataRAPK
from ..format.spec import (
    ANGGARAN, BARIS_HEADER, BATAS_BARIS, BATAS_BARIS_ANGGARAN, DAFTAR, INFO, KUNCI_INFO, NAMA_DAFTAR_PILIHAN, PERSPEKTIF, PK,
    RAPK, SHEET_CAPAIAN, SHEET_DAFTAR, SHEET_PETUNJUK, TABEL_DATA, VERSI_FORMAT, Kolom, Tabel,
)
from ..format import capaian as fc
from . import capaian_sheet as cs
from .gaya import (BUNGKUS, HEADER_FILL, HEADER_FONT, JUDUL_FONT, KOTAK, PETUNJUK_FONT,
                   RUMUS_FILL, SUBHEADER_FILL, TENGAH, atur_cetak, huruf, tulis_sel,
                   warnai_kriteria)

__all__ = ["tulis_workbook", "tulis_template", "data_template", "BATAS_VALIDASI"]

#: Baris terakhir yang diberi dropdown/validasi (agar baris baru tetap terbantu).
BATAS_VALIDASI = BATAS_BARIS
GAP_TANDA_TANGAN = 3

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
    ("Isi data di dalam tabel (baris berwarna). Menambah baris: ketik tepat di bawah baris "
     "terakhir tabel, atau klik kanan > Sisipkan > Baris Tabel.", ""),
    ("Jangan mengganti nama sheet, tabel atau judul kolom; kolom tambahan boleh diletakkan di "
     "kanan kolom terakhir.", ""),
    ("Angka diketik sebagai angka (bukan teks); '-' atau kosong berarti tidak ada target.", ""),
    ("Sebelum mengirim: tekan tombol Validasi di tab RAPK (atau jalankan rapk-xl validasi).", ""),
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


def _judul(ws, t: Tabel, lebar: int) -> None:
    akhir = huruf(lebar)
    teks = [f'="{t.judul} "&infoTahun&""', '=UPPER(infoUnit&"")',
            "BADAN PENGAWAS OBAT DAN MAKANAN"]
    for r, isi in enumerate(teks, start=1):
        c = ws.cell(r, 1, isi)
        c.font, c.alignment = JUDUL_FONT, Alignment(horizontal="center")
        ws.merge_cells(f"A{r}:{akhir}{r}")
    c = ws.cell(4, 1, t.petunjuk)
    c.font, c.alignment = PETUNJUK_FONT, BUNGKUS
    ws.merge_cells(f"A4:{akhir}4")
    ws.row_dimensions[4].height = 30


def _tanda_tangan(ws, baris: int, kolom_akhir: int) -> None:
    """Blok tanda tangan (tempat, tanggal, jabatan, nama) dari Info, rata kanan bawah."""
    k = max(1, kolom_akhir - 3)
    isi = [
        '=IF(infoTempat&""="","",infoTempat&", ")&IF(ISNUMBER(infoTanggal),'
        'TEXT(infoTanggal,"[$-421]d mmmm yyyy"),infoTanggal&"")',
        '=infoJabatan&""', None, None, None, '=infoNama&""',
    ]
    for i, v in enumerate(isi):
        if v is not None:
            c = ws.cell(baris + i, k, v)
            c.alignment = Alignment(horizontal="center")
            ws.merge_cells(start_row=baris + i, start_column=k, end_row=baris + i,
                           end_column=kolom_akhir)
    ws.cell(baris + len(isi) - 1, k).font = Font(bold=True, underline="single")


def _rumus_kolom(t: Tabel, id_: str, r: int) -> str:
    if t is RAPK and id_ == "jumlah_kontribusi":
        kode = f"${huruf(t.posisi('kode_indikator'))}{r}"
        batas = BATAS_BARIS_ANGGARAN
        return (f'=IF({kode}="","",SUMIF({cs.rentang_kolom(ANGGARAN, "kode_indikator", batas)},'
                f'{kode},{cs.rentang_kolom(ANGGARAN, "kontribusi", batas)}))')
    raise KeyError(id_)


def _tulis_tabel(wb: Workbook, t: Tabel, df: pd.DataFrame, tanda_tangan: bool) -> None:
    ws = wb.create_sheet(t.sheet)
    ekstra = [c for c in df.columns if c not in t.semua_id]
    semua = [*t.semua_id, *ekstra]
    lebar = len(semua)
    h = t.baris_header
    data = h + 1
    _judul(ws, t, lebar)
    for j, id_ in enumerate(semua, start=1):
        c = ws.cell(h, j, t.nama_kolom(id_))
        c.font, c.fill, c.alignment, c.border = HEADER_FONT, HEADER_FILL, TENGAH, KOTAK
    ws.row_dimensions[h].height = 32
    n = max(len(df), 1)
    akhir = data + n - 1
    for j, id_ in enumerate(semua, start=1):
        spec = t.kolom_id(id_) if id_ in t.semua_id else None
        nilai = df[id_].tolist() if id_ in df.columns else [None] * len(df)
        for i in range(n):
            r = data + i
            if spec is not None and spec.rumus:
                c = ws.cell(r, j, _rumus_kolom(t, id_, r))
                c.fill = RUMUS_FILL
                c.protection = Protection(locked=True)
            else:
                c = tulis_sel(ws, r, j, nilai[i] if i < len(nilai) else None)
            if spec is not None and spec.format_angka:
                c.number_format = spec.format_angka
            if spec is not None and spec.jenis == "kode":
                c.number_format = "@"
            elif spec is not None and spec.jenis == "teks" and spec.lebar >= 30:
                c.alignment = BUNGKUS
        ws.column_dimensions[huruf(j)].width = spec.lebar if spec else 14
        if spec is not None:
            dv = _validasi_kolom(spec)
            if dv is not None:
                dv.add(f"{huruf(j)}{data}:{huruf(j)}{BATAS_VALIDASI}")
                ws.add_data_validation(dv)
    tabel = Table(displayName=t.nama, ref=f"A{h}:{huruf(lebar)}{akhir}")
    tabel.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(tabel)
    ws.freeze_panes = ws.cell(data, t.kolom_tetap + 1)
    atur_cetak(ws, f"1:{h}")
    if tanda_tangan:
        _tanda_tangan(ws, akhir + 1 + GAP_TANDA_TANGAN, lebar)


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
        ws.cell(r, 3, ki.petunjuk if ki else None).font = PETUNJUK_FONT
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
    atur_cetak(ws, landscape=False)


def _tulis_petunjuk(wb: Workbook) -> None:
    ws = wb.active
    ws.title = SHEET_PETUNJUK
    ws.column_dimensions["A"].width = 120
    for r, (teks, jenis) in enumerate(PETUNJUK, start=1):
        c = ws.cell(r, 1, teks.format(versi=VERSI_FORMAT))
        c.alignment = BUNGKUS
        if jenis == "judul":
            c.font = JUDUL_FONT
        elif jenis == "sub":
            c.font, c.fill = Font(bold=True), SUBHEADER_FILL
    atur_cetak(ws, landscape=False)


def _tulis_capaian(wb: Workbook, n_indikator: int) -> None:
    ws = wb.create_sheet(SHEET_CAPAIAN)
    rumus = cs.rancangan(n_indikator)
    ws.cell(1, 1, '="CAPAIAN KINERJA "&UPPER(infoUnit&"")&" TAHUN "&infoTahun&""').font = JUDUL_FONT
    ws.cell(2, 1, "Periode").font = Font(bold=True)
    ws.cell(2, 5, "NPS unit").font = Font(bold=True)
    ws.cell(3, 1, "Dihitung otomatis dari PK, RAPK, Realisasi dan Anggaran untuk bulan Periode "
                  "di Info; NPS memakai capaian periode. Sheet ini terkunci: jangan diketik.")
    ws.cell(3, 1).font = PETUNJUK_FONT
    n = fc.jumlah_baris_indikator(n_indikator)
    akhir_blok = {"indikator": fc.BARIS_DATA + n - 1,
                  "sasaran": fc.BARIS_DATA + fc.JUMLAH_BARIS_SASARAN - 1,
                  "perspektif": fc.PERSPEKTIF_BLOK.baris_header + len(PERSPEKTIF)}
    for b in fc.BLOK:
        mulai, baris, akhir = b.kolom_awal, b.baris_header, akhir_blok[b.id]
        c = ws.cell(baris - 1, mulai, b.judul)
        c.font, c.fill = Font(bold=True), SUBHEADER_FILL
        ws.merge_cells(start_row=baris - 1, start_column=mulai,
                       end_row=baris - 1, end_column=mulai + len(b.kolom) - 1)
        for j, k in enumerate(b.kolom):
            c = ws.cell(baris, mulai + j, k.nama)
            c.font, c.fill, c.alignment, c.border = HEADER_FONT, HEADER_FILL, TENGAH, KOTAK
            h = huruf(mulai + j)
            if b is not fc.PERSPEKTIF_BLOK:
                ws.column_dimensions[h].width = k.lebar
            for r in range(baris + 1, akhir + 1):
                alamat = f"{h}{r}"
                if alamat in rumus:
                    ws[alamat] = "=" + rumus[alamat]
                    if k.format_angka:
                        ws[alamat].number_format = k.format_angka
            if k.warna == "kriteria":
                warnai_kriteria(ws, f"{h}{baris + 1}:{h}{akhir}")
        ws.row_dimensions[baris].height = 32
    for i, p in enumerate(PERSPEKTIF):
        ws.cell(fc.PERSPEKTIF_BLOK.baris_header + 1 + i, fc.PERSPEKTIF_BLOK.kolom_awal, p)
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
    ws.page_setup.fitToWidth = 2
    ws.col_breaks.append(Break(id=fc.SASARAN.kolom_awal - 1))


def tulis_workbook(data: DataRAPK, path: str | Path) -> Path:
    """Tulis ``data`` sebagai workbook format versi 1 ke ``path`` (.xlsx)."""
    path = Path(path)
    wb = Workbook()
    _tulis_petunjuk(wb)
    info = dict(data.info)
    info.setdefault("versi_format", VERSI_FORMAT)
    _tulis_info(wb, info)
    for t in TABEL_DATA:
        _tulis_tabel(wb, t, data.tabel[t.kunci], tanda_tangan=t in (PK, RAPK))
    _tulis_capaian(wb, len(data.pk))
    _tulis_daftar(wb)
    wb.active = 1  # buka di Info
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def tulis_template(path: str | Path, unit: str | None = None, tahun: int | None = None) -> Path:
    """Template kosong (atau dengan Info terisi) di ``path``."""
    return tulis_workbook(data_template(unit, tahun), path)
