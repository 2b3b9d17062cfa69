"""The product's one family of errors: every exception it raises is a :class:`StyringError`.

The message of each is one bokmål line for the user (the doors print it as ``FEIL …`` and
never a traceback: :mod:`generator.cli` and the Excel button in
:mod:`generator.excel.button`). The branches say where the problem lies:

- :class:`InputError`: the workbooks, or a file they name (a logo), cannot be used as given;
- :class:`TemplateError`: a Word template cannot be read or filled in;
- :class:`OutputError`: the documents cannot be made or put in place (PDF, archive, folder);
- :class:`SigningError`: signature fields cannot be placed, or signing failed.

Each class is defined where it is raised (``generator.input.convert.ConversionError`` …)
and only its base comes from here. Standard library only: the no-change answer imports it.
"""

from __future__ import annotations


class StyringError(Exception):
    """A problem the product reports to the user as one bokmål line."""


class InputError(StyringError):
    """The workbooks, or a file they name, cannot be used as given."""


class TemplateError(StyringError):
    """A template that cannot be used; the message names the template and the tag."""


class OutputError(StyringError):
    """The documents cannot be made or put in place; the message says the folder's state."""


class SigningError(StyringError):
    """Signature fields could not be placed, or signing failed; message in bokmål."""


_OS_REASONS = {
    "ENOENT": "finnes ikke",
    "EACCES": "ingen tilgang",
    "EPERM": "ingen tilgang",
    "ENOTDIR": "en del av stien er en fil, ikke en mappe",
    "EISDIR": "er en mappe, ikke en fil",
    "ENOSPC": "disken er full",
    "EDQUOT": "lagringskvoten er brukt opp",
    "EROFS": "disken er skrivebeskyttet",
    "EEXIST": "finnes allerede",
    "EBUSY": "er i bruk av et annet program",
    "ETXTBSY": "er i bruk av et annet program",
    "ENAMETOOLONG": "navnet er for langt",
    "ELOOP": "for mange snarveier (symbolske lenker) i stien",
    "EIO": "lese- eller skrivefeil på disken",
    "EMFILE": "for mange åpne filer",
    "ENOTEMPTY": "mappen er ikke tom",
    "EXDEV": "kan ikke flyttes mellom to disker",
}


def os_reason(e: OSError) -> str:
    """Why a file operation failed, in bokmål (the operating system's text is English)."""
    import errno

    name = errno.errorcode.get(e.errno or 0, "")
    return _OS_REASONS.get(name, f"systemfeil {name}" if name else "ukjent systemfeil")
