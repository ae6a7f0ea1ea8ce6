"""Property tests: whatever an editor (or a broken editor program) saves, the checker never crashes and never
accepts junk silently: a file gives a valid record, or at least one error. A valid fiche stays valid.
"""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalogus.check.editorial import AMOUNT as AMOUNT_WORD
from catalogus.check.pipeline import check
from catalogus.check.validate import validate_source
from catalogus.load.sources import load_source
from catalogus.model import Adres, Bedrag, Fiche, Kostprijs, Link, Loket, Openingsuren
from catalogus.model.config import TownConfig
from catalogus.model.vocabulary import Vocabularies

TODAY = dt.date(2026, 11, 26)
CATALOGUE = Path(__file__).resolve().parent / "fixtures" / "catalogue"
CONFIG = TownConfig.model_validate(yaml.safe_load((CATALOGUE / "catalogus.yml").read_text(encoding="utf-8")))
VOCAB = Vocabularies.model_validate(yaml.safe_load((CATALOGUE / "vocabularies.yml").read_text(encoding="utf-8")))
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

FIELD_NAMES = sorted(
    {
        *Fiche.model_fields,
        *Loket.model_fields,
        *Kostprijs.model_fields,
        *Bedrag.model_fields,
        *Adres.model_fields,
        *Openingsuren.model_fields,
        *Link.model_fields,
        "voorwaarde",
        "on",
        "yes",
        "010",
    }
)

# --- where the files go ----------------------------------------------------------------------------------------

_counter = itertools.count()


@pytest.fixture(scope="module")
def workdir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="catalogus-props-") as name:
        yield Path(name)


def _write(workdir: Path, kind: str, stem: str, raw: bytes) -> Path:
    # A fresh folder per example (hypothesis reuses the module's directory); the loader reads the kind
    # (product or loket) from the parent folder's name, and the id must match the file name.
    folder = workdir / str(next(_counter)) / kind
    folder.mkdir(parents=True)
    path = folder / f"{stem}.md"
    path.write_bytes(raw)
    return path


def _check_one(path: Path):
    source = load_source(path, path.name)
    record = validate_source(source, VOCAB, CONFIG, TODAY)
    return source, record


def _assert_never_silent(source, record) -> None:
    errors = [f for f in source.findings if f.is_error]
    assert not [f for f in source.findings if f.message.startswith("onverwachte fout")]  # a key may be named "intern"
    assert all(isinstance(f.line, int) and f.line >= 1 and f.message for f in source.findings)
    if record is None:
        assert errors, "no record, but no error either: the file was dropped silently"
    else:
        assert not errors, f"a record despite errors: {errors}"
        assert type(record).model_validate(record.model_dump()) == record


# --- strategies ------------------------------------------------------------------------------------------------

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=60),
    st.sampled_from(["on", "no", "yes", "010", "8530", "2026-02-30", "2026-01-31", "javascript:alert(1)", "<b>x</b>",
                     "https://www.harelbeke.be", "http://x", "09:00-12:00", "senioren", "onthaal-ocmw", ""]),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31)),
)
KEYS = st.one_of(st.sampled_from(FIELD_NAMES), st.text(min_size=1, max_size=20))
VALUES = st.recursive(
    SCALARS,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(KEYS, children, max_size=4)),
    max_leaves=12,
)
FRONT_MATTER = st.dictionaries(KEYS, VALUES, max_size=14)
KINDS = st.sampled_from(["products", "loketten"])
STEMS = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)
BODIES = st.one_of(
    st.text(max_size=200),
    st.sampled_from(["", "Gewone tekst.", "<script>x</script>", "[a](javascript:x)", "```\n<b>\n```", "<!-- x -->"]),
)

# YAML-looking lines: indentation, keys, colons, quotes, tabs, list dashes, flow brackets, anchors.
YAMLISH_LINE = st.builds(
    lambda indent, key, sep, value: f"{indent}{key}{sep}{value}",
    st.sampled_from(["", " ", "  ", "   ", "    ", "\t", "  - ", "- "]),
    st.one_of(st.sampled_from(FIELD_NAMES), st.text(alphabet="ab:-#&*!?|>'\"[]{}%@`", max_size=5)),
    st.sampled_from([": ", ":", " ", ": |", ": >", ": &a", ": *a", ": !!int", ": !!timestamp", ": !!binary", ""]),
    st.one_of(SCALARS.map(str), st.text(alphabet="ab: -#'\"[]{},\\\t", max_size=12)),
)
YAMLISH = st.lists(YAMLISH_LINE, max_size=12).map("\n".join)


