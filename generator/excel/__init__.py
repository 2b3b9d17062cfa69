"""The Excel button: the xlwings door into the pipeline, the Logg sheet, macro workbooks.

``generator.excel.main`` is what the button runs (and the helper files of older
workbooks call); ``python -m generator.excel`` is the button without Excel. Keep both.
``send_runde`` and ``les_svar`` are the reporting round's buttons (:mod:`.runde`).
"""

from . import button


def main() -> None:
    """The button's run (:func:`generator.excel.button.main`), looked up when called."""
    button.main()


def send_runde() -> None:
    """The button «Send rapporteringsrunde» (:func:`generator.excel.runde.send`)."""
    from . import runde  # deferred: the round's modules only when its button is pressed

    runde.send()


def les_svar() -> None:
    """The button «Les inn svar» (:func:`generator.excel.runde.les`)."""
    from . import runde

    runde.les()


__all__ = ["les_svar", "main", "send_runde"]
