"""schema.org for search engines: a GovernmentService per fiche (what, for whom, where) and a GovernmentOffice
per loket page (address, phone, opening hours). Phone numbers in international form (+32…)."""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from catalogus.model import WEEKDAYS, Aanbieder, Adres, Fiche, Loket
from catalogus.model.catalogue import Catalogue
from catalogus.site.cards import international

SCHEMA_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def government_service(fiche: Fiche, catalogue: Catalogue, url: str | None) -> dict[str, Any]:
    vocab, town = catalogue.vocabularies, catalogue.config
    loketten = [catalogue.loket(i).record for i in dict.fromkeys([fiche.loket, *fiche.andere_loketten]) if i]
    channels = [_loket_channel(loket, town.gemeente, url) for loket in loketten]
    if fiche.aanbieder and not channels:
        channels.append(_provider_channel(fiche.aanbieder, url))
    service: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": fiche.titel,
        "description": fiche.samenvatting,
        "serviceType": vocab.label("producttype", fiche.producttype),
        "audience": [{"@type": "Audience", "audienceType": vocab.label("doelgroepen", k)} for k in fiche.doelgroepen],
        "areaServed": {"@type": "City", "name": town.gemeente},
        "provider": _provider(fiche, loketten, town.organisatie),
        "availableChannel": channels,
    }
    if url:
        service["url"] = url
    return service


def government_office(loket: Loket, organisation: str, url: str | None) -> dict[str, Any]:
    office = _organisation("GovernmentOffice", loket.naam, loket)
    office["@context"] = "https://schema.org"
    office["description"] = loket.beschrijving
    office["openingHoursSpecification"] = _opening_hours(loket)
    office["parentOrganization"] = {"@type": "GovernmentOrganization", "name": organisation}
    if url:
        office["url"] = url
    return office


def script_body(data: dict[str, Any]) -> Markup:
    """JSON for inside <script type="application/ld+json">: '<' escaped so no text can close the script."""
    return Markup(json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c"))


def _provider(fiche: Fiche, loketten: list[Loket], organisation: str) -> dict[str, Any]:
    if fiche.aanbieder:
        return _organisation("Organization", fiche.aanbieder.naam, fiche.aanbieder)
    provider = _organisation("GovernmentOrganization", loketten[0].naam, loketten[0])
    provider["parentOrganization"] = {"@type": "GovernmentOrganization", "name": organisation}
    return provider


def _organisation(kind: str, name: str, contact: Loket | Aanbieder) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": kind, "name": name}
    if contact.adres:
        data["address"] = _address(contact.adres)
    if contact.telefoon:
        data["telephone"] = international(contact.telefoon)
    if contact.email:
        data["email"] = contact.email
    if contact.website:
        data["url"] = contact.website
    return data


def _opening_hours(loket: Loket) -> list[dict[str, str]]:
    return [
        {"@type": "OpeningHoursSpecification", "dayOfWeek": f"https://schema.org/{schema_day}", "opens": start, "closes": end}
        for day, schema_day in zip(WEEKDAYS, SCHEMA_DAYS, strict=True)
        for start, end in (slot.split("-") for slot in loket.openingsuren.slots(day))
    ]


def _loket_channel(loket: Loket, town: str, url: str | None) -> dict[str, Any]:
    place = {
        "@type": "Place",
        "name": loket.naam,
        "address": _address(loket.adres),
        "openingHoursSpecification": _opening_hours(loket),
    }
    channel: dict[str, Any] = {"@type": "ServiceChannel", "name": loket.naam, "serviceLocation": place}
    if loket.telefoon:
        channel["servicePhone"] = {"@type": "ContactPoint", "telephone": international(loket.telefoon), "areaServed": town}
    if url:
        channel["serviceUrl"] = url  # the fiche itself: it says how to apply (the town's home page does not)
    return channel


def _provider_channel(provider: Aanbieder, url: str | None) -> dict[str, Any]:
    channel: dict[str, Any] = {"@type": "ServiceChannel", "name": provider.naam}
    if provider.adres:
        channel["serviceLocation"] = {"@type": "Place", "name": provider.naam, "address": _address(provider.adres)}
    if provider.telefoon:
        channel["servicePhone"] = {"@type": "ContactPoint", "telephone": international(provider.telefoon)}
    if url:
        channel["serviceUrl"] = url
    return channel


def _address(address: Adres) -> dict[str, str]:
    return {
        "@type": "PostalAddress",
        "streetAddress": address.straat,
        "postalCode": address.postcode,
        "addressLocality": address.gemeente,
        "addressCountry": "BE",
    }
