"""``styring doctor``: what this machine has for the product, in bokmål, for IT's first hour.

Lists Python, the installed package and xlwings, LibreOffice (and where it was found: the
same lookup :func:`generator.output.pdf.soffice` uses for every build) and how it makes
PDF/A (warm over UNO, or batched calls: :func:`generator.output.pdf.uno_python`), the fonts the
documents and the signature fields need, the xlwings add-in and user settings (the button
needs neither) and whether the output folder can be written. Each line is OK, MERKNAD or
FEIL; FEIL means the machine cannot make the documents (or not their PDF/A).

Nothing here changes the machine: the write test makes one temporary file and removes it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from . import __version__, paths
from .errors import os_reason
from .excel.xlsm import ButtonSettings
from .output.pdf import UNO_ENV, UNO_OFF, soffice, uno_python

MIN_PYTHON = (3, 11)
SOFFICE_ENV = "STYRING_SOFFICE"
# The fonts the bundled templates and signature fields use, each with the metric-compatible
# free font LibreOffice uses in its place on a machine without Microsoft's.
FONTS = (("Calibri", "Carlito", "brødteksten og overskriftene i malene"),
         ("Cambria", "Caladea", "tekst i serif (reserve)"),
         ("Liberation Sans", "DejaVu Sans", "signaturfeltene i lederavtalene"))
WINDOWS_FONT_FILES = {"Calibri": "calibri.ttf", "Cambria": "cambria.ttc",
                      "Liberation Sans": "LiberationSans-Regular.ttf",
                      "Carlito": "Carlito-Regular.ttf", "Caladea": "Caladea-Regular.ttf",
                      "DejaVu Sans": "DejaVuSans.ttf"}


@dataclass(frozen=True)
class Finding:
    """One line of the answer."""

    level: str  # "OK", "MERKNAD" or "FEIL"
    what: str
    text: str


def _python() -> Finding:
    v = sys.version_info
    text = f"{v.major}.{v.minor}.{v.micro} i {sys.executable}"
    if (v.major, v.minor) < MIN_PYTHON:
        return Finding("FEIL", "Python", f"{text}; programmet trenger Python "
                       f"{MIN_PYTHON[0]}.{MIN_PYTHON[1]} eller nyere.")
    return Finding("OK", "Python", text)


def _package() -> list[Finding]:
    out = [Finding("OK", "Programmet", f"styringsdokumenter {__version__} i "
                   f"{Path(__file__).resolve().parent}")]
    try:
        xlwings = metadata.version("xlwings")
    except metadata.PackageNotFoundError:
        out.append(Finding("FEIL", "xlwings", "Python-pakken xlwings mangler i dette miljøet; "
                           "installer programmet på nytt fra wheel-filen."))
    else:
        out.append(Finding("OK", "xlwings", f"Python-pakken {xlwings} (VBA-koden i "
                           "arbeidsbøkene må ha samme versjon; lag dem på nytt etter en "
                           "oppgradering)"))
    return out


def soffice_found() -> tuple[str | None, str]:
    """LibreOffice as the build finds it, and how it was found."""
    exe = soffice()
    if exe is None:
        return None, ""
    env = os.environ.get(SOFFICE_ENV)
    how = (f"fra miljøvariabelen {SOFFICE_ENV}" if env and Path(env) == Path(exe) else
           "på PATH" if shutil.which(Path(exe).name) == exe else "på standardstedet")
    return exe, how


def _libreoffice() -> Finding:
    exe, how = soffice_found()
    if exe is None:
        return Finding("FEIL", "LibreOffice", "ikke funnet, så PDF/A (og signaturfeltene) kan "
                       "ikke lages; bare Word-filer. Installer LibreOffice (Windows: "
                       "winget install TheDocumentFoundation.LibreOffice; Debian: "
                       f"libreoffice-writer-nogui), eller sett {SOFFICE_ENV} til soffice(.exe).")
    version = ""
    try:
        done = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=60,
                              stdin=subprocess.DEVNULL)
        first = next((ln.split() for ln in done.stdout.splitlines() if ln.strip()), [])
        version = " ".join(first[:2])  # «LibreOffice 7.4.7.2», without the build id
    except (OSError, subprocess.SubprocessError):
        pass
    shown = f"{exe} ({how})" + (f", {version}" if version else "")
    return Finding("OK", "LibreOffice", shown)


def _pdf_path() -> Finding | None:
    """How PDF/A is made: by warm LibreOffice over UNO, or by batched calls (slower)."""
    if soffice() is None:
        return None  # the LibreOffice line says what is missing
    chosen = os.environ.get(UNO_ENV)
    python = uno_python()
    if python is not None:
        how = f" (fra miljøvariabelen {UNO_ENV})" if chosen else ""
        return Finding("OK", "PDF-konvertering", f"LibreOffice styres over UNO med {python}"
                       f"{how}: én LibreOffice per kjerne, startet mens dokumentene lages")
    if chosen is not None and chosen.strip().lower() in UNO_OFF:
        return Finding("OK", "PDF-konvertering", "samlede soffice-kall, slik "
                       f"{UNO_ENV}={chosen.strip() or '(tom)'} ber om (tregere enn over UNO)")
    where = (f"{chosen} (fra {UNO_ENV}) kan ikke importere uno" if chosen else
             "fant ingen Python som kan styre LibreOffice (uno)")
    return Finding("MERKNAD", "PDF-konvertering", f"samlede soffice-kall, som er tregere: "
                   f"{where}. Debian/Ubuntu: installer python3-uno; Windows og macOS: "
                   f"LibreOffices egen Python brukes, eller sett {UNO_ENV} til en "
                   "Python med uno.")


def _font_file(name: str) -> str | None:
    """Where the font is: fontconfig where there is one, else Windows' font folders."""
    exe = shutil.which("fc-match")
    if exe:
        try:
            done = subprocess.run([exe, "-f", "%{family}|%{file}", name], capture_output=True,
                                  text=True, timeout=10)
        except (OSError, subprocess.SubprocessError):
            return None
        family, _, file = done.stdout.partition("|")
        names = [f.strip().casefold() for f in family.split(",")]
        return file.strip() or None if name.casefold() in names else None
    folders = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
    if os.environ.get("LOCALAPPDATA"):
        folders.append(Path(os.environ["LOCALAPPDATA"]) / "Microsoft" / "Windows" / "Fonts")
    wanted = WINDOWS_FONT_FILES.get(name, name.replace(" ", "") + ".ttf").casefold()
    for folder in folders:
        if folder.is_dir():
            for f in folder.iterdir():
                if f.name.casefold() == wanted:
                    return str(f)
    return None


