"""CPSV-AP 3.2.0 (EU Core Public Service Vocabulary Application Profile) as JSON-LD: every fiche a
`cpsv:PublicService` of the town, with its loketten as contact points and channels (with opening hours),
costs, requirements, evidence, procedure, legal resources and output. Validated against the official shapes
in tests/test_opendata_linked.py.
"""

from __future__ import annotations

import re
from typing import Any

from catalogus.base.translations import format_amount
from catalogus.model import WEEKDAYS, Aanbieder, Fiche, Loket
from catalogus.model.catalogue import Catalogue, Entry
from catalogus.opendata import authority
from catalogus.opendata.authority import Authority
from catalogus.opendata.linked import CURRENCY_EUR, TIME_DAYS, WEEKLY, Ld, Nodes, PlainText, concept, ipdc_code, ref, typed
from catalogus.site import urls


def cpsv_document(catalogue: Catalogue, strings: dict[str, Any], plain: PlainText | None = None) -> dict[str, Any]:
    ld, nodes = Ld(catalogue, strings, plain), Nodes()
    _town(ld, nodes)
    counters = {  # each loket once: its contact point and channel, however many fiches name it
        entry.id: (nodes.add(_loket_contact(entry.record, ld, nodes)), nodes.add(_channel(entry.record, ld)))
        for entry in catalogue.loketten
    }
    for entry in catalogue.products:
        nodes.add(_service(entry, ld, nodes, counters))
    return nodes.document(ld.context())


def _town(ld: Ld, nodes: Nodes) -> None:
    town = ld.town
    nodes.add({"@id": ld.area, "@type": ["dct:Location", "skos:Concept"], "skos:prefLabel": ld.label(town.gemeente)})
    nodes.add({"@id": ld.language_iri, "@type": ["dct:LinguisticSystem", "skos:Concept"]})
    nodes.add(concept(CURRENCY_EUR, "euro", ld.language))
    nodes.add(concept(WEEKLY, ld.strings["export"]["wekelijks"], ld.language))
    nodes.add({
        "@id": ld.organisation,
        "@type": ["cv:PublicOrganisation", "org:Organization", "foaf:Agent"],
        "skos:prefLabel": ld.label(town.organisatie),
        "dct:spatial": ref(ld.area),
        "dct:identifier": town.nis_code or town.gemeente,
        "dct:title": ld.label(town.organisatie),
    })


