"""Who decides and who delivers: the competent authority of a fiche (`bevoegde_overheid`, town-neutral, in the
shared fiche) and the level of an external provider (`Aanbieder.niveau`, in the town's local file).

The levels are the codes of the Flemish IPDC code lists `BevoegdBestuursniveau` and `UitvoerendBestuursniveau`
(https://productencatalogus.data.vlaanderen.be/id/concept/<Scheme>/<Code>); the executing list adds `Derden`
(third parties: a vzw, a ziekenfonds, a private company).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from catalogus.base.fields import ShortText, Strict

Bestuursniveau = Literal["lokaal", "provinciaal", "vlaams", "federaal", "europees"]
UitvoerendNiveau = Literal["lokaal", "provinciaal", "vlaams", "federaal", "europees", "derden"]

# Our value -> the IPDC code (the same code in both schemes; 'Derden' only in UitvoerendBestuursniveau).
IPDC_LEVEL: dict[str, str] = {
    "lokaal": "Lokaal", "provinciaal": "Provinciaal", "vlaams": "Vlaams", "federaal": "Federaal",
    "europees": "Europees", "derden": "Derden",
}


ADJECTIVE = {"provinciaal": "provinciale", "vlaams": "Vlaamse", "federaal": "federale", "europees": "Europese"}


class BevoegdeOverheid(Strict):
    """The authority that decides on the product and sets its rules (IPDC 'bevoegde overheid')."""

    niveau: Bestuursniveau = Field(
        description="Welk bestuur beslist over dit product en legt de regels vast: lokaal (de gemeente of het OCMW), "
        "provinciaal, vlaams, federaal of europees. Een code uit de IPDC-lijst 'bevoegd bestuursniveau'."
    )
    naam: ShortText | None = Field(
        None,
        description="Naam van die overheid als het niet de gemeente is, bv. 'Wonen in Vlaanderen' of 'Federale "
        "Pensioendienst'. Leeg bij 'lokaal': dan is het de gemeente zelf.",
    )

    @model_validator(mode="after")
    def _named(self) -> BevoegdeOverheid:
        if self.niveau != "lokaal" and self.naam is None:
            raise ValueError(f"geef de 'naam' van de {ADJECTIVE[self.niveau]} overheid die beslist, bv. 'Wonen in Vlaanderen'")
        return self

    @property
    def is_town(self) -> bool:
        """True when the town itself (gemeente, OCMW) is the competent authority."""
        return self.niveau == "lokaal" and self.naam is None


TOWN = BevoegdeOverheid(niveau="lokaal")