def _fonts() -> list[Finding]:
    out = []
    for main, stand_in, used in FONTS:
        found = [(n, f) for n in (main, stand_in) if (f := _font_file(n))]
        if found:
            n, f = found[0]
            out.append(Finding("OK", f"Skrift {main}", f"{n} ({f}), til {used}"))
        else:
            out.append(Finding("MERKNAD", f"Skrift {main}", f"verken {main} eller {stand_in} er "
                               f"installert; PDF-ene får en erstatningsskrift i {used} "
                               "(linjeskift og sidetall kan bli annerledes)."))
    return out


def _xlwings_setup() -> list[Finding]:
    """The add-in and the user's xlwings.conf: the button needs neither; say if they are
    there, since a user setting can point the button at another Python."""
    appdata = os.environ.get("APPDATA")
    addin = (Path(appdata) / "Microsoft" / "Excel" / "XLSTART" / "xlwings.xlam"
             if appdata else None)
    if addin is not None and addin.is_file():
        state = (f"installert ({addin}); trengs ikke, knappen har VBA-koden i arbeidsboken. "
                 "Det gjør ingen skade, men må ha samme versjon som Python-pakken om dere "
                 "bruker det til annet.")
    elif sys.platform == "win32":
        state = "ikke installert (trengs ikke: knappen har VBA-koden i arbeidsboken)"
    else:
        state = "ikke aktuelt på denne maskinen (Excel-knappen er for Windows)"
    out = [Finding("OK", "xlwings-tillegget", state)]
    user_conf = Path.home() / ".xlwings" / "xlwings.conf"
    if user_conf.is_file():
        out.append(Finding("MERKNAD", "xlwings-innstillinger", f"{user_conf} finnes; arket "
                           "xlwings.conf i arbeidsboken går foran, men en innstilling som "
                           "mangler der, hentes herfra."))
    interpreter = ButtonSettings.from_env().interpreter
    here = Path(sys.executable)
    same = sys.platform == "win32" and Path(interpreter).resolve() == here.resolve()
    out.append(Finding("OK" if same or sys.platform != "win32" else "MERKNAD", "Knappens Python",
                       f"nye arbeidsbøker (new-workbook --xlsm) peker på {interpreter}"
                       + ("" if same or sys.platform != "win32" else
                          f", ikke på denne Python-en ({here}); sett STYRING_PYTHON_WIN eller "
                          "rett Interpreter_Win i arket xlwings.conf")))
    return out


def _probe(folder: Path) -> tuple[Path, str | None]:
    """The folder a file is tried in (``folder``, or the nearest one above it that exists)
    and why no file can be written there (None: one can)."""
    probe = folder
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    if not probe.is_dir():
        return probe, "er ikke en mappe"
    try:
        with tempfile.NamedTemporaryFile(dir=probe, prefix=".styring-skriveprove-"):
            pass
    except OSError as e:
        return probe, os_reason(e)
    return probe, None


def _writable(folder: Path) -> Finding:
    """Whether the output folder (or the nearest folder above it that exists) takes a file."""
    probe, why = _probe(folder)
    shown = f"{folder}" + ("" if probe == folder else f" (finnes ikke ennå; prøvde {probe})")
    if not probe.is_dir():
        return Finding("FEIL", "Utmappen", f"{shown}: {why}.")
    if why is not None:
        return Finding("FEIL", "Utmappen", f"{shown}: kan ikke skrive her ({why}). Gi "
                       "rådgiverne skrivetilgang, eller velg en annen mappe med --out / "
                       "«Utmappe».")
    return Finding("OK", "Utmappen", f"{shown}: kan skrives")


def _cache() -> Finding:
    """The user's cache folder (compiled templates and the like, see
    :func:`generator.paths.cache_folder`): without it a build only takes longer."""
    folder = paths.cache_folder()
    if folder is None:
        return Finding("MERKNAD", "Mellomlager", "slått av (STYRING_CACHE); byggingene tar "
                       "litt lengre tid")
    _, why = _probe(folder)
    if why is not None:
        return Finding("MERKNAD", "Mellomlager", f"{folder}: kan ikke skrives ({why}); "
                       "byggingene virker, men tar litt lengre tid. Velg en annen mappe med "
                       "miljøvariabelen STYRING_CACHE.")
    return Finding("OK", "Mellomlager", f"{folder}" + (" (fra miljøvariabelen STYRING_CACHE)"
                                                       if os.environ.get("STYRING_CACHE")
                                                       else ""))


def findings(workbooks: Path, out: Path | None = None) -> list[Finding]:
    """Everything, in the order the answer lists it."""
    target = out if out is not None else paths.default_out([workbooks])
    return [_python(), *_package(), _libreoffice(), *filter(None, [_pdf_path()]), *_fonts(),
            *_xlwings_setup(), _writable(target), _cache()]
