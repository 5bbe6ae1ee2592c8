"""Tombol tab RAPK (add-in Excel ``rapk_xl.xlam``): setiap tombol menjalankan satu fungsi di
modul ini lewat RunPython xlwings, atas workbook yang sedang aktif (``xw.Book.caller()``).

- **Validasi** (:func:`validasi`, juga ``rapk_xl.main``) — lihat di bawah;
- **Hitung Ulang** (:func:`hitung_ulang`) — hitung ulang semua rumus (termasuk fungsi
  CAPAIAN dst.) lalu laporkan NPS unit atau sel yang masih bergalat di sheet Capaian;
- **Cetak PDF** (:func:`cetak_pdf`) — RAPK dalam tata letak resmi (``rapk_xl.io.cetak``),
  lalu PDF: di Excel desktop dengan ekspor PDF Excel sendiri, selain itu lewat LibreOffice
  (``rapk_xl.io.pdf``);
- **Bantuan** (:func:`bantuan`) — buka petunjuk (``rapk_xl/data/bantuan.html``) di peramban.

Tidak ada traceback untuk pengguna: kesalahan tampil sebagai kotak pesan berbahasa Indonesia.

Validasi: workbook dibaca lewat xlwings apa adanya di Excel — termasuk suntingan yang belum
disimpan — lalu diperiksa dengan validator yang sama dengan ``rapk-xl validasi``. Hasilnya:

- sheet ``Validasi`` (dibuat atau diperbarui) berisi setiap temuan dengan tautan ke selnya;
- sel yang bermasalah diwarnai (merah: kesalahan, kuning: peringatan); warna dari validasi
  sebelumnya dikembalikan dulu — hanya sel yang diwarnai rapk-xl, format lain tidak disentuh;
- ringkasan singkat ("3 kesalahan, 2 peringatan") di kotak pesan.
"""
from __future__ import annotations

import datetime as _dt
import functools
import os
import sys
import webbrowser
from pathlib import Path

from .io.reader import MAKS_SEL_SHEET, DefTabel, Sumber, baca_sumber
from .io.reader import _nilai as _kosong_ke_none  # "" (sel kosong) → None
from .io.xlsx_parts import angka_ke_kolom, pisah_alamat
from .temuan import Temuan, temuan
from .validate.temuan import HasilBerkas
from .validate.validator import validasi_bacaan

__all__ = ["main", "validasi", "hitung_ulang", "cetak_pdf", "bantuan", "SumberXlwings", "validasi_book", "tampilkan", "SHEET_VALIDASI",
           "WARNA_KESALAHAN", "WARNA_PERINGATAN"]

SHEET_VALIDASI = "Validasi"
WARNA_KESALAHAN = "#F4B6B6"
WARNA_PERINGATAN = "#FFE699"
_GALAT_EXCEL = {"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!",
                "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!",
                "#BUSY!", "#UNKNOWN!", "#PYTHON!"}
_KOLOM_SOROT = 9  # kolom I: daftar sel yang diwarnai validasi terakhir (dan warna aslinya)


def _alamat_sel(teks: str) -> bool:
    """True bila ``teks`` alamat satu sel (``F12``, ``$F$12``)."""
    try:
        pisah_alamat(teks)
    except ValueError:
        return False
    return True


