"""The catalogue reader without Babel's parser (issue 30, «small changes are fast»):
:func:`generator.texts.read_plain_po` gives exactly what Babel's ``read_po`` gives for the
shipped catalogue and for the plain forms a translator writes, and hands every other form
(context, plurals, obsolete entries, a msgid twice, another charset) to Babel."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from generator.texts import NYNORSK, package_catalogue, read_catalogue, read_plain_po


def babel(data: bytes) -> dict[str, str]:
    """What generator.texts read with Babel before: translated, non-fuzzy messages."""
    catalog = read_po(io.BytesIO(data), charset="utf-8")
    return {m.id: m.string for m in catalog if m.id and isinstance(m.id, str)
            and isinstance(m.string, str) and m.string and not m.fuzzy}


HEAD = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
        '"Language: nn_NO\\n"\n\n')

PLAIN = HEAD + '''#: generator/a.py:1
msgid "lederavtale"
msgstr "leiaravtale"

#, fuzzy
msgid "gammel"
msgstr "gamal"

#, python-format, fuzzy
msgid "to flagg"
msgstr "to flagg nn"

msgid "tom"
msgstr ""

# a translator's comment
#. an extracted comment
msgid ""
"over to "
"linjer med \\"sitat\\", \\\\ og \\t tab\\n"
msgstr "over to linjer"
" på nynorsk\\r\\n"
msgid "uten blank linje"
msgstr "utan tom linje"
\r
msgid "Velg «ja»"   \r
msgstr "Vel «ja»"
'''


def test_the_shipped_catalogue_reads_as_babel_reads_it_in_the_same_order() -> None:
    path = package_catalogue(NYNORSK)
    assert path is not None
    data = path.read_bytes()
    plain = read_plain_po(data)
    assert plain is not None and len(plain) > 500
    assert list(plain.items()) == list(babel(data).items())


def test_plain_forms_read_as_babel_reads_them() -> None:
    data = PLAIN.encode()
    plain = read_plain_po(data)
    assert plain is not None
    assert list(plain.items()) == list(babel(data).items())
    assert plain["lederavtale"] == "leiaravtale" and "gammel" not in plain and "tom" not in plain
    assert plain['over to linjer med "sitat", \\ og \t tab\n'] == "over to linjer på nynorsk\r\n"


@pytest.mark.parametrize("extra", [
    'msgctxt "ark"\nmsgid "Ledere"\nmsgstr "Leiarar"\n',
    'msgid "en"\nmsgid_plural "flere"\nmsgstr[0] "ein"\nmsgstr[1] "fleire"\n',
    '#~ msgid "borte"\n#~ msgstr "vekke"\n',
    'msgid "lederavtale"\nmsgstr "annan"\n',  # the same msgid twice
    'msgid "uten oversettelse"\n',
    'msgid "a"\n# a comment in between\nmsgstr "b"\n',
    'msgid\t"tab"\nmsgstr "tab"\n',
])
def test_other_forms_go_to_babel(tmp_path: Path, extra: str) -> None:
    data = (PLAIN + "\n" + extra).encode()
    assert read_plain_po(data) is None
    path = tmp_path / "se.po"
    path.write_bytes(data)
    assert read_catalogue(path) == babel(data)


def test_another_charset_or_a_bom_goes_to_babel() -> None:
    assert read_plain_po(PLAIN.replace("charset=utf-8", "charset=latin-1").encode()) is None
    assert read_plain_po(b"\xef\xbb\xbf" + PLAIN.encode()) is None
    assert read_plain_po(PLAIN.encode("utf-16")) is None
