"""Problems found in the input, each pointing at a file, sheet and cell."""

from __future__ import annotations

import enum
import logging
import sys
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field


class Level(enum.Enum):
    ERROR = "feil"
    NOTICE = "merknad"


@dataclass(frozen=True, order=True)
class Problem:
    """One finding, written so that an adviser can act on it."""

    file: str
    sheet: str | None
    cell: str | None
    message: str
    level: Level = Level.ERROR

    @property
    def place(self) -> str:
        return " › ".join(p for p in (self.file, self.sheet, self.cell) if p)

    def __str__(self) -> str:
        return f"{self.place}: {self.message}"


@dataclass
class Problems:
    """Collects every problem instead of stopping at the first."""

    items: list[Problem] = field(default_factory=list)

    def error(self, file: str, sheet: str | None, cell: str | None, message: str) -> None:
        self.items.append(Problem(file, sheet, cell, message))

    def notice(self, file: str, sheet: str | None, cell: str | None, message: str) -> None:
        self.items.append(Problem(file, sheet, cell, message, Level.NOTICE))

    def extend(self, other: Iterable[Problem]) -> None:
        self.items.extend(other)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.level is Level.ERROR]

    @property
    def notices(self) -> list[Problem]:
        return [p for p in self.items if p.level is Level.NOTICE]

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.items)

    def __bool__(self) -> bool:
        return bool(self.errors)


#: Libraries whose log records (pyHanko's certificate path errors with a traceback,
#: fontTools' subsetting notes) must never reach the terminal through logging's last resort.
QUIET_LOGGERS = ("pyhanko", "pyhanko_certvalidator", "fontTools")


def quiet_third_party() -> None:
    """Keep other libraries' English warnings out of what the user sees.

    Python prints a warning such as cryptography's «CryptographyDeprecationWarning: DSA is
    deprecated» (raised when pyHanko is imported) on stderr, and a library's log record
    without a handler goes there too. Neither is the user's to act on. Warnings are
    ignored unless the user asked for them (``python -W`` or ``PYTHONWARNINGS``); the
    libraries' loggers get a handler that drops their records.
    """
    if not sys.warnoptions:
        warnings.filterwarnings("ignore")
    for name in QUIET_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())
