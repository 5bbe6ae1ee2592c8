"""Tombol Validasi di tab RAPK (add-in Excel): periksa workbook yang sedang terbuka.

``rapk_xl.main()`` dijalankan add-in saat tombol ditekan. Workbook dibaca lewat xlwings apa
adanya di Excel — termasuk suntingan yang belum disimpan — lalu diperiksa dengan validator
yang sama dengan ``rapk-xl validasi``. Hasilnya:

- sheet ``Validasi`` (dibuat atau diperbarui) berisi setiap temuan dengan tautan ke selnya;
- sel yang bermasalah diwarnai (merah: kesalahan, kuning: peringatan); warna dari validasi
  sebelumnya dikembalikan dulu — hanya sel yang diwarnai rapk-xl, format lain tidak disentuh;
- ringkasan singkat ("3 kesalahan, 2 peringatan") di kotak pesan.
"""
from __future__ import annotations

import datetime as _dt

from .io.reader import MAKS_SEL_SHEET, DefTabel, Sumber, baca_sumber
from .io.reader import _nilai as _kosong_ke_none  # "" (sel kosong) → None
from .io.xlsx_parts import angka_ke_kolom, pisah_alamat
from .temuan import Temuan, temuan
from .validate.temuan import HasilBerkas
from .validate.validator import validasi_bacaan

__all__ = ["main", "SumberXlwings", "validasi_book", "tampilkan", "SHEET_VALIDASI",
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


def main(book=None) -> str:
    """Dijalankan tombol Validasi (add-in rapk_xl.xlam): periksa workbook aktif."""
    if book is None:
        import xlwings as xw
        book = xw.Book.caller()
    hasil = validasi_book(book)
    ringkas = tampilkan(book, hasil)
    judul = "Validasi RAPK: " + ("lolos" if hasil.valid else "ada kesalahan")
    book.app.alert(f"{ringkas}. Rinciannya di sheet {SHEET_VALIDASI}.", title=judul)
    return ringkas
