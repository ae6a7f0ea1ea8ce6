"""Who decides, who delivers and who sets the price of a fiche, for the CPSV-AP and IPDC/LPDC exports.

- Competent authority (bevoegde overheid): the fiche's `bevoegde_overheid`; without one, the town.
- Executing authority (uitvoerende overheid): the town, or the fiche's `aanbieder` (from the town's local file) with
  its `niveau` (no level: `Derden`, a third party that is no public organisation).
- Whoever defines the cost: the town when the cost is the town's own (its local file sets `kostprijs`, or the fiche
  is the town's own and names no other authority), otherwise the competent authority.

Bodies other than the town get an IRI under the town's site (`#organisatie-<naam>`), the same for every fiche that
names them, and the area they govern: Belgium (federal), the Flemish Region, the town's province, or the town.
"""

from __future__ import annotations

from dataclasses import dataclass

from catalogus.base.slug import slug
from catalogus.model import Fiche
from catalogus.model.authority import IPDC_LEVEL, TOWN, BevoegdeOverheid
from catalogus.model.catalogue import Entry
from catalogus.opendata.linked import NUTS, Ld, lau_code

# NUTS codes of the areas a level governs (NUTS 2024: BE = Belgium, BE2 = Vlaams Gewest).
LEVEL_AREA = {"federaal": "BE", "vlaams": "BE2"}
EUROPE = "http://publications.europa.eu/resource/authority/continent/EUROPE"
AREA_LABELS = {"BE": "België", "BE2": "Vlaams Gewest", EUROPE: "Europa"}


@dataclass(frozen=True)
class Authority:
    """One organisation in an export: its IRI, name, IPDC level code and area (an IRI)."""

    iri: str
    name: str
    level: str  # IPDC code: Lokaal, Provinciaal, Vlaams, Federaal, Europees or Derden
    area: str
    area_label: str
    public: bool = True  # False for a third party (Derden): no cv:PublicOrganisation

    @property
    def is_town(self) -> bool:
        return self.name == ""


def _body(ld: Ld, name: str, level: str) -> Authority:
    """A named body of `level` (our value: lokaal, vlaams, derden…)."""
    iri = ld.iri("", f"organisatie-{slug(name)}")
    code = IPDC_LEVEL[level]
    if level in LEVEL_AREA:
        area = NUTS.format(code=LEVEL_AREA[level])
        return Authority(iri, name, code, area, AREA_LABELS[LEVEL_AREA[level]])
    if level == "europees":
        return Authority(iri, name, code, EUROPE, AREA_LABELS[EUROPE])
    lau = lau_code(ld.town.nis_code)
    if level == "provinciaal" and lau:
        return Authority(iri, name, code, NUTS.format(code=lau[:4]), lau[:4])
    return Authority(iri, name, code, ld.area, ld.town.gemeente, public=level != "derden")


def town(ld: Ld) -> Authority:
    return Authority(ld.organisation, "", IPDC_LEVEL["lokaal"], ld.area, ld.town.gemeente)


def competent(ld: Ld, fiche: Fiche) -> Authority:
    authority: BevoegdeOverheid = fiche.bevoegde_overheid or TOWN
    if authority.is_town or authority.naam is None:
        return town(ld)
    return _body(ld, authority.naam, authority.niveau)


def executing(ld: Ld, fiche: Fiche) -> Authority:
    provider = fiche.aanbieder
    if provider is None:
        return town(ld)
    return _body(ld, provider.naam, provider.niveau or "derden")


def cost_definer(ld: Ld, entry: Entry[Fiche]) -> Authority:
    """The town when the cost is its own (set in its local file), else the competent authority."""
    if "kostprijs" in entry.local_fields:
        return town(ld)
    return competent(ld, entry.record)


# The prefLabels (nl) of the IPDC code lists BevoegdBestuursniveau and UitvoerendBestuursniveau.
LEVEL_LABELS = {
    "Lokaal": "Lokale overheid", "Provinciaal": "Provinciale overheid", "Vlaams": "Vlaamse overheid",
    "Federaal": "Federale overheid", "Europees": "Europese overheid", "Derden": "Derden",
}