class SumberXlwings(Sumber):
    """Isi workbook yang sedang terbuka, lewat model objek xlwings (Excel di Windows/macOS,
    atau mesin remote xlwings Server). Galat Excel dibaca sebagai teks lalu dipisahkan."""

    def __init__(self, book):
        self.book = book
        self.path = None
        self.berkas = None
        self._nilai: dict[str, list[list]] = {}
        self._galat: dict[str, dict[str, str]] = {}
        self._masalah: list[Temuan] = []

    def nama_sheet(self) -> list[str]:
        return [s.name for s in self.book.sheets]

    def tabel(self) -> dict[str, DefTabel]:
        hasil = {}
        for s in self.book.sheets:
            for t in s.tables:
                header = t.header_row_range
                if header is None:
                    continue
                data = t.data_body_range
                akhir = data.last_cell.row if data is not None else header.row
                hasil[t.name] = DefTabel(t.name, s.name, header.row - 1, header.column - 1,
                                         akhir - 1, header.last_cell.column - 1)
        return hasil

    def _rentang(self, sheet: str):
        s = self.book.sheets[sheet]
        akhir = s.used_range.last_cell
        if akhir.row * akhir.column > MAKS_SEL_SHEET:
            self._masalah.append(temuan("sheet-terlalu-besar", sheet, None, sheet=sheet,
                                        baris=akhir.row, kolom=akhir.column))
            return None
        return s.range((1, 1), (akhir.row, akhir.column))

    def nilai(self, sheet: str) -> list[list]:
        if sheet not in self._nilai:
            rng = self._rentang(sheet)
            kisi = [] if rng is None else (rng.options(ndim=2, err_to_str=True).value or [])
            galat = {}
            for i, baris in enumerate(kisi):
                for j, v in enumerate(baris):
                    if isinstance(v, str) and v in _GALAT_EXCEL:
                        galat[f"{angka_ke_kolom(j + 1)}{i + 1}"] = v
                        baris[j] = None
            self._nilai[sheet] = [[_kosong_ke_none(v) for v in b] for b in kisi]
            self._galat[sheet] = galat
        return self._nilai[sheet]

    def galat(self, sheet: str) -> dict[str, str]:
        self.nilai(sheet)
        return self._galat.get(sheet, {})

    def sel_berumus(self, sheet: str) -> set[str] | None:
        rng = self._rentang(sheet)
        if rng is None:
            return set()
        try:
            rumus = rng.options(ndim=2).formula
        except (NotImplementedError, AttributeError):
            return None  # mesin ini tidak memberi rumus (mis. xlwings Server)
        return {f"{angka_ke_kolom(j + 1)}{i + 1}" for i, baris in enumerate(rumus)
                for j, f in enumerate(baris) if isinstance(f, str) and f.startswith("=")}

    def masalah(self) -> list[Temuan]:
        return self._masalah


def validasi_book(book) -> HasilBerkas:
    """Periksa workbook xlwings ``book`` apa adanya (termasuk suntingan yang belum disimpan)."""
    bacaan = baca_sumber(SumberXlwings(book), periksa_rumus=True)
    return validasi_bacaan([bacaan], [book.name]).files[0]


def _sheet_validasi(book):
    nama = [s.name for s in book.sheets]
    if SHEET_VALIDASI in nama:
        return book.sheets[SHEET_VALIDASI], True
    return book.sheets.add(SHEET_VALIDASI, before=book.sheets[0]), False


def _sorotan_lama(ws) -> list[tuple[str, str, object]]:
    """(sheet, sel, warna asli) yang diwarnai validasi sebelumnya, dari kolom I:J sheet Validasi."""
    hasil = []
    try:
        kisi = ws.used_range.options(ndim=2).value or []
    except Exception:  # noqa: BLE001 — sheet kosong
        return hasil
    for baris in kisi[4:]:
        if len(baris) < _KOLOM_SOROT + 1:
            continue
        alamat, warna = baris[_KOLOM_SOROT - 1], baris[_KOLOM_SOROT]
        if isinstance(alamat, str) and "!" in alamat:
            sheet, sel = alamat.rsplit("!", 1)
            hasil.append((sheet.strip("'"), sel, warna or None))
    return hasil


def _warna(rng):
    try:
        return rng.color
    except (NotImplementedError, AttributeError):
        return None


def _hex(warna) -> str | None:
    if isinstance(warna, (tuple, list)) and len(warna) == 3:
        return "#{:02X}{:02X}{:02X}".format(*(int(x) for x in warna))
    return warna if isinstance(warna, str) and warna else None


