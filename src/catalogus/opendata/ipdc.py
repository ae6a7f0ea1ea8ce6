"""IPDC/LPDC instances (the Flemish profile of CPSV-AP) as JSON-LD, following the implementation model's instance
shapes: IPDC codes for thema, type, doelgroep and bestuursniveau, the town's NUTS/LAU area, numbered contact
points with addresses and opening hours, and `dct:source` to the Flemish concept a fiche is the local version of.

Ordered parts (contact points, costs, websites) are numbered with `sh:order` per fiche, so each fiche gets its
own copies of its loketten's contact points.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from catalogus.base.translations import format_amount
from catalogus.model import Aanbieder, Adres, Fiche, Link, Loket
from catalogus.model.catalogue import Catalogue, Entry
from catalogus.opendata import authority
from catalogus.opendata.authority import LEVEL_LABELS, Authority
from catalogus.opendata.linked import Ld, Nodes, PlainText, concept, ipdc_code, ref, split_street, typed
from catalogus.site import urls

# The published Flemish concepts (the LPDC application builds concept IRIs on this pattern).
IPDC_CONCEPT = "https://ipdc.vlaanderen.be/id/concept/{id}"
COUNTRY = {"nl": "België", "en": "Belgium"}
IPDC_LANGUAGE = "nl"  # the shapes accept en, nl, nl-be-x-formal and nl-be-x-informal


def ipdc_document(
    catalogue: Catalogue, strings: dict[str, Any], changes: dict[str, tuple[dt.date, dt.date]], plain: PlainText | None = None
) -> dict[str, Any]:
    """`changes` maps a fiche id to (created, modified); a fiche without history uses its review date for both."""
    ld, nodes = Ld(catalogue, strings, plain), Nodes()
    ld.language = IPDC_LANGUAGE
    town = catalogue.config
    nodes.add(concept(ld.area, town.gemeente, ld.language, **{"skos:notation": town.nis_code} if town.nis_code else {}))
    nodes.add({"@id": ld.organisation, "@type": "cv:PublicOrganisation", "skos:prefLabel": ld.label(town.organisatie),
               "dct:spatial": ref(ld.area)})
    nodes.add(concept(ld.language_iri, "Nederlands", ld.language))
    for entry in catalogue.products:
        reviewed = entry.record.laatst_nagekeken
        created, modified = changes.get(entry.id, (reviewed, reviewed))
        _instance(entry, ld, nodes, created, modified)
    return nodes.document(ld.context())


def _datetime(day: dt.date) -> dict[str, str]:
    return typed(f"{day.isoformat()}T00:00:00Z", "xsd:dateTime")


def _instance(entry: Entry[Fiche], ld: Ld, nodes: Nodes, created: dt.date, modified: dt.date) -> None:
    fiche = entry.record
    vocab = ld.catalogue.vocabularies
    iri = ld.iri(urls.fiche_page(fiche.id), "instantie")
    competent, executing = authority.competent(ld, fiche), authority.executing(ld, fiche)
    node: dict[str, Any] = {
        "@id": iri,
        "@type": ["lpdcExt:InstancePublicServiceSnapshot", "cpsv:PublicService"],
        "dct:identifier": fiche.id,
        "dct:title": ld.label(fiche.titel),
        "dct:description": ld.text(fiche.samenvatting + ("\n\n" + entry.body.strip() if entry.body.strip() else "")),
        "schema:dateCreated": _datetime(min(created, modified)),
        "schema:dateModified": _datetime(modified),
        "pav:createdBy": ref(ld.organisation),
        "cv:hasCompetentAuthority": _organisation(competent, ld, nodes),
        "lpdcExt:hasExecutingAuthority": _organisation(executing, ld, nodes) if executing.public else None,
        "lpdcExt:competentAuthorityLevel": _level("BevoegdBestuursniveau", competent, ld, nodes),
        "lpdcExt:executingAuthorityLevel": _level("UitvoerendBestuursniveau", executing, ld, nodes),
        "dct:spatial": ref(ld.area),
        "dct:language": ref(ld.language_iri),
        "dct:type": nodes.add(
            concept(ipdc_code("Type", fiche.producttype), vocab.label("producttype", fiche.producttype), ld.language)
        ),
        "lpdcExt:targetAudience": [_code(ld, nodes, "doelgroepen", "Doelgroep", key) for key in fiche.doelgroepen],
        "cv:thematicArea": [_code(ld, nodes, "themas", "Thema", key) for key in fiche.themas],
        "dcat:keyword": [ld.label(word) for word in fiche.sleutelwoorden],
    }
    node["lpdcExt:targetAudience"] = list({item["@id"]: item for item in node["lpdcExt:targetAudience"]}.values())
    node["cv:thematicArea"] = list({item["@id"]: item for item in node["cv:thematicArea"]}.values())
    if fiche.uitzonderingen:
        node["lpdcExt:exception"] = ld.text(fiche.uitzonderingen)
    if fiche.regelgeving:
        node["lpdcExt:regulation"] = ld.label("\n".join(rule.titel for rule in fiche.regelgeving))
    if fiche.ipdc_concept_id:
        node["dct:source"] = nodes.add({"@id": IPDC_CONCEPT.format(id=fiche.ipdc_concept_id),
                                        "@type": "lpdcExt:ConceptualPublicService"})
    if fiche.voorwaarden:
        node["ps:hasRequirement"] = nodes.add(_requirement(fiche, iri, ld, nodes))
    if fiche.stappen:
        node["cpsv:follows"] = nodes.add(_procedure(fiche, iri, ld, nodes))
    node["cv:hasCost"] = [nodes.add(cost) for cost in _costs(fiche, iri, ld)]
    node["cpsv:produces"] = [nodes.add(advantage) for advantage in _advantages(fiche, iri, ld)]
    node["rdfs:seeAlso"] = [nodes.add(_website(link, f"{iri}-meer-info-{n}", n, ld)) for n, link in enumerate(fiche.meer_info)]
    node["cv:hasLegalResource"] = [
        nodes.add({"@id": f"{iri}-regelgeving-{n}", "@type": "eli:LegalResource", "dct:title": ld.label(rule.titel),
                   "schema:url": rule.url, "sh:order": n})
        for n, rule in enumerate(r for r in fiche.regelgeving if r.url)
    ]
    loketten = [ld.catalogue.loket(i).record for i in dict.fromkeys([fiche.loket, *fiche.andere_loketten]) if i]
    contacts: list[Loket | Aanbieder] = [*loketten, *([fiche.aanbieder] if fiche.aanbieder else [])]
    node["cv:hasContactPoint"] = [nodes.add(_contact(c, f"{iri}-contactpunt-{n}", n, ld)) for n, c in enumerate(contacts)]
    nodes.add({key: value for key, value in node.items() if value not in ([], None)})


def _organisation(body: Authority, ld: Ld, nodes: Nodes) -> dict[str, str]:
    """The town's organisation node, or a node for another body (with the area it governs)."""
    if body.is_town:
        return ref(ld.organisation)
    nodes.add(concept(body.area, body.area_label, ld.language))
    return nodes.add({"@id": body.iri, "@type": "cv:PublicOrganisation", "skos:prefLabel": ld.label(body.name),
                      "dct:spatial": ref(body.area)})


