"""The build manifest: what each document was made from, so a rebuild can reuse it.

A document is reused when its data hash (the canonical JSON of its context, its
template's hash and the product version) is unchanged and every output file is still
there with the recorded SHA-256 (see :mod:`generator.output.stage` and
:mod:`generator.output.ownership`).
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .. import __version__
from ..files import write_atomic

FILENAME = "manifest.json"


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, date | datetime):
        return value.isoformat()
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)  # docxtpl Listing and the like


def data_hash(context: dict[str, Any], template_sha: str, options: str = "") -> str:
    """The fingerprint that decides whether a document must be rendered again."""
    payload = json.dumps([__version__, template_sha, options, _plain(context)],
                         ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def read(folder: Path) -> dict[str, Any]:
    """The previous build's manifest, or an empty one (a damaged file counts as none)."""
    try:
        data = json.loads((folder / FILENAME).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) and "documents" in data else {"documents": {}}
    except (OSError, ValueError):
        return {"documents": {}}


def write(folder: Path, manifest: dict[str, Any]) -> Path:
    path = folder / FILENAME
    write_atomic(path, json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True)
                 .encode("utf-8"))
    return path