def tampilkan(book, hasil: HasilBerkas) -> str:
    """Tulis hasil ke sheet Validasi, warnai sel bermasalah, kembalikan ringkasan singkat."""
    nama_sheet = {s.name for s in book.sheets}
    ws, ada = _sheet_validasi(book)
    # 1. kembalikan warna sel yang diwarnai validasi sebelumnya (hanya sel itu)
    if ada:
        for sheet, sel, warna in _sorotan_lama(ws):
            if sheet in nama_sheet and sheet != SHEET_VALIDASI and _alamat_sel(sel):
                book.sheets[sheet][sel].color = warna
        ws.clear()
    # 2. tulis temuan
    ringkas = f"{len(hasil.errors)} kesalahan, {len(hasil.warnings)} peringatan"
    waktu = _dt.datetime.now().strftime("%d-%m-%Y %H:%M")
    status = "LOLOS: boleh dikirim" if hasil.valid else "DITOLAK: perbaiki kesalahan sebelum dikirim"
    baris = [["Hasil validasi RAPK"], [f"{ringkas} — {status} (diperiksa {waktu})"], [None],
             ["No", "Tingkat", "Tempat", "Pesan", "Aturan", None, None, None,
              "Sel disorot", "Warna asli"]]
    for i, t in enumerate(hasil.findings, start=1):
        baris.append([i, "Kesalahan" if t.severity == "error" else "Peringatan",
                      t.tempat or "(berkas)", t.message, t.rule])
    if not hasil.findings:
        baris.append([None, None, None, "Tidak ada temuan. Workbook siap dikirim."])
    # 3. warnai sel bermasalah (kesalahan menang atas peringatan di sel yang sama)
    sorot: dict[tuple[str, str], str] = {}
    for t in hasil.findings:
        if t.sheet in nama_sheet and t.cell and _alamat_sel(t.cell):
            warna = WARNA_KESALAHAN if t.severity == "error" else WARNA_PERINGATAN
            if sorot.get((t.sheet, t.cell)) != WARNA_KESALAHAN:
                sorot[(t.sheet, t.cell)] = warna
    asli = []
    for (sheet, sel), warna in sorot.items():
        rng = book.sheets[sheet][sel]
        asli.append((f"'{sheet}'!{sel}", _hex(_warna(rng))))
        rng.color = warna
    for k, (alamat, warna) in enumerate(asli):
        r = 4 + k
        while len(baris) <= r:
            baris.append([])
        baris[r] = (baris[r] + [None] * _KOLOM_SOROT)[:_KOLOM_SOROT - 1] + [alamat, warna]
    lebar = max(len(b) for b in baris)
    ws["A1"].value = [b + [None] * (lebar - len(b)) for b in baris]
    # 4. tautan ke setiap sel
    for i, t in enumerate(hasil.findings):
        if t.sheet in nama_sheet and t.cell:
            sel = t.cell.split(":")[0]
            sel = f"A{sel}" if sel.isdigit() else sel
            ws[f"C{5 + i}"].add_hyperlink(f"#'{t.sheet}'!{sel}", t.tempat, "Buka sel ini")
    ws.activate()
    return ringkas


def _buku(book):
    if book is None:
        import xlwings as xw
        book = xw.Book.caller()
    return book


def _excel_desktop(book) -> bool:
    """True bila ``book`` workbook di Excel desktop (Windows/macOS), bukan mesin remote."""
    try:
        return book.app.engine.name == "excel"
    except Exception:  # noqa: BLE001
        return False


def _tombol(judul: str):
    """Kesalahan tak terduga di tombol menjadi kotak pesan singkat, bukan traceback."""

    def dekor(f):
        @functools.wraps(f)
        def bungkus(book=None, *args, **kwargs):
            book = _buku(book)
            try:
                return f(book, *args, **kwargs)
            except Exception as e:  # noqa: BLE001 — pengguna tidak pernah melihat traceback
                if os.environ.get("RAPK_XL_DEBUG"):
                    raise
                pesan = getattr(e, "pesan", None) or f"{type(e).__name__}: {e}"
                book.app.alert(f"{judul} tidak selesai. {pesan}\n\nBila berulang, jalankan "
                               "'rapk-xl addin cek' di Command Prompt dan kirim hasilnya ke "
                               "pengelola rapk-xl.", title=f"RAPK: {judul}")
                return None
        return bungkus
    return dekor


