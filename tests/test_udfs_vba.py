"""VBA yang dihasilkan generator UDF xlwings yang asli dari rapk_xl.udfs.

Di Windows ``xw.func`` adalah ``xlwings.udfs.xlfunc`` dan ``ImportPythonUDFs`` memanggil
``generate_vba_wrapper``; di Linux ``xw.func`` tidak berbuat apa-apa dan ``xlwings.udfs`` tidak
dapat diimpor (pywin32). Tes ini mengganti hanya ketiga modul pywin32 di ``sys.modules``,
memuat ``rapk_xl/udfs.py`` dengan dekorator ``xlfunc/xlarg/xlret`` asli, lalu memeriksa teks
VBA keluaran generator: apa yang Excel akan kompilasi.
"""
import importlib.util
import io
import re
import sys
import types

import pytest

import rapk_xl.udfs
from rapk_xl.io.capaian_sheet import rancangan

# Kata kunci dan nama bawaan VBA yang tidak boleh menjadi nama parameter (MS-VBAL 3.3.5.2
# "reserved identifiers", ditambah pernyataan dan fungsi bawaan yang umum, dan nama yang
# dipakai badan fungsi hasil generator).
KATA_VBA = {w.lower() for w in """
Abs AddressOf And Any Array As Attribute Boolean ByRef Byte ByVal Call Case CBool CByte CCur
CDate CDbl CDec CInt CLng CLngLng CLngPtr Close Const CSng CStr Currency CVar CVErr Date Debug
Decimal Declare DefBool DefByte DefCur DefDate DefDbl DefDec DefInt DefLng DefLngLng DefLngPtr
DefObj DefSng DefStr DefVar Dim Do DoEvents Double Each Else ElseIf Empty End EndIf Enum Eqv
Erase Error Event Exit False Fix For Friend Function Get Global GoSub GoTo If Imp Implements In
Input InputB Int Integer Is LBound Len LenB Let Like Lib Line Load Lock Long LongLong LongPtr
Loop LSet Me Mid MidB Mod Name New Next Not Nothing Null Object On Open Option Optional Or
ParamArray Preserve Print Private Property PtrSafe Public Put RaiseEvent Random Read ReDim Rem
Reset Resume Return RSet Seek Select Set Sgn Shared Single Spc Static Step Stop String Sub Tab
Then Time To True Type TypeOf UBound Unload Unlock Until Variant Wend While Width With
WithEvents Write Xor
Application ActiveWorkbook ThisWorkbook Range Err XLPy Caller failed
""".split()}

FUNGSI = ["BOBOT", "CAPAIAN", "EFISIENSI", "KRITERIA", "NPS", "NPS_UNIT"]


@pytest.fixture(scope="module")
def generator():
    """(teks VBA, __xlfunc__ per fungsi) dari generator xlwings yang asli."""
    import xlwings

    pengganti = {}
    try:
        import pythoncom  # noqa: F401  (Windows: pywin32 asli)
    except ImportError:
        pc = types.ModuleType("pythoncom")
        pc.CoInitialize = lambda: None
        pt = types.ModuleType("pywintypes")
        pt.com_error = Exception
        w = types.ModuleType("win32com")
        wc = types.ModuleType("win32com.client")
        wc.Dispatch = None
        w.client = wc
        pengganti = {"pythoncom": pc, "pywintypes": pt, "win32com": w, "win32com.client": wc}
    simpan = {k: sys.modules.get(k) for k in [*pengganti, "xlwings.udfs"]}
    sys.modules.update(pengganti)
    try:
        if pengganti:
            sys.modules.pop("xlwings.udfs", None)
        xu = importlib.import_module("xlwings.udfs")
        # dekorator asli, lalu modul UDF dimuat dari berkasnya seperti di Windows
        spec = importlib.util.spec_from_file_location("rapk_xl.udfs", rapk_xl.udfs.__file__)
        modul = importlib.util.module_from_spec(spec)
        modul.__package__ = "rapk_xl"
        lama = xlwings.func, xlwings.arg, xlwings.ret
        xlwings.func, xlwings.arg, xlwings.ret = xu.xlfunc, xu.xlarg, xu.xlret
        try:
            spec.loader.exec_module(modul)
        finally:
            xlwings.func, xlwings.arg, xlwings.ret = lama
        buf = io.StringIO()
        xu.generate_vba_wrapper("rapk_xl.udfs", modul, buf, types.SimpleNamespace(Name="rapk_xl.xlam"))
        meta = {n: getattr(modul, n).__xlfunc__ for n in dir(modul)
                if hasattr(getattr(modul, n), "__xlfunc__")}
        return buf.getvalue(), meta
    finally:
        for k, v in simpan.items():
            if v is None:
                sys.modules.pop(k, None)
            else:
                sys.modules[k] = v
        if simpan["xlwings.udfs"] is None and hasattr(xlwings, "udfs"):
            del xlwings.udfs


def _tanda_tangan(vba: str) -> dict[str, list[tuple[str, bool]]]:
    """Function NAMA(a, Optional b) → {NAMA: [(a, False), (b, True)]}."""
    hasil = {}
    for m in re.finditer(r"^Function (\w+)\((.*)\)\s*$", vba, re.M):
        param = []
        for p in filter(None, (x.strip() for x in m.group(2).split(","))):
            opsional = p.startswith("Optional ")
            param.append((p.removeprefix("Optional ").removeprefix("ParamArray ").strip("()"),
                          opsional))
        hasil[m.group(1)] = param
    return hasil


