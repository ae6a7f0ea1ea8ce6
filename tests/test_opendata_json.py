"""catalogus.json, the per-fiche JSON and the CSV: valid against the published schemas, and the CSV reads back."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from browser import REPO
from catalogus.opendata import layout
from catalogus.opendata.jsondata import CATALOGUE, FICHE_DATA
from catalogus.opendata.table import JOIN, JSON_COLUMNS
from catalogus.site import urls
from exported import demo_catalogue, demo_exports


def _load(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def _validator(site: Path, name: str) -> Draft202012Validator:
    schemas = [_load(path) for path in (site / layout.SCHEMAS).glob("*.json")]
    registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas)
    schema = next(s for s in schemas if s["$id"].endswith("/" + name))
    return Draft202012Validator(schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_catalogue_json_validates_against_its_schema():
    site = demo_exports()
    document = _load(site / layout.CATALOGUE_JSON)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in _validator(site, CATALOGUE).iter_errors(document)]
    assert errors == []
    assert document["$schema"].endswith("schemas/" + CATALOGUE)
    assert (site / "schemas" / CATALOGUE).is_file()
    catalogue = demo_catalogue()
    assert [f["id"] for f in document["fiches"]] == [e.id for e in catalogue.products]
    assert {loket["id"] for loket in document["loketten"]} == {e.id for e in catalogue.loketten}


def test_schema_rejects_what_the_model_rejects():
    """The schema is no rubber stamp: a fiche without title or with an unknown doelgroep fails."""
    site = demo_exports()
    document = _load(site / layout.CATALOGUE_JSON)
    validator = _validator(site, CATALOGUE)
    broken = json.loads(json.dumps(document))
    del broken["fiches"][0]["titel"]
    broken["fiches"][1]["doelgroepen"] = ["marsmannetjes"]
    broken["fiches"][2]["onbekend_veld"] = 1
    messages = [e.message for e in validator.iter_errors(broken)]
    assert len(messages) == 3, messages


def test_every_fiche_has_its_own_valid_json():
    site = demo_exports()
    validator = _validator(site, FICHE_DATA)
    fiches = _load(site / layout.CATALOGUE_JSON)["fiches"]
    for fiche in fiches:
        data = _load(site / layout.fiche_json(fiche["id"]))
        assert list(validator.iter_errors(data)) == [], fiche["id"]
        assert {k: v for k, v in data.items() if k != "$schema"} == fiche


def test_published_editor_schemas_equal_the_repository_schemas():
    site = demo_exports()
    for name in ("fiche.schema.json", "loket.schema.json"):
        assert (site / "schemas" / name).read_text(encoding="utf-8") == (REPO / "schemas" / name).read_text(encoding="utf-8")


def test_amounts_are_numbers_and_texts_are_kept():
    fiches = {f["id"]: f for f in _load(demo_exports() / layout.CATALOGUE_JSON)["fiches"]}
    amounts = [b["bedrag"] for f in fiches.values() for b in f.get("kostprijs", {}).get("bedragen", [])]
    assert amounts and all(isinstance(a, (int, float)) and not isinstance(a, bool) for a in amounts)
    entry = demo_catalogue().product("leefloon")
    assert fiches["leefloon"]["tekst"] == entry.body.strip()
    assert fiches["leefloon"]["url"] == "https://sociaalhuis.harelbeke.example/products/leefloon/"


def _csv_rows(site: Path) -> tuple[bytes, list[dict[str, str]]]:
    raw = (site / layout.CATALOGUE_CSV).read_bytes()
    return raw, list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def _cell_value(text: str, example):
    """Read a CSV cell back as the type the JSON has."""
    if isinstance(example, bool):
        return {"true": True, "false": False}[text]
    if isinstance(example, int):
        return int(text)
    if isinstance(example, list):
        return text.split(JOIN) if text else []
    return text


def test_csv_has_a_bom_and_one_row_per_fiche():
    raw, rows = _csv_rows(demo_exports())
    assert raw.startswith(b"\xef\xbb\xbf")
    assert [row["id"] for row in rows] == [e.id for e in demo_catalogue().products]


def test_csv_reads_back_as_the_json_for_the_shared_fields():
    """Every scalar or list-of-text field of the JSON, and every nested scalar, comes back from the CSV unchanged."""
    site = demo_exports()
    fiches = _load(site / layout.CATALOGUE_JSON)["fiches"]
    _, rows = _csv_rows(site)
    object_lists = {k for f in fiches for k, v in f.items() if isinstance(v, list) and v and isinstance(v[0], dict)}
    compared = 0
    for fiche, row in zip(fiches, rows, strict=True):
        for key, value in fiche.items():
            shared = {key: value}
            if key in JSON_COLUMNS:  # a self-nesting block (the rules) is one JSON cell
                assert json.loads(row[key]) == value, (fiche["id"], key)
                compared += 1
                continue
            if isinstance(value, dict):
                shared = {f"{key}.{k}": v for k, v in value.items() if not isinstance(v, (dict, list))}
            elif key in object_lists:
                continue
            for column, expected in shared.items():
                assert column in row, column
                assert _cell_value(row[column], expected) == expected, (fiche["id"], column)
                compared += 1
    assert compared > 20 * len(fiches)


@pytest.mark.parametrize("column", ["formulieren.url", "kostprijs.bedragen.omschrijving"])
def test_csv_lists_of_objects_keep_their_order(column):
    site = demo_exports()
    fiches = _load(site / layout.CATALOGUE_JSON)["fiches"]
    _, rows = _csv_rows(site)
    field, *path = column.split(".")
    for fiche, row in zip(fiches, rows, strict=True):
        items = fiche.get(field, [])
        for part in path[:-1]:
            items = items.get(part, []) if isinstance(items, dict) else items
        values = [str(item[path[-1]]) for item in items] if isinstance(items, list) else []
        assert (row[column].split(JOIN) if row[column] else []) == values


def test_the_build_writes_every_export(site_dir):
    """`catalogus build` itself (not only write_exports) leaves every export at its documented address."""
    expected = [layout.CATALOGUE_JSON, layout.CATALOGUE_CSV, layout.CPSV_AP, layout.IPDC, layout.FEED,
                urls.EMBED_SCRIPT, urls.DASHBOARD, "sitemap.xml", layout.schema(CATALOGUE)]
    expected += [layout.fiche_json(e.id) for e in demo_catalogue().products]
    expected += [urls.embed_page(e.id) for e in demo_catalogue().products]
    assert [path for path in expected if not (site_dir / path).is_file()] == []
    assert (site_dir / layout.CATALOGUE_JSON).read_bytes() == (demo_exports() / layout.CATALOGUE_JSON).read_bytes()


# check-jsonschema run as a user would, but with every socket refused: the schema must resolve without the network.
OFFLINE_CHECK = """
import socket, sys
def refuse(*args, **kwargs):
    raise OSError("geen netwerk: de schema's moeten zonder netwerk oplossen")
