"""The Excel button: the xlwings door into the pipeline, the Logg sheet, macro workbooks.

``generator.excel.main`` and ``python -m generator.excel`` are what the helper files in
users' folders call; keep both working.
"""

from .button import main

__all__ = ["main"]
