import os

# xlwings' remote engine (xlwings Server object model) needs a licence key; the
# noncommercial key is the documented free one.
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")
