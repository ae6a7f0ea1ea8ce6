"""A small catalogue that exercises every part of the site: two loketten, an external aanbieder, relations,
Markdown in texts, and fiches that leave sections empty."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from factories import fiche, loket, make_project, write

TODAY = dt.date(2026, 11, 26)

LOKETTEN = [
    loket(),
    loket(
        id="onthaal-ocmw",
        naam="Onthaal OCMW",
        beschrijving="Voor sociale en financiële hulp.",
        adres={"straat": "Generaal Deprezstraat 2", "postcode": "8530", "gemeente": "Harelbeke"},
        telefoon="056 73 33 11",
        email="onthaal@harelbeke.example",
        website="https://www.harelbeke.be",
        openingsuren={"maandag": ["08:30-12:00", "13:30-16:30"], "uitzonderingen": "Gesloten op feestdagen."},
    ),
]

PRODUCTS = [
    fiche(
        andere_loketten=["onthaal-ocmw"],
        levensgebeurtenissen=["verhuizen"],
        voor_wie="Huurders die **vier jaar** wachten op een sociale woning.",
        voorwaarden=["U woont in Harelbeke.", "Zie [Wonen in Vlaanderen](https://www.wonenvlaanderen.be)."],
        stappen=["Vraag het aan.", "U krijgt een brief."],
        formulieren=[{"titel": "Aanvraagformulier", "url": "https://www.wonenvlaanderen.be/formulier"}],
        regelgeving=[{"titel": "Besluit huurpremie"}],
        verwante_producten=["poetsdienst"],
    ),
    fiche(
        id="poetsdienst",
        titel="Poetsdienst",
        samenvatting="Een poetshulp van het OCMW komt bij u thuis poetsen als u dat zelf niet meer kunt.",
        producttype="AdviesBegeleiding",
        loket="onthaal-ocmw",
        doelgroepen=["senioren"],
        themas=["zorg-thuis"],
        sleutelwoorden=["poetshulp", "kuishulp"],
        kostprijs={"gratis": False, "bedragen": [{"omschrijving": "Per uur", "bedrag": 9.5}]},
    ),
    fiche(
        id="schuldhulp-caw",
        titel="Schuldhulp bij het CAW",
        samenvatting="Het CAW helpt u gratis als u schulden hebt en niet meer rondkomt.",
        producttype="AdviesBegeleiding",
        loket=None,
        aanbieder={"naam": "CAW Zuid-West-Vlaanderen", "telefoon": "0800 13 500", "website": "https://www.caw.be"},
        doelgroepen=["laag-inkomen"],
        themas=["schulden-en-budget"],
        sleutelwoorden=[],
        kostprijs=None,
    ),
]

BODIES = {
    "huurpremie": "De huurpremie betaalt een deel van uw huur.\n\n## Hoeveel?\n\n- Elke maand een bedrag.",
    "poetsdienst": "Een vaste poetshulp komt bij u thuis.",
    "schuldhulp-caw": "",
}


def make_catalogue(root: Path) -> Path:
    make_project(root, [], LOKETTEN)
    for data in PRODUCTS:
        clean = {key: value for key, value in data.items() if value is not None}
        write(root / "content" / "products" / f"{data['id']}.md", clean, BODIES[data["id"]])
    return root
