"""The render phase of a build: planned documents → DOCX files in the staging folder.

Which documents need rendering (and which are reused unchanged) is decided by the output
stage (:func:`generator.output.stage.to_render`); this renders them, grouped by template:
documents with charts through docxtpl, plain ones through the compiled
:class:`~generator.rendering.fast.FastTemplate`, on both cores for large batches (output
identical whatever the worker count). A document is anything shaped like
:class:`generator.documents.Planned` (see :class:`Document`): this layer is below
``documents`` and does not import it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from datetime import time as dt_time
from pathlib import Path
from typing import Any, Protocol, TypeVar

from . import compiled
from .fast import FastTemplate, write_many
from .template import Image, Template

Progress = Callable[[int, int, str], None]
FAST_CHUNK = 500  # documents per FastTemplate batch (the progress bar moves per batch)
PARALLEL_FROM = 64  # below this a second process costs more than it saves


class Document(Protocol):
    """What rendering reads of a planned document."""

    @property
    def kind(self) -> str: ...
    @property
    def folder(self) -> str: ...  # the kind's folder in the målform («leiaravtale»)
    @property
    def template(self) -> str: ...
    @property
    def filename(self) -> str: ...
    @property
    def stem(self) -> str: ...
    @property
    def context(self) -> dict[str, Any]: ...
    @property
    def properties(self) -> dict[str, str]: ...
    @property
    def images(self) -> Callable[[], dict[str, Image]] | None: ...


D = TypeVar("D", bound=Document)


def staged_rel(doc: Document, suffix: str = ".docx") -> str:
    """Where a document's file goes, relative to the staging (and the year) folder."""
    return f"{doc.folder}/{doc.stem}{suffix}"


def render_documents(docs: list[D], templates: dict[str, Template], stage: Path,
                     done: int, total: int, progress: Progress | None) -> list[D]:
    """Render ``docs`` into ``stage`` (each at :func:`staged_rel`), template by template;
    returns them in the order rendered. ``done`` of ``total`` were already there (the
    progress bar counts on from it). A :class:`~generator.rendering.template.TemplateError`
    stops the batch."""
    rendered: list[D] = []
    for name, group in by_template(docs).items():
        for doc in group:
            (stage / staged_rel(doc)).parent.mkdir(parents=True, exist_ok=True)
        done = render_batch(templates[name], group, stage, done, total, progress)
        rendered += group
    return rendered


def properties(doc: Document) -> dict:
    """Core properties, dated by the document's own date (so output is reproducible)."""
    stamp = datetime.combine(doc.context["dato"], dt_time(0), UTC)
    return {**doc.properties, "created": stamp, "modified": stamp}


def by_template(docs: list[D]) -> dict[str, list[D]]:
    out: dict[str, list[D]] = {}
    for doc in docs:
        out.setdefault(doc.template, []).append(doc)
    return out


def render_batch(tpl: Template, docs: list[D], stage: Path, done: int, total: int,
                 progress: Progress | None) -> int:
    """Charts go through docxtpl; plain documents through the compiled FastTemplate,
    on every core for large batches (output identical whatever the worker count)."""
    fast = None
    plain: list[D] = []
    for doc in docs:
        if doc.images is None:
            fast = fast or FastTemplate(tpl.data, name=tpl.name,
                                        trusted=getattr(tpl, "trusted", False),
                                        cache=compiled.folder())
            if fast.supports(doc.context):
                plain.append(doc)
                continue
        (stage / staged_rel(doc)).write_bytes(tpl.render(doc.context, doc.images() if doc.images
                                                         else {}, properties(doc)))
        done += 1
        if progress:
            progress(done, total, doc.filename)
    for start in range(0, len(plain), FAST_CHUNK):
        chunk = plain[start:start + FAST_CHUNK]
        workers = min(os.cpu_count() or 1, 2 if len(chunk) >= PARALLEL_FROM else 1)
        assert fast is not None  # compiled for the supports() check above: used as it is
        write_many(fast, [(stage / staged_rel(d), d.context, properties(d))
                              for d in chunk], workers=workers, name=tpl.name)
        done += len(chunk)
        if progress:
            progress(done, total, chunk[-1].filename)
    return done
