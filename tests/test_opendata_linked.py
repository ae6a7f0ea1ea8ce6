"""CPSV-AP and IPDC/LPDC exports: 0 SHACL violations on the whole demo catalogue, and JSON-LD that expands
(pyld) without losing a single value, for the exports and for the schema.org data of every fiche page.

The CPSV-AP shapes are vendored in tests/data (CC BY 4.0). The IPDC/LPDC instance shapes have no licence to
copy: they are read from ../shared/ next to the repository, and the test says that it skipped when they are absent.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
from pyld import jsonld
from pyshacl import validate
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF

from browser import REPO
from catalogus.opendata import layout
from catalogus.opendata.linked import lau_code, split_street
from exported import demo_catalogue, demo_exports, export_catalogue
from factories import fiche, make_project

CPSV_SHAPES = Path(__file__).parent / "data" / "cpsv-ap-3.2.0" / "cpsv-ap-SHACL.ttl"
IPDC_SHAPES = REPO.parent / "shared" / "standards" / "ipdc-lpdc" / "shacl" / "instantie-shape.ttl"
CPSV = Namespace("http://purl.org/vocab/cpsv#")
CV = Namespace("http://data.europa.eu/m8g/")
DCT = Namespace("http://purl.org/dc/terms/")
LPDC = Namespace("https://productencatalogus.data.vlaanderen.be/ns/ipdc-lpdc#")
SCHEMA_ORG_CONTEXT = {"@context": {"@vocab": "https://schema.org/"}}


def _graph(path: Path) -> Graph:
    return Graph().parse(path, format="json-ld")


def _violations(data: Graph, shapes: Path) -> tuple[bool, str]:
    conforms, _, text = validate(data, shacl_graph=Graph().parse(shapes), advanced=True, allow_warnings=True)
    return conforms, text


def _ipdc_shapes() -> Path:
    if not IPDC_SHAPES.is_file():
        pytest.skip(f"IPDC/LPDC-shapes niet gevonden ({IPDC_SHAPES}): die staan in ../shared/, niet in de repository")
    return IPDC_SHAPES


def test_cpsv_ap_export_has_no_violations():
    graph = _graph(demo_exports() / layout.CPSV_AP)
    services = set(graph.subjects(RDF.type, CPSV.PublicService))
    assert len(services) == len(demo_catalogue().products)
    conforms, report = _violations(graph, CPSV_SHAPES)
    assert conforms, report


def test_cpsv_ap_shapes_catch_a_broken_service():
    """The validation can fail: without its title and competent authority a service violates the shapes."""
    graph = _graph(demo_exports() / layout.CPSV_AP)
    service = URIRef("https://sociaalhuis.harelbeke.example/products/leefloon/#dienst")
    graph.remove((service, DCT.title, None))
    graph.remove((service, CV.hasCompetentAuthority, None))
    conforms, report = _violations(graph, CPSV_SHAPES)
    assert not conforms
    assert report.count("Constraint Violation") == 2, report


def test_cpsv_ap_service_carries_the_fiche():
    graph = _graph(demo_exports() / layout.CPSV_AP)
    service = URIRef("https://sociaalhuis.harelbeke.example/products/leefloon/#dienst")
    title = graph.value(service, DCT.title)
    assert (str(title), title.language) == ("Leefloon", "nl")
    fiche = demo_catalogue().product("leefloon").record
    assert len(list(graph.objects(service, CV.holdsRequirement))) == len(fiche.voorwaarden)
    assert len(list(graph.objects(service, CPSV.hasInput))) == len(fiche.meebrengen)
    assert len(list(graph.objects(service, CV.hasLegalResource))) == len(fiche.regelgeving)
    cost = graph.value(service, CV.hasCost)
    assert graph.value(cost, CV.currency) == URIRef("http://publications.europa.eu/resource/authority/currency/EUR")
    contact = graph.value(service, CV.contactPoint)
    assert list(graph.objects(contact, CV.openingHours))
    authority = graph.value(service, CV.hasCompetentAuthority)
    assert graph.value(authority, DCT.spatial) == URIRef("http://data.europa.eu/nuts/code/BE25434013")


def test_ipdc_export_has_no_violations():
    shapes = _ipdc_shapes()
    graph = _graph(demo_exports() / layout.IPDC)
    instances = set(graph.subjects(RDF.type, LPDC.InstancePublicServiceSnapshot))
    assert len(instances) == len(demo_catalogue().products)
    conforms, report = _violations(graph, shapes)
    assert conforms, report


def test_ipdc_shapes_catch_a_broken_instance():
    shapes = _ipdc_shapes()
    graph = _graph(demo_exports() / layout.IPDC)
    instance = URIRef("https://sociaalhuis.harelbeke.example/products/leefloon/#instantie")
    graph.remove((instance, DCT.spatial, None))
    conforms, report = _violations(graph, shapes)
    assert not conforms and "spatial" in report


def test_ipdc_uses_the_flemish_codes():
    graph = _graph(demo_exports() / layout.IPDC)
    instance = URIRef("https://sociaalhuis.harelbeke.example/products/leefloon/#instantie")
    code = "https://productencatalogus.data.vlaanderen.be/id/concept/"
    assert graph.value(instance, DCT.type) == URIRef(code + "Type/FinancieelVoordeel")
    assert set(graph.objects(instance, CV.thematicArea)) == {URIRef(code + "Thema/WelzijnGezondheid")}
    assert set(graph.objects(instance, LPDC.targetAudience)) == {URIRef(code + "Doelgroep/Burger")}
    assert graph.value(instance, LPDC.competentAuthorityLevel) == URIRef(code + "BevoegdBestuursniveau/Lokaal")
    assert graph.value(instance, DCT.spatial) == URIRef("http://data.europa.eu/nuts/code/BE25434013")
    assert graph.value(instance, DCT.source) is None


def test_ipdc_source_points_to_the_flemish_concept(tmp_path):
    concept = "0f3e9b3c-6a1d-4c1e-9a57-3d1f3c0b7a11"
    make_project(tmp_path, [fiche(ipdc_concept_id=concept)])
    _, site = export_catalogue(tmp_path)
    graph = _graph(site / layout.IPDC)
    instance = next(graph.subjects(RDF.type, LPDC.InstancePublicServiceSnapshot))
    source = graph.value(instance, DCT.source)
    assert str(source).endswith("/id/concept/" + concept)
    assert (source, RDF.type, LPDC.ConceptualPublicService) in graph
    if IPDC_SHAPES.is_file():
        conforms, report = _violations(graph, IPDC_SHAPES)
        assert conforms, report


def test_lau_code_and_street_split():
    assert lau_code("34013") == "BE25434013"
    assert lau_code("72042") == "BE22572042"
    assert lau_code("21004") is None  # Brussels: not in the Flemish list
    assert lau_code("") is None
    assert split_street("Marktplein 1") == ("Marktplein", "1", None)
    assert split_street("Generaal Deprezstraat 2 bus 3") == ("Generaal Deprezstraat", "2", "3")
    assert split_street("Kerkstraat 12A") == ("Kerkstraat", "12A", None)


def _values(node) -> int:
    """How many values (literals, references, types) a JSON-LD document holds, compacted or expanded."""
    if isinstance(node, list):
        return sum(_values(item) for item in node)
    if not isinstance(node, dict):
        return 1
    if "@value" in node:
        return 1
    types = node.get("@type", [])
    count = (1 if "@id" in node and len(node) == 1 else 0) + (len(types) if isinstance(types, list) else 1)
    return count + sum(_values(v) for k, v in node.items() if not k.startswith("@") or k in ("@graph", "@list"))


@pytest.mark.parametrize("path", [layout.CPSV_AP, layout.IPDC])
def test_exports_expand_without_loss(path):
    document = json.loads((demo_exports() / path).read_text(encoding="utf-8"))
    expanded = jsonld.expand(copy.deepcopy(document))
    assert _values(expanded) == _values(document)
    terms = {key for node in document["@graph"] for key in node if not key.startswith("@")}
    prefixes = set(document["@context"])
    assert {term.split(":")[0] for term in terms} <= prefixes


def _schema_org_loader(url, options=None):
    """schema.org's context is not fetched (no network in tests): its core is `@vocab` for schema.org terms."""
    if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
        raise jsonld.JsonLdError(f"geen netwerk: {url}", "loading document failed", code="loading document failed")
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": SCHEMA_ORG_CONTEXT}


SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def test_schema_org_json_ld_of_every_fiche_page_expands_without_loss(site_dir):
    pages = sorted((site_dir / "products").glob("*/index.html"))
    assert len(pages) == len(demo_catalogue().products)
    for page in pages:
        found = SCRIPT.findall(page.read_text(encoding="utf-8"))
        assert len(found) == 1, page
        data = json.loads(found[0])
        expanded = jsonld.expand(copy.deepcopy(data), {"documentLoader": _schema_org_loader})
        assert _values(expanded) == _values({k: v for k, v in data.items() if k != "@context"}), page
        assert expanded[0]["@type"] == ["https://schema.org/GovernmentService"]
