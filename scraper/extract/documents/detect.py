"""Magic-byte sniffing: what the bytes are, never what the name or Content-Type claims."""

from __future__ import annotations

import io
import zipfile

# Office formats that are ZIPs, told apart by a member only they have.
ZIP_MEMBERS = (("word/document.xml", "docx"), ("xl/workbook.xml", "xlsx"))
ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}
# OLE2 (Word 97, Excel 97) directories name their main stream in UTF-16.
OLE_STREAMS = (
    ("WordDocument".encode("utf-16-le"), "doc"),
    ("Workbook".encode("utf-16-le"), "xls"),
    ("Book".encode("utf-16-le"), "xls"),
)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A password-protected DOCX/XLSX is an OLE2 file holding the encrypted ZIP in this stream.
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
IMAGE_MAGIC = ((b"\xff\xd8\xff", "jpg"), (b"\x89PNG\r\n\x1a\n", "png"), (b"II*\x00", "tiff"), (b"MM\x00*", "tiff"))
# Writers may put junk before %PDF- ; readers accept it within the first kilobyte.
PDF_HEADER_WINDOW = 1024
WRONG_TYPE = "wrong_type"
TYPES = ("pdf", "docx", "xlsx", "odt", "ods", "doc", "xls", "rtf", "jpg", "png", "tiff")
# The registered media type of each, for a Content-Type we write ourselves (the WARC export).
MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "rtf": "application/rtf",
    "jpg": "image/jpeg",
    "png": "image/png",
    "tiff": "image/tiff",
}


def detect_type(data: bytes) -> str:
    """The document type of `data` (one of TYPES), or `wrong_type` for anything else (HTML, ZIP, text)."""
    if b"%PDF-" in data[:PDF_HEADER_WINDOW]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_type(data)
    if data.startswith(OLE_MAGIC):
        return next((kind for name, kind in OLE_STREAMS if name in data), WRONG_TYPE)
    if data.lstrip()[:5] == b"{\\rtf":
        return "rtf"
    return next((kind for magic, kind in IMAGE_MAGIC if data.startswith(magic)), WRONG_TYPE)


def is_encrypted_office(data: bytes) -> bool:
    """A DOCX/XLSX saved with a password to open (MS-OFFCRYPTO): unreadable without it."""
    return data.startswith(OLE_MAGIC) and ENCRYPTED_PACKAGE in data


def _zip_type(data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        if "mimetype" in names and archive.getinfo("mimetype").file_size < 200:
            return ODF_MIMETYPES.get(archive.read("mimetype").strip(), WRONG_TYPE)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
        return WRONG_TYPE
    return next((kind for member, kind in ZIP_MEMBERS if member in names), WRONG_TYPE)