def _document(front: dict, body: str) -> bytes:
    text = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, default_flow_style=False)
    return f"---\n{text}---\n\n{body}\n".encode("utf-8", "surrogatepass")


# --- properties ------------------------------------------------------------------------------------------------


@FAST
@given(kind=KINDS, stem=STEMS, front=FRONT_MATTER, body=BODIES)
def test_random_front_matter_never_crashes_nor_passes_silently(workdir, kind, stem, front, body):
    try:
        raw = _document(front, body)
    except (yaml.YAMLError, UnicodeEncodeError):
        return  # not representable as a file
    _assert_never_silent(*_check_one(_write(workdir, kind, stem, raw)))


@FAST
@given(kind=KINDS, stem=STEMS, front=YAMLISH, body=BODIES, line_end=st.sampled_from(["\n", "\r\n", "\r"]))
def test_yaml_looking_text_never_crashes(workdir, kind, stem, front, body, line_end):
    text = f"---\n{front}\n---\n{body}\n".replace("\n", line_end)
    raw = text.encode("utf-8", "surrogatepass")
    _assert_never_silent(*_check_one(_write(workdir, kind, stem, raw)))


@FAST
@given(kind=KINDS, stem=STEMS, raw=st.one_of(
    st.binary(max_size=300),
    st.binary(max_size=200).map(lambda b: b"---\n" + b + b"\n---\n"),
    st.binary(max_size=200).map(lambda b: b"\xef\xbb\xbf---\nid: x\n" + b),
))
def test_random_bytes_never_crash(workdir, kind, stem, raw):
    _assert_never_silent(*_check_one(_write(workdir, kind, stem, raw)))


# --- a valid fiche round-trips ---------------------------------------------------------------------------------

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéëèàç", min_size=2, max_size=10).filter(
    lambda word: not AMOUNT_WORD.search(word)  # a valid fiche names no amount without a source
)


def _sentence(min_words: int, max_words: int, max_chars: int):
    return (
        st.lists(WORD, min_size=min_words, max_size=max_words)
        .map(lambda words: (" ".join(words).capitalize() + ".")[:max_chars].strip())
    )


def _terms(field: str, min_size: int = 0):
    return st.lists(st.sampled_from(sorted(VOCAB.terms(field))), min_size=min_size, max_size=3, unique=True)


AMOUNT = st.decimals(min_value=0, max_value=9999, places=2, allow_nan=False, allow_infinity=False)
LINK = st.fixed_dictionaries(
    {
        "titel": _sentence(1, 4, 80),
        "url": st.sampled_from(["https://www.harelbeke.be", "mailto:info@harelbeke.be", "tel:+3256733311"]),
    }
)
KOSTPRIJS = st.one_of(
    st.just({"gratis": True}),
    st.fixed_dictionaries(
        {
            "gratis": st.just(False),
            "bedragen": st.lists(
                st.fixed_dictionaries({"omschrijving": _sentence(1, 5, 100), "bedrag": AMOUNT.map(float)}),
                min_size=1,
                max_size=3,
            ),
        },
        optional={"toelichting": _sentence(2, 12, 400), "bron": LINK},
    ),
)
VALID_FICHE = st.fixed_dictionaries(
    {
        "titel": _sentence(1, 5, 60).filter(lambda t: len(t) >= 3),
        "samenvatting": _sentence(5, 15, 160).filter(lambda t: len(t) >= 20),
        "producttype": st.sampled_from(sorted(VOCAB.terms("producttype"))),
        "loket": st.sampled_from(["onthaal-ocmw", "woonloket"]),
        "doelgroepen": _terms("doelgroepen", 1),
        "themas": _terms("themas", 1),
        "eigenaar": _sentence(1, 4, 100),
        "laatst_nagekeken": st.dates(min_value=TODAY - dt.timedelta(days=360), max_value=TODAY),
    },
    optional={
        "levensgebeurtenissen": _terms("levensgebeurtenissen"),
        "sleutelwoorden": st.lists(WORD, max_size=5),
        "voorwaarden": st.lists(_sentence(2, 10, 300), max_size=4),
        "stappen": st.lists(_sentence(2, 10, 300), max_size=4),
        "kostprijs": KOSTPRIJS,
        "formulieren": st.lists(LINK, max_size=2),
        "dienstverleningsniveau": st.sampled_from(sorted(VOCAB.terms("dienstverleningsniveau"))),
        "nakijken_elke_maanden": st.integers(min_value=12, max_value=60),
    },
)