def _service(
    entry: Entry[Fiche], ld: Ld, nodes: Nodes, counters: dict[str, tuple[dict[str, str], dict[str, str]]]
) -> dict[str, Any]:
    fiche = entry.record
    vocab, page = ld.catalogue.vocabularies, urls.fiche_page(fiche.id)
    iri = ld.iri(page, "dienst")
    description = fiche.samenvatting + ("\n\n" + entry.body.strip() if entry.body.strip() else "")
    service: dict[str, Any] = {
        "@id": iri,
        "@type": "cpsv:PublicService",
        "dct:identifier": fiche.id,
        "dct:title": ld.label(fiche.titel),
        "dct:description": ld.text(description),
        "dcat:keyword": [ld.label(word) for word in fiche.sleutelwoorden],
        "dct:type": nodes.add(
            concept(ipdc_code("Type", fiche.producttype), vocab.label("producttype", fiche.producttype), ld.language)
        ),
        "cv:thematicArea": [_term(ld, nodes, "themas", key, "Thema") for key in fiche.themas],
        "dct:audience": [_term(ld, nodes, "doelgroepen", key, "Doelgroep") for key in fiche.doelgroepen],
        "cv:isGroupedBy": [_life_event(ld, nodes, key) for key in fiche.levensgebeurtenissen],
        "cv:hasCompetentAuthority": _organisation(authority.competent(ld, fiche), ld, nodes),
        "dct:spatial": ref(ld.area),
        "dct:language": ref(ld.language_iri),
        "foaf:page": ref(ld.iri(page)),
        "cv:relatedService": [ref(ld.iri(urls.fiche_page(other), "dienst")) for other in fiche.verwante_producten],
    }
    loketten = [i for i in dict.fromkeys([fiche.loket, *fiche.andere_loketten]) if i]
    service["cv:contactPoint"] = [counters[i][0] for i in loketten]
    service["cv:hasChannel"] = [counters[i][1] for i in loketten]
    if fiche.aanbieder:
        service["cv:contactPoint"].append(nodes.add(_contact(f"{iri}-aanbieder", fiche.aanbieder, ld)))
    definer = _organisation(authority.cost_definer(ld, entry), ld, nodes)
    service["cv:hasCost"] = [nodes.add(cost) for cost in _costs(fiche, iri, ld, definer)]
    duration = processing_time(fiche.behandeltermijn)
    if duration:
        service["cv:processingTime"] = typed(duration, "xsd:duration")
    service["cv:holdsRequirement"] = [
        nodes.add({"@id": f"{iri}-voorwaarde-{n}", "@type": ["cv:Requirement", "cv:Criterion"],
                   "dct:identifier": f"{fiche.id}-voorwaarde-{n}", "dct:title": ld.text(text)})
        for n, text in enumerate(fiche.voorwaarden, start=1)
    ]
    service["cpsv:hasInput"] = [
        nodes.add({"@id": f"{iri}-bewijs-{n}", "@type": "cv:Evidence",
                   "dct:identifier": f"{fiche.id}-bewijs-{n}", "dct:title": ld.text(text)})
        for n, text in enumerate(fiche.meebrengen, start=1)
    ]
    if fiche.stappen:
        steps = "\n".join(f"{n}. {ld.text(step)['@value']}" for n, step in enumerate(fiche.stappen, start=1))
        service["cpsv:follows"] = nodes.add({
            "@id": f"{iri}-procedure", "@type": "cpsv:Rule", "dct:identifier": f"{fiche.id}-procedure",
            "dct:title": ld.label(ld.strings["fiche"]["hoe_aanvragen"]), "dct:description": ld.label(steps),
        })
    service["cv:hasLegalResource"] = [
        nodes.add({"@id": f"{iri}-regelgeving-{n}", "@type": "eli:LegalResource", "dct:title": ld.label(rule.titel),
                   **({"foaf:page": ref(rule.url)} if rule.url else {})})
        for n, rule in enumerate(fiche.regelgeving, start=1)
    ]
    service["cpsv:produces"] = [nodes.add({
        "@id": f"{iri}-resultaat", "@type": "cv:Output", "dct:identifier": f"{fiche.id}-resultaat",
        "dct:title": ld.label(fiche.titel), "dct:type": ref(ipdc_code("Type", fiche.producttype)),
    }), *[nodes.add(output) for output in _received(fiche, iri, ld, nodes)]]
    return {key: value for key, value in service.items() if value not in ([], None)}


def _term(ld: Ld, nodes: Nodes, field: str, key: str, scheme: str) -> dict[str, str]:
    """Our own term as a concept, with a skos:broadMatch to the IPDC code it falls under."""
    vocab = ld.catalogue.vocabularies
    term = vocab.terms(field)[key]
    extra: dict[str, Any] = {}
    if term.ipdc:
        labels = vocab.ipdc_themas if field == "themas" else vocab.ipdc_doelgroepen
        code = nodes.add(concept(ipdc_code(scheme, term.ipdc), labels[term.ipdc], ld.language))
        extra["skos:broadMatch"] = code
    return nodes.add(concept(ld.iri(urls.term_page(field, key), "begrip"), term.label, ld.language, **extra))


def _life_event(ld: Ld, nodes: Nodes, key: str) -> dict[str, str]:
    label = ld.catalogue.vocabularies.label("levensgebeurtenissen", key)
    return nodes.add({
        "@id": ld.iri(urls.term_page("levensgebeurtenissen", key), "gebeurtenis"),
        "@type": ["cv:LifeEvent", "cv:Event"], "dct:identifier": key, "dct:title": ld.label(label),
    })


