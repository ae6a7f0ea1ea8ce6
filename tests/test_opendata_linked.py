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
from rdflib.namespace import RDF, SKOS

from browser import REPO
from catalogus.model.authority import IPDC_LEVEL, TOWN
from catalogus.opendata import layout
from catalogus.opendata.cpsv import processing_time
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


def _level(scheme: str, value: str) -> URIRef:
    return URIRef(f"https://productencatalogus.data.vlaanderen.be/id/concept/{scheme}/{IPDC_LEVEL[value]}")


def _instance(fiche_id: str) -> URIRef:
    return URIRef(f"https://sociaalhuis.harelbeke.example/products/{fiche_id}/#instantie")


def test_every_shared_fiche_names_its_competent_authority():
    shared = [e for e in demo_catalogue().products if e.path.startswith("gedeeld/")]
    assert shared and [e.id for e in shared if e.record.bevoegde_overheid is None] == []


def test_ipdc_authority_levels_match_the_fiches():
    """Competent level from `bevoegde_overheid` (the town without one), executing level from the local `aanbieder`
    (Derden without a level) or the town; the competent body is named as the fiche names it."""
    graph = _graph(demo_exports() / layout.IPDC)
    for entry in demo_catalogue().products:
        fiche, instance = entry.record, _instance(entry.id)
        competent = fiche.bevoegde_overheid or TOWN
        assert graph.value(instance, LPDC.competentAuthorityLevel) == _level("BevoegdBestuursniveau", competent.niveau), entry.id
        executing = (fiche.aanbieder.niveau or "derden") if fiche.aanbieder else "lokaal"
        assert graph.value(instance, LPDC.executingAuthorityLevel) == _level("UitvoerendBestuursniveau", executing), entry.id
        body = graph.value(instance, CV.hasCompetentAuthority)
        name = str(graph.value(body, SKOS.prefLabel))
        assert name == (competent.naam or demo_catalogue().config.organisatie), entry.id
        assert (body, RDF.type, CV.PublicOrganisation) in graph
        if executing != "derden":
            assert (graph.value(instance, LPDC.hasExecutingAuthority), RDF.type, CV.PublicOrganisation) in graph, entry.id
        else:
            assert graph.value(instance, LPDC.hasExecutingAuthority) is None, entry.id


def test_known_authorities():
    graph = _graph(demo_exports() / layout.IPDC)
    levels = {
        fiche_id: (str(graph.value(_instance(fiche_id), LPDC.competentAuthorityLevel)).rsplit("/", 1)[1],
                   str(graph.value(_instance(fiche_id), LPDC.executingAuthorityLevel)).rsplit("/", 1)[1])
        for fiche_id in ("leefloon", "huursubsidie", "identiteitskaart", "pensioenaanvraag")
    }
    assert levels == {"leefloon": ("Lokaal", "Lokaal"), "huursubsidie": ("Vlaams", "Vlaams"),
                      "identiteitskaart": ("Federaal", "Lokaal"), "pensioenaanvraag": ("Federaal", "Federaal")}
    body = graph.value(_instance("huursubsidie"), CV.hasCompetentAuthority)
    assert str(graph.value(body, SKOS.prefLabel)) == "Wonen in Vlaanderen"


def test_costs_are_defined_by_whoever_sets_them():
    """The town for a cost in its local file, else the competent authority (a federal fee is the federal body's)."""
    graph = _graph(demo_exports() / layout.CPSV_AP)
    town = URIRef("https://sociaalhuis.harelbeke.example/#organisatie")
    checked = set()
    for entry in demo_catalogue().products:
        service = URIRef(f"https://sociaalhuis.harelbeke.example/products/{entry.id}/#dienst")
        competent = graph.value(service, CV.hasCompetentAuthority)
        expected = town if "kostprijs" in entry.local_fields else competent
        for cost in graph.objects(service, CV.hasCost):
            assert graph.value(cost, CV.isDefinedBy) == expected, entry.id
            checked.add(expected == town)
    assert checked == {True, False}


def test_financial_advantages_for_every_fiche_with_ontvangt():
    """Each amount the citizen receives (and the explanation) is an IPDC FinancialAdvantage and a CPSV-AP Output."""
    ipdc, cpsv = _graph(demo_exports() / layout.IPDC), _graph(demo_exports() / layout.CPSV_AP)
    with_received = [e for e in demo_catalogue().products if e.record.ontvangt]
    assert with_received
    for entry in with_received:
        received = entry.record.ontvangt
        expected = len(received.bedragen) + (1 if received.toelichting else 0)
        advantages = [a for a in ipdc.objects(_instance(entry.id), CPSV.produces)
                      if (a, RDF.type, LPDC.FinancialAdvantage) in ipdc]
        assert len(advantages) == expected, entry.id
        service = URIRef(f"https://sociaalhuis.harelbeke.example/products/{entry.id}/#dienst")
        outputs = [o for o in cpsv.objects(service, CPSV.produces) if str(o).split("#")[1].startswith("dienst-ontvangst-")]
        assert len(outputs) == expected, entry.id
    leefloon = [str(ipdc.value(a, DCT.description)) for a in ipdc.objects(_instance("leefloon"), CPSV.produces)]
    assert any("per maand" in text for text in leefloon), leefloon


def test_processing_time_only_where_the_text_states_one():
    assert processing_time("Het OCMW beslist binnen 30 dagen. Bij spoed sneller.") == "P30D"
    assert processing_time("Ongeveer 3 weken na de aanvraag.") == "P3W"
    assert processing_time("U krijgt een beslissing binnen een maand nadat uw aanvraag volledig is.") == "P1M"
    assert processing_time("Ongeveer 4 tot 6 maanden nadat uw dossier volledig is.") is None
    assert processing_time("Het onderzoek duurt meestal enkele maanden.") is None
    assert processing_time("U krijgt meestal binnen twee weken een eerste afspraak.") is None
    graph = _graph(demo_exports() / layout.CPSV_AP)
    service = URIRef("https://sociaalhuis.harelbeke.example/products/leefloon/#dienst")
    assert str(graph.value(service, CV.processingTime)) == "P30D"
