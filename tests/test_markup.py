import pytest

from catalogus.markup import link_problem, text_problems


@pytest.mark.parametrize(
    "text",
    [
        "Gewone tekst met **vet** en [een link](https://www.vlaanderen.be).",
        "Mail naar <mailto:info@harelbeke.be> of bel [056 73 33 11](tel:056733311).",
        "In code mag alles: `<b>` en ```\n<script>\n```",
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


def test_offsets_point_at_the_problem():
    text = "regel een\nregel twee <u>x</u>"
    (problem,) = text_problems(text)
    assert text[problem.offset :].startswith("<u>")


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
