"""The layer rule of the README as a test: imports follow the flow, nothing imports against it.

Every module of ``generator`` is read with :mod:`ast` (nothing is imported), and every
import in it counts: at the top, inside a function (deferred) and under ``TYPE_CHECKING``.
A module may import its own package and any layer below its own; the shared top-level
modules import only each other.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

from generator.paths import ROOT

PACKAGE = ROOT / "generator"

#: The layers from the bottom up, as the README draws them (``model`` ← ``input`` ← …).
#: Units on one line are beside each other: neither imports the other.
LAYERS: tuple[tuple[str, ...], ...] = (
    # shared: the package's face and the top-level helpers every layer may use
    ("generator", "errors", "paths", "problems", "norsk", "files", "formulas", "resources",
     "texts", "lazy"),
    ("model",),
    ("input",),
    ("rendering",),
    ("documents",),
    ("output", "demo", "template_folder"),
    ("pipeline",),
    ("excel",),
    ("cli_text", "doctor", "build_command", "dataclass_cache"),  # its words, `doctor`, `build`
    ("cli",),
    ("quick",),
    ("__main__",),
)
SHARED = LAYERS[0]
README_FLOW = ("model", "input", "rendering", "documents", "output", "pipeline", "excel", "cli")


def rank(unit: str) -> int:
    return next(i for i, layer in enumerate(LAYERS) if unit in layer)


@dataclass(frozen=True)
class Arrow:
    """One import: the importing file and line, and the unit of ``generator`` it reaches."""

    file: str
    line: int
    source: str
    target: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.source} → {self.target}"


def unit_of(module: str) -> str:
    """``generator.output.stage`` → ``output``; ``generator`` → ``generator``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def arrows(path: Path, text: str | None = None) -> list[Arrow]:
    """Every import of one file of the package (``text`` in place of the file's own)."""
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    package = parts[:-1]  # the package a relative import starts from
    source = unit_of(".".join(parts if parts[-1] != "__init__" else parts[:-1]))
    tree = ast.parse(text if text is not None else path.read_text(encoding="utf-8"))
    out: list[Arrow] = []
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(package[:len(package) - node.level + 1])
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            if module == "generator" and node.level:
                # ``from .. import x``: the submodule x, or a name of the package's face
                targets = [f"generator.{a.name}" if (PACKAGE / a.name).exists()
                           or (PACKAGE / f"{a.name}.py").exists() else "generator"
                           for a in node.names]
            else:
                targets = [module]
        for target in targets:
            if target == "generator" or target.startswith("generator."):
                out.append(Arrow(str(rel) + ".py", node.lineno, source, unit_of(target)))
    return out


def against_the_flow(found: list[Arrow]) -> list[Arrow]:
    """The imports the layer rule forbids."""
    return [a for a in found if a.source != a.target and (
        a.target not in SHARED if a.source in SHARED else rank(a.target) >= rank(a.source))]


def all_arrows() -> list[Arrow]:
    return [a for path in sorted(PACKAGE.rglob("*.py")) for a in arrows(path)]


def test_every_module_belongs_to_a_layer() -> None:
    units = {unit_of(".".join(p.relative_to(ROOT).with_suffix("").parts))
             for p in PACKAGE.rglob("*.py")}
    units = {"generator" if u == "__init__" else u for u in units}
    placed = {u for layer in LAYERS for u in layer}
    assert units - placed == set(), "a new top-level module or package: give it a layer here"


def test_no_import_runs_against_the_flow() -> None:
    found = all_arrows()
    assert len(found) > 300  # the reader sees the imports (top level and deferred)
    assert [str(a) for a in against_the_flow(found)] == []


def test_the_readme_states_the_same_direction() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = re.search(r"Importene følger flyten.*?:(.*?)\(", readme, re.DOTALL)
    assert line, "the README's sentence on the import direction"
    assert tuple(re.findall(r"`(\w+)`", line[1])) == README_FLOW
    flow = [rank(u) for u in README_FLOW]
    assert flow == sorted(flow) and len(set(flow)) == len(flow)


def test_a_future_arrow_against_the_flow_fails() -> None:
    """The rule is not vacuous: a deferred upward import in the model, an import of a
    package from a shared module and a rendering module reaching into documents are caught;
    the same imports downward are not."""
    model = PACKAGE / "model" / "domain.py"
    upward = ("def f():\n    from ..output import stage\n"
              "    from ..documents.common import Planned\n")
    assert [(a.target, a.line) for a in against_the_flow(arrows(model, upward))] == [
        ("output", 2), ("documents", 3)]
    shared = PACKAGE / "norsk.py"
    assert [a.target for a in against_the_flow(arrows(shared, "from .input import reader\n"))
            ] == ["input"]
    rendering = PACKAGE / "rendering" / "fast.py"
    typing_only = ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                   "    from generator.documents import Planned\n")
    assert [a.target for a in against_the_flow(arrows(rendering, typing_only))] == ["documents"]
    beside = PACKAGE / "demo" / "data.py"
    assert [a.target for a in against_the_flow(arrows(beside, "from ..output import pdf\n"))
            ] == ["output"]
    downward = PACKAGE / "output" / "stage.py"
    assert against_the_flow(arrows(downward, "from ..model import domain\n"
                                             "from .. import __version__, paths\n")) == []
