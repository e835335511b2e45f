"""Extractions that never finish or never stop allocating, run by the document worker in its tests."""


def spin(data: bytes):
    """Burns CPU forever, as a parser stuck in a loop on a crafted file would."""
    while True:
        pass


def hog(data: bytes):
    """Allocates without end, as a decompression bomb that lies about its size would."""
    chunks = []
    while True:
        chunks.append(bytearray(64 * 1024**2))


def sleep(data: bytes):
    """Waits forever without using CPU, as a parser blocked on a stuck OCR child would."""
    import time

    time.sleep(3600)
