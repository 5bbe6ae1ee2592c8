"""Keluaran laporan validasi: teks untuk terminal, JSON, dan workbook .xlsx bertautan."""
from __future__ import annotations

import json
import os
from pathlib import Path

from .katalog import ERROR
from .temuan import HasilBerkas, Laporan

__all__ = ["ke_teks", "ke_json", "tulis_xlsx", "ringkasan"]

_LABEL = {"error": "KESALAHAN", "warning": "PERINGATAN"}


def ringkasan(lap: Laporan) -> str:
    """Mis. "3 berkas: 1 lolos, 2 dengan kesalahan — 13 kesalahan, 33 peringatan"."""
    diperiksa = [f for f in lap.files if not f.dilewati]
    lolos = sum(1 for f in diperiksa if f.valid)
    bagian = [f"{len(diperiksa)} berkas diperiksa: {lolos} lolos, {len(diperiksa) - lolos} dengan "
              f"kesalahan", f"{lap.jumlah_error} kesalahan, {lap.jumlah_warning} peringatan"]
    dilewati = len(lap.files) - len(diperiksa)
    if dilewati:
        bagian.append(f"{dilewati} dilewati")
    return " — ".join(bagian)


def _judul(f: HasilBerkas) -> str:
    ident = ", ".join(str(x) for x in (f.unit, f.tahun) if x is not None)
    if f.periode is not None:
        ident += f", periode {f.periode}"
    return f"{f.file}" + (f" — {ident}" if ident else "")


def ke_teks(lap: Laporan) -> str:
    """Laporan untuk terminal, dikelompokkan per berkas."""
    baris = []
    for f in lap.files:
        if f.dilewati:
            baris.append(f"{f.file}\n  dilewati: {f.catatan}")
            continue
        status = "LOLOS" if f.valid else "DITOLAK"
        hitung = f"{len(f.errors)} kesalahan, {len(f.warnings)} peringatan"
        baris.append(f"{_judul(f)}\n  {status}: {hitung}")
        for t in f.findings:
            tempat = t.tempat or "(berkas)"
            baris.append(f"  {_LABEL[t.severity]:<10} {tempat:<16} {t.message}  [{t.rule}]")
    baris.append("")
    baris.append(ringkasan(lap))
    return "\n".join(baris)


def ke_json(lap: Laporan) -> str:
    """``{"files": [{"file", "unit", "tahun", "periode", "valid", "findings": [...]}]}``."""
    return json.dumps(lap.ke_dict(), ensure_ascii=False, indent=2)


