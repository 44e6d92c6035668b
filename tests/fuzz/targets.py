"""What the fuzzer sends where: every route of `app.url_map`, its fields, and nasty values.

Routes come from the url_map, so a new route is fuzzed without anyone listing it. How to
reach one (its URL values, a valid form, who may use it) comes from the authorization
matrix, which must list every route with arguments anyway. Field names come from every
WTForms form class and every `request.form` / `request.args` read in app/.
"""

import inspect
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from hypothesis import strategies as st
from wtforms.fields.core import UnboundField

from app.forms import Form
from tests.test_authorization_matrix import ADMIN_ONLY, MATRIX, World

APP = Path(__file__).resolve().parents[2] / "app"

# Fuzzed elsewhere or not at all, with the reason.
SKIPPED = {
    "static": "public files",
    "run.events": "the event stream never ends; its after/Last-Event-ID parsing is tested in "
    "tests/live",
    "selection.events": "as run.events: the selection board's stream",
    "lesson_fields.events": "as run.events: the lesson page's stream",
}
SIGNED_OUT = {"auth.login", "auth.login_post", "auth.accept_invite", "auth.accept_invite_post"}

NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b@demo.test",
    "\ud800",
    "x\udfffy",
    "²",
    "١٢",
    "٣",
    "0",
    "-1",
    "1.5",
    "1e309",
    "NaN",
    "None",
    "2147483648",
    "9223372036854775808",
    "-9223372036854775809",
    "9" * 5000,
    "2031-02-30",
    "25:61",
    "y",
    "on",
    "../../etc/passwd",
    "//evil.example/",
    "<script>alert(1)</script>",
    "💥" * 50,
    "x" * 70_000,
    "é" * 100_000,  # over every field's limit, in two-byte letters
    # Over the 500 KB a form field may hold (a 413). In ASCII: a megabyte of "%C3%A9" takes the
    # test client's pure-Python URL decoding seconds per request, half the fuzzer's time.
    "x" * 600_000,
]


def _text_values():
    return st.one_of(
        st.sampled_from(NASTY),
        st.sampled_from(NASTY),
        st.text(alphabet=st.characters(exclude_categories=()), max_size=300),
        st.integers().map(str),
        st.dates().map(lambda d: d.isoformat()),
        st.text(alphabet="0123456789-:T ", max_size=20),
    )


VALUES = _text_values()


def _form_classes(cls=Form):
    for sub in cls.__subclasses__():
        yield sub
        yield from _form_classes(sub)


READS = re.compile(r"request\.(?:form|args)\.(?:get|getlist)\(\s*f?[\"']([\w-]+)")
FORM_USE = re.compile(r"\b([A-Z]\w*Form)\((?:[^)]*prefix=[\"'](\w+)[\"'])?")


def _fields(form: type) -> set[str]:
    return {
        name
        for klass in form.__mro__
        for name, value in vars(klass).items()
        if isinstance(value, UnboundField)
    }


def _names_in(source: str) -> set[str]:
    """Fields of the forms `source` uses (with their prefixes), and its request reads."""
    forms = {form.__name__: form for form in _form_classes()}
    names = set(READS.findall(source))
    for form_name, prefix in FORM_USE.findall(source):
        if form_name in forms:
            fields = _fields(forms[form_name])
            names |= {f"{prefix}-{f}" for f in fields} if prefix else fields
    return names


def _field_names() -> set[str]:
    """Every WTForms field name, and every name read straight from request.form/args."""
    names = set().union(*(_fields(form) for form in _form_classes()))
    for source in APP.rglob("*.py"):
        names |= set(READS.findall(source.read_text()))
    return names


def route_fields(app, endpoint: str) -> set[str]:
    """The names a route reads: from the module of its view (its forms and request reads)."""
    view = inspect.unwrap(app.view_functions[endpoint])
    return _names_in(inspect.getsource(inspect.getmodule(view)))


@dataclass(frozen=True)
class Target:
    endpoint: str
    method: str
    rule: str

    @property
    def role(self) -> str | None:
        if self.endpoint in SIGNED_OUT:
            return None
        case = MATRIX.get(self.endpoint)
        if case is None:
            return "leader"
        if case.refused_with == ADMIN_ONLY:
            return "admin"
        return case.rightful or "leader"

    def values(self, world: World) -> dict:
        case = MATRIX.get(self.endpoint)
        return case.values(world) if case else {}

    def valid_form(self, world: World) -> dict:
        case = MATRIX.get(self.endpoint)
        return case.data(world) if case and self.method == "POST" else {}

    def path(self, values: dict, fuzzed: dict) -> str:
        """The rule's path with its values; a value in `fuzzed` replaces the real one as is."""

        def value(match):
            name = match.group(1).rsplit(":", 1)[-1]
            return _quoted(str(fuzzed.get(name, values.get(name, ""))))

        return re.sub(r"<([^>]+)>", value, self.rule)


def targets(app) -> list[Target]:
    found = {
        Target(rule.endpoint, method, rule.rule)
        for rule in app.url_map.iter_rules()
        if rule.endpoint not in SKIPPED
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    return sorted(found, key=lambda t: (t.endpoint, t.method, t.rule))


FIELD_NAMES = sorted(_field_names())


@lru_cache(maxsize=256)
def _quoted(text: str) -> str:
    """Percent-encoded UTF-8; lone surrogates become the invalid bytes they would encode to."""
    return quote(text.encode("utf-8", "surrogatepass"), safe="")


def encode(pairs: list[tuple[str, str]]) -> bytes:
    """A form body or query string as a browser or attacker sends it."""
    return "&".join(f"{_quoted(k)}={_quoted(v)}" for k, v in pairs).encode("ascii")
