"""Buku xlwings mesin remote (``xw.Book(json=...)``) dari berkas workbook sungguhan.

Payload disusun seperti yang dikirim klien xlwings (Office Scripts / Office.js, lihat
xlwings/js/xlwings.ts): nilai tiap sheet mulai A1 (sel bergalat sebagai teks "#DIV/0!"),
dan tabel dengan alamat range, header dan badan datanya.
"""
import python_calamine as pc
import xlwings as xw

from rapk_xl.io.xlsx_parts import PaketXlsx, kolom_ke_angka, pisah_alamat


def payload(path) -> dict:
    wb = pc.CalamineWorkbook.from_path(str(path))
    sheets = []
    with PaketXlsx(path) as paket:
        tabel = paket.tabel()
        for nama in wb.sheet_names:
            nilai = wb.get_sheet_by_name(nama).to_python(skip_empty_area=False) or [[]]
            nilai = [[None if v == "" else v for v in baris] for baris in nilai]
            for alamat, galat in paket.sel_galat(paket.isi_sheet(nama)).items():
                k, r = pisah_alamat(alamat)
                nilai[r - 1][kolom_ke_angka(k) - 1] = galat
            daftar = []
            for n, s, ref, _, _ in tabel:
                if s != nama:
                    continue
                a, b = ref.split(":")
                (ka, ra), (kb, rb) = pisah_alamat(a), pisah_alamat(b)
                daftar.append({"name": n, "range_address": ref,
                               "header_row_range_address": f"{ka}{ra}:{kb}{ra}",
                               "data_body_range_address": f"{ka}{ra + 1}:{kb}{rb}",
                               "total_row_range_address": None, "show_headers": True,
                               "show_totals": False, "table_style": "TableStyleMedium2",
                               "show_autofilter": True})
            sheets.append({"name": nama, "values": nilai, "pictures": [], "tables": daftar})
    return {"client": "Microsoft Office Scripts", "version": xw.__version__,
            "book": {"name": path.name, "active_sheet_index": 0, "selection": "A1"},
            "names": [], "sheets": sheets}


def buku(path):
    return xw.Book(json=payload(path))