def tulis_xlsx(lap: Laporan, path: str | Path) -> Path:
    """Workbook laporan: sheet Ringkasan dan Temuan; setiap temuan bertaut ke selnya. Siap
    cetak: tabel Excel, A4 lanskap selebar halaman, header berulang, teks panjang terbungkus."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.hyperlink import Hyperlink
    from openpyxl.worksheet.table import Table, TableStyleInfo

    from ..io.gaya import HEADER_FILL, atur_cetak, huruf, tulis_sel, warnai_kriteria
    from ..io.tampilan import jumlah_baris_teks, tinggi_baris

    from ..format import laporan as fl

    path = Path(path)
    folder = path.resolve().parent
    wb = Workbook()
    kepala = Font(name="Calibri", bold=True, color="FFFFFF")
    rata = Alignment(horizontal="center", vertical="center", wrap_text=True)
    bungkus = Alignment(vertical="top", wrap_text=True)
    atas = Alignment(vertical="top")

    def lembar(ws, spec) -> None:
        ws.title = spec.nama
        h = spec.baris_header
        for j, k in enumerate(spec.kolom, start=1):
            c = ws.cell(h, j, k.nama)
            c.font, c.fill, c.alignment = kepala, HEADER_FILL, rata
            ws.column_dimensions[huruf(j)].width = k.lebar
        n = max(jumlah_baris_teks(k.nama, k.lebar, 9.5, True) for k in spec.kolom)
        ws.row_dimensions[h].height = tinggi_baris(n, 11)
        ws.freeze_panes = f"A{h + 1}"
        atur_cetak(ws, f"{h}:{h}")

    def baris(ws, spec, r: int, isi: dict) -> None:
        """Satu baris: nilai per id kolom; teks panjang terbungkus, tinggi baris cukup."""
        n = 1
        for j, k in enumerate(spec.kolom, start=1):
            if k.id not in isi:
                continue
            c = tulis_sel(ws, r, j, isi[k.id])
            c.alignment = bungkus if k.bungkus else atas
            if k.bungkus and isinstance(isi[k.id], str):
                n = max(n, jumlah_baris_teks(isi[k.id], k.lebar, 9.5))
        if n > 1:
            ws.row_dimensions[r].height = tinggi_baris(n, 11)

    def tabel(ws, spec, akhir: int) -> None:
        h = spec.baris_header
        ref = f"A{h}:{huruf(len(spec.kolom))}{max(akhir, h + 1)}"
        t = Table(displayName=spec.tabel, ref=ref)
        t.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
        ws.add_table(t)
        for j, k in enumerate(spec.kolom, start=1):
            if k.warna == "status":
                warnai_kriteria(ws, f"{huruf(j)}{h + 1}:{huruf(j)}{max(akhir, h + 1)}",
                                fl.WARNA_STATUS)

    ws = wb.active
    lembar(ws, fl.RINGKASAN)
    for i, f in enumerate(lap.files, start=fl.RINGKASAN.baris_header + 1):
        status = "dilewati" if f.dilewati else ("lolos" if f.valid else "ditolak")
        baris(ws, fl.RINGKASAN, i, {
            "berkas": f.file, "unit_kerja": f.unit, "tahun": f.tahun, "periode": f.periode,
            "status": status, "kesalahan": len(f.errors), "peringatan": len(f.warnings),
            "catatan": f.catatan})
    akhir = len(lap.files) + fl.RINGKASAN.baris_header
    tabel(ws, fl.RINGKASAN, akhir)
    r_ringkas = max(akhir, 2) + 2
    tulis_sel(ws, r_ringkas, 1, ringkasan(lap)).font = Font(name="Calibri", bold=True)
    ws.print_area = f"A1:{huruf(len(fl.RINGKASAN.kolom))}{r_ringkas}"

    wt = wb.create_sheet()
    lembar(wt, fl.TEMUAN)
    r = fl.TEMUAN.baris_header + 1
    kolom_buka = fl.TEMUAN.posisi("buka")
    for f in lap.files:
        rel = os.path.relpath(Path(f.file).resolve(), folder)
        for tmn in f.findings:
            baris(wt, fl.TEMUAN, r, {
                "berkas": f.file, "unit_kerja": f.unit,
                "tingkat": "kesalahan" if tmn.severity == ERROR else "peringatan",
                "aturan": tmn.rule, "sheet": tmn.sheet, "sel": tmn.cell,
                "pesan": tmn.message})
            c = wt.cell(r, kolom_buka, "buka sel" if tmn.sheet else "buka berkas")
            lokasi = None
            if tmn.sheet:
                sel = tmn.cell.split(":")[0] if tmn.cell else "A1"
                if sel.isdigit():
                    sel = f"A{sel}"
                lokasi = f"'{tmn.sheet}'!{sel}"
            c.hyperlink = Hyperlink(ref=c.coordinate, target=rel.replace(os.sep, "/"),
                                    location=lokasi)
            c.font = Font(name="Calibri", color="0563C1", underline="single")
            c.alignment = atas
            r += 1
    tabel(wt, fl.TEMUAN, r - 1)
    wt.print_area = f"A1:{huruf(len(fl.TEMUAN.kolom))}{max(r - 1, 2)}"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
