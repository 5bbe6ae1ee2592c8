"""Keluaran laporan validasi: teks untuk terminal, JSON, dan workbook .xlsx bertautan."""
from __future__ import annotations

import json
import os
from pathlib import Path

from .katalog import ERROR, KATALOG
from .temuan import HasilBerkas, Laporan

__all__ = ["ke_teks", "ke_json", "tulis_xlsx", "ringkasan", "status", "STATUS"]

_LABEL = {"error": "KESALAHAN", "warning": "PERINGATAN"}
#: status berkas di laporan → label di teks
STATUS = {"lolos": "LOLOS", "ditolak": "DITOLAK", "tidak-terbaca": "TIDAK TERBACA",
          "dilewati": "DILEWATI"}


def status(f: HasilBerkas) -> str:
    """``lolos``, ``ditolak`` (terbaca, ada kesalahan), ``tidak-terbaca`` (berkasnya sendiri
    ditolak: bukan xlsx, rusak, terenkripsi, tidak ada, ...) atau ``dilewati``."""
    if f.dilewati:
        return "dilewati"
    if any(KATALOG[t.rule].kelompok == "berkas" for t in f.findings if t.rule in KATALOG):
        return "tidak-terbaca"
    return "lolos" if f.valid else "ditolak"


def ringkasan(lap: Laporan) -> str:
    """Mis. "32 berkas: 1 lolos, 2 dengan kesalahan isi, 1 tidak terbaca; 28 dilewati.
    13 kesalahan, 33 peringatan." — setiap berkas dihitung sekali."""
    hitung = {s: 0 for s in STATUS}
    for f in lap.files:
        hitung[status(f)] += 1
    teks = (f"{len(lap.files)} berkas: {hitung['lolos']} lolos, {hitung['ditolak']} dengan "
            "kesalahan isi")
    if hitung["tidak-terbaca"]:
        teks += f", {hitung['tidak-terbaca']} tidak terbaca"
    if hitung["dilewati"]:
        teks += f"; {hitung['dilewati']} dilewati"
    return teks + f". {lap.jumlah_error} kesalahan, {lap.jumlah_warning} peringatan."


def _judul(f: HasilBerkas) -> str:
    ident = ", ".join(str(x) for x in (f.unit, f.tahun) if x is not None)
    if f.periode is not None:
        ident += f", periode {f.periode}"
    return f"{f.file}" + (f" — {ident}" if ident else "")


def ke_teks(lap: Laporan) -> str:
    """Laporan untuk terminal: setiap berkas yang diperiksa dengan temuannya, lalu berkas yang
    dilewati dikelompokkan per alasan (setiap berkas tetap disebut sekali), lalu ringkasan."""
    baris = []
    dilewati: dict[str, list[str]] = {}
    for f in lap.files:
        if f.dilewati:
            dilewati.setdefault(f.catatan or "dilewati", []).append(f.file)
            continue
        hitung = f"{len(f.errors)} kesalahan, {len(f.warnings)} peringatan"
        baris.append(f"{_judul(f)}\n  {STATUS[status(f)]}: {hitung}")
        if f.catatan:
            baris.append(f"  catatan: {f.catatan}")
        for t in f.findings:
            tempat = t.tempat or "(berkas)"
            baris.append(f"  {_LABEL[t.severity]:<10} {tempat:<16} {t.message}  [{t.rule}]")
    if dilewati:
        n = sum(len(v) for v in dilewati.values())
        baris.append(f"Dilewati ({n} berkas, tidak diperiksa):")
        for alasan, daftar in dilewati.items():
            baris.append(f"  {alasan}")
            per_folder: dict[str, list[str]] = {}
            for nama in daftar:  # satu baris per folder: "samples/data/: a.csv, b.csv"
                folder, _, berkas = nama.replace(os.sep, "/").rpartition("/")
                per_folder.setdefault(folder + "/" if folder else "", []).append(berkas)
            for folder, isi in per_folder.items():
                baris.append(f"    {folder}: {', '.join(isi)}" if folder else f"    {', '.join(isi)}")
    baris.append("")
    baris.append(ringkasan(lap))
    return "\n".join(baris)


def ke_json(lap: Laporan, galat: str | None = None) -> str:
    """``{"files": [{"file", "status", "unit", "tahun", "periode", "valid", "findings": [...]}]}``;
    ``"error"`` bila tidak ada yang dapat diperiksa (pesannya untuk pengguna)."""
    data = lap.ke_dict()
    for f, d in zip(lap.files, data["files"]):
        d["status"] = status(f)
    if galat:
        data["error"] = galat
    return json.dumps(data, ensure_ascii=False, indent=2)


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
        baris(ws, fl.RINGKASAN, i, {
            "berkas": f.file, "unit_kerja": f.unit, "tahun": f.tahun, "periode": f.periode,
            "status": status(f).replace("-", " "), "kesalahan": len(f.errors),
            "peringatan": len(f.warnings), "catatan": f.catatan})
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
