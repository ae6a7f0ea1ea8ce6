"""The form editor's page and configuration: generated from the schema, the vocabularies and the local layer's
rules; its words, the messages at the fields included, from the translation files."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

from catalogus.base import translations
from catalogus.check.pipeline import check
from catalogus.load.instances import TOWN_FIELDS
from catalogus.load.local_layer import LOCAL_FIELDS
from catalogus.model import Fiche, url_field_names
from catalogus.model.catalogue import Entry
from catalogus.model.schema import SCHEMA_DIR
from catalogus.site.editor import config, fiche_files, render_page, write_editor
from factories import REPO, TOWN, TOWN_DIR, fiche, make_project

TODAY = dt.date(2026, 11, 26)
STRINGS = translations.load(REPO, "nl")
EDITOR = REPO / "src" / "catalogus" / "site" / "editor"
SCRIPTS = ("redactie.js", "redactie-invoer.js")


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
    # Where a field goes: what a town may set in its local file, and what is always the town's.
    assert (conf["lokale_velden"], conf["gemeente_velden"]) == (list(LOCAL_FIELDS), list(TOWN_FIELDS))
    assert conf["gemeente"] == cat.config.gemeente and conf["maanden"][2] == "maart"
    assert url_field_names(Fiche) == ["url", "website"] == conf["webadressen"]


def test_a_shared_fiche_opens_with_the_towns_local_file():
    """In the region, a shared fiche comes with the town's local file: its path, fields, data and whole text."""
    cat = check(REPO, TODAY, town=TOWN).catalogue
    assert cat is not None
    files = {f["id"]: f for f in fiche_files(REPO, cat)}
    poets = files["poetsdienst"]
    assert (poets["soort"], poets["pad"]) == ("gedeeld", "gedeeld/products/poetsdienst.md")
    local = TOWN_DIR / "content" / "lokaal" / "poetsdienst.yml"
    assert poets["lokaal"]["pad"] == f"gemeenten/{TOWN}/content/lokaal/poetsdienst.yml"
    assert poets["lokaal"]["tekst"] == local.read_text(encoding="utf-8")  # gedeelde_versie and comments included
    assert poets["lokaal"]["velden"] == ["loket", "kostprijs", "eigenaar", "laatst_nagekeken"]
    assert poets["lokaal"]["data"]["kostprijs"]["bedragen"][0]["bedrag"] == 9.5
    assert "gedeelde_versie" not in poets["lokaal"]["data"]
    assert {f["soort"] for f in files.values()} == {"gedeeld"}


def _form_messages(words: dict) -> list[str]:
    simple = ("leeg_veld", "leeg_keuze", "leeg_keuzes", "te_kort", "te_lang", "grenzen", "vorm_veld", "bestaat_al")
    groups = ("leeg", "vorm", "regels", "invoer", "uitleg")
    return [words[key] for key in simple] + [m for group in groups for m in words[group].values()]


def test_the_forms_messages_say_what_to_do_in_a_form():
    """The messages at the fields come from the translation files and speak of the form ('vul een titel in'), never
    of YAML ('voeg titel: toe', 'gratis: true', quotes, JJJJ-MM-DD)."""
    yaml_advice = re.compile(r"'\w+:'|\w+: (?:true|false)\b|\bvoeg\b|aanhalingstekens|guillemets|JJJJ|AAAA|\.md\b|\bYAML\b", re.I)
    for language in ("nl", "fr"):
        words = translations.load(REPO, language)["redactie"]
        messages = _form_messages(words)
        assert len(messages) > 40
        assert [m for m in messages if yaml_advice.search(m)] == [], language
    words = STRINGS["redactie"]
    assert words["leeg"]["titel"] == "vul een titel in"
    # Every code the input rules and the model's rules give has its message, and no message is left over.
    invoer = (EDITOR / "redactie-invoer.js").read_text(encoding="utf-8")
    assert set(re.findall(r'error: "(\w+)"', invoer)) == set(words["invoer"])
    script = (EDITOR / "redactie.js").read_text(encoding="utf-8")
    assert set(re.findall(r'say\(\[[^\]]*\], "(\w+)"\)', script)) == set(words["regels"])


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
    assert sorted(p.name for p in (site / "redactie").iterdir()) == [
        "fiches.json", "index.html", "redactie-invoer.js", "redactie.css", "redactie.js"]
    [entry] = json.loads((site / "redactie" / "fiches.json").read_text(encoding="utf-8"))
    assert entry["tekst"] == (root / "content" / "products" / "huurpremie.md").read_text(encoding="utf-8")
    assert entry["data"]["laatst_nagekeken"] == "2026-10-01" and entry["pad"] == "content/products/huurpremie.md"
    assert entry["soort"] == "eigen" and "lokaal" not in entry  # a town's own fiche: one file with every field
    for name in SCRIPTS:
        code = re.sub(r"/\*.*?\*/|//[^\n]*", "", (site / "redactie" / name).read_text(encoding="utf-8"), flags=re.S)
        assert not re.search(r"https?://\w", code), f"{name}: no request to anywhere but the site itself"
        requests = re.findall(r"\b(?:fetch|XMLHttpRequest|sendBeacon|WebSocket)\b", code)
        assert requests == (["fetch"] if name == "redactie.js" else [])  # fetch('fiches.json') only


def test_the_editor_s_words_come_from_the_translation_file(tmp_path):
    """Every word of the page and its script is a 'redactie' string of translations/nl.yml, so fr.yml can say it."""
    _, cat = catalogue(tmp_path)
    marked = {**STRINGS, "redactie": {key: f"«{key}»" for key in STRINGS["redactie"]}}
    page = render_page(cat, None, None, marked)
    shown_by_page = ("titel", "inleiding", "kiezen", "nieuw", "of", "bestaand", "kies", "openen", "tekst", "tekst_plaats",
                     "tekst_uitleg", "bestand", "maken")
    assert [key for key in shown_by_page if f"«{key}»" not in page] == []
    assert "<title>«paginatitel»</title>" in page
    visible = re.sub(r"<script.*?</script>|<[^>]+>|«\w+»", " ", page, flags=re.S).replace(cat.config.site_naam, " ")
    assert re.findall(r"[A-Za-zé]{3,}", visible) == [], "text in redactie.html that is not in the translation file"
    embedded = json.loads(page.split('id="redactie-config">', 1)[1].split("</script>", 1)[0])
    assert embedded["teksten"] == marked["redactie"]
    code = "\n".join(re.sub(r"/\*.*?\*/|//[^\n]*", "", (EDITOR / name).read_text(encoding="utf-8"), flags=re.S)
                     for name in SCRIPTS)
    used = set(re.findall(r"\bT\.(\w+)", code))
    assert used <= set(STRINGS["redactie"]), used - set(STRINGS["redactie"])
    literals = re.findall(r'"([^"\\\n]*)"', code)
    assert "use strict" in literals  # the search below does see the script's strings
    sentences = [
        s for s in literals
        if (re.search(r"[A-Za-zé]{2,} [a-zé]{2,}", s) or re.match(r"\W*[A-Z][a-zé]{2,}", s)) and s != "use strict"
    ]
    assert sentences == [], "hard-coded words in redactie.js"