def _level(scheme: str, body: Authority, ld: Ld, nodes: Nodes) -> dict[str, str]:
    return nodes.add(concept(ipdc_code(scheme, body.level), LEVEL_LABELS[body.level], ld.language))


def _advantages(fiche: Fiche, iri: str, ld: Ld) -> list[dict[str, Any]]:
    """What the citizen receives (`ontvangt`) as IPDC financial advantages: one per amount, and the explanation."""
    received, strings = fiche.ontvangt, ld.strings
    if received is None:
        return []
    items = [
        (ld.text(amount.omschrijving)["@value"], f"{format_amount(strings, amount.amount)} {strings['fiche']['per'][amount.per]}"
         + (f" ({strings['fiche']['ongeveer']})" if amount.ongeveer else ""))
        for amount in received.bedragen
    ]
    if received.toelichting:
        items.append((strings["fiche"]["wat_krijgt_u"], received.toelichting))
    return [
        {
            "@id": f"{iri}-financieel-voordeel-{n}", "@type": "lpdcExt:FinancialAdvantage",
            "dct:title": ld.label(title), "dct:description": ld.text(text), "sh:order": n,
        }
        for n, (title, text) in enumerate(items)
    ]


def _code(ld: Ld, nodes: Nodes, field: str, scheme: str, key: str) -> dict[str, str]:
    vocab = ld.catalogue.vocabularies
    code = vocab.terms(field)[key].ipdc
    assert code is not None  # every thema and doelgroep has one of ipdc_themas, ipdc_doelgroepen (the vocabulary's rule)
    labels = vocab.ipdc_themas if field == "themas" else vocab.ipdc_doelgroepen
    return nodes.add(concept(ipdc_code(scheme, code), labels[code], ld.language))


