"""A small, deterministic zip writer that copies members raw and deflates only new bytes.

:class:`RawZip` reads a zip once (each member's header fields and its compressed bytes as
stored); :meth:`RawZip.write` makes a new zip with the same members in the same order,
copying the unchanged ones byte for byte and deflating the changed ones. FastTemplate uses
it so a document costs only the parts that were rendered, not the ≈800 KB of styles.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass

from ..errors import TemplateError


class ZipError(TemplateError, ValueError):
    """A zip this writer cannot copy (encrypted, unknown compression) or write (over 4 GB)."""


@dataclass(frozen=True)
class Entry:
    """One zip member: its header fields and raw compressed bytes."""

    name: bytes
    flags: int
    method: int
    dostime: int
    dosdate: int
    crc: int
    csize: int
    usize: int
    raw: bytes


def dos_time(dt: tuple[int, int, int, int, int, int]) -> tuple[int, int]:
    """A (year, month, day, hour, minute, second) as the zip format's DOS time and date."""
    y, mo, d, h, mi, s = dt
    return (h << 11) | (mi << 5) | (s // 2), ((max(y, 1980) - 1980) << 9) | (mo << 5) | d


FIXED_TIME = dos_time((1980, 1, 1, 0, 0, 0))


def fixed_times(data: bytes) -> bytes:
    """The zip with every member's time set to 1 January 1980, in place of the clock time a
    writer such as python-docx stamps: the same parts then give the same bytes, so an
    unchanged document is not written again. Only the headers' time fields change."""
    out = bytearray(data)
    time_, date_ = FIXED_TIME
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        infos = zf.infolist()
        offset = zf.start_dir
    for info in infos:  # local headers: signature, version, flags, method, time, date
        at = info.header_offset
        if out[at:at + 4] != b"PK\x03\x04":
            return data
        struct.pack_into("<HH", out, at + 10, time_, date_)
    for _ in infos:  # central directory: signature, made by, version, flags, method, time
        if out[offset:offset + 4] != b"PK\x01\x02":
            return data
        struct.pack_into("<HH", out, offset + 12, time_, date_)
        n, m, k = struct.unpack_from("<HHH", out, offset + 28)
        offset += 46 + n + m + k
    return bytes(out)


class RawZip:
    """The members of one zip, read once, ready to be copied into new zips.

    Raises :class:`ZipError` for an encrypted member or a compression other than stored or
    deflate, and :class:`zipfile.BadZipFile` for a file that is no zip.
    """

    def __init__(self, data: bytes):
        self.entries: list[Entry] = []
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
        for info in infos:
            if info.flag_bits & 0x1:
                raise ZipError("malen er kryptert.")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise ZipError(f"ukjent komprimering i {info.filename}.")
            n, m = struct.unpack("<HH", data[info.header_offset + 26:info.header_offset + 30])
            start = info.header_offset + 30 + n + m
            dostime, dosdate = dos_time(info.date_time)
            self.entries.append(Entry(
                info.filename.encode("utf-8"), (info.flag_bits & 0x800) | (info.flag_bits & 0x6),
                info.compress_type, dostime, dosdate, info.CRC, info.compress_size,
                info.file_size, data[start:start + info.compress_size]))
        #: The time stamp new members get: the first member's (so output stays reproducible).
        self.date = (self.entries[0].dostime, self.entries[0].dosdate) if self.entries \
            else dos_time((1980, 1, 1, 0, 0, 0))
        self.names = {e.name.decode("utf-8") for e in self.entries}

    def keep_only(self, names: set[str]) -> set[str]:
        """Leave out every member not in ``names``; returns the names left out."""
        dropped = self.names - names
        if dropped:
            self.entries = [e for e in self.entries if e.name.decode("utf-8") in names]
            self.names -= dropped
        return dropped

    def unpacked_size(self, changed: Mapping[str, bytes]) -> int:
        """The unpacked size of the zip :meth:`write` would make with ``changed``."""
        return (sum(e.usize for e in self.entries if e.name.decode("utf-8") not in changed)
                + sum(len(v) for v in changed.values()))

    def write(self, changed: Mapping[str, bytes], level: int) -> bytes:
        """A zip of the members in order; ``changed`` ones deflated at ``level`` (new names
        at the end), the rest copied raw. Raises :class:`ZipError` beyond 4 GB (no zip64)."""
        out: list[bytes] = []
        central: list[bytes] = []
        offset = 0
        entries = self.entries + [Entry(n.encode(), 0, 8, *self.date, 0, 0, 0, b"")
                                  for n in changed if n not in self.names]
        for e in entries:
            name = e.name.decode("utf-8")
            if name in changed:
                data = changed[name]
                comp = zlib.compressobj(level, zlib.DEFLATED, -15)
                raw = comp.compress(data) + comp.flush()
                e = Entry(e.name, e.flags & 0x800, zipfile.ZIP_DEFLATED, e.dostime, e.dosdate,
                          zlib.crc32(data), len(raw), len(data), raw)
            if e.csize >= 0xFFFFFFFF or e.usize >= 0xFFFFFFFF or offset >= 0xFFFFFFFF:
                raise ZipError("dokumentet blir for stort (over 4 GB).")
            need = 20 if e.method == zipfile.ZIP_DEFLATED else 10
            head = struct.pack("<IHHHHHIIIHH", 0x04034B50, need, e.flags, e.method, e.dostime,
                               e.dosdate, e.crc, e.csize, e.usize, len(e.name), 0)
            central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, need, e.flags,
                                       e.method, e.dostime, e.dosdate, e.crc, e.csize, e.usize,
                                       len(e.name), 0, 0, 0, 0, 0, offset) + e.name)
            out += (head, e.name, e.raw)
            offset += len(head) + len(e.name) + len(e.raw)
        cd = b"".join(central)
        out.append(cd)
        out.append(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central),
                               len(cd), offset, 0))
        return b"".join(out)