socket.socket.connect = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
from check_jsonschema import main
sys.argv[0] = "check-jsonschema"
sys.exit(main())
"""


def test_check_jsonschema_validates_the_published_catalogue_offline():
    """`check-jsonschema --schemafile <site>/schemas/catalogus.schema.json <site>/data/catalogus.json` passes with no
    extra options and no network: the schema's $id is its published address and every $ref points inside it."""
    site = demo_exports()
    schema_path = site / layout.schema(CATALOGUE)
    schema = _load(schema_path)
    config = demo_catalogue().config
    assert schema["$id"] == urls.absolute(config, layout.schema(CATALOGUE)) == _load(site / layout.CATALOGUE_JSON)["$schema"]
    assert schema["$id"].startswith(config.site_url)
    refs = re.findall(r'"\$ref":\s*"([^"]*)"', schema_path.read_text(encoding="utf-8"))
    assert refs and [ref for ref in refs if not ref.startswith("#/$defs/")] == []
    fiche_json = site / layout.fiche_json(demo_catalogue().products[0].id)
    for schema_file, data in ((schema_path, site / layout.CATALOGUE_JSON), (site / layout.schema(FICHE_DATA), fiche_json)):
        result = subprocess.run([sys.executable, "-c", OFFLINE_CHECK, "--schemafile", str(schema_file), str(data)],
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "ok -- validation done" in result.stdout
