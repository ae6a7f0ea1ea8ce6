"""The staff form editor (`/redactie/`): a static page that writes complete fiche files, with no server.

Everything the form knows comes from the exported JSON Schema, the vocabularies, the loketten and the checker's
own Dutch messages, gathered here into one JSON configuration; nothing in the page is a hand-kept field list.
Its own words (buttons, headings, status lines) are the 'redactie' strings of the translation file.
The page is rendered with an autoescaping Jinja environment; its script and style are files of this package.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup
from pydantic import BaseModel, ValidationError

from catalogus.base import markup
from catalogus.base.slug import slug
from catalogus.check.messages import describe
from catalogus.load.local_layer import LOCAL_FIELDS
from catalogus.load.sources import load_settings, load_source
from catalogus.model import REFERENCES, Fiche, Kostprijs
from catalogus.model.catalogue import Catalogue
from catalogus.model.schema import schemas
from catalogus.model.vocabulary import FIELD_VOCABULARY
from catalogus.site import urls
from catalogus.site.render import environment

ASSETS = ("redactie.js", "redactie.css")
# Slug lists the form offers as choices for the model's reference fields: which catalogue entries fill them.
# (A nested reference, stopgezet.opvolger, is edited as text.)
CHOICES = {"loket": "loketten", "product": "fiches"}
REFERENCE_CHOICES = {path[0]: CHOICES[kind] for path, kind in REFERENCES if len(path) == 1}
SENTINEL = "\u2063"  # invisible separator: marks where the form puts the value into a checker message


def _environment() -> Environment:
    """The site's own Jinja environment (autoescape, strict undefined), reading this package's template."""
    return environment().overlay(loader=PackageLoader("catalogus.site.editor", "."))


def _template(message: str, **values: str) -> str:
    """A checker message with its concrete values turned into {placeholders} the page fills in."""
    for name, value in values.items():
        message = message.replace(value, "{" + name + "}")
    return message


def checker_messages() -> dict[str, Any]:
    """The checker's wording for rules the browser can check, made by the checker's own functions."""
    value, long_input = SENTINEL + "w" + SENTINEL, "x" * 4321

    def say(kind: str, loc: tuple = ("veld",), ctx: dict | None = None, given: object = value) -> str:
        return describe({"type": kind, "loc": loc, "msg": "", "input": given, "ctx": ctx or {}}, None, Fiche)

    # The id hint proposes the typed text as an id: a value whose id form is unique marks where it goes.
    typed = SENTINEL + "Qqzxq" + SENTINEL
    patterns = {name: _template(say("string_pattern_mismatch", (name,), given=typed), waarde=typed, voorbeeld=slug(typed))
                for name in ("id", "postcode", "telefoon", "email", "ipdc_concept_id", "loket", "maandag", "veld")}
    return {
        "missing": _template(say("missing", ("{veld}",)), veld="{veld}"),
        "too_long": _template(say("string_too_long", ctx={"max_length": 987}, given=long_input), max="987", n="4321"),
        "too_short": _template(say("string_too_short", ctx={"min_length": 987}), min="987"),
        "too_few": _template(say("too_short", ctx={"min_length": 987}), min="987"),
        "range": _template(say("greater_than_equal", ctx={"ge": 987, "le": 654}, given=321), min="987", max="654", waarde="321"),
        "number": say("decimal_type"),
        "date": _template(say("date_parsing"), waarde=value),
        "pattern": patterns,
        "rules": _model_rules(),
    }


def _rule(model: type[BaseModel], data: dict[str, Any]) -> str:
    try:
        model.model_validate(data)
    except ValidationError as exc:
        return str(exc.errors()[0]["ctx"]["error"])
    raise AssertionError(f"{model.__name__} accepted {data}")  # the rule itself changed


def _model_rules() -> dict[str, str]:
    """The model's cross-field rules (validators), in their own words, by triggering each once."""
    amount = {"omschrijving": "x", "bedrag": 1}
    minimal = {
        "id": "x", "titel": "xxx", "samenvatting": "x" * 20, "producttype": "x", "doelgroepen": ["x"],
        "themas": ["x"], "eigenaar": "x", "laatst_nagekeken": "2026-01-01",
    }
    return {
        "gratis_zonder_bedragen": _rule(Kostprijs, {"gratis": True, "bedragen": [amount]}),
        "bedragen_of_toelichting": _rule(Kostprijs, {"gratis": False}),
        "ongeveer_met_bron": _rule(Kostprijs, {"gratis": False, "bedragen": [{**amount, "ongeveer": True}]}),
        "loket_of_aanbieder": _rule(Fiche, minimal),
    }


