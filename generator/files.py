"""Writing files so that a reader never sees half of one, and their checksums."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes, durable: bool = True) -> Path:
    """Write via a temporary file in the same folder and rename it into place.

    ``durable`` also flushes the data to disk before the rename (the manifest, a signed
    PDF); files written into a build's staging folder skip that, since the build renames
    them again and a crash before then leaves the old files untouched.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~umask())  # mkstemp makes 0600; follow the umask like open()
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def holds(path: Path, data: bytes) -> bool:
    """``path`` is a plain file with exactly these bytes (then it need not be written again:
    its time stamp stays, and a shared drive sees no change)."""
    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def write_changed(path: Path, data: bytes, durable: bool = True) -> bool:
    """Write ``data`` atomically unless the file already holds exactly it; True when written."""
    if holds(Path(path), data):
        return False
    write_atomic(path, data, durable)
    return True


def same_content(path: Path, sha256: str, size: int | None = None) -> bool:
    """``path`` is a plain file whose SHA-256 is ``sha256`` (its size checked first)."""
    try:
        if path.is_symlink() or not path.is_file():
            return False
        if size is not None and path.stat().st_size != size:
            return False
        return sha256_file(path) == sha256
    except OSError:
        return False


def umask() -> int:
    """The process umask (read by setting and restoring it; there is no getter)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file as lowercase hex, read in 1 MiB blocks (manifest and archive)."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
