"""A minimal Word 97 (.doc) writer for the mirror: one piece of UTF-16 text in an OLE2 compound file.

There is no maintained Python writer for the binary DOC format, and the
mirror may not depend on LibreOffice; this writes the smallest file that
catdoc reads: a FIB, a piece table (Clx) in the 1Table stream and the
UTF-16 text, with no stylesheet or formatting (antiword wants a stylesheet).
Each stream is padded to the 4096-byte mini-stream cutoff, so the compound
file needs only its FAT and one directory sector.
"""

from __future__ import annotations

import struct

SECTOR = 512
END_OF_CHAIN = 0xFFFFFFFE
FREE = 0xFFFFFFFF
FAT_SECTOR = 0xFFFFFFFD
NO_STREAM = 0xFFFFFFFF
MINI_STREAM_CUTOFF = 4096
TEXT_OFFSET = 1024  # where the text starts in WordDocument, after the 900-byte FIB
FIB_CLX_INDEX = 33  # fcClx/lcbClx in FibRgFcLcb97
FIB_FLAGS = 0x0200 | 0x1000  # fWhichTblStm (the table is 1Table) | fExtChar
POLISH_LID = 0x0415


def _fib(text_bytes: int, characters: int, clx_size: int) -> bytes:
    base = struct.pack(
        "<HHHHHHHIBBHHII",
        0xA5EC,
        0x00C1,
        0,
        POLISH_LID,
        0,
        FIB_FLAGS,
        0x00BF,
        0,
        0,
        0,
        0,
        0,
        TEXT_OFFSET,
        TEXT_OFFSET + text_bytes,
    )  # the last two: fcMin/fcMac, for older readers
    rg_w = struct.pack("<H", 14) + bytes(28)
    rg_lw = [0] * 22
    rg_lw[0] = TEXT_OFFSET + text_bytes  # cbMac
    rg_lw[3] = characters  # ccpText
    fc_lcb = [0] * (93 * 2)
    fc_lcb[FIB_CLX_INDEX * 2 : FIB_CLX_INDEX * 2 + 2] = [0, clx_size]
    return base + rg_w + struct.pack("<H22i", 22, *rg_lw) + struct.pack("<H186I", 93, *fc_lcb) + struct.pack("<H", 0)


def _padded(stream: bytes) -> bytes:
    size = max(len(stream), MINI_STREAM_CUTOFF)
    size += -size % SECTOR
    return stream + bytes(size - len(stream))


def _directory_entry(
    name: str, kind: int, child: int = NO_STREAM, left: int = NO_STREAM, start: int = END_OF_CHAIN, size: int = 0
) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    return (
        encoded
        + bytes(64 - len(encoded))
        + struct.pack("<HBB", len(encoded), kind, 1)  # colour: black
        + struct.pack("<III", left, NO_STREAM, child)
        + bytes(16 + 4 + 16)
        + struct.pack("<IQ", start, size)
    )


def word97(text: str) -> bytes:
    """A .doc holding `text`, one paragraph per line."""
    body = text.replace("\r\n", "\n").replace("\n", "\r").rstrip("\r") + "\r"
    encoded = body.encode("utf-16-le")
    # Pcdt: one piece, CPs [0, n], its PCD pointing at the uncompressed UTF-16 text.
    plc_pcd = struct.pack("<II", 0, len(body)) + struct.pack("<HIH", 0, TEXT_OFFSET, 0)
    clx = struct.pack("<BI", 0x02, len(plc_pcd)) + plc_pcd
    fib = _fib(len(encoded), len(body), len(clx))
    word_document = _padded(fib + bytes(TEXT_OFFSET - len(fib)) + encoded)
    table = _padded(clx)
    # Sectors: 0 FAT, 1 directory, then WordDocument, then 1Table.
    word_start, word_sectors = 2, len(word_document) // SECTOR
    table_start, table_sectors = word_start + word_sectors, len(table) // SECTOR
    fat = [FAT_SECTOR, END_OF_CHAIN]
    for start, count in ((word_start, word_sectors), (table_start, table_sectors)):
        fat += [start + index + 1 for index in range(count - 1)] + [END_OF_CHAIN]
    if len(fat) > SECTOR // 4:
        raise ValueError("text too long for a one-sector FAT")
    fat_sector = struct.pack(f"<{SECTOR // 4}I", *(fat + [FREE] * (SECTOR // 4 - len(fat))))
    # Directory tree: Root -> WordDocument, whose left sibling is 1Table (shorter names sort first).
    directory = (
        _directory_entry("Root Entry", 5, child=1)
        + _directory_entry("WordDocument", 2, left=2, start=word_start, size=len(word_document))
        + _directory_entry("1Table", 2, start=table_start, size=len(table))
    )
    directory += bytes(SECTOR - len(directory))
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + bytes(16)
        + struct.pack("<HHHHH", 0x003E, 0x0003, 0xFFFE, 9, 6)
        + bytes(6)
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, MINI_STREAM_CUTOFF, END_OF_CHAIN, 0, END_OF_CHAIN, 0)
        + struct.pack("<I", 0)
        + struct.pack("<108I", *([FREE] * 108))
    )
    return header + fat_sector + directory + word_document + table