def _json_value(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _json_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_value(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def fiche_files(root: Path, catalogue: Catalogue) -> list[dict[str, Any]]:
    """Each checked fiche as the form opens it: its front-matter as written, its body and the whole file, and
    its local layer (shown, not edited: the form writes only the shared fiche)."""
    files = []
    for entry in catalogue.products:
        path = root / entry.path
        source = load_source(path, entry.path)
        fiche = {
            "id": entry.id,
            "titel": entry.record.titel,
            "pad": entry.path,
            "data": _json_value(source.data),
            "tekst": path.read_text(encoding="utf-8"),
        }
        local = entry.local
        if local is not None:
            data = load_settings(root / local, local).data or {}
            fields = [key for key in LOCAL_FIELDS if key in data]  # the checker accepted no other key
            fiche["lokaal"] = {"pad": local, "velden": fields, "data": _json_value({k: data[k] for k in fields})}
        files.append(fiche)
    return files


def config(catalogue: Catalogue, repo_url: str | None, edit_uri: str | None, strings: dict[str, Any]) -> dict[str, Any]:
    vocab = catalogue.vocabularies
    branch = (edit_uri or "edit/main/").strip("/").split("/")[1:2] or ["main"]
    return {
        "schema": schemas(vocab)["fiche.schema.json"],
        "labels": {
            field: {key: {"label": term.label, "uitleg": term.uitleg} for key, term in vocab.terms(field).items()}
            for field in FIELD_VOCABULARY
        },
        "keuzes": {
            "loketten": [{"id": e.id, "label": e.record.naam} for e in catalogue.loketten],
            "fiches": [{"id": e.id, "label": e.record.titel} for e in catalogue.products],
        },
        "verwijzingen": REFERENCE_CHOICES,
        "meldingen": checker_messages(),
        "teksten": strings["redactie"],
        "map": f"{catalogue.content_path}/products",
        "repo": (repo_url or "").rstrip("/"),
        "tak": branch[0],
    }


def render_page(catalogue: Catalogue, repo_url: str | None, edit_uri: str | None, strings: dict[str, Any]) -> str:
    """The page; `strings` are the site's UI strings (catalogus.base.translations), of which it uses 'redactie'."""
    town, words = catalogue.config, strings["redactie"]
    # Field order is the model's: no sorted keys. The JSON is made safe for a <script> element (<, >, & escaped).
    data = htmlsafe_json_dumps(config(catalogue, repo_url, edit_uri, strings), sort_keys=False, ensure_ascii=False)
    intro = Markup(markup.render_inline(words["inleiding"]))  # the one safe renderer: *Zo past u een fiche aan*
    return _environment().get_template("redactie.html").render(town=town, t=strings, inleiding=intro, config_json=data)


def write_editor(
    site_dir: Path, root: Path, catalogue: Catalogue, repo_url: str | None, edit_uri: str | None, strings: dict[str, Any]
) -> None:
    """Write /redactie/ into a built site: the page, its script and style, and the fiches it can open."""
    folder = site_dir / urls.STAFF
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(render_page(catalogue, repo_url, edit_uri, strings), encoding="utf-8")
    for name in ASSETS:
        (folder / name).write_text((Path(__file__).parent / name).read_text(encoding="utf-8"), encoding="utf-8")
    data = json.dumps(fiche_files(root, catalogue), ensure_ascii=False, separators=(",", ":"))
    (folder / "fiches.json").write_text(data, encoding="utf-8")
