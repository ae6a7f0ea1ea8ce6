"""The staff form editor (`/redactie/`): a static page that edits a fiche as the town sees it, with no server.

A fiche of a region is two files: the shared fiche (gedeeld/products/<id>.md, for every town) and the town's
local file (content/lokaal/<id>.yml, its instance: loket, cost, ...); a town's own fiche is one file in its
content/products/. The form shows every field of the fiche together, marked shared or this town's, and writes each
changed file: only the files a change concerns, every other line of them as it was.

Everything the form knows comes from the exported JSON Schema, the vocabularies, the loketten and the local layer's
rules (which fields a town may set), gathered here into one JSON configuration; nothing in the page is a hand-kept
field list. Its words (buttons, headings, the messages at the fields) are the 'redactie' strings of the
translation file, written for someone filling in a form. The page is rendered with an autoescaping Jinja
environment; its scripts and style are files of this package.
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

from catalogus.base import markup
from catalogus.load.instances import TOWN_FIELDS
from catalogus.load.inventory import LOCAL_DIR, LOCAL_SUFFIX
from catalogus.load.local_layer import LOCAL_FIELDS
from catalogus.load.sources import load_settings, load_source
from catalogus.model import REFERENCES, Fiche, url_field_names
from catalogus.model.catalogue import Catalogue
from catalogus.model.schema import schemas
from catalogus.model.vocabulary import FIELD_VOCABULARY
from catalogus.site import urls
from catalogus.site.render import environment

# The form's input rules (amounts, dates, web addresses, pasted text) first: redactie.js uses them.
ASSETS = ("redactie-invoer.js", "redactie.js", "redactie.css")
# Slug lists the form offers as choices for the model's reference fields: which catalogue entries fill them.
# (A nested reference, stopgezet.opvolger, is edited as text.)
CHOICES = {"loket": "loketten", "product": "fiches"}
REFERENCE_CHOICES = {path[0]: CHOICES[kind] for path, kind in REFERENCES if len(path) == 1}


def _environment() -> Environment:
    """The site's own Jinja environment (autoescape, strict undefined), reading this package's template."""
    return environment().overlay(loader=PackageLoader("catalogus.site.editor", "."))


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
    """Each checked fiche as the form opens it: its file (front-matter data as written, and the whole text), what
    kind of fiche it is, and for a shared fiche the town's local file ('lokaal': path, fields, data, whole text).

    'soort' is 'eigen' for a fiche of the town's own (content/products/ in its folder: one file with every field),
    'gedeeld' for a shared fiche, whose town fields are in the local file."""
    files = []
    own = catalogue.content_path.rstrip("/") + "/"
    for entry in catalogue.products:
        path = root / entry.path
        source = load_source(path, entry.path)
        fiche: dict[str, Any] = {
            "id": entry.id,
            "titel": entry.record.titel,
            "pad": entry.path,
            "soort": "eigen" if entry.path.startswith(own) else "gedeeld",
            "data": _json_value(source.data),
            "tekst": path.read_text(encoding="utf-8"),
        }
        if fiche["soort"] == "gedeeld":
            local = entry.local or f"{own}{LOCAL_DIR}/{entry.id}{LOCAL_SUFFIX}"
            lokaal: dict[str, Any] = {"pad": local, "velden": [], "data": {}, "tekst": None}  # None: no file yet
            if entry.local is not None:
                data = load_settings(root / local, local).data or {}
                fields = [key for key in LOCAL_FIELDS if key in data]  # the checker accepted no other fiche field
                text = (root / local).read_text(encoding="utf-8")
                lokaal.update(velden=fields, data=_json_value({k: data[k] for k in fields}), tekst=text)
            fiche["lokaal"] = lokaal
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
        # Where a field is written: a town may set LOCAL_FIELDS in its local file; TOWN_FIELDS are always there.
        "lokale_velden": list(LOCAL_FIELDS),
        "gemeente_velden": list(TOWN_FIELDS),
        "webadressen": url_field_names(Fiche),
        "gemeente": catalogue.config.gemeente,
        "teksten": strings["redactie"],
        "datum": strings["datum"],
        "maanden": strings["maanden"],
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
