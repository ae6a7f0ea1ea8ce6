"""The town's configuration (`catalogus.yml`): everything a fork changes to make the catalogue its own."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, field_validator

from catalogus.base.markup import link_problem
from catalogus.base.plaintext import OptionalPlainText, PlainText


def _optional_web_address(value: str) -> str:
    message = link_problem(value) if value else None
    if message:
        raise ValueError(message)
    return value


OptionalUrl = Annotated[str, AfterValidator(_optional_web_address)]

CONFIG_FILE = "catalogus.yml"
# A region's repository (catalogus.load.layout): the shared fiches, and one folder per town.
SHARED_DIR, TOWNS_DIR = "gedeeld", "gemeenten"
# A GitHub user (@naam) or team (@organisatie/team), as CODEOWNERS and mentions write them.
GITHUB_HANDLE = r"^@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:/[A-Za-z0-9._-]{1,100})?$"
GithubHandle = Annotated[str, StringConstraints(strip_whitespace=True, pattern=GITHUB_HANDLE)]


class Nakijken(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    interval_maanden: int = Field(12, ge=1, le=60, description="Standaard: elke hoeveel maanden een fiche nakijken.")
    marge_dagen: int = Field(60, ge=0, le=730, description="Dagen na de nazichtdatum waarna het een fout wordt.")
    herinneren_dagen: int = Field(
        31, ge=0, le=365,
        description="De maandelijkse herinnering meldt ook fiches die binnen zoveel dagen nagekeken moeten worden.",
    )


class Melden(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    email: str = Field("", description="E-mailadres van de gemeente waar burgers een fout melden.")
    formulier_url: str = Field(
        "", description="Adres van een meldformulier van de gemeente (geen publieke issuepagina); leeg = per e-mail."
    )

    @field_validator("formulier_url")
    @classmethod
    def _not_public(cls, value: str) -> str:
        # Citizens of a social service write their situation in such a message: it must never become public.
        if value and ("/issues" in value or not value.startswith("https://")):
            raise ValueError("geef een https://-adres van een formulier van de gemeente, geen publieke issuepagina")
        return value


# The town's name is filled into fiche texts ($gemeente): plain letters only, so it can never be markup.
TOWN_NAME = r"^[^\W\d_](?:[^\W_]|[ '’.-])*$"
LOGO_TYPES = {".svg": "image/svg+xml", ".png": "image/png"}
LOGO_MAX_BYTES = 200_000
# A local name the shared fiches write as $naam (catalogus.load.placeholders): small letters and '_'.
PlaceholderName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]{1,39}$")]


class Proactief(BaseModel):
    """How `catalogus proactief` reads the town's files (which column or status code answers which question), and
    what every letter must say: the legal basis of the processing and how to object to it."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id_kolom: str = Field("huishouden", description="Kolom met het nummer van het huishouden (geen naam of rijksregisternummer).")
    kolommen: dict[str, str] = Field(
        default_factory=dict, description="Vraag-id: kolomnaam, voor kolommen die anders heten dan de vraag."
    )
    persoon_kolom: str = Field(
        "rijksregisternummer",
        description="Kolom met het rijksregisternummer in de gezinssamenstelling, de statuslijsten en de bezwaren.",
    )
    statussen: dict[str, str] = Field(
        default_factory=dict,
        description="Statuscode uit de statuslijsten (bv. van de Kruispuntbank): de ja/nee-vraag uit vragen.yml die "
        "hij beantwoordt. Een gezin antwoordt 'ja' als een gezinslid de status heeft op de peildatum.",
    )
    rechtsgrond: OptionalPlainText = Field(
        "",
        description="Waarop het gebruik van de gegevens steunt (bv. de beslissing van de raad en haar datum). Staat in "
        "elke brief en in het verslag; zonder rechtsgrond worden geen brieven gemaakt.",
    )
    bezwaar: OptionalPlainText = Field(
        "",
        description="Hoe een burger bezwaar maakt tegen dit gebruik van zijn gegevens (adres, e-mail, telefoon). Staat "
        "in elke brief; zonder deze tekst worden geen brieven gemaakt.",
    )


