"""The Excel button: the xlwings door into the pipeline, the Logg sheet, macro workbooks.

``generator.excel.main`` is what the button runs (and the helper files of older
workbooks call); ``python -m generator.excel`` is the button without Excel. Keep both.
"""

from . import button


def main() -> None:
    """The button's run (:func:`generator.excel.button.main`), looked up when called."""
    button.main()


__all__ = ["main"]
