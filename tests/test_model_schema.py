import datetime as dt
import json

import jsonschema
import pytest
import yaml

from catalogus.model.schema import SCHEMA_DIR, write_schemas
from factories import REPO, SHARED, fiche, loket


def test_committed_schemas_match_the_model():
    assert write_schemas(REPO, only_check=True) == [], "voer 'catalogus schema' uit en commit schemas/"


def load(name):
    return json.loads((REPO / SCHEMA_DIR / name).read_text(encoding="utf-8"))


def as_json(data):
    """Front-matter as an editor's tool sees it: YAML dates become strings."""
    return json.loads(json.dumps(data, default=lambda v: v.isoformat() if isinstance(v, dt.date) else str(v)))


@pytest.mark.parametrize(("name", "data"), [("fiche.schema.json", fiche()), ("loket.schema.json", loket())])
def test_schema_accepts_a_valid_record(name, data):
    jsonschema.validate(as_json(data), load(name))


def test_schema_knows_the_vocabularies_and_forbids_unknown_keys():
    schema = load("fiche.schema.json")
    with pytest.raises(jsonschema.ValidationError, match="'wonen' is not one of"):
        jsonschema.validate(as_json(fiche(themas=["wonen"])), schema)
    with pytest.raises(jsonschema.ValidationError, match="Additional properties"):
        jsonschema.validate(as_json(fiche(voorwaarde=["x"])), schema)


def _front(path):
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])


def test_every_content_file_validates_against_its_schema():
    """Each town's fiches (a shared fiche with the town's local values over it) and loketten."""
    checked = 0
    for town in sorted((REPO / "gemeenten").iterdir()):
        for path in sorted((town / "content" / "loketten").glob("*.md")):
            jsonschema.validate(as_json(_front(path)), load("loket.schema.json"))
            checked += 1
        for local in sorted((town / "content" / "lokaal").glob("*.yml")):
            values = yaml.safe_load(local.read_text(encoding="utf-8"))
            if values.get("aangeboden") is False or "IN TE VULLEN" in str(values):
                continue
            instance = {k: v for k, v in values.items() if k not in ("gedeelde_versie", "aangeboden", "reden")}
            jsonschema.validate(as_json(_front(SHARED / f"{local.stem}.md") | instance), load("fiche.schema.json"))
            checked += 1
    assert checked > 160


def test_every_field_is_documented_in_the_editors_guide():
    guide = (REPO / "gedeeld" / "README.md").read_text(encoding="utf-8")
    from catalogus.model import Fiche, Loket

    for model in (Fiche, Loket):
        for name, info in model.model_fields.items():
            assert info.description, f"{model.__name__}.{name} heeft geen beschrijving"
            assert f"| `{name}` |" in guide
