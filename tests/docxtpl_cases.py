"""Contexts for docxtpl's own test templates (tests/data/docxtpl), taken from the upstream
test scripts of python-docx-template (LGPL-2.1) and shortened where noted.

Each entry maps a template file to a function of ``(url_id, image)``: ``url_id(url)`` gives a
hyperlink relationship id for RichText (docxtpl's ``tpl.build_url_id`` or the project's
``generator.rendering.template.url_id``) and ``image()`` an inline image (``None`` means the
template is rendered without images).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from docxtpl import Listing, R, RichText

DATA = Path(__file__).parent / "data" / "docxtpl"
UrlId = Callable[[str], str]
ImageFactory = Callable[[], Any]


def _alerts(url_id: UrlId, image: ImageFactory) -> dict[str, Any]:
    return {"alerts": [
        {"date": "2015-03-10", "desc": RichText("Very critical alert", color="FF0000", bold=True),
         "type": "CRITICAL", "bg": "FF0000"},
        {"date": "2015-03-11", "desc": RichText("Just a warning"), "type": "WARNING",
         "bg": "FFDD00"},
        {"date": "2015-03-12", "desc": RichText("Information"), "type": "INFO", "bg": "8888FF"},
        {"date": "2015-03-13", "desc": RichText("Debug trace"), "type": "DEBUG", "bg": "FF00FF"},
    ]}


def _escape(url_id: UrlId, image: ImageFactory) -> dict[str, Any]:
    return {
        "myvar": R('"less than" must be escaped : <, this can be done with RichText() or R()'),
        "myescvar": 'It can be escaped with a "|e" jinja filter in the template too : < ',
        "nlnp": R("Here is a multiple\nlines\nstring\aand some\aother\aparagraphs",
                  color="#ff00ff"),
        "mylisting": Listing("the listing\nwith\nsome\nlines\nand special chars : <>& ..."),
        "page_break": R("\f"),
        "new_listing": "\nThis is a new listing\nNow, does not require Listing() Object\n"
                       "Here is a \t tab\a\nHere is a new paragraph\a\nHere is a page break : "
                       "\f\nThat's it\n",
        "some_html": "HTTP/1.1 200 OK\nServer: Apache-Coyote/1.1\n\n<html>\n<head>\n"
                      "    <title>Struts Problem Report</title>\n</head>\n<body>\n...\n"
                      "</body>\n</html>",  # shortened
    }


def _escape_auto(url_id: UrlId, image: ImageFactory) -> dict[str, Any]:
    names = {"<": "LESS-THAN SIGN", '"': "QUOTATION MARK", "&": "AMPERSAND",
             "'": "APOSTROPHE", ">": "GREATER-THAN SIGN"}  # unicodedata.name, upstream
    return {"nested_dict": {names[c]: c for c in """<"&'>"""},
            "autoescape": 'Escaped "str & ing"!',
            "autoescape_unicode": "This is an escaped <unicode> example \u4f60 & \u6211",
            "iteritems": lambda x: x.items()}


def _header_footer(title: str, company: str) -> Callable[[UrlId, ImageFactory], dict[str, Any]]:
    # upstream passes a Subdoc as «mysubdoc»; a plain paragraph text stands in for it
    return lambda url_id, image: {"title": title, "company_name": company,
                                  "date": "2016-03-17",
                                  "mysubdoc": "This is a sub-document stand-in"}


def _nested_for(url_id: UrlId, image: ImageFactory) -> dict[str, Any]:
    return {
        "dishes": [
            {"name": "Pizza", "ingredients": ["bread", "tomato", "ham", "cheese"]},
            {"name": "Hamburger", "ingredients": ["bread", "chopped steak", "cheese", "sauce"]},
            {"name": "Apple pie", "ingredients": ["flour", "apples", "suggar", "quince jelly"]},
        ],
        "authors": [
            {"name": "Saint-Exupery", "books": [{"title": "Le petit prince"},
                                                {"title": "L'aviateur"},
                                                {"title": "Vol de nuit"}]},
            {"name": "Barjavel", "books": [{"title": "Ravage"}, {"title": "La nuit des temps"},
                                           {"title": "Le grand secret"}]},
        ],
    }


_ITEMS = [{"desc": "Python interpreters", "qty": 2, "price": "FREE"},
          {"desc": "Django projects", "qty": 5403, "price": "FREE"},
          {"desc": "Guido", "qty": 1, "price": "100,000,000.00"}]