@_tombol("Validasi")
def validasi(book=None) -> str:
    """Tombol Validasi: periksa workbook aktif, tulis sheet Validasi, warnai sel."""
    hasil = validasi_book(book)
    ringkas = tampilkan(book, hasil)
    judul = "Validasi RAPK: " + ("lolos" if hasil.valid else "ada kesalahan")
    book.app.alert(f"{ringkas}. Rinciannya di sheet {SHEET_VALIDASI}.", title=judul)
    return ringkas


def main(book=None) -> str:
    """Dijalankan tombol Validasi (add-in rapk_xl.xlam): periksa workbook aktif."""
    return validasi(book)


def _hitung_semua(book) -> None:
    if _excel_desktop(book) and sys.platform.startswith("win"):
        book.app.api.CalculateFull()  # semua rumus di semua workbook, termasuk UDF
    else:
        book.app.calculate()


@_tombol("Hitung Ulang")
def hitung_ulang(book=None) -> str:
    """Tombol Hitung Ulang: hitung ulang semua rumus, lalu laporkan sheet Capaian."""
    from .format.spec import SHEET_CAPAIAN
    from .io.capaian_sheet import SEL_KRITERIA_UNIT, SEL_NPS_UNIT

    nama = [s.name for s in book.sheets]
    if SHEET_CAPAIAN not in nama:
        pesan = (f"Workbook ini tidak memiliki sheet {SHEET_CAPAIAN}; semua rumus tetap "
                 "dihitung ulang. Buat workbook RAPK dengan 'rapk-xl template'.")
        _hitung_semua(book)
        book.app.alert(pesan, title="RAPK: Hitung Ulang")
        return pesan
    _hitung_semua(book)
    sheet = book.sheets[SHEET_CAPAIAN]
    kisi = sheet.used_range.options(ndim=2, err_to_str=True).value or []
    galat: dict[str, list[str]] = {}
    for i, baris in enumerate(kisi):
        for j, v in enumerate(baris):
            if isinstance(v, str) and v in _GALAT_EXCEL:
                galat.setdefault(v, []).append(f"{angka_ke_kolom(j + 1)}{i + 1}")
    if "#NAME?" in galat:
        contoh = ", ".join(galat["#NAME?"][:3])
        pesan = (f"{len(galat['#NAME?'])} sel di sheet {SHEET_CAPAIAN} masih #NAME? (mis. "
                 f"{contoh}): fungsi CAPAIAN dst. belum dikenal Excel. Tutup lalu buka lagi "
                 "Excel; bila tetap, jalankan 'rapk-xl addin cek'.")
    elif galat:
        jenis, sel = next(iter(galat.items()))
        pesan = (f"{sum(len(v) for v in galat.values())} sel di sheet {SHEET_CAPAIAN} "
                 f"bergalat (mis. {jenis} di {sel[0]}). Tekan Validasi untuk rinciannya.")
    else:
        nps_unit = sheet[SEL_NPS_UNIT].value
        krit = sheet[SEL_KRITERIA_UNIT].value
        if isinstance(nps_unit, (int, float)):
            from .calc import format_angka
            pesan = (f"Sheet {SHEET_CAPAIAN} dihitung ulang. NPS unit: "
                     f"{format_angka(nps_unit)} ({krit}).")
        else:
            pesan = f"Sheet {SHEET_CAPAIAN} dihitung ulang. NPS unit belum ada (belum ada realisasi)."
    book.app.alert(pesan, title="RAPK: Hitung Ulang")
    return pesan