def _panggilan(rumus: str, nama: set[str]) -> list[tuple[str, int]]:
    """Setiap panggilan fungsi ``nama`` di rumus Excel: (nama, jumlah argumen).

    Pemindai kecil: teks dalam tanda kutip dilewati, kurung bersarang dihitung, koma hanya
    dihitung pada tingkat panggilan itu sendiri."""
    hasil = []
    for m in re.finditer(r"(?<![\w.])([A-Z_][A-Z0-9_]*)\(", rumus):
        if m.group(1) not in nama:
            continue
        i, tingkat, koma, kutip, isi = m.end(), 1, 0, False, False
        while i < len(rumus) and tingkat:
            c = rumus[i]
            if kutip:
                kutip = c != '"'
            elif c == '"':
                kutip, isi = True, True
            elif c == "(":
                tingkat += 1
            elif c == ")":
                tingkat -= 1
            elif c == "," and tingkat == 1:
                koma += 1
            elif not c.isspace():
                isi = True
            i += 1
        hasil.append((m.group(1), koma + 1 if isi else 0))
    return hasil


def test_keenam_fungsi_dihasilkan(generator):
    vba, meta = generator
    assert sorted(_tanda_tangan(vba)) == FUNGSI
    assert sorted(meta) == FUNGSI
    # add-in: fungsi dijalankan atas workbook aktif, bukan add-in itu sendiri
    assert vba.count("ActiveWorkbook, Application.Caller)") == len(FUNGSI)


def test_tidak_ada_parameter_bernama_fungsi_atau_kata_kunci(generator):
    vba, _ = generator
    tt = _tanda_tangan(vba)
    nama_fungsi = {n.lower() for n in tt}
    for fungsi, param in tt.items():
        nama = [p.lower() for p, _ in param]
        assert len(set(nama)) == len(nama), f"{fungsi}: parameter kembar"
        for p in nama:
            # VBA: "Duplicate declaration in current scope" bila sama dengan nama fungsinya;
            # nama fungsi lain di modul ikut dihindari (bayangan yang membingungkan)
            assert p not in nama_fungsi, f"{fungsi}({p}): parameter bernama seperti fungsi"
            assert p not in KATA_VBA, f"{fungsi}({p}): kata kunci/nama bawaan VBA"
            assert re.fullmatch(r"[a-z][a-z0-9_]*", p) and len(p) <= 255


def test_jumlah_argumen_rumus_template_sesuai(generator):
    vba, _ = generator
    tt = _tanda_tangan(vba)
    dipanggil = set()
    for n in (1, 5, 12):
        for sel, rumus in rancangan(n).items():
            for fungsi, jumlah in _panggilan(rumus, set(tt)):
                dipanggil.add(fungsi)
                wajib = sum(1 for _, opsional in tt[fungsi] if not opsional)
                assert wajib <= jumlah <= len(tt[fungsi]), (
                    f"Capaian!{sel}: {fungsi} dipanggil dengan {jumlah} argumen; VBA menerima "
                    f"{wajib}..{len(tt[fungsi])}")
    # setiap fungsi yang dipakai template ada di modul (tidak #NAME? karena nama salah)
    assert {"CAPAIAN", "KRITERIA", "NPS", "NPS_UNIT", "BOBOT", "EFISIENSI"} <= dipanggil


def test_pemindai_rumus():
    # pemindai tes ini sendiri: kutip, kurung bersarang, fungsi dalam IFERROR
    r = 'IFERROR(CAPAIAN(A1,INDEX(B:B,MATCH(1,C:C,0)),"a,b"),IF(X1="","",NPS(A1:A3)))'
    assert _panggilan(r, {"CAPAIAN", "NPS"}) == [("CAPAIAN", 3), ("NPS", 1)]


def test_keterangan_muat_di_excel(generator):
    _, meta = generator
    for fungsi, f in meta.items():
        doc = f["ret"]["doc"]
        # import_udfs memotong ke 255 karakter untuk MacroOptions: tidak boleh ada yang terpotong
        assert 20 <= len(doc) <= 255, f"{fungsi}: keterangan {len(doc)} karakter"
        doc.encode("cp1252")  # modul VBA memakai code page proyek (1252)
        for a in f["args"]:
            assert not a["doc"].startswith("Positional argument"), f"{fungsi}({a['name']}): tanpa doc"
            assert len(a["doc"]) <= 255
            a["doc"].encode("cp1252")


def test_modul_add_in_sama_dengan_generator(generator):
    """Modul xlwings_udfs di add-in = keluaran generator (ditambah atribut keterangan)."""
    from rapk_xl.addin.vba import modul_udf
    vba, _ = generator
    teks, _ = modul_udf(dengan_keterangan=False)
    assert teks.replace("\r\n", "\n").endswith(vba)
    assert teks.startswith('Attribute VB_Name = "xlwings_udfs"')
    dengan, meta = modul_udf()
    tanpa_atribut = "\n".join(b for b in dengan.replace("\r\n", "\n").split("\n")
                              if not b.startswith("Attribute ") or "VB_Name" in b)
    assert tanpa_atribut == teks.replace("\r\n", "\n")
    for f in FUNGSI:
        assert f'Attribute {f}.VB_Description = "' in dengan


def test_modul_asli_tidak_berubah_setelah_generator(generator):
    # rapk_xl.udfs yang dipakai Python tetap modul biasa; xlwings.udfs tidak tertinggal di Linux
    assert rapk_xl.udfs.CAPAIAN(50.0, 100.0) == pytest.approx(50.0)
    if sys.platform != "win32":
        assert "pythoncom" not in sys.modules and "xlwings.udfs" not in sys.modules
