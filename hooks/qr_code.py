"""A QR code's modules for an address, made at build time by segno (no other host is asked)."""

from __future__ import annotations

import segno

QUIET_ZONE = 4  # modules of white around the code, as the standard asks


def qr_modules(address: str) -> tuple[tuple[bool, ...], ...]:
    """The code for `address` (error correction M), quiet zone included, row by row."""
    code = segno.make(address, error="m", micro=False)
    return tuple(tuple(bool(cell) for cell in row)
                 for row in code.matrix_iter(scale=1, border=QUIET_ZONE))