def _folder_keluaran(book) -> Path:
    """Folder workbook bila tersimpan di disk lokal; selain itu folder Documents pengguna."""
    try:
        p = Path(book.fullname)
        if "://" not in book.fullname and p.is_absolute() and p.parent.is_dir():
            return p.parent
    except Exception:  # noqa: BLE001
        pass
    dok = Path.home() / "Documents"
    return dok if dok.is_dir() else Path.home()


def _pdf_excel(book, xlsx: Path, pdf: Path) -> None:
    """Ekspor PDF Excel sendiri (ExportAsFixedFormat lewat xlwings ``Book.to_pdf``)."""
    wb = book.app.books.open(str(xlsx))
    try:
        wb.to_pdf(str(pdf))
    finally:
        wb.close()


def _buka_berkas(path: Path) -> None:
    if sys.platform.startswith("win"):
        os.startfile(str(path))  # noqa: S606 — membuka PDF dengan aplikasi bawaan
    elif sys.platform == "darwin":
        import subprocess
        subprocess.run(["open", str(path)], check=False)


@_tombol("Cetak PDF")
def cetak_pdf(book=None, folder: str | Path | None = None, buka: bool | None = None) -> Path | None:
    """Tombol Cetak PDF: RAPK dalam tata letak dokumen resmi, xlsx dan PDF berdampingan di
    ``folder`` (bawaan: folder workbook). PDF dari Excel sendiri di Excel desktop, selain itu
    dari LibreOffice. Kembalikan path PDF, atau None bila tidak ada yang dicetak."""
    from .io.cetak import ada_indikator, tulis_cetak
    from .io.pdf import GagalPdf, ke_pdf
    from .io.reader import ke_data

    bacaan = baca_sumber(SumberXlwings(book))
    data = ke_data(bacaan)
    if not ada_indikator(data):
        book.app.alert("Sheet RAPK belum memuat indikator, jadi belum ada yang dicetak. Isi "
                       "tabel RAPK (Kode Indikator, Indikator, target B01-B12) lalu tekan Cetak "
                       "PDF lagi.", title="RAPK: Cetak PDF")
        return None
    folder = Path(folder) if folder else _folder_keluaran(book)
    stem = Path(book.name).stem
    xlsx = folder / f"{stem} - cetak RAPK.xlsx"
    pdf = xlsx.with_suffix(".pdf")
    try:
        tulis_cetak(data, xlsx)
    except OSError as e:
        book.app.alert(f"{xlsx} tidak dapat ditulis ({e.strerror or e}). Bila berkas itu "
                       "sedang terbuka, tutup dulu lalu tekan Cetak PDF lagi.",
                       title="RAPK: Cetak PDF")
        return None
    desktop = _excel_desktop(book)
    try:
        if desktop:
            _pdf_excel(book, xlsx, pdf)
        else:
            ke_pdf(xlsx, pdf)
    except GagalPdf as e:
        book.app.alert(f"PDF tidak dibuat: {e.pesan} Cetakan xlsx tetap ditulis: {xlsx}",
                       title="RAPK: Cetak PDF")
        return None
    book.app.alert(f"RAPK dicetak: {pdf} (beserta {xlsx.name}).", title="RAPK: Cetak PDF")
    if buka if buka is not None else desktop:
        _buka_berkas(pdf)
    return pdf


BANTUAN = Path(__file__).parent / "data" / "bantuan.html"


def bantuan(book=None) -> str:
    """Tombol Bantuan: buka petunjuk rapk-xl (HTML yang ikut terpasang) di peramban."""
    url = BANTUAN.resolve().as_uri()
    if not webbrowser.open(url):
        if book is None:
            try:
                book = _buku(None)
            except Exception:  # noqa: BLE001 — tidak dipanggil dari Excel
                return url
        book.app.alert(f"Peramban tidak dapat dibuka. Petunjuk ada di: {BANTUAN}",
                       title="RAPK: Bantuan")
    return url