@FAST
@given(stem=STEMS, fiche=VALID_FICHE, body=_sentence(3, 30, 1000))
def test_a_valid_fiche_round_trips(workdir, stem, fiche, body):
    front = {"id": stem, **fiche}
    raw = _document(front, body)
    source, record = _check_one(_write(workdir, "products", stem, raw))
    assert record is not None, [f"{f.line}: {f.field}: {f.message}" for f in source.findings]
    assert [f for f in source.findings if f.is_error] == []
    dumped = record.model_dump(mode="python")
    for key, value in front.items():
        if key == "kostprijs":
            expected = Kostprijs.model_validate(value).model_dump(mode="python")
            assert dumped[key] == expected
        else:
            assert dumped[key] == value, key
    assert source.body == body


# --- several files: ids, whitespace and references reach the cross-checks ------------------------------------

# Ids an editor (or a program) could type: spaces around, capitals, a hard space, a path, empty, not text.
ODD_IDS = st.one_of(
    st.sampled_from(
        [" huurpremie", "huurpremie ", "Huurpremie", "huur premie", "huur\u00a0premie", "", " ", "../x", "a" * 81,
         "huurpremie", "woonloket", "onthaal-ocmw", "personenalarm", "0", "ï", "huurpremie\n", 0, None, True, ["x"]]
    ),
    STEMS,
    st.text(max_size=10),
)
REFERENCES = st.one_of(st.lists(ODD_IDS, max_size=3), ODD_IDS)
SAFE_NAME = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,1}", fullmatch=True)


def _file_name(record_id: object, fallback: str) -> str:
    """Mostly the id itself (as editors do), so that references can match; a neutral name when it cannot be one."""
    if isinstance(record_id, str) and record_id.strip() and "/" not in record_id and "\0" not in record_id:
        if record_id not in (".", "..") and len(record_id.encode()) < 200:
            return record_id
    return fallback


PROJECT_FICHE = st.fixed_dictionaries(
    {"id": ODD_IDS, "loket": st.one_of(ODD_IDS, st.sampled_from(["onthaal-ocmw", "woonloket", "Onthaal OCMW"]))},
    optional={"verwante_producten": REFERENCES, "andere_loketten": REFERENCES},
)
PROJECT_LOKET = st.fixed_dictionaries({"id": ODD_IDS})


def _project(workdir: Path, products: list[dict], loketten: list[dict]) -> Path:
    from factories import fiche, loket, write

    root = workdir / str(next(_counter))
    (root / "content").mkdir(parents=True)
    for name in ("catalogus.yml", "vocabularies.yml"):
        shutil.copy(CATALOGUE / name, root / name)
    for kind, items, base in (("products", products, fiche), ("loketten", loketten, loket)):
        for index, item in enumerate(items):
            data = base(**item)
            path = root / "content" / kind / f"{_file_name(item['id'], f'f{index}')}.md"
            if path.exists():  # two items with the same id: a second file, as a copy would be
                path = path.with_name(f"f{index}-kopie.md")
            write(path, data)
    return root


@FAST
@given(products=st.lists(PROJECT_FICHE, min_size=1, max_size=4), loketten=st.lists(PROJECT_LOKET, max_size=2))
def test_odd_ids_and_references_never_crash_the_cross_checks(workdir, products, loketten):
    try:
        root = _project(workdir, products, loketten)
    except (OSError, UnicodeEncodeError, yaml.YAMLError):
        return  # not a file name or file this system can hold
    result = check(root, TODAY)
    assert not [f for f in result.findings if f.message.startswith("onverwachte fout")], result.findings
    for finding in result.findings:
        assert finding.line >= 1 and finding.message
        assert (root / finding.path).is_file(), finding
    if result.catalogue is None:
        assert result.errors, "no catalogue, but no error either"
        return
    assert not result.errors
    catalogue = result.catalogue
    for entry in catalogue.products:
        assert entry.id == Path(entry.path).stem
        assert set(catalogue.related[entry.id]) <= set(catalogue.by_id)
        assert {entry.record.loket, *entry.record.andere_loketten} - {None} <= {e.id for e in catalogue.loketten}
