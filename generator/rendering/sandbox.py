"""Jinja's sandbox with limits, so a hostile template cannot exhaust memory or time.

Jinja's ``SandboxedEnvironment`` stops access to Python internals but not work:
``{{ 'A'*4000000000 }}`` allocates 4 GB and two nested ``range(100000)`` loops run
10¹⁰ times. Here every ``for`` loop draws on a per-render step budget (the AST is
rewritten so the loop's iterable passes through :meth:`LimitedEnvironment.budget`),
no value the template makes (by ``*``, ``+``, ``~``, a filter or a string method) may pass
:data:`MAX_VALUE_CHARS`, powers and padding are capped, lists and dicts cannot be changed
in place (Jinja's immutable sandbox), and a rendered part may not grow beyond
:data:`MAX_OUTPUT_CHARS`. Breaking a limit raises :class:`LimitError`.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Iterable, Iterator
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.runtime import markup_join, str_join
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ..errors import StyringError

MAX_LOOP_STEPS = 5_000_000  # loop iterations per rendered part
MAX_OUTPUT_CHARS = 64 * 1024 * 1024  # characters of XML per rendered part
MAX_VALUE_CHARS = 1_000_000  # one string or list made by * or padding
MAX_EXPONENT = 1000
_WIDTH = re.compile(r"(\d{7,})")  # a width of ≥ 1 000 000 in a format string
_PADDING = {"ljust", "rjust", "center", "zfill", "expandtabs", "format", "format_map"}


def _too_big() -> LimitError:
    return LimitError(f"malen lager en verdi på mer enn {MAX_VALUE_CHARS:,} tegn"
                      .replace(",", " "))


def _check_size(value: Any) -> Any:
    """``value``, unless it is text or a collection larger than :data:`MAX_VALUE_CHARS`
    (collections counted element by element, nested ones included, so a list that holds
    itself a million times over is caught before anything prints it)."""
    if isinstance(value, (str, bytes)):
        if len(value) > MAX_VALUE_CHARS:
            raise _too_big()
        return value
    if isinstance(value, (list, tuple, dict, set, frozenset)):
        count = 0
        stack = [value]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                item = list(item.values())
            if isinstance(item, (list, tuple, set, frozenset)):
                count += len(item)
                stack.extend(i for i in item if isinstance(i, (list, tuple, dict, set,
                                                               frozenset)))
            elif isinstance(item, str):
                count += len(item)
            if count > MAX_VALUE_CHARS:
                raise _too_big()
    return value


def _guarded(name: str, func: Any) -> Any:
    """A built-in filter that refuses huge widths (``center(4000000000)``, ``format``),
    huge inputs and huge results."""
    skip = 2 if getattr(func, "jinja_pass_arg", None) is not None else 1  # context, value

    @functools.wraps(func)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        if any(isinstance(a, int) and not isinstance(a, bool) and a > MAX_VALUE_CHARS
               for a in (*args[skip:], *kwargs.values())) or (
                name == "format" and any(isinstance(a, str) and _WIDTH.search(a)
                                         for a in args)):
            raise LimitError(f"filteret «{name}» får en altfor stor verdi")
        for a in args[skip - 1:]:
            _check_size(a)
        return _check_size(func(*args, **kwargs))
    return guarded


class LimitError(StyringError, jinja2.TemplateRuntimeError):
    """A template broke one of the sandbox's limits (loop, output or value size).

    Not a :class:`~generator.errors.TemplateError` on purpose: rendering turns it into one
    that names the template (:func:`generator.rendering.template.template_error`)."""


class FilterValueError(StyringError, jinja2.TemplateRuntimeError):
    """One of the product's filters (``kr``, ``dato`` …) got a value it cannot show, e.g.
    text to ``kr``; the message names the filter and the value, in bokmål."""

    def __init__(self, name: str, value: Any):
        shown = str(value)
        shown = shown if len(shown) <= 40 else shown[:37] + "…"
        super().__init__(f"filteret «{name}» fikk «{shown}», som det ikke kan vise")
        self.filter = name


def checked_filter(name: str, func: Any) -> Any:
    """A product filter that says which filter and value failed, not Python's exception."""

    @functools.wraps(func)
    def checked(value: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return func(value, *args, **kwargs)
        except (TypeError, ValueError, ArithmeticError, AttributeError):
            raise FilterValueError(name, value) from None
    return checked


class LimitedTemplate(jinja2.Template):
    """A template whose rendering stops as soon as its output passes the limit."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        env = self.environment
        if isinstance(env, LimitedEnvironment):
            env.steps = 0
        ctx = self.new_context(dict(*args, **kwargs))
        out: list[str] = []
        size = 0
        try:
            for chunk in self.root_render_func(ctx):
                size += len(chunk)
                if size > MAX_OUTPUT_CHARS:
                    raise LimitError(f"utfylt tekst blir større enn {MAX_OUTPUT_CHARS // 2**20} "
                                     "millioner tegn")
                out.append(chunk)
        except Exception:
            env.handle_exception()
        return "".join(out)


class LimitedEnvironment(ImmutableSandboxedEnvironment):
    """The immutable sandbox plus budgets for loops, value and output size."""

    template_class = LimitedTemplate
    intercepted_binops = frozenset(["*", "**", "%", "+"])

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.steps = 0
        self.globals.pop("lipsum", None)  # lipsum(n) makes n paragraphs: no use, a risk
        for name, func in list(self.filters.items()):
            self.filters[name] = _guarded(name, func)
        given = self.finalize

        def finalize(value: Any) -> Any:  # nothing too large is printed
            _check_size(value)
            return given(value) if given is not None else value
        self.finalize = finalize

    def budget(self, iterable: Iterable[Any]) -> Iterator[Any]:
        """Every loop iterates through here; the step count is shared by the whole part."""
        for item in iterable:
            self.steps += 1
            if self.steps > MAX_LOOP_STEPS:
                raise LimitError(f"løkkene i malen går mer enn {MAX_LOOP_STEPS:,} ganger"
                                 .replace(",", " "))
            yield item

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Call(nodes.EnvironmentAttribute("budget"), [loop.iter], [], None,
                                   None, lineno=loop.lineno)
        for parent in [tree, *tree.find_all(nodes.Node)]:  # «a ~ b» through :meth:`concat_limited`
            for field in parent.fields:
                child = getattr(parent, field, None)
                if isinstance(child, nodes.Concat):
                    setattr(parent, field, self._limited_concat(child))
                elif isinstance(child, list):
                    setattr(parent, field, [self._limited_concat(c)
                                            if isinstance(c, nodes.Concat) else c
                                            for c in child])
        return tree

    @staticmethod
    def _limited_concat(node: nodes.Concat) -> nodes.Call:
        return nodes.Call(nodes.EnvironmentAttribute("concat_limited"),
                          [nodes.List(node.nodes, lineno=node.lineno)], [], None, None,
                          lineno=node.lineno)

    def concat_limited(self, items: list[Any]) -> str:
        """Jinja's ``~``, refusing a result beyond :data:`MAX_VALUE_CHARS`."""
        total = 0
        for item in items:
            _check_size(item)
            total += len(item) if isinstance(item, str) else 0
        if total > MAX_VALUE_CHARS:
            raise _too_big()
        joined = markup_join(items) if self.autoescape else str_join(items)
        return _check_size(joined)


    def call_binop(self, context: Any, operator_: str, left: Any, right: Any) -> Any:
        if operator_ == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(n, int) \
                        and len(seq) * n > MAX_VALUE_CHARS:
                    raise LimitError(f"malen lager en verdi på mer enn {MAX_VALUE_CHARS:,} tegn"
                                     .replace(",", " "))
            return operator.mul(left, right)
        if operator_ == "+":
            if isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)) \
                    and len(left) + len(right) > MAX_VALUE_CHARS:
                raise _too_big()
            return operator.add(left, right)
        if operator_ == "**":
            if isinstance(right, (int, float)) and abs(right) > MAX_EXPONENT:
                raise LimitError("malen regner ut en altfor stor potens")
            return operator.pow(left, right)
        if isinstance(left, str) and _WIDTH.search(left):
            raise LimitError("malen ber om en altfor stor feltbredde")
        return operator.mod(left, right)

    def wrap_str_format(self, value: Any) -> Any:
        fmt = super().wrap_str_format(value)
        if fmt is None:
            return None
        if _WIDTH.search(str(value.__self__)):
            raise LimitError("malen ber om en altfor stor feltbredde")

        def checked(*args: Any, **kwargs: Any) -> str:
            if any(isinstance(a, int) and a > MAX_VALUE_CHARS
                   for a in (*args, *kwargs.values())):
                raise LimitError("malen ber om en altfor stor feltbredde")
            for a in (*args, *kwargs.values()):
                _check_size(a)
            return _check_size(fmt(*args, **kwargs))
        return checked

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        name = getattr(__obj, "__name__", "")
        if isinstance(getattr(__obj, "__self__", None), str) and name in _PADDING:
            numbers = [a for a in (*args, *kwargs.values()) if isinstance(a, int)]
            texts = [a for a in (__obj.__self__, *args) if isinstance(a, str)]
            if any(n > MAX_VALUE_CHARS for n in numbers) or any(_WIDTH.search(t) for t in texts):
                raise LimitError("malen ber om en altfor stor feltbredde")
        for a in (*args, *kwargs.values()):
            _check_size(a)
        return _check_size(super().call(__context, __obj, *args, **kwargs))