def _requirement(fiche: Fiche, iri: str, ld: Ld, nodes: Nodes) -> dict[str, Any]:
    fiche_strings = ld.strings["fiche"]
    requirement: dict[str, Any] = {
        "@id": f"{iri}-voorwaarden", "@type": "cv:Requirement",
        "dct:title": ld.label(fiche_strings["voorwaarden"]),
        "dct:description": ld.label(_lines(ld, fiche.voorwaarden)), "sh:order": 0,
    }
    if fiche.meebrengen:
        requirement["cv:hasSupportingEvidence"] = nodes.add({
            "@id": f"{iri}-bewijsstukken", "@type": "cv:Evidence",
            "dct:title": ld.label(fiche_strings["wat_meebrengen"]),
            "dct:description": ld.label(_lines(ld, fiche.meebrengen)),
        })
    return requirement


def _procedure(fiche: Fiche, iri: str, ld: Ld, nodes: Nodes) -> dict[str, Any]:
    return {
        "@id": f"{iri}-procedure", "@type": "cpsv:Rule",
        "dct:title": ld.label(ld.strings["fiche"]["hoe_aanvragen"]),
        "dct:description": ld.label(_lines(ld, fiche.stappen, numbered=True)), "sh:order": 0,
        "lpdcExt:hasWebsite": [
            nodes.add(_website(link, f"{iri}-formulier-{n}", n, ld)) for n, link in enumerate(fiche.formulieren)
        ],
    }


def _lines(ld: Ld, items: list[str], numbered: bool = False) -> str:
    texts = [ld.text(item)["@value"] for item in items]
    return "\n".join(f"{n}. {text}" if numbered else f"- {text}" for n, text in enumerate(texts, start=1))


def _website(link: Link, iri: str, order: int, ld: Ld) -> dict[str, Any]:
    return {"@id": iri, "@type": "schema:WebSite", "dct:title": ld.label(link.titel), "schema:url": link.url, "sh:order": order}


def _costs(fiche: Fiche, iri: str, ld: Ld) -> list[dict[str, Any]]:
    cost, strings = fiche.kostprijs, ld.strings
    if cost is None:
        return []
    items = []
    if cost.gratis:
        items.append((strings["fiche"]["gratis"], cost.toelichting or strings["fiche"]["gratis"]))
    for amount in cost.bedragen:
        value = format_amount(strings, amount.amount) + (f" ({strings['fiche']['ongeveer']})" if amount.ongeveer else "")
        items.append((ld.text(amount.omschrijving)["@value"], value))
    if cost.toelichting and not cost.gratis:
        items.append((strings["fiche"]["wat_kost_het"], cost.toelichting))
    return [
        {
            "@id": f"{iri}-kost-{n}", "@type": "cv:Cost",
            "dct:title": ld.label(title), "dct:description": ld.text(text), "sh:order": n,
        }
        for n, (title, text) in enumerate(items)
    ]


def _contact(contact: Loket | Aanbieder, iri: str, order: int, ld: Ld) -> dict[str, Any]:
    node: dict[str, Any] = {"@id": iri, "@type": "schema:ContactPoint", "sh:order": order}
    if contact.telefoon:
        node["schema:telephone"] = contact.telefoon
    if contact.email:
        node["schema:email"] = contact.email
    if contact.website:
        node["schema:url"] = contact.website
    if isinstance(contact, Loket) and ld.hours(contact.openingsuren):
        node["schema:openingHours"] = ld.hours(contact.openingsuren)
    if contact.adres:
        node["lpdcExt:address"] = _address(contact.adres, f"{iri}-adres", ld)
    return node


def _address(address: Adres, iri: str, ld: Ld) -> dict[str, Any]:
    street, number, box = split_street(address.straat)
    node: dict[str, Any] = {
        "@id": iri, "@type": "locn:Address",
        "adres:Straatnaam": ld.label(street),
        "adres:postcode": address.postcode,
        "adres:gemeentenaam": ld.label(address.gemeente),
        "adres:land": ld.label(COUNTRY["nl"]),
    }
    if number:
        node["adres:Adresvoorstelling.huisnummer"] = number
    if box:
        node["adres:Adresvoorstelling.busnummer"] = box
    return node
