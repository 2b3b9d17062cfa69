"""Cross-sheet checks for the risk scale, the Kommunekompass point tables and the årshjul.

Kept apart from :mod:`validate` so each rule reads on its own; they report
through the same located ``err(obj, field, message)`` callback.
"""

from __future__ import annotations

from collections.abc import Callable

from .. import model as m
from .rules import KOMPASS_TOLERANCE

Err = Callable[[object, str | None, str], None]


def _n(x: float) -> str:
    return f"{x:g}".replace(".", ",")


def check_scales(d: m.Styringsdata, err: Err) -> None:
    """S and K on the scale Innstillinger picks; thresholds that fit that scale."""
    inn = d.innstillinger
    skala = inn.risikoskala
    n = skala.levels
    gul, rød = inn.risikoterskler
    where = "risiko_rød_fra" if inn.risiko_rød_fra is not None else "risikoskala"
    if gul >= rød:
        err(inn, where, f"«Risiko rød fra RF» ({rød}) må være større enn «Risiko gul fra RF» "
            f"({gul}).")
    if rød > n * n:
        err(inn, where, f"«Risiko rød fra RF» ({rød}) er større enn den største risikofaktoren "
            f"på skalaen {skala.value} ({skala.label(n)} × {skala.label(n)} = {n * n}); ingen "
            "risiko kan bli rød. Sett en lavere verdi, eller la feltet stå tomt for skalaens "
            "standard.")
    check_levels(d, skala, err)
    fra, til = inn.normalområde_fra, inn.normalområde_til
    if (fra is None) != (til is None):
        err(inn, "normalområde_til" if til is None else "normalområde_fra",
            "normalområdet for Kommunekompasset trenger både «fra» og «til».")
    elif fra is not None and til is not None and fra > til:
        err(inn, "normalområde_til", f"«Kompass normalområde til» ({_n(til)}) er mindre enn "
            f"«fra» ({_n(fra)}).")


def check_levels(d: m.Styringsdata, skala: m.Risikoskala, err: Err) -> None:
    """Every S and K is a value of the chosen scale (digits, or L/M/H in words)."""
    n = skala.levels
    for r in d.risikoer:
        for field, header in (("sannsynlighet", "sannsynlighet"), ("konsekvens", "konsekvens")):
            level = getattr(r, field)
            typed = getattr(level, "typed", str(level))
            letter = isinstance(level, m.Nivå) and level.is_letter
            if skala.letters and not letter:
                err(r, field, f"{header} må være L, M eller H (også Lav, Middels eller Høy) fordi "
                    f"risikoskalaen i Innstillinger er L/M/H, fant «{typed}».")
            elif not skala.letters and letter:
                err(r, field, f"{header} må være et heltall fra 1 til {n}, fant «{typed}». "
                    f"Risikoskalaen i Innstillinger er {skala.value}; velg «L/M/H» der for å "
                    "skrive Lav, Middels og Høy.")
            elif level > n:
                err(r, field, f"{header} må være et heltall fra 1 til {n}, fant «{typed}» "
                    f"(risikoskalaen i Innstillinger er {skala.value}).")


def check_kompass(d: m.Styringsdata, err: Err) -> None:
    """Each area's score equals the sum of its sub-questions; fokusområder all or none."""
    areas = {a.nr: a for a in d.kompass}
    questions: dict[int, list[m.KompassSpørsmål]] = {}
    for q in d.kompass_spørsmål:
        if q.område_nr not in areas and d.kompass:
            err(q, "område_nr", f"område nr. {q.område_nr} finnes ikke i arket Kompass.")
        questions.setdefault(q.område_nr, []).append(q)
    for nr, qs in questions.items():
        a = areas.get(nr)
        if a is None:
            continue
        total = sum(q.poeng for q in qs)
        if abs(total - a.poeng) > KOMPASS_TOLERANCE:
            err(a, "poeng", f"poengene for «{a.navn}» ({_n(a.poeng)}) stemmer ikke med summen "
                f"av de {len(qs)} delspørsmålene i arket Kompass-spørsmål ({_n(total)}). Rett "
                "poengene eller delspørsmålene (avvik på inntil 0,5 poeng godtas for "
                "avrunding).")
        maks = sum(q.maks_poeng for q in qs)
        if maks > 100:
            err(qs[-1], "maks_poeng", f"maks poeng for delspørsmålene i område nr. {nr} er til "
                f"sammen {_n(maks)}; et område har høyst 100 poeng.")
    with_focus = [a for a in d.kompass if a.fokusområde]
    if with_focus and len(with_focus) < len(d.kompass):
        for a in d.kompass:
            if not a.fokusområde:
                err(a, "fokusområde", f"«{a.navn}» mangler fokusområde. Når ett område har "
                    "fokusområde, må alle ha det.")


def check_årshjul(d: m.Styringsdata, err: Err) -> None:
    """A meeting needs a date unless «Når» says when."""
    for møte in d.årshjul:
        if møte.dato is None and not møte.når:
            err(møte, "dato", "«Dato» mangler verdi (påkrevd når «Når» er tom).")
