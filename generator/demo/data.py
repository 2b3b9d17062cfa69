"""Demo data: a complete, fictional data set for «Fjellvik kommune», document year 2026.

Everything here is invented: the municipality, the people and the numbers. The set is
internally consistent (every code, name and id it refers to exists) so that it can be
written to the demo workbooks and rendered into all four documents. The rows live in one
module per workbook (:mod:`.styring`, :mod:`.tertial`, :mod:`.risiko`, :mod:`.kompass`,
:mod:`.lederavtaler`); this module puts them together.
"""

from __future__ import annotations

import copy
import dataclasses

from ..model.styringsdata import Styringsdata
from .kompass import DELSTRATEGI_INNHOLD, DELSTRATEGIER, KOMPASS, KOMPASS_SPØRSMÅL
from .lederavtaler import LEDERAVTALER, LEDERE, bidrag
from .risiko import RISIKOER
from .styring import (
    ENHETER,
    FORKORTELSER,
    GRUPPER,
    INNSTILLINGER,
    KAPITLER,
    KOMMUNE,
    MILEPÆLER,
    MÅL,
    OPPDRAG,
    PRIORITERINGER,
    STYRINGSDIALOG,
    TEKSTER,
    ÅRSHJUL,
)
from .tertial import (
    INVESTERINGSPROSJEKTER,
    MÅLRESULTATER,
    NØKKELTALL,
    OPPDRAGSSTATUS,
    RAMMEOMRÅDER,
    TERTIALTEKSTER,
    VEDTAK,
    ØKONOMI,
    med_i_fjor,
)


def demo_data() -> Styringsdata:
    """The complete, fictional demo data set for Fjellvik kommune, 2026.

    Each call returns a fresh copy, so a caller may change it without affecting the next.
    """
    data = Styringsdata(
        kommune=KOMMUNE,
        innstillinger=INNSTILLINGER,
        tekster=TEKSTER,
        prioriteringer=PRIORITERINGER,
        forkortelser=FORKORTELSER,
        enheter=ENHETER,
        årshjul=ÅRSHJUL,
        styringsdialog=STYRINGSDIALOG,
        mål=MÅL,
        oppdrag=OPPDRAG,
        målresultater=MÅLRESULTATER,
        oppdragsstatus=OPPDRAGSSTATUS,
        rammeområder=RAMMEOMRÅDER,
        økonomi=ØKONOMI,
        nøkkeltall=NØKKELTALL,
        tertialtekster=TERTIALTEKSTER,
        risikoer=RISIKOER,
        kompass=KOMPASS,
        kompass_spørsmål=KOMPASS_SPØRSMÅL,
        delstrategier=DELSTRATEGIER,
        delstrategi_innhold=DELSTRATEGI_INNHOLD,
        ledere=LEDERE,
        lederavtaler=LEDERAVTALER,
        bidrag=[],
        grupper=GRUPPER,
        kapitler=KAPITLER,
        milepæler=MILEPÆLER,
        vedtak=VEDTAK,
        investeringsprosjekter=INVESTERINGSPROSJEKTER,
    )
    data = med_i_fjor(dataclasses.replace(data, bidrag=bidrag(data)))
    return copy.deepcopy(data)
