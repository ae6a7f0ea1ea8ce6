"""The town's configuration (`catalogus.yml`): everything a fork changes to make the catalogue its own."""

from __future__ import annotations

from pathlib import Path

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

CONFIG_FILE = "catalogus.yml"
# A GitHub user (@naam) or team (@organisatie/team), as CODEOWNERS and mentions write them.
GITHUB_HANDLE = r"^@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:/[A-Za-z0-9._-]{1,100})?$"
GithubHandle = Annotated[str, StringConstraints(strip_whitespace=True, pattern=GITHUB_HANDLE)]


class Nakijken(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    interval_maanden: int = Field(12, ge=1, le=60, description="Standaard: elke hoeveel maanden een fiche nakijken.")
    marge_dagen: int = Field(60, ge=0, le=730, description="Dagen na de nazichtdatum waarna het een fout wordt.")
    herinneren_dagen: int = Field(
        31, ge=0, le=365, description="De maandelijkse herinnering meldt ook fiches die binnen zoveel dagen nagekeken moeten worden."
    )


class Melden(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    email: str = Field("", description="E-mailadres waar burgers een fout melden.")
    issue_url: str = Field("", description="Adres van een meldformulier; leeg = de issues van de repository.")


# The town's name is filled into fiche texts ($gemeente): plain letters only, so it can never be markup.
TOWN_NAME = r"^[^\W\d_](?:[^\W_]|[ '’.-])*$"
LOGO_TYPES = {".svg": "image/svg+xml", ".png": "image/png"}
LOGO_MAX_BYTES = 200_000


class Contactgegevens(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    telefoon: str = Field("", description="Algemeen telefoonnummer van de organisatie.")
    email: str = Field("", description="Algemeen e-mailadres van de organisatie.")
    adres: str = Field("", description="Algemeen adres, op één regel.")


class Proactief(BaseModel):
    """How `catalogus proactief` reads the town's households file: which column is which question."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id_kolom: str = Field("huishouden", description="Kolom met het nummer van het huishouden (geen naam of rijksregisternummer).")
    kolommen: dict[str, str] = Field(
        default_factory=dict, description="Vraag-id: kolomnaam, voor kolommen die anders heten dan de vraag."
    )


class TownConfig(BaseModel):
    """One file per town; the code never holds a town's name, address or colours."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    gemeente: str = Field(
        pattern=TOWN_NAME, description="Naam van de gemeente: letters, spaties, koppeltekens, apostrof of punt."
    )
    organisatie: str = Field(description="Naam van de organisatie die de catalogus uitgeeft.")
    site_naam: str = Field(description="Titel van de website.")
    site_omschrijving: str = Field("", description="Omschrijving van de website voor zoekmachines.")
    site_url: str = Field("", description="Publiek adres van de website (voor canonieke links en sitemap).")
    repository_url: str = Field(
        "", description="Adres van de repository (voor 'Pas deze fiche aan'); de omgevingsvariabele CATALOGUS_REPO_URL gaat voor."
    )
    contact: Contactgegevens = Field(default_factory=Contactgegevens)
    nis_code: str = Field("", pattern=r"^([0-9]{5})?$", description="NIS-code van de gemeente.")
    taal: str = Field("nl", pattern=r"^[a-z]{2}$", description="Taal van de site (bestand in translations/).")
    voorbeeldinhoud: bool = Field(False, description="true: de site toont een banner 'voorbeeldinhoud'.")
    content_map: str = Field("content", description="Map met de inhoud (products/ en loketten/).")
    nakijken: Nakijken = Field(default_factory=Nakijken)
    melden: Melden = Field(default_factory=Melden)
    kleur: str = Field(
        "#1d4f91", pattern=r"^#[0-9a-fA-F]{6}$",
        description="Huiskleur van de gemeente (kop en knoppen), als #rrggbb; kies een donkere kleur: witte tekst moet erop leesbaar zijn.",
    )
    logo: str = Field("", pattern=r"^([A-Za-z0-9_\-/]+\.(svg|png))?$", description="Logo in de kop: pad van een .svg of .png onder overrides/, bv. assets/images/logo.svg.")
    onthaal: str = Field("", description="Id van het loket voor algemene vragen: zijn telefoonnummer staat in de zoekhulp en op de 404-pagina.")
    eigenaars: dict[str, GithubHandle] = Field(
        default_factory=dict,
        description="Per eigenaar (zoals in 'eigenaar:' van de fiches) het GitHub-team of de gebruiker die herinneringen en reviewverzoeken krijgt.",
    )
    proactief: Proactief = Field(default_factory=Proactief)


def config_path(root: Path) -> Path:
    return root / CONFIG_FILE


def logo_problem(root: Path, logo: str) -> str | None:
    """Why the configured logo cannot be published, or None: a small, real SVG or PNG inside `root` (overrides/)."""
    if not logo:
        return None
    path = (root / logo).resolve()
    if not path.is_relative_to(root.resolve()):
        return f"het logo '{logo}' ligt buiten overrides/; zet het bv. in overrides/assets/images/"
    if path.suffix.lower() not in LOGO_TYPES:
        return f"het logo '{logo}' moet een .svg- of .png-bestand zijn"
    if not path.is_file():
        return f"het logo '{logo}' bestaat niet in overrides/; controleer het pad"
    size = path.stat().st_size
    if size > LOGO_MAX_BYTES:
        return f"het logo '{logo}' is {size // 1000} kB; maak het kleiner dan {LOGO_MAX_BYTES // 1000} kB"
    head = path.read_bytes()[:512]
    is_png = head.startswith(b"\x89PNG\r\n\x1a\n")
    if (path.suffix.lower() == ".png") != is_png or (not is_png and b"<svg" not in path.read_bytes()[:4096]):
        return f"het logo '{logo}' is geen echt {path.suffix.lower()[1:].upper()}-bestand"
    return None
