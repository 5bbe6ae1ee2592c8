"""LibreOffice Calc sungguhan lewat UNO: mengetik sel demi sel seperti orang, menempel blok,
menyimpan sebagai xlsx.

Dua bagian dalam satu berkas:

- **pengemudi** (``python3 uno_kantor.py PORT``): dijalankan dengan Python sistem yang punya
  modul ``uno`` (paket Debian ``python3-uno``; venv proyek tidak memilikinya). Ia tersambung ke
  ``soffice --accept=...`` dan menjalankan perintah JSON satu per baris dari stdin, menjawab
  JSON satu per baris di stdout.
- **klien** (:class:`Kantor`, diimpor tes dari venv): menjalankan satu ``soffice`` headless
  dengan profil sendiri di port bebas, beserta pengemudinya, dan memberi metode ``buka``,
  ``ketik``, ``tempel``, ``simpan``, ``tutup``.

Mengetik: teks diberikan ke sel lewat properti ``FormulaLocal``, yaitu penguraian masukan
LibreOffice sendiri seperti saat orang mengetik lalu Enter: ``1.02`` di sel berformat General
menjadi angka, di sel berformat teks (``@``) tetap teks, ``'90`` menjadi teks ``90``,
``2024-06-20`` menjadi tanggal, ``45%`` menjadi 0,45. Sel yang tertutup sel gabungan diketik ke
sel gabungannya, seperti di layar. Bahasa masukan en-US (titik desimal).

Jalan lain yang dicoba dan tidak dipakai (LibreOffice 7.4, Debian 12):
``XCell.setFormula`` mengurai dengan aturan bahasa Inggris dan mengabaikan format teks sel
(``1.02`` selalu menjadi angka); perintah ``.uno:EnterString``/``.uno:InsertContents`` lewat
dispatcher membuat soffice headless berhenti (Signal 6 di ``SvpSalInstance::CheckTimeout``)
sekitar 3 detik kemudian; ``insertTransferable`` dengan teks biasa langsung menghentikannya.

Menempel ("Tempel Spesial > Nilai" dari workbook lain): blok nilai (teks tetap teks, angka
tetap angka) ditulis ke area tujuan dengan ``setDataArray``, sehingga format sel tujuan
dipertahankan. Seperti Excel (yang menolak menempel ke sel gabungan) dan LibreOffice (yang
bertanya sebelum menimpa), area yang memuat sel gabungan atau sel berisi tidak ditimpa:
:meth:`Kantor.tempel` mengembalikan alasannya.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FILTER_XLSX = "Calc MS Excel 2007 XML"

# =============================================================================================
# Pengemudi (Python sistem + uno)
# =============================================================================================


def _pengemudi(port: int) -> None:  # pragma: no cover - berjalan di proses Python sistem
    import uno
    from com.sun.star.beans import PropertyValue

    def pv(nama, nilai):
        p = PropertyValue()
        p.Name, p.Value = nama, nilai
        return p

    lokal = uno.getComponentContext()
    resolver = lokal.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", lokal)
    ctx = None
    batas = time.monotonic() + 60
    while ctx is None:
        try:
            ctx = resolver.resolve(
                f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
        except Exception:  # noqa: BLE001 - soffice belum siap
            if time.monotonic() > batas:
                raise
            time.sleep(0.2)
    smgr = ctx.ServiceManager
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    dok: dict[int, object] = {}

    def url(path):
        return uno.systemPathToFileUrl(str(Path(path).resolve()))

    def jenis(c):
        return c.getType().value  # EMPTY, VALUE, TEXT, FORMULA

    def buka(p):
        d = desktop.loadComponentFromURL(url(p["path"]), "_blank", 0, (pv("Hidden", True),))
        if d is None or d.CurrentController is None:
            raise RuntimeError(f"LibreOffice tidak dapat membuka {p['path']}")
        i = len(dok) + 1
        dok[i] = d
        return {"doc": i}

    def ketik(p):
        d = dok[p["doc"]]
        hasil = []
        aktif = None
        for nama, alamat, teks, *teks_saja in p["sel"]:
            if nama != aktif:
                s, aktif = d.Sheets.getByName(nama), nama
            c = s.getCellRangeByName(alamat)
            # sel yang tertutup sel gabungan: seperti di layar, yang terpilih (dan terisi)
            # adalah sel gabungannya
            kursor = s.createCursorByRange(c)
            kursor.collapseToMergedArea()
            a = kursor.getRangeAddress()
            c = s.getCellByPosition(a.StartColumn, a.StartRow)
            c.setPropertyValue("FormulaLocal", teks)
            if teks_saja and teks_saja[0] and jenis(c) != "TEXT":
                # seperti orang yang melihat ketikannya menjadi angka/tanggal: ketik ulang
                # dengan apostrof di depan (LibreOffice menyimpan apostrof itu bila teksnya
                # memang bukan angka, jadi apostrof hanya dipakai bila perlu)
                c.setPropertyValue("FormulaLocal", "'" + teks)
            hasil.append([jenis(c), c.getString()])
        return {"hasil": hasil}

    def tempel(p):
        d = dok[p["doc"]]
        blok = p["blok"]
        s = d.Sheets.getByName(p["sheet"])
        lebar = max(len(b) for b in blok)
        awal = s.getCellRangeByName(p["mulai"]).getCellAddress()
        rentang = s.getCellRangeByPosition(awal.Column, awal.Row, awal.Column + lebar - 1,
                                          awal.Row + len(blok) - 1)
        # Excel menolak menempel ke sel gabungan, LibreOffice bertanya dulu bila sel tujuan
        # berisi: keduanya dilaporkan, tidak ditimpa diam-diam
        kursor = s.createCursorByRange(rentang)
        kursor.collapseToMergedArea()
        a, b = rentang.getRangeAddress(), kursor.getRangeAddress()
        if (a.StartColumn, a.StartRow, a.EndColumn, a.EndRow) != (
                b.StartColumn, b.StartRow, b.EndColumn, b.EndRow):
            return {"ditolak": "sel gabungan di area tempel"}
        # isi, bukan format: nilai, tanggal, teks, catatan, rumus, objek (CellFlags)
        berisi = rentang.queryContentCells(1 | 2 | 4 | 8 | 16 | 128).getRangeAddressesAsString()
        if berisi:
            return {"ditolak": f"sel tujuan sudah berisi: {berisi}"}
        isi = tuple(tuple(("" if v is None else v) for v in b + [None] * (lebar - len(b)))
                    for b in blok)
        rentang.setDataArray(isi)
        return {"ditolak": None}

    def baca(p):
        d = dok[p["doc"]]
        s = d.Sheets.getByName(p["sheet"])
        hasil = []
        for alamat in p["sel"]:
            c = s.getCellRangeByName(alamat)
            hasil.append([jenis(c), c.getString(), c.getFormula(), c.NumberFormat,
                          d.NumberFormats.getByKey(c.NumberFormat).FormatString])
        return {"hasil": hasil}

    def simpan(p):
        d = dok[p["doc"]]
        d.calculateAll()
        d.storeToURL(url(p["path"]), (pv("FilterName", p.get("filter", FILTER_XLSX)),))
        return {}

    def tutup(p):
        dok.pop(p["doc"]).close(True)
        return {}

    perintah = {"buka": buka, "ketik": ketik, "tempel": tempel, "baca": baca,
                "simpan": simpan, "tutup": tutup}
    print(json.dumps({"siap": True}), flush=True)
    for baris in sys.stdin:
        p = json.loads(baris)
        if p["op"] == "selesai":
            break
        try:
            jawab = {"ok": True, **perintah[p["op"]](p)}
        except Exception as e:  # noqa: BLE001 - dilaporkan ke klien
            jawab = {"ok": False, "galat": f"{type(e).__name__}: {e}"}
        print(json.dumps(jawab), flush=True)
    for d in list(dok.values()):
        try:
            d.close(True)
        except Exception:  # noqa: BLE001
            pass
    try:
        desktop.terminate()
    except Exception:  # noqa: BLE001 - soffice menutup sambungan saat berhenti
        pass


# =============================================================================================
# Klien (venv proyek)
# =============================================================================================

_PROFIL = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="DefaultLocale" oor:op="fuse"><value>en-US</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>en-US</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Input"><prop oor:name="AutoInput" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Recovery/AutoSave"><prop oor:name="Enabled" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Recovery/RecoveryInfo"><prop oor:name="Enabled" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="ShowTipOfTheDay" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse"><value>99.0</value></prop></item>
<item oor:path="/org.openoffice.Office.Linguistic/SpellChecking"><prop oor:name="IsSpellAuto" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
"""


