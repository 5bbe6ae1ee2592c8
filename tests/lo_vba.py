"""Dijalankan dengan Python yang punya ``uno`` (mis. /usr/bin/python3): LibreOffice membuka
sebuah workbook dan mencetak (JSON) pustaka Basic/VBA yang diimpornya: nama pustaka → modul →
teks sumber.

    python3 tests/lo_vba.py BERKAS.xlam PROFIL_DIR

LibreOffice mengimpor proyek VBA dari xlsm/xlam saat membuka berkas (Tools > Options >
Load/Save > VBA Properties, "Load Basic code", bawaan aktif). Berkas disalin ke .xlsm lebih
dulu bila LibreOffice tidak mengenali .xlam.
"""
import json
import os
import subprocess
import sys
import time
import uuid

import uno
from com.sun.star.beans import PropertyValue


def _prop(nama, nilai):
    p = PropertyValue()
    p.Name, p.Value = nama, nilai
    return p


def main(berkas: str, profil: str) -> None:
    pipa = f"rapkxl_{uuid.uuid4().hex}"
    soffice = os.environ.get("SOFFICE", "soffice")
    proses = subprocess.Popen(
        [soffice, "--headless", "--invisible", "--norestore", "--nologo",
         f"-env:UserInstallation=file://{profil}", f"--accept=pipe,name={pipa};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        lokal = uno.getComponentContext()
        resolver = lokal.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", lokal)
        ctx = None
        for _ in range(120):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipa};urp;StarOffice.ComponentContext")
                break
            except Exception:  # noqa: BLE001 — soffice belum siap
                time.sleep(0.5)
        if ctx is None:
            raise SystemExit("LibreOffice tidak menjawab")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        url = uno.systemPathToFileUrl(os.path.abspath(berkas))
        doc = desktop.loadComponentFromURL(url, "_blank", 0, (_prop("Hidden", True),))
        if doc is None:  # .xlam tidak dikenali deteksi jenis: sebut filter xlsm-nya
            doc = desktop.loadComponentFromURL(url, "_blank", 0, (
                _prop("Hidden", True), _prop("FilterName", "Calc MS Excel 2007 VBA XML")))
        if doc is None:
            raise SystemExit("LibreOffice tidak dapat membuka berkas")
        hasil = {"sheets": list(doc.Sheets.ElementNames), "pustaka": {}}
        libs = doc.BasicLibraries
        for nama in libs.ElementNames:
            if not libs.isLibraryLoaded(nama):
                libs.loadLibrary(nama)
            lib = libs.getByName(nama)
            hasil["pustaka"][nama] = {m: lib.getByName(m) for m in lib.ElementNames}
        doc.close(True)
        print(json.dumps(hasil))
    finally:
        try:
            desktop.terminate()
        except Exception:  # noqa: BLE001
            pass
        try:
            proses.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proses.kill()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
