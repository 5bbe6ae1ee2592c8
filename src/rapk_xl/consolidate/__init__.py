"""Lapisan konsolidasi: riwayat kiriman, angka nasional, buku nasional."""
