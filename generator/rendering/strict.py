"""docxtpl's classes as the product uses them: imported only when a document needs docxtpl.

:class:`StrictDocxTemplate` renders documents with pictures (and, with no file, gives the
template check and :class:`generator.rendering.fast.FastTemplate` docxtpl's own
preprocessing, table repair and ``resolve_listing``); :class:`AltInlineImage` is a chart
with its alt text. docxtpl pulls in python-docx (≈ 25 ms of imports), which a build whose
templates are compiled already (see :mod:`.compiled`) and whose documents have no pictures
never needs.
"""

from __future__ import annotations

import io
import re
from typing import Any

from docx.shared import Cm
from docxtpl import DocxTemplate, InlineImage
from markupsafe import Markup

from ..errors import TemplateError
from .template import (
    _HYPERLINK,
    _P_LINE,
    _SHD_FIRST,
    _TRIM_AFTER,
    _TRIM_BEFORE,
    _URL_ID,
    _URL_MARK,
    PROPERTIES,
    TAG_START,
    Image,
    _join_tags,
    _merge_trimmed,
    environment,
    strict_parse,
    template_error,
)


class AltInlineImage(InlineImage):
    """docxtpl's InlineImage with a descriptive alt text (``wp:docPr/@descr``)."""

    def __init__(self, tpl: DocxTemplate, image: Image):
        super().__init__(tpl, io.BytesIO(image.png), width=Cm(image.width_cm))
        self.alt = image.alt

    def _insert_image(self) -> str:
        xml = super()._insert_image()
        alt = (self.alt.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
               .replace(">", "&gt;"))
        return re.sub(r"<wp:docPr ([^>]*?)(/?)>",
                      lambda m: f'<wp:docPr {m.group(1)} descr="{alt}"{m.group(2)}>', xml,
                      count=1)


class StrictDocxTemplate(DocxTemplate):
    """docxtpl's DocxTemplate that refuses XML it would otherwise silently repair.

    Used by :class:`Template` to render, and (with no file) by the template check and
    :class:`generator.rendering.fast.FastTemplate` for docxtpl's own preprocessing
    (``patch_xml``), table repair (``fix_tables``) and ``resolve_listing``, so all three
    read a template exactly as docxtpl does.
    """

    def __init__(self, template_file: Any, name: str):
        super().__init__(template_file)
        self._name = name
        self.templated_properties: set[str] = set()

    def patch_xml(self, src_xml: str) -> str:
        """docxtpl's preprocessing, plus schema order for the shading ``cellbg`` adds.

        docxtpl puts ``w:shd`` first in ``w:tcPr``; the schema wants it after
        ``w:tcW``, ``w:gridSpan``, ``w:vMerge`` and ``w:tcBorders``.
        """
        src_xml = _join_tags(src_xml)
        src_xml = src_xml.replace("-%}", "%}" + _TRIM_AFTER).replace("{%-", "{%" + _TRIM_BEFORE)
        return _merge_trimmed(_SHD_FIRST.sub(r"\1\3\2", super().patch_xml(src_xml)))

    def fix_tables(self, xml: str) -> Any:
        self.strict_parse(xml)
        return super().fix_tables(xml)

    def strict_parse(self, xml: str) -> Any:
        """The filled-in XML parsed, or a message naming the template (no repair)."""
        return strict_parse(self._name, xml)

    def render_properties(self, context: dict[str, Any], jinja_env: Any = None) -> None:
        """Core properties holding a tag are rendered like docxtpl does (as plain text);
        the properties the product sets from data (:meth:`Template.render`) then win, so
        the archive metadata and the document agree."""
        self.templated_properties = set()
        cp = self.docx.core_properties
        for prop in PROPERTIES:
            initial = getattr(cp, prop)
            if not initial or not TAG_START.search(initial):
                continue
            env = jinja_env or environment()
            try:
                rendered = env.from_string(self.patch_xml(initial)).render(context)
            except Exception as e:  # a template's fault, whatever Python raised
                raise template_error(self._name, e, "docProps/core.xml") from None
            setattr(cp, prop, Markup(rendered).unescape()[:255])
            self.templated_properties.add(prop)

    def render_xml_part(self, src_xml: str, part: Any, context: dict[str, Any],
                        jinja_env: Any = None) -> str:
        """docxtpl's rendering, then hyperlinks made by :func:`url_id` get real ids. A
        failure names the part and the tag."""
        try:
            xml = super().render_xml_part(src_xml, part, context, jinja_env)
        except TemplateError:
            raise
        except Exception as e:  # a template's fault, whatever Python raised
            raise template_error(self._name, e, str(part.partname).lstrip("/"),
                                 _P_LINE.sub(r"\n<w:p\1", src_xml)) from None
        if _URL_MARK in xml:
            xml = _URL_ID.sub(lambda m: 'r:id="' + part.relate_to(
                bytes.fromhex(m[1]).decode("utf-8"), _HYPERLINK, is_external=True) + '"', xml)
        return xml
