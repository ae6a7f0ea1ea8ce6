"""The form editor's page and configuration: generated from the schema, the vocabularies and the checker."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

from catalogus.base import translations
from catalogus.check.pipeline import check
from catalogus.model.catalogue import Entry
from catalogus.model.schema import SCHEMA_DIR
from catalogus.site.editor import checker_messages, config, render_page, write_editor
from factories import REPO, fiche, make_project

TODAY = dt.date(2026, 11, 26)
STRINGS = translations.load(REPO, "nl")


def catalogue(tmp_path, **overrides):
    root = make_project(tmp_path, [fiche(**overrides)])
    result = check(root, TODAY)
    assert result.errors == []
    return root, result.catalogue


def test_the_form_knows_what_the_exported_schema_and_vocabularies_say(tmp_path):
    _, cat = catalogue(tmp_path)
    conf = config(cat, "https://github.com/stad/catalogus/", "edit/main/content/", STRINGS)
    exported = json.loads((REPO / SCHEMA_DIR / "fiche.schema.json").read_text(encoding="utf-8"))
    assert conf["schema"] == exported
    assert conf["labels"]["themas"]["zorg-thuis"]["label"] == "Zorg en hulp thuis"
    assert conf["keuzes"]["loketten"] == [{"id": "woonloket", "label": "Woonloket"}]
    assert (conf["repo"], conf["tak"], conf["map"]) == ("https://github.com/stad/catalogus", "main", "content/products")


def test_messages_are_the_checkers_own(tmp_path):
    messages = checker_messages()
    root = make_project(tmp_path, [fiche(titel="Hu", id="Huur Premie")])
    found = {f.field: f.message for f in check(root, TODAY).errors}
    assert found["titel"] == messages["too_short"].format(min=3)
    assert found["id"] == messages["pattern"]["id"].format(waarde="Huur Premie", voorbeeld="huur-premie")
    (tmp_path / "b").mkdir()
    root2 = make_project(tmp_path / "b", [fiche(kostprijs={"gratis": False})])
    assert [f.message for f in check(root2, TODAY).errors] == [messages["rules"]["bedragen_of_toelichting"]]


def test_editor_text_cannot_break_out_of_the_page(tmp_path):
    """Safe by construction: even a title the checker would refuse stays data in the page."""
    _, cat = catalogue(tmp_path)
    entry = cat.products[0]
    hostile = Entry(entry.record.model_copy(update={"titel": "</script><script>alert(1)</script>"}), entry.body, entry.path)
    page = render_page(dataclasses.replace(cat, products=(hostile,)), None, None, STRINGS)
    assert "<script>alert(1)" not in page
    embedded = page.split('id="redactie-config">', 1)[1].split("</script>", 1)[0]
    assert json.loads(embedded)["keuzes"]["fiches"][0]["label"] == "</script><script>alert(1)</script>"


def test_written_files_hold_every_fiche_as_written(tmp_path):
    root, cat = catalogue(tmp_path)
    site = tmp_path / "site"
    write_editor(site, root, cat, None, None, STRINGS)
    assert sorted(p.name for p in (site / "redactie").iterdir()) == ["fiches.json", "index.html", "redactie.css", "redactie.js"]
    [entry] = json.loads((site / "redactie" / "fiches.json").read_text(encoding="utf-8"))
    assert entry["tekst"] == (root / "content" / "products" / "huurpremie.md").read_text(encoding="utf-8")
    assert entry["data"]["laatst_nagekeken"] == "2026-10-01" and entry["pad"] == "content/products/huurpremie.md"
    script = (site / "redactie" / "redactie.js").read_text(encoding="utf-8")
    assert not re.search(r"https?://", script), "no request to anywhere but the site itself"


def test_the_editor_s_words_come_from_the_translation_file(tmp_path):
    """Every word of the page and its script is a 'redactie' string of translations/nl.yml, so fr.yml can say it."""
    _, cat = catalogue(tmp_path)
    marked = {**STRINGS, "redactie": {key: f"«{key}»" for key in STRINGS["redactie"]}}
    page = render_page(cat, None, None, marked)
    shown_by_page = ("titel", "inleiding", "kiezen", "nieuw", "of", "bestaand", "kies", "openen", "tekst", "tekst_plaats",
                     "tekst_uitleg", "bestand", "maken", "inhoud", "github_nieuw", "github_bewerk")
    assert [key for key in shown_by_page if f"«{key}»" not in page] == []
    assert "<title>«paginatitel»</title>" in page
    visible = re.sub(r"<script.*?</script>|<[^>]+>|«\w+»", " ", page, flags=re.S).replace(cat.config.site_naam, " ")
    assert re.findall(r"[A-Za-zé]{3,}", visible) == [], "text in redactie.html that is not in the translation file"
    embedded = json.loads(page.split('id="redactie-config">', 1)[1].split("</script>", 1)[0])
    assert embedded["teksten"] == marked["redactie"]
    script = (REPO / "src" / "catalogus" / "site" / "editor" / "redactie.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", script, flags=re.S)
    used = set(re.findall(r"\bT\.(\w+)", code))
    assert used <= set(STRINGS["redactie"]), used - set(STRINGS["redactie"])
    literals = re.findall(r'"([^"\\\n]*)"', code)
    assert "use strict" in literals  # the search below does see the script's strings
    sentences = [
        s for s in literals
        if (re.search(r"[A-Za-zé]{2,} [a-zé]{2,}", s) or re.match(r"\W*[A-Z][a-zé]{2,}", s)) and s != "use strict"
    ]
    assert sentences == [], "hard-coded words in redactie.js"