def _loket_contact(loket: Loket, ld: Ld, nodes: Nodes) -> dict[str, Any]:
    iri = ld.iri(urls.loket_page(loket.id), "contactpunt")
    contact = _contact(iri, loket, ld)
    contact["cv:openingHours"] = [nodes.add(hours) for hours in _hours(iri, loket, ld)]
    if loket.openingsuren.uitzonderingen:
        contact["cv:specialOpeningHoursSpecification"] = nodes.add({
            "@id": f"{iri}-uitzonderingen", "@type": "time:TemporalEntity",
            "dct:description": ld.text(loket.openingsuren.uitzonderingen),
        })
    return contact


def _contact(iri: str, contact: Loket | Aanbieder, ld: Ld) -> dict[str, Any]:
    node: dict[str, Any] = {"@id": iri, "@type": "cv:ContactPoint", "rdfs:label": ld.label(contact.naam)}
    if contact.telefoon:
        node["cv:telephone"] = contact.telefoon
    if contact.email:
        node["cv:email"] = contact.email
    if contact.website:
        node["cv:contactPage"] = {"@id": contact.website, "@type": "foaf:Document"}
    if contact.adres:
        node["locn:address"] = {
            "@id": f"{iri}-adres", "@type": "locn:Address",
            "locn:thoroughfare": ld.label(contact.adres.straat),
            "locn:postCode": contact.adres.postcode,
            "locn:postName": ld.label(contact.adres.gemeente),
            "locn:fullAddress": ld.label(f"{contact.adres.straat}, {contact.adres.postcode} {contact.adres.gemeente}"),
        }
    return node


def _hours(iri: str, loket: Loket, ld: Ld) -> list[dict[str, Any]]:
    days = ld.strings["weekdagen"]
    result = []
    for day, index, start, end in ld.slots(loket.openingsuren):
        time_day = {"@id": "time:" + TIME_DAYS[WEEKDAYS.index(day)]}
        result.append({
            "@id": f"{iri}-{day}-{index}", "@type": "time:TemporalEntity",
            "dct:description": ld.label(f"{days[day]} {start}-{end}"),
            "cv:frequency": ref(WEEKLY),
            "time:hasBeginning": _instant(time_day, start),
            "time:hasEnd": _instant(time_day, end),
        })
    return result


def _instant(day: dict[str, str], clock: str) -> dict[str, Any]:
    hour, minute = (int(part) for part in clock.split(":"))
    return {"@type": "time:Instant", "time:inDateTime": {
        "@type": "time:DateTimeDescription", "time:dayOfWeek": day, "time:hour": hour, "time:minute": minute,
        "time:unitType": ref("time:unitMinute"),
    }}


def _channel(loket: Loket, ld: Ld) -> dict[str, Any]:
    page = urls.loket_page(loket.id)
    return {
        "@id": ld.iri(page, "kanaal"), "@type": "cv:Channel", "dct:identifier": loket.id,
        "dct:description": ld.label(f"{loket.naam}: {loket.adres.straat}, {loket.adres.postcode} {loket.adres.gemeente}"),
        "cv:ownedBy": ref(ld.organisation),
        "cv:openingHours": [
            ref(f"{ld.iri(page, 'contactpunt')}-{day}-{index}") for day, index, _, _ in ld.slots(loket.openingsuren)
        ],
    }


def _costs(fiche: Fiche, iri: str, ld: Ld, definer: dict[str, str]) -> list[dict[str, Any]]:
    cost = fiche.kostprijs
    if cost is None:
        return []
    base = {"@type": "cv:Cost", "cv:isDefinedBy": definer}
    if cost.gratis:
        note = ld.strings["fiche"]["gratis"] + (f". {ld.text(cost.toelichting)['@value']}" if cost.toelichting else "")
        return [{**base, "@id": f"{iri}-kost-1", "dct:identifier": f"{fiche.id}-kost-1",
                 "cv:hasValue": typed("0.0", "xsd:double"), "cv:currency": ref(CURRENCY_EUR), "dct:description": ld.label(note)}]
    costs = []
    for n, amount in enumerate(cost.bedragen, start=1):
        label = amount.omschrijving + (f" ({ld.strings['fiche']['ongeveer']})" if amount.ongeveer else "")
        costs.append({**base, "@id": f"{iri}-kost-{n}", "dct:identifier": f"{fiche.id}-kost-{n}",
                      "cv:hasValue": typed(repr(float(amount.amount)), "xsd:double"), "cv:currency": ref(CURRENCY_EUR),
                      "dct:description": ld.text(label)})
    if cost.toelichting:
        n = len(costs) + 1
        costs.append({**base, "@id": f"{iri}-kost-{n}", "dct:identifier": f"{fiche.id}-kost-{n}",
                      "dct:description": ld.text(cost.toelichting)})
    return costs


