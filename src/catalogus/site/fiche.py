"""The fiche page: every section in a fixed order, as data for overrides/fiche.html.

Empty sections are None or empty tuples here, and the template leaves them out.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from markupsafe import Markup

from ..catalogue import Entry
from ..model import Fiche
from .cards import ContactCard, provider_card
from .context import ExternalLink, Link, ProductItem, SiteContext
from .jsonld import government_service, script_body
from .rechten import RightsView, rights_view
from .translations import format_amount, format_date


@dataclass(frozen=True)
class Amount:
    label: Markup
    amount: str
    approximate: bool


@dataclass(frozen=True)
class Costs:
    free: bool
    amounts: tuple[Amount, ...]
    note: Markup | None
    source: ExternalLink | None


@dataclass(frozen=True)
class Rule:
    label: str
    href: str | None


@dataclass(frozen=True)
class FicheView:
    titel: str
    samenvatting: str
    body: Markup | None
    voor_wie: Markup | None
    voorwaarden: tuple[Markup, ...]
    uitzonderingen: Markup | None
    kosten: Costs | None
    meebrengen: tuple[Markup, ...]
    stappen: tuple[Markup, ...]
    behandeltermijn: Markup | None
    bezwaar: Markup | None
    formulieren: tuple[ExternalLink, ...]
    loket: ContactCard | None
    andere_loketten: tuple[ContactCard, ...]
    aanbieder: ContactCard | None
    meer_info: tuple[ExternalLink, ...]
    regelgeving: tuple[Rule, ...]
    verwant: tuple[ProductItem, ...]
    doelgroepen: tuple[Link, ...]
    themas: tuple[Link, ...]
    levensgebeurtenissen: tuple[Link, ...]
    producttype: str
    dienstverlening: str
    dienstverlening_uitleg: Markup | None
    nagekeken: str
    nagekeken_iso: str
    eigenaar: str
    melden: tuple[ExternalLink, ...]
    kruimelpad: tuple[Link, ...]
    jsonld: Markup
    rechten: RightsView  # the rules in plain words and the dienstverleningsniveau badge (catalogus.site.rechten)


def fiche_view(entry: Entry, site: SiteContext, canonical_url: str | None) -> FicheView:
    fiche: Fiche = entry.record  # type: ignore[assignment]
    text, vocab, catalogue = site.text, site.catalogue.vocabularies, site.catalogue
    level = vocab.terms("dienstverleningsniveau")[fiche.dienstverleningsniveau]
    themas = tuple(site.term_link("themas", k) for k in fiche.themas)
    return FicheView(
        titel=fiche.titel,
        samenvatting=fiche.samenvatting,
        body=text.block(entry.body) if entry.body.strip() else None,
        voor_wie=_block(site, fiche.voor_wie),
        voorwaarden=tuple(text.inline(v) for v in fiche.voorwaarden),
        uitzonderingen=_block(site, fiche.uitzonderingen),
        kosten=_costs(fiche, site),
        meebrengen=tuple(text.inline(v) for v in fiche.meebrengen),
        stappen=tuple(text.inline(v) for v in fiche.stappen),
        behandeltermijn=_block(site, fiche.behandeltermijn),
        bezwaar=_block(site, fiche.bezwaar_en_beroep),
        formulieren=tuple(ExternalLink(f.titel, f.url) for f in fiche.formulieren),
        loket=site.loket_cards[fiche.loket] if fiche.loket else None,
        andere_loketten=tuple(site.loket_cards[i] for i in fiche.andere_loketten if i != fiche.loket),
        aanbieder=provider_card(fiche.aanbieder, text) if fiche.aanbieder else None,
        meer_info=tuple(ExternalLink(link.titel, link.url) for link in fiche.meer_info),
        regelgeving=tuple(Rule(r.titel, r.url) for r in fiche.regelgeving),
        verwant=site.products(catalogue.related.get(entry.id, ())),
        doelgroepen=tuple(site.term_link("doelgroepen", k) for k in fiche.doelgroepen),
        themas=themas,
        levensgebeurtenissen=tuple(site.term_link("levensgebeurtenissen", k) for k in fiche.levensgebeurtenissen),
        producttype=vocab.label("producttype", fiche.producttype),
        dienstverlening=level.label,
        dienstverlening_uitleg=text.inline(level.uitleg) if level.uitleg else None,
        nagekeken=format_date(site.strings, fiche.laatst_nagekeken),
        nagekeken_iso=fiche.laatst_nagekeken.isoformat(),
        eigenaar=fiche.eigenaar,
        melden=report_links(fiche, site, canonical_url),
        kruimelpad=(site.home(), themas[0]),
        rechten=rights_view(entry, site),
        jsonld=script_body(government_service(fiche, catalogue, canonical_url)),
    )


def _block(site: SiteContext, value: str | None) -> Markup | None:
    return site.text.block(value) if value else None


def _costs(fiche: Fiche, site: SiteContext) -> Costs | None:
    cost = fiche.kostprijs
    if cost is None:
        return None
    return Costs(
        free=cost.gratis,
        amounts=tuple(Amount(site.text.inline(b.omschrijving), format_amount(site.strings, b.bedrag), b.ongeveer) for b in cost.bedragen),
        note=_block(site, cost.toelichting),
        source=ExternalLink(cost.bron.titel, cost.bron.url) if cost.bron else None,
    )


ISSUE_FORM = "fout-melden.yml"


def report_links(fiche: Fiche, site: SiteContext, canonical_url: str | None) -> tuple[ExternalLink, ...]:
    """Where a citizen reports a mistake: the town's e-mail and/or a prefilled issue, from catalogus.yml."""
    strings, melden = site.strings["fiche"], site.catalogue.config.melden
    subject = strings["melden_onderwerp"].format(titel=fiche.titel)
    body = strings["melden_tekst"].format(titel=fiche.titel, url=canonical_url or fiche.id) + "\n\n"
    links = []
    if melden.email:
        query = urlencode({"subject": subject, "body": body}, quote_via=quote)
        links.append(ExternalLink(strings["melden_email"], f"mailto:{melden.email}?{query}"))
    if melden.issue_url:
        separator = "&" if "?" in melden.issue_url else "?"
        issue = melden.issue_url + separator + urlencode({"title": subject, "body": body})
    elif site.repo_url:
        # The repository's issue form (.github/ISSUE_TEMPLATE), with its 'fiche' field filled in.
        query = {"template": ISSUE_FORM, "title": subject, "fiche": canonical_url or fiche.id}
        issue = site.repo_url.rstrip("/") + "/issues/new?" + urlencode(query)
    else:
        issue = ""
    if issue:
        links.append(ExternalLink(strings["melden_issue"], issue))
    return tuple(links)
