"""Mengubah workbook menjadi PDF lewat LibreOffice (headless), bila terpasang."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

PETUNJUK_PASANG = (
    "Pasang LibreOffice: di Debian/Ubuntu jalankan 'sudo apt-get install "
    "libreoffice-calc-nogui'; di Windows atau macOS unduh dan pasang LibreOffice dari "
    "https://www.libreoffice.org/download/ lalu ulangi perintah ini.")

#: Lokasi pemasangan bawaan bila ``soffice`` tidak ada di PATH.
LOKASI_SOFFICE: tuple[str, ...] = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)
BATAS_WAKTU_PDF = 180.0


class GagalPdf(Exception):
    """PDF tidak dapat dibuat; ``pesan`` untuk pengguna."""

    def __init__(self, pesan: str):
        super().__init__(pesan)
        self.pesan = pesan


class SofficeTidakAda(GagalPdf):
    """LibreOffice (``soffice``) tidak ditemukan."""


def cari_soffice() -> str | None:
    """Path program ``soffice`` LibreOffice, atau None."""
    for nama in ("soffice", "libreoffice"):
        p = shutil.which(nama)
        if p:
            return p
    return next((p for p in LOKASI_SOFFICE if Path(p).is_file()), None)


def _jalankan(perintah: list[str], batas_waktu: float) -> subprocess.CompletedProcess:
    posix = os.name == "posix"
    proses = subprocess.Popen(perintah, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              stdin=subprocess.DEVNULL, start_new_session=posix)
    try:
        keluar, galat = proses.communicate(timeout=batas_waktu)
    except subprocess.TimeoutExpired:
        try:  # soffice menjalankan proses anak (soffice.bin): hentikan seluruh kelompoknya
            if posix:
                os.killpg(proses.pid, signal.SIGKILL)
            else:
                proses.kill()
        except OSError:
            pass
        proses.communicate()
        raise GagalPdf(f"Konversi ke PDF tidak selesai dalam {batas_waktu:g} detik; "
                       "LibreOffice dihentikan.") from None
    return subprocess.CompletedProcess(perintah, proses.returncode, keluar, galat)


def ke_pdf(xlsx_path: str | Path, pdf_path: str | Path | None = None, *,
           batas_waktu: float = BATAS_WAKTU_PDF) -> Path:
    """Konversi ``xlsx_path`` ke PDF dengan LibreOffice headless (profil sementara sendiri,
    jadi beberapa konversi boleh berjalan bersamaan). Bawaan ``pdf_path``: nama yang sama
    berakhiran .pdf. Lempar :class:`SofficeTidakAda` atau :class:`GagalPdf`."""
    xlsx = Path(xlsx_path).resolve()
    pdf = Path(pdf_path) if pdf_path is not None else xlsx.with_suffix(".pdf")
    if not xlsx.is_file():
        raise GagalPdf(f"Berkas '{xlsx}' tidak ada.")
    soffice = cari_soffice()
    if soffice is None:
        raise SofficeTidakAda("LibreOffice (soffice) tidak ditemukan. " + PETUNJUK_PASANG)
    with tempfile.TemporaryDirectory(prefix="rapk-xl-pdf-") as tmp:
        profil, folder = Path(tmp, "profil"), Path(tmp, "keluar")
        folder.mkdir()
        perintah = [soffice, f"-env:UserInstallation={profil.as_uri()}", "--headless",
                    "--norestore", "--nologo", "--nolockcheck", "--convert-to", "pdf",
                    "--outdir", str(folder), str(xlsx)]
        try:
            r = _jalankan(perintah, batas_waktu)
        except OSError as e:
            raise GagalPdf(f"LibreOffice tidak dapat dijalankan ({soffice}): "
                           f"{e.strerror or e}.") from None
        hasil = folder / (xlsx.stem + ".pdf")
        if not hasil.is_file() or hasil.stat().st_size == 0:
            keterangan = (r.stderr or r.stdout or b"").decode("utf-8", "replace").strip()
            raise GagalPdf("LibreOffice tidak menghasilkan PDF (kode keluar "
                           f"{r.returncode})" + (f": {keterangan[-500:]}" if keterangan else "."))
        try:
            shutil.move(str(hasil), str(pdf))
        except OSError as e:
            raise GagalPdf(f"PDF tidak dapat ditulis ke '{pdf}': {e.strerror or e}.") from None
    return pdf
