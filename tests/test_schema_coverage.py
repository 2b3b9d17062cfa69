"""Nothing typed is silently dropped (issue 24): every column of the schema either reaches
some output of a build (a document, the calendar, an e-mail draft) or is declared input-only
in the schema with its reason (``Col.input_only``).

"Reaches" is measured on a real build of the demo: every read of a model field after the
workbooks are loaded (planning, rendering, delivery) is recorded; validation does not count.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest

from generator import pipeline
from generator.input.schema import SHEETS
from generator.input.validate import load


@pytest.fixture(scope="module")
def read_by_build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[set[tuple[str, str]]]:
    import shutil

    folder = tmp_path_factory.mktemp("coverage")
    for f in [*pipeline.DEMO_DIR.glob("*.xlsx"), *pipeline.DEMO_DIR.glob("*.png")]:
        shutil.copy(f, folder / f.name)
    result = load([folder])
    assert result.data is not None
    result.data.__dict__.pop("ansvar", None)  # resolved again under the recorder
    seen: set[tuple[str, str]] = set()
    originals: dict[type, Any] = {}
    for sheet in SHEETS:
        cls = sheet.model
        if cls in originals:
            continue
        names = {f.name for f in dataclasses.fields(cls)}
        originals[cls] = cls.__getattribute__

        def recorded(self: Any, name: str, _orig: Any = originals[cls], _names: set[str] = names,
                     _cls: type = cls) -> Any:
            if name in _names:
                seen.add((_cls.__name__, name))
            return _orig(self, name)

        cls.__getattribute__ = recorded  # type: ignore[method-assign,assignment]
    loader = pipeline.load
    pipeline.load = lambda paths, cache=None: result  # type: ignore[assignment]
    try:
        report = pipeline.build([folder], folder / "ut", pdf=False)
        assert report.ok, [str(p) for p in report.problems.errors]
        yield seen
    finally:
        pipeline.load = loader  # type: ignore[assignment]
        for cls, orig in originals.items():
            cls.__getattribute__ = orig  # type: ignore[method-assign]


def test_every_column_is_shown_or_declared_input_only(read_by_build: set[tuple[str, str]]
                                                      ) -> None:
    neither = [f"{s.name} › {c.header}" for s in SHEETS for c in s.columns
               if not c.col.input_only and (s.model.__name__, c.field) not in read_by_build]
    assert not neither, ("kolonner som verken vises i noe dokument eller er erklært "
                         "input_only med grunn i skjemaet: " + ", ".join(neither))


def test_input_only_columns_say_why() -> None:
    for s in SHEETS:
        for c in s.columns:
            if c.col.input_only is not None:
                assert len(c.col.input_only.split()) >= 4, f"{s.name} › {c.header}"
