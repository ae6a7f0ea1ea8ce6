import re
from html import unescape
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalogus.base.markup import MARKDOWN, is_plain, link_problem, render_block, render_inline, text_problems


@pytest.mark.parametrize(
    "text",
    [
        "Gewone tekst met **vet** en [een link](https://www.vlaanderen.be).",
        "Mail naar <mailto:info@harelbeke.be> of bel [056 73 33 11](tel:056733311).",
        "In code mag alles: `<b>` en\n\n```\n<script>\n```",
        "Wiskunde: 3 < 4 en a<b zijn geen tags.",
        "[Naar boven](#top)",
    ],
)
def test_safe_text_has_no_problems(text):
    assert list(text_problems(text)) == []


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("<b>vet</b>", "HTML (<b>)"),
        ("<script>alert(1)</script>", "<script>"),
        ('<img src="x" onerror="alert(1)">', "on...="),
        ("[klik](javascript:alert(1))", "'javascript:'"),
        ("[klik](java&#115;cript:alert(1))", "'javascript:'"),
        ("[klik]( JaVaScRiPt:alert(1))", "'javascript:'"),
        ("[r]: data:text/html,hoi", "'data:'"),
        ("<!-- verborgen -->", "commentaar"),
        ("[fiche](leefloon.md)", "verwante_producten"),
    ],
)
def test_unsafe_text_is_reported(text, fragment):
    problems = list(text_problems(text))
    assert len(problems) == 1
    assert fragment in problems[0].message


def test_lines_point_at_the_problem():
    text = "regel een\nregel twee <u>x</u>\n\n- punt\n- [x](javascript:y)"
    first, second = text_problems(text)
    assert (first.line, second.line) == (1, 4)


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://www.harelbeke.be/sociaal", True),
        ("http://www.harelbeke.be", True),
        ("mailto:info@harelbeke.be", True),
        ("tel:+3256733311", True),
        ("https://localhost", False),
        ("ftp://files.example.be", False),
        ("www.harelbeke.be", False),
        ("mailto:geen-adres", False),
        ("tel:bel-ons", False),
    ],
)
def test_link_targets(url, ok):
    assert (link_problem(url) is None) is ok


# --- the bypasses of issue 8: each one rejected by the checker AND inert in the renderer --------------------------

BYPASSES = {
    "namespaced tag": 'Tekst <x:y autofocus tabindex=1 onfocus="window.__pwned=1">hier</x:y>',
    "unclosed backtick fence": "Tekst\n\n```\n\n<img src=x onerror=alert(1)>",
    "unclosed tilde fence": "Tekst\n\n~~~\n\n[klik](javascript:alert(1))",
    "reference in a list item": "- punt\n\n  [r]: javascript:alert(1)\n\n  [klik][r]",
    "reference in a blockquote": "> [r]: javascript:alert(1)\n>\n> [klik][r]",
    "autolink": "<javascript:alert(1)>",
    "entity in a link": "[klik](&#106;avascript:alert(1))",
    "vbscript": "[klik](vbscript:msgbox(1))",
    "data image": "![x](data:image/svg+xml,<svg onload=alert(1)>)",
    "comment": "<!-- <script>alert(1)</script> -->",
}


@pytest.mark.parametrize("text", BYPASSES.values(), ids=BYPASSES.keys())
def test_every_bypass_is_reported(text):
    assert text_problems(text), "de controle moet dit weigeren"


@pytest.mark.parametrize("text", BYPASSES.values(), ids=BYPASSES.keys())
def test_every_bypass_renders_inert(text):
    assert_allow_listed(render_block(text))
    assert_allow_listed(render_inline(text))


def test_an_unclosed_fence_is_reported_at_its_line():
    (problem,) = text_problems("Een\n\n```\ncode")
    assert problem.line == 2 and "niet gesloten" in problem.message


def test_a_closed_fence_is_code_and_fine():
    assert text_problems("Een\n\n```\n<script>alert(1)</script>\n```\n\nTwee") == ()


# --- the allow-list, checked on the parsed output ------------------------------------------------------------------

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a",
    "h1", "h2", "h3", "h4", "h5", "h6",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "code": {"class"}}
FORBIDDEN_SCHEMES = ("javascript:", "data:", "vbscript:")


class AllowListParser(HTMLParser):
    """Every tag, attribute and URL of an HTML fragment, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.violations: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.violations.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name not in ALLOWED_ATTRIBUTES.get(tag, set()):
                self.violations.append(f"<{tag} {name}>")
            if name == "href" and value is not None:
                browser_view = re.sub(r"[\x00-\x20\x7f]", "", value).lower()
                if browser_view.startswith(FORBIDDEN_SCHEMES):
                    self.violations.append(f"href={value}")

    handle_startendtag = handle_starttag

    def handle_comment(self, data):
        self.violations.append("<!--")

    def handle_decl(self, decl):
        self.violations.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.violations.append(f"<?{data}>")


def assert_allow_listed(html: str) -> None:
    parser = AllowListParser()
    parser.feed(html)
    parser.close()
    assert parser.violations == [], html


# Text made of the pieces attacks are made of, so hypothesis combines them far more often than random letters would.
PIECES = st.sampled_from(
    [
        "<", ">", "</", "/>", "<!--", "-->", "<?", "<!", "&", "&#", "&#x", ";", "#", "x", "106", "6a", "=", '"', "'",
        "`", "```", "~~~", "    ", "\n", "\n\n", "> ", "- ", "1. ", "[", "]", "(", ")", "]: ", "![", "\\", "*", "_",
        "javascript:", "JaVaScRiPt:", "java\tscript:", "data:", "vbscript:", "https://www.a.be", "mailto:a@b.be",
        "tel:112", "script", "style", "iframe", "object", "svg", "form", "img", "x:y", "on", "onerror", "onfocus",
        "src", "href", "alert(1)", " ", "tekst", "é", "\u00a0", "\t", "%0a", "%09", "\x00",
    ]
)
EDITOR_TEXT = st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=40).map("".join)


@settings(max_examples=2500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(EDITOR_TEXT)
def test_whatever_the_checker_accepts_renders_to_allow_listed_html(text):
    # The renderer is safe on its own: the output is allow-listed whether or not the checker objects.
    assert_allow_listed(render_block(text))
    assert_allow_listed(render_inline(text))
    if not text_problems(text):
        # ...and what the checker accepts keeps every link it wrote: nothing accepted is silently dropped.
        assert render_block(text).count("<a ") == render_block(text).count("</a>")


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60))
def test_plain_text_takes_the_fast_path_with_the_parsers_output(text):
    if not is_plain(text):
        return
    env: dict = {}
    parsed = MARKDOWN.renderer.render(MARKDOWN.parse(text, env), MARKDOWN.options, env).rstrip("\n")
    assert unescape(render_block(text)) == unescape(parsed)


def test_headings_start_one_below_the_section_they_sit_in():
    text = "# Eerste\n\ntekst\n\n## Tweede"
    assert "<h3>Eerste</h3>" in render_block(text) and "<h4>Tweede</h4>" in render_block(text)
    assert "<h2>Eerste</h2>" in render_block(text, top_heading=2) and "<h3>Tweede</h3>" in render_block(text, top_heading=2)