def _organisation(body: Authority, ld: Ld, nodes: Nodes) -> dict[str, str]:
    """The town's organisation, or another body with the area it governs (typed for every shape that points to it:
    cv:hasCompetentAuthority wants a PublicOrganisation, cv:isDefinedBy an org:Organization)."""
    if body.is_town:
        return ref(ld.organisation)
    nodes.add({"@id": body.area, "@type": ["dct:Location", "skos:Concept"], "skos:prefLabel": ld.label(body.area_label)})
    types = ["cv:PublicOrganisation", "org:Organization", "foaf:Agent"] if body.public else ["org:Organization", "foaf:Agent"]
    return nodes.add({"@id": body.iri, "@type": types, "dct:identifier": body.iri.rsplit("#", 1)[1],
                      "skos:prefLabel": ld.label(body.name), "dct:title": ld.label(body.name),
                      "dct:spatial": ref(body.area)})


def _received(fiche: Fiche, iri: str, ld: Ld, nodes: Nodes) -> list[dict[str, Any]]:
    """What the citizen receives (`ontvangt`): CPSV-AP has no amount for an output, so each amount is a cv:Output of
    the IPDC type FinancieelVoordeel with the amount and period in its description."""
    received, strings = fiche.ontvangt, ld.strings
    if received is None:
        return []
    kind = nodes.add(concept(ipdc_code("Type", "FinancieelVoordeel"), ld.catalogue.vocabularies.label(
        "producttype", "FinancieelVoordeel"), ld.language))
    items = [
        (amount.omschrijving, f"{format_amount(strings, amount.amount)} {strings['fiche']['per'][amount.per]}"
         + (f" ({strings['fiche']['ongeveer']})" if amount.ongeveer else ""))
        for amount in received.bedragen
    ]
    if received.toelichting:
        items.append((strings["fiche"]["wat_krijgt_u"], ld.text(received.toelichting)["@value"]))
    return [
        {"@id": f"{iri}-ontvangst-{n}", "@type": "cv:Output", "dct:identifier": f"{fiche.id}-ontvangst-{n}",
         "dct:title": ld.text(title), "dct:description": ld.label(text), "dct:type": kind}
        for n, (title, text) in enumerate(items, start=1)
    ]


NUMBERS = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9,
           "tien": 10, "elf": 11, "twaalf": 12}
UNITS = {"dag": "D", "dagen": "D", "week": "W", "weken": "W", "maand": "M", "maanden": "M"}
# Only a handling time the text states as one number: "beslist (meestal) binnen 30 dagen", "een beslissing binnen een
# maand", or a text that opens with "Ongeveer 3 weken". Ranges, "enkele weken", working days and times to a first
# appointment stay text (CPSV-AP wants an ISO 8601 duration; a guessed one would mislead).
PROCESSING = re.compile(
    r"(?:\bbeslist (?:meestal )?binnen|\bbeslissing binnen|^ongeveer) (\d+|[a-zé]+) "
    r"(dagen|dag|weken|week|maanden|maand)\b(?! tot)",
    re.IGNORECASE,
)


def processing_time(text: str | None) -> str | None:
    """The handling time of a `behandeltermijn` as an ISO 8601 duration (P30D), when its first sentence states one."""
    if not text:
        return None
    match = PROCESSING.search(text.split(". ")[0].strip())
    if match is None:
        return None
    count, unit = match.group(1).lower(), match.group(2).lower()
    number = int(count) if count.isdigit() else NUMBERS.get(count)
    return f"P{number}{UNITS[unit]}" if number else None