def _richtext(url_id: UrlId, image: ImageFactory) -> dict[str, Any]:
    rt = RichText()
    rt.add("a rich text", style="myrichtextstyle")
    rt.add(" with ")
    rt.add("some italic", italic=True)
    rt.add(" and ")
    rt.add("some violet", color="#ff00ff")
    rt.add(" and ")
    rt.add("some striked", strike=True)
    rt.add(" and ")
    rt.add("some Highlighted", highlight="#ffff00")
    rt.add("\nYou can add an hyperlink, here to ")
    rt.add("google", url_id=url_id("http://google.com"))
    rt.add("\nEt voilà ! ")
    rt.add("\n1st line")
    rt.add("\aA new paragraph : <cool>\a")
    for ul in ["single", "double", "wave"]:  # shortened
        rt.add("\nUnderline : " + ul + " \n", underline=ul)
    rt.add("Arial\n", font="Arial")
    rt.add("\n\nHere some")
    rt.add("superscript", superscript=True)
    rt.add(" and some")
    rt.add("subscript", subscript=True)
    embedded = RichText("an example of ")
    embedded.add(rt)
    return {"example": embedded}


def _inline_image(url_id: UrlId, image: ImageFactory) -> dict[str, Any]:
    # upstream uses six pictures; one small one (zope.png) stands in for all of them
    return {"myimage": image(), "myimageratio": image(),
            "frameworks": [{"image": image(), "desc": "The web framework for perfectionists"},
                           {"image": image(), "desc": "Zope is a leading Open Source "
                            "Application Server"}]}


def _const(ctx: dict[str, Any]) -> Callable[[UrlId, ImageFactory], dict[str, Any]]:
    return lambda url_id, image: dict(ctx)


CASES: dict[str, Callable[[UrlId, ImageFactory], dict[str, Any]]] = {
    "cellbg_tpl.docx": _alerts,
    "comments_tpl.docx": _const({}),
    "doc_properties_tpl.docx": _const({"test": "HelloWorld"}),
    "dynamic_table_tpl.docx": _const({
        "col_labels": ["fruit", "vegetable", "stone", "thing"],
        "tbl_contents": [
            {"label": "yellow", "cols": ["banana", "capsicum", "pyrite", "taxi"]},
            {"label": "red", "cols": ["apple", "tomato", "cinnabar", "doubledecker"]},
            {"label": "green", "cols": ["guava", "cucumber", "aventurine", "card"]}]}),
    "escape_tpl.docx": _escape,
    "escape_tpl_auto.docx": _escape_auto,
    "footnotes_tpl.docx": _const({"a_jinja_variable": "A Jinja variable!"}),
    "header_footer_tpl.docx": _header_footer("Header and footer test", "The World Wide company"),
    "header_footer_entities_tpl.docx": _const({"title": "Header and footer test"}),
    "header_footer_tpl_utf8.docx": _header_footer("헤더와 푸터", "세계적 회사"),
    "horizontal_merge_tpl.docx": _const({}),
    "less_cells_after_loop_tpl.docx": _const({}),
    "merge_paragraph_tpl.docx": _const({"living_in_town": True}),
    "multi_rendering_tpl.docx": _const({"title": "Title ONE",
                                        "body": "This is the body for first document"}),
    "nested_for_tpl.docx": _nested_for,
    "order_tpl.docx": _const({"customer_name": "Eric", "items": _ITEMS, "in_europe": True,
                              "is_paid": False, "company_name": "The World Wide company",
                              "total_price": "100,000,000.00"}),
    "preserve_spaces_tpl.docx": _const({"tag_1": "looking", "tag_2": "too"}),
    "richtext_tpl.docx": _richtext,
    "richtext_and_if_tpl.docx": _const({"foobar": RichText("Foobar!", color="ff0000")}),
    "vertical_merge_tpl.docx": _const({"items": _ITEMS, "total_price": "100,000,000.00",
                                       "category": "Book"}),
    "vertical_merge_nested_tpl.docx": _const({}),
    "word2016_tpl.docx": _const({"test_space": "          ", "test_tabs": 5 * "\t",
                                 "test_space_r": RichText("          "),
                                 "test_tabs_r": RichText(5 * "\t")}),
    "inline_image_tpl.docx": _inline_image,
}

# Upstream's deliberately broken template: docxtpl refuses it too.
BROKEN = {"template_error_tpl.docx": {"test_variable": "test variable value"}}
