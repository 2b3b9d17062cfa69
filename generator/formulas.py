"""Text that a spreadsheet could take for a formula (formula injection), in one place.

Titles, names and messages come from user data and end up in cells: the Logg sheet of the
Excel button, the archive's CSV list, the blank workbooks. A cell whose text starts with one
of :data:`FORMULA_PREFIXES` is marked as text (Excel's quote prefix, or a leading apostrophe
in CSV). Tab, CR and LF are in the set because some tools trim leading white space before
they look for ``=``, ``+``, ``-`` or ``@``.
"""

from __future__ import annotations

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet could read ``text`` as a formula (or a command)."""
    return text.startswith(FORMULA_PREFIXES)
