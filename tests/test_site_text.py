"""Texts on the site: editors' Markdown, UI strings from translations/, and the URL scheme."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from catalogus.base.translations import count_label, format_amount, format_date, load
from catalogus.model import WEEKDAYS
from catalogus.site import urls
from catalogus.site.search import EXCERPT_WORDS, fiche_markdown
from catalogus.site.text import TextRenderer, plain_text

REPO = Path(__file__).resolve().parents[1]
STRINGS = load(REPO, "nl")


@pytest.fixture(scope="module")
def text() -> TextRenderer:
    return TextRenderer()


def test_plain_text_is_only_escaped(text):
    assert text.inline("U betaalt 5 euro & meer.") == "U betaalt 5 euro &amp; meer."
    assert text.block("Eén zin.") == "<p>Eén zin.</p>"


def test_markdown_is_rendered_and_inline_text_loses_its_paragraph(text):
    assert text.inline("Zie **dit** [formulier](https://x.example).") == (
        'Zie <strong>dit</strong> <a href="https://x.example">formulier</a>.'
    )
    assert text.block("- een\n- twee") == "<ul>\n<li>een</li>\n<li>twee</li>\n</ul>"


def test_headings_in_a_text_start_at_h3_and_keep_their_order(text):
    html = text.block("## Eerst\n\nTekst\n\n### Dan\n\nMeer")
    assert "<h3>Eerst</h3>" in html and "<h4>Dan</h4>" in html


def test_search_passage_is_the_summary_the_conditions_and_the_first_words(text):
    body = text.block(" ".join(f"woord{i}" for i in range(100)))
    markdown = fiche_markdown("Korte samenvatting & meer.", text.block("Voor **huurders**."), ["U woont hier."], body)
    paragraphs = re.findall(r"<p>(.*?)</p>", markdown)
    assert paragraphs[:3] == ["Korte samenvatting &amp; meer.", "Voor huurders.", "U woont hier."]
    assert len(paragraphs[3].split()) == EXCERPT_WORDS + 1 and paragraphs[3].endswith("…")
    assert fiche_markdown("Alleen dit.", None, [], "") == "<p>Alleen dit.</p>"
    assert plain_text("<p>a<br>b &amp; c</p>") == "a b & c"


def test_dutch_dates_amounts_and_counts():
    assert format_date(STRINGS, dt.date(2026, 9, 15)) == "15 september 2026"
    # CLDR puts a no-break space between sign and number: a phone never wraps "€" onto its own line.
    assert format_amount(STRINGS, Decimal("9.5")) == "€\u00a09,50"
    assert format_amount(STRINGS, Decimal("1314")) == "€\u00a01.314"
    assert count_label(STRINGS, 1) == "1 product" and count_label(STRINGS, 3) == "3 producten"


def test_a_missing_translation_falls_back_to_dutch(tmp_path):
    (tmp_path / "translations").mkdir()
    (tmp_path / "translations/nl.yml").write_text((REPO / "translations/nl.yml").read_text(encoding="utf-8"))
    (tmp_path / "translations/fr.yml").write_text("fiche:\n  voorwaarden: Conditions\n", encoding="utf-8")
    strings = load(tmp_path, "fr")
    assert strings["fiche"]["voorwaarden"] == "Conditions"
    assert strings["fiche"]["formulieren"] == "Formulieren"


def test_every_string_a_template_uses_exists_and_every_string_is_used():
    used: set[str] = set()
    site = REPO / "src/catalogus/site"
    templates = [*(REPO / "overrides").rglob("*.html"), *(site / "templates").rglob("*.html"), *(site / "editor").glob("*.html")]
    for template in [*templates, *(site / "templates/standalone").glob("*.js")]:
        source = template.read_text(encoding="utf-8")
        used |= set(re.findall(r"\bt\.([a-z_]+\.[a-z_]+)", source))
        used |= {f"fiche.{key}" for key in re.findall(r"\btf\.([a-z_]+)", source)}
    editor_script = (site / "editor/redactie.js").read_text(encoding="utf-8")
    used |= {f"redactie.{key}" for key in re.findall(r"\bT\.([a-z_]+)", editor_script)}  # the editor's own words
    modules = [*site.rglob("*.py"), *(REPO / "src/catalogus/opendata").glob("*.py"), REPO / "src/catalogus/base/translations.py"]
    assert len(templates) > 10 and len(modules) > 20  # the folders exist: an empty glob would pass anything
    python = "".join(p.read_text(encoding="utf-8") for p in modules)
    defined = yaml.safe_load((REPO / "translations/nl.yml").read_text(encoding="utf-8"))
    keys = {f"{section}.{key}" for section, values in defined.items() if isinstance(values, dict) for key in values}
    assert used - keys == set()
    assert set(defined["weekdagen"]) == set(WEEKDAYS)  # looked up by the model's weekday names
    used |= {f"weekdagen.{day}" for day in WEEKDAYS}
    levels = yaml.safe_load((REPO / "vocabularies.yml").read_text(encoding="utf-8"))["dienstverleningsniveaus"]
    assert set(defined["niveau"]) == set(levels)  # looked up by the fiche's dienstverleningsniveau
    used |= {f"niveau.{level}" for level in levels}
    unused = {key for key in keys - used if f'"{key.split(".")[1]}"' not in python and f"'{key.split('.')[1]}'" not in python}
    assert unused == set()


@pytest.mark.parametrize(
    ("src_uri", "url"),
    [(urls.HOME, ""), (urls.section("themas"), "themas/"), (urls.product("leefloon"), "products/leefloon/"), (urls.A_Z, "a-z/")],
)
def test_urls_follow_the_source_path(src_uri, url):
    assert urls.url(src_uri) == url