def python_uno() -> str | None:
    """Python yang dapat ``import uno`` (Python sistem dengan python3-uno), atau None."""
    calon = [os.environ.get("RAPK_PYTHON_UNO"), "/usr/bin/python3", shutil.which("python3")]
    for p in calon:
        if p and Path(p).is_file():
            r = subprocess.run([p, "-c", "import uno"], capture_output=True)
            if r.returncode == 0:
                return p
    return None


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class GagalKantor(RuntimeError):
    pass


class Kantor:
    """Satu LibreOffice headless dan pengemudi UNO-nya. Bahasa masukan: en-US (titik desimal),
    sehingga angka diketik seperti ``84.6``."""

    def __init__(self, soffice: str, batas_waktu: float = 120):
        py = python_uno()
        if py is None:
            raise GagalKantor("Python dengan modul uno tidak ada: apt-get install python3-uno")
        self.batas_waktu = batas_waktu
        self._tmp = tempfile.TemporaryDirectory(prefix="rapk-uno-")
        profil = Path(self._tmp.name, "profil")
        (profil / "user").mkdir(parents=True)
        (profil / "user" / "registrymodifications.xcu").write_text(_PROFIL, encoding="utf-8")
        port = _port_bebas()
        env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
        self.soffice = subprocess.Popen(
            [soffice, f"-env:UserInstallation={profil.as_uri()}", "--headless", "--invisible",
             "--norestore", "--nologo", "--nolockcheck", "--nodefault",
             f"--accept=socket,host=127.0.0.1,port={port};urp;"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=open(os.environ.get("RAPK_UNO_LOG", os.devnull), "w"),
            start_new_session=True, env=env)
        self.pengemudi = subprocess.Popen(
            [py, __file__, str(port)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, bufsize=1, env=env)
        self._jawab()  # {"siap": true}

    def _jawab(self) -> dict:
        import selectors

        sel = selectors.DefaultSelector()
        sel.register(self.pengemudi.stdout, selectors.EVENT_READ)
        if not sel.select(self.batas_waktu):
            self.tutup()
            raise GagalKantor(f"LibreOffice tidak menjawab dalam {self.batas_waktu:g} detik")
        baris = self.pengemudi.stdout.readline()
        if not baris:
            galat = self.pengemudi.stderr.read()
            raise GagalKantor(f"pengemudi UNO berhenti: {galat[-2000:]}")
        return json.loads(baris)

    def _perintah(self, op: str, **isi) -> dict:
        self.pengemudi.stdin.write(json.dumps({"op": op, **isi}, default=str) + "\n")
        self.pengemudi.stdin.flush()
        j = self._jawab()
        if not j.pop("ok"):
            raise GagalKantor(f"{op}: {j['galat']}")
        return j

    def buka(self, path) -> int:
        """Buka salinan ``path`` (berkas aslinya tidak pernah disentuh atau dikunci)."""
        salinan = Path(self._tmp.name, f"buka{len(os.listdir(self._tmp.name))}_{Path(path).name}")
        shutil.copyfile(path, salinan)
        return self._perintah("buka", path=str(salinan))["doc"]

    def ketik(self, doc: int, sel: list[tuple]) -> list[tuple[str, str]]:
        """Ketik ``teks`` di setiap (sheet, alamat, teks[, teks_saja]), berurutan; kembalikan
        (jenis sel: EMPTY/VALUE/TEXT/FORMULA, teks tampil) sesudahnya untuk setiap sel.
        ``teks_saja``: isian yang harus tetap teks (mis. ``-``, ``'5.874.961,0``); bila
        LibreOffice mengubahnya menjadi angka, diketik ulang berawalan apostrof."""
        return [tuple(h) for h in self._perintah("ketik", doc=doc, sel=[list(s) for s in sel])
                ["hasil"]]

    def tempel(self, doc: int, sheet: str, mulai: str, blok: list[list]) -> str | None:
        """Tempel nilai ``blok`` (baris × kolom; teks tetap teks, angka tetap angka) dengan
        sel kiri atasnya di ``mulai``. Kembalikan None bila tertempel, atau alasan penolakannya
        (area tempel memuat sel gabungan atau sel berisi)."""
        return self._perintah("tempel", doc=doc, sheet=sheet, mulai=mulai, blok=blok)["ditolak"]

    def baca(self, doc: int, sheet: str, sel: list[str]) -> list[tuple]:
        """(jenis, teks tampil, rumus, kunci format, kode format) setiap sel."""
        return [tuple(h) for h in self._perintah("baca", doc=doc, sheet=sheet, sel=sel)["hasil"]]

    def simpan(self, doc: int, path, filter: str = FILTER_XLSX) -> Path:
        self._perintah("simpan", doc=doc, path=str(path), filter=filter)
        return Path(path)

    def tutup_dok(self, doc: int) -> None:
        self._perintah("tutup", doc=doc)

    def tutup(self) -> None:
        if self.pengemudi.poll() is None:
            try:
                self.pengemudi.stdin.write(json.dumps({"op": "selesai"}) + "\n")
                self.pengemudi.stdin.flush()
                self.pengemudi.wait(timeout=30)
            except (OSError, subprocess.TimeoutExpired):
                self.pengemudi.kill()
        try:
            self.soffice.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.soffice.pid, 9)
            self.soffice.wait()
        self._tmp.cleanup()


if __name__ == "__main__":  # pragma: no cover
    _pengemudi(int(sys.argv[1]))
