"""The Excel button: the xlwings door into the pipeline, the Logg sheet, macro workbooks.

``generator.excel.main`` and ``python -m generator.excel`` are what the helper files in
users' folders call; keep both working.
"""

from . import button


def main() -> None:
    """The button's run (:func:`generator.excel.button.main`), looked up when called."""
    button.main()


__all__ = ["main"]