class TownConfig(BaseModel):
    """One file per town; the code never holds a town's name, address or colours."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    gemeente: PlainText = Field(
        pattern=TOWN_NAME, description="Naam van de gemeente: letters, spaties, koppeltekens, apostrof of punt."
    )
    organisatie: PlainText = Field(description="Naam van de organisatie die de catalogus uitgeeft.")
    site_naam: PlainText = Field(description="Titel van de website.")
    site_omschrijving: OptionalPlainText = Field("", description="Omschrijving van de website voor zoekmachines.")
    site_url: OptionalUrl = Field("", description="Publiek adres van de website (voor canonieke links en sitemap).")
    gemeente_website: OptionalUrl = Field(
        "", description="Website van de gemeente zelf: een link naar de startpagina ervan vraagt de controle te vervangen."
    )
    repository_url: OptionalUrl = Field(
        "",
        description="Adres van de repository (voor meldingen en de redactiepagina); "
        "de omgevingsvariabele CATALOGUS_REPO_URL gaat voor.",
    )
    nis_code: str = Field("", pattern=r"^([0-9]{5})?$", description="NIS-code van de gemeente.")
    taal: str = Field("nl", pattern=r"^[a-z]{2}$", description="Taal van de site (bestand in translations/).")
    voorbeeldinhoud: bool = Field(False, description="true: de site toont een banner 'voorbeeldinhoud'.")
    content_map: str = Field("content", description="Map met de inhoud (products/ en loketten/).")
    nakijken: Nakijken = Field(default_factory=Nakijken)
    melden: Melden = Field(default_factory=Melden)
    contact_loket: str = Field(
        "", description="Id van het loket waarvan de contactgegevens op de startpagina en onderaan elke pagina staan."
    )
    meest_gevraagd: list[str] = Field(
        default_factory=list, max_length=12, description="Id's van de fiches die de startpagina als 'meest gevraagd' toont."
    )
    kleur: str = Field(
        "#1d4f91", pattern=r"^#[0-9a-fA-F]{6}$",
        description="Huiskleur van de gemeente (kop en knoppen), als #rrggbb; "
        "kies een donkere kleur: witte tekst moet erop leesbaar zijn.",
    )
    logo: str = Field(
        "", pattern=r"^([A-Za-z0-9_\-/]+\.(svg|png))?$",
        description="Logo in de kop: pad van een .svg of .png onder overrides/, bv. assets/images/logo.svg.",
    )
    eigenaars: dict[str, GithubHandle] = Field(
        default_factory=dict,
        description="Per eigenaar (zoals in 'eigenaar:' van de fiches) het GitHub-team of de gebruiker "
        "die herinneringen en reviewverzoeken krijgt.",
    )
    proactief: Proactief = Field(default_factory=Proactief)
    namen: dict[PlaceholderName, PlainText] = Field(
        default_factory=dict,
        max_length=30,
        description="Lokale namen die de gedeelde fiches als $naam schrijven (bv. dienstencentrum: De Parette).",
    )

    @field_validator("namen")
    @classmethod
    def _not_built_in(cls, value: dict[str, str]) -> dict[str, str]:
        taken = sorted(set(value) & {"gemeente", "organisatie"})
        if taken:
            raise ValueError(f"'{taken[0]}' vult de site zelf in (uit '{taken[0]}:' bovenaan); kies een andere naam")
        return value


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


PAGES_FILE = "paginas.yml"


class Pagina(BaseModel):
    """A fixed page of the site (accessibility or privacy statement): its text is the town's, not the code's."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    titel: str = Field(min_length=1, max_length=80, description="Titel van de pagina.")
    samenvatting: str = Field(min_length=1, max_length=200, description="Eén zin, voor zoekmachines.")
    tekst: str = Field(min_length=1, max_length=20_000, description="De tekst, in Markdown.")


class Paginas(BaseModel):
    """`paginas.yml`: the pages linked from every page's footer."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    toegankelijkheid: Pagina = Field(description="De toegankelijkheidsverklaring.")
    privacy: Pagina = Field(description="De privacyverklaring.")


