"""The fiche page: "In het kort" first (cost, for whom, where with a phone, how to apply), then every section
in a fixed order, as data for templates/fiche.html.

Empty sections are None or empty tuples here, and the template leaves them out. Staff matters (product type,
owner, the dienstverleningsniveau wording, an edit link) are not shown: they are in the file, for staff.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from markupsafe import Markup, escape

from catalogus.base.translations import format_amount, format_date
from catalogus.model import WEEKDAYS, Bedrag, Fiche, Loket
from catalogus.model.catalogue import BROWSE_FIELDS, Catalogue, Entry
from catalogus.model.facts import InForce
from catalogus.model.glossary import Entry as GlossaryEntry
from catalogus.model.review import NOT_REVIEWED
from catalogus.site import urls
from catalogus.site.cards import ContactCard, provider_card
from catalogus.site.context import ExternalLink, Link, ProductItem, SiteContext
from catalogus.site.jsonld import government_service, script_body
from catalogus.site.rechten import RightsView, rights_view
from catalogus.site.staff import StaffView, staff_view


@dataclass(frozen=True)
class Amount:
    label: Markup
    amount: str
    approximate: bool
    example: bool = False  # an example price without the town's own source: it differs per town
    since: str | None = None  # from the register of facts: the date the amount applies from


@dataclass(frozen=True)
class Costs:
    free: bool
    amounts: tuple[Amount, ...]
    note: Markup | None
    source: ExternalLink | None
    short: Markup | None = None  # kostprijs.kort: the answer in one sentence, for "In het kort"
    basis: str | None = None  # kostprijs.hangt_af_van: inkomen, situatie or aanbieder, when there is no one price


@dataclass(frozen=True)
class Benefit:
    """Wat krijgt u? The amounts a citizen receives, each with how often."""

    amounts: tuple[Amount, ...]
    note: Markup | None
    source: ExternalLink | None


@dataclass(frozen=True)
class Stopped:
    """The banner of a product that no longer exists, with the fiche that replaces it."""

    message: str
    successor: Link | None


@dataclass(frozen=True)
class Word:
    """A glossary term this fiche uses, with its plain-language explanation."""

    term: str
    uitleg: str


@dataclass(frozen=True)
class Rule:
    label: str
    href: str | None


@dataclass(frozen=True)
class Contact:
    """Where to go, in the "In het kort" block: the loket (or provider), its phone and today's hours."""

    name: str
    url: str | None
    phone: str | None
    phone_href: str | None
    today: str | None  # "Vandaag (maandag) open: 08:30–12:00"; None for a provider (hours unknown)


@dataclass(frozen=True)
class Summary:
    """"In het kort": the answers people come for, right under the title."""

    krijgt: Markup | None  # what the citizen receives, for a benefit
    kosten: Markup  # what it costs, that it is free, or what the price depends on and whom to call for it
    kosten_bron: ExternalLink | None  # the source of the amount or of how the price is set
    voor_wie: tuple[Link, ...]
    waar: Contact
    aanvragen: Markup | None  # the first step
    formulier: ExternalLink | None


@dataclass(frozen=True)
class FactLine:
    """A number from the register of facts that this page uses: what it is, its value today, since when, the source."""

    label: str
    value: str
    since: str
    since_iso: str
    source: ExternalLink
    maybe_changed: bool  # older than the fact's revision period (feiten.yml 'herzien_elke')


@dataclass(frozen=True)
class FicheView:
    titel: str
    samenvatting: str
    kort: Summary
    body: Markup | None
    voor_wie: Markup | None
    voorwaarden: tuple[Markup, ...]
    uitzonderingen: Markup | None
    stopgezet: Stopped | None
    ontvangt: Benefit | None
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
    feiten: tuple[FactLine, ...]  # the register's numbers on this page, with date and source (feiten.yml)
    verwant: tuple[ProductItem, ...]
    woorden: tuple[Word, ...]
    themas: tuple[Link, ...]
    levensgebeurtenissen: tuple[Link, ...]
    nagekeken: str
    nagekeken_iso: str
    gewijzigd: str  # last change: git's last commit of the file, else the review date (catalogus.load.history)
    gewijzigd_iso: str
    melden: ExternalLink | None
    kruimelpad: tuple[Link, ...]
    jsonld: Markup
    rechten: RightsView  # the rules in plain words and the dienstverleningsniveau badge (catalogus.site.rechten)
    intern: StaffView | None  # staff edition only (catalogus.site.staff)


RELATED_SHOWN = 5


def fiche_view(entry: Entry[Fiche], site: SiteContext, canonical_url: str | None) -> FicheView:
    fiche = entry.record
    text, catalogue = site.text, site.catalogue
    themas = tuple(site.term_link("themas", k) for k in fiche.themas)
    loket = site.loket_cards[fiche.loket] if fiche.loket else None
    aanbieder = provider_card(fiche.aanbieder, text) if fiche.aanbieder else None
    formulieren = tuple(ExternalLink(f.titel, f.url) for f in fiche.formulieren)
    costs, benefit = _costs(fiche, site), _benefit(fiche, site)
    changed = site.history.changed_or_reviewed(entry)
    reviewed = fiche.laatst_nagekeken != NOT_REVIEWED  # a draft in a concept site: never a date nobody reviewed
    where = _where(fiche, loket, aanbieder, site)
    return FicheView(
        titel=fiche.titel,
        samenvatting=fiche.samenvatting,
        kort=Summary(
            krijgt=_benefit_line(benefit, site),
            kosten=_cost_line(costs, where, site),
            kosten_bron=_linked_source(costs),
            voor_wie=tuple(site.term_link("doelgroepen", k) for k in fiche.doelgroepen),
            waar=where,
            aanvragen=text.inline(fiche.stappen[0]) if fiche.stappen else None,
            formulier=formulieren[0] if formulieren else None,
        ),
        body=text.block(entry.body) if entry.body.strip() else None,
        voor_wie=_block(site, fiche.voor_wie),
        voorwaarden=tuple(text.inline(v) for v in fiche.voorwaarden),
        uitzonderingen=_block(site, fiche.uitzonderingen),
        stopgezet=_stopped(fiche, site),
        ontvangt=benefit,
        kosten=costs,
        meebrengen=tuple(text.inline(v) for v in fiche.meebrengen),
        stappen=tuple(text.inline(v) for v in fiche.stappen),
        behandeltermijn=_block(site, fiche.behandeltermijn),
        bezwaar=_block(site, fiche.bezwaar_en_beroep),
        formulieren=formulieren,
        loket=loket,
        andere_loketten=tuple(site.loket_cards[i] for i in fiche.andere_loketten if i != fiche.loket),
        aanbieder=aanbieder,
        meer_info=tuple(ExternalLink(link.titel, link.url) for link in fiche.meer_info),
        regelgeving=tuple(Rule(r.titel, r.url) for r in fiche.regelgeving),
        feiten=tuple(_fact_line(catalogue.facts[name], site) for name in entry.facts if name in catalogue.facts),
        verwant=site.products(closest_related(entry, catalogue)),
        woorden=tuple(_word(written, w) for written, w in catalogue.glossary.used_in(citizen_texts(fiche, entry.body))),
        themas=themas,
        levensgebeurtenissen=tuple(site.term_link("levensgebeurtenissen", k) for k in fiche.levensgebeurtenissen),
        nagekeken=format_date(site.strings, fiche.laatst_nagekeken) if reviewed else "",
        nagekeken_iso=fiche.laatst_nagekeken.isoformat() if reviewed else "",
        gewijzigd=format_date(site.strings, changed) if changed != NOT_REVIEWED else "",
        gewijzigd_iso=changed.isoformat() if changed != NOT_REVIEWED else "",
        melden=report_link(fiche, site, canonical_url),
        kruimelpad=(site.home(), themas[0]),
        rechten=rights_view(entry, site),
        jsonld=script_body(government_service(fiche, catalogue, canonical_url)),
        intern=staff_view(entry, site),
    )


def _fact_line(item: InForce, site: SiteContext) -> FactLine:
    value = site.fact_texts[item.id]
    source = ExternalLink(item.value.bron.titel, item.value.bron.url)
    since = item.value.vanaf
    return FactLine(item.fact.omschrijving, value, format_date(site.strings, since), since.isoformat(), source, item.overdue)


def _word(written: str, entry: GlossaryEntry) -> Word:
    """'OCMW (openbaar centrum voor maatschappelijk welzijn)' when the page uses the short form."""
    same = written.casefold() == entry.term.casefold()
    return Word(entry.term if same else f"{written} ({entry.term})", entry.uitleg)


def citizen_texts(fiche: Fiche, body: str) -> list[str]:
    """Every text of the fiche a citizen reads, for the glossary."""
    groups = [group.toelichting for group in (fiche.kostprijs, fiche.ontvangt) if group is not None]
    single = [fiche.titel, fiche.samenvatting, body, fiche.voor_wie, fiche.uitzonderingen, *groups]
    single += [fiche.behandeltermijn, fiche.bezwaar_en_beroep]
    return [t for t in single if t] + [*fiche.voorwaarden, *fiche.meebrengen, *fiche.stappen]


def closest_related(entry: Entry[Fiche], catalogue: Catalogue) -> tuple[str, ...]:
    """At most five related fiches: most shared doelgroepen, thema's and levensgebeurtenissen first, then the
    order the editor listed them in, then the fiches that name this one (alphabetically)."""
    fiche = entry.record
    own = _terms(fiche)
    listed = {key: index for index, key in enumerate(fiche.verwante_producten)}
    candidates = catalogue.related.get(entry.id, ())
    order = {key: index for index, key in enumerate(candidates)}

    def closeness(key: str) -> tuple[int, int, int]:
        shared = len(own & _terms(catalogue.by_id[key].record))
        return (-shared, listed.get(key, len(listed)), order[key])

    return tuple(sorted(candidates, key=closeness)[:RELATED_SHOWN])


def _terms(fiche: Fiche) -> set[tuple[str, str]]:
    return {(name, key) for name in BROWSE_FIELDS for key in getattr(fiche, name)}


def _where(fiche: Fiche, loket: ContactCard | None, provider: ContactCard | None, site: SiteContext) -> Contact:
    """The loket, with today's hours; a fiche with only an external provider (or a loket without a phone that
    sends people to a provider that has one) shows the provider's phone."""
    card = loket or provider
    assert card is not None  # the model requires a loket or an aanbieder
    phone_card = card if card.phone or provider is None else provider
    today = _today(site.catalogue.loket(fiche.loket).record, site) if fiche.loket else None
    return Contact(card.name, card.url, phone_card.phone, phone_card.phone_href, today)


def _today(loket: Loket, site: SiteContext) -> str:
    strings = site.strings
    day = WEEKDAYS[site.today.weekday()]
    slots = [slot.replace("-", "–") for slot in loket.openingsuren.slots(day)]
    name = strings["weekdagen"][day]
    if not slots:
        return strings["kort"]["vandaag_gesloten"].format(dag=name)
    return strings["kort"]["vandaag_open"].format(dag=name, uren=f" {strings['loket']['en']} ".join(slots))


def _benefit_line(benefit: Benefit | None, site: SiteContext) -> Markup | None:
    """The first amount the citizen receives ('€ 1.288,46 per maand: alleenstaand'), as the cost line does."""
    if benefit is None or not benefit.amounts:
        return None
    return _amount_line(benefit.amounts, site)


def _amount_line(amounts: tuple[Amount, ...], site: SiteContext) -> Markup:
    strings, first = site.strings, amounts[0]
    amount = Markup("{}{}").format(strings["fiche"]["ongeveer"] + " " if first.approximate else "", first.amount)
    line = Markup(strings["kort"]["bedrag"]).format(bedrag=amount, omschrijving=first.label)
    if len(amounts) > 1:
        line += Markup(" ") + strings["kort"]["meer_bedragen"]
    return line


def _cost_line(costs: Costs | None, where: Contact, site: SiteContext) -> Markup:
    """Always an answer: 'Gratis', the editor's short answer, an amount, or what the price depends on with the
    phone number that tells it; never a pointer to the text further down."""
    if costs is None:
        return _ask_price(where, site)
    if costs.short:  # with a basis, the price is not public: the number that tells it follows
        return Markup("{} {}").format(costs.short, _ask_price(where, site)) if costs.basis else costs.short
    if costs.free:
        return Markup(escape(site.strings["fiche"]["gratis"]))
    if costs.amounts:
        line = _amount_line(costs.amounts, site)
        if costs.amounts[0].example:  # not this town's own price: say so, and who tells the real one
            return Markup("{} {} {}").format(line, site.strings["kort"]["voorbeeld"], _ask_price(where, site))
        return line
    if costs.basis:
        return Markup("{} {}").format(site.strings["kort"]["hangt_af_van"][costs.basis], _ask_price(where, site))
    return _ask_price(where, site)


def _linked_source(costs: Costs | None) -> ExternalLink | None:
    """The online source of the amount or of how the price is set, linked right after the answer; a source that
    is not online is named in "Wat kost het?" only."""
    if costs is None or costs.free or not (costs.short or costs.amounts) or costs.source is None:
        return None
    return costs.source if costs.source.href else None


def _ask_price(where: Contact, site: SiteContext) -> Markup:
    """'Bel 056 73 33 11: het loket zegt u het bedrag.', with the number as a link; without a phone, no number."""
    strings = site.strings["kort"]
    if not where.phone or not where.phone_href:
        return Markup(escape(strings["prijs_vragen"]))
    phone = Markup('<a class="catalogus-bel-prijs" href="{}">{}</a>').format(where.phone_href, where.phone)
    return Markup(escape(strings["prijs_bellen"])).replace("{telefoon}", phone)


def _block(site: SiteContext, value: str | None) -> Markup | None:
    return site.text.block(value) if value else None


def _costs(fiche: Fiche, site: SiteContext) -> Costs | None:
    cost = fiche.kostprijs
    if cost is None:
        return None
    return Costs(
        free=cost.gratis,
        amounts=tuple(_amount(b, format_amount(site.strings, b.amount), site) for b in cost.bedragen),
        note=_block(site, cost.toelichting),
        source=ExternalLink(cost.bron.titel, cost.bron.url) if cost.bron else None,
        short=site.text.inline(cost.kort) if cost.kort else None,
        basis=cost.hangt_af_van,
    )


def _amount(amount: Bedrag, text: str, site: SiteContext) -> Amount:
    """An amount as shown; one from the register says since when it applies, and is 'ongeveer' once it is older
    than the fact's revision period (it may have changed since)."""
    fact = site.catalogue.facts.get(amount.feit) if amount.feit else None
    since = format_date(site.strings, amount.sinds) if amount.sinds else None
    approximate = amount.ongeveer or (fact is not None and fact.overdue)
    return Amount(site.text.inline(amount.omschrijving), text, approximate, amount.voorbeeld, since)


def _benefit(fiche: Fiche, site: SiteContext) -> Benefit | None:
    benefit = fiche.ontvangt
    if benefit is None:
        return None
    periods = site.strings["fiche"]["per"]
    amounts = tuple(
        _amount(b, f"{format_amount(site.strings, b.amount)} {periods[b.per]}".strip(), site) for b in benefit.bedragen
    )
    source = ExternalLink(benefit.bron.titel, benefit.bron.url) if benefit.bron else None
    return Benefit(amounts, _block(site, benefit.toelichting), source)


def _stopped(fiche: Fiche, site: SiteContext) -> Stopped | None:
    if fiche.actief:
        return None
    strings = site.strings["fiche"]
    since = fiche.stopgezet.sinds if fiche.stopgezet else None
    message = strings["stopgezet_sinds"].format(datum=format_date(site.strings, since)) if since else strings["stopgezet"]
    successor = None
    if fiche.opvolger:
        other = site.catalogue.product(fiche.opvolger).record
        successor = Link(other.titel, urls.url(urls.product(other.id)))
    return Stopped(message, successor)


def report_link(fiche: Fiche, site: SiteContext, canonical_url: str | None) -> ExternalLink | None:
    """"Klopt er iets niet?": an e-mail to the town (or the town's own form), never a public issue tracker.

    The e-mail is prefilled with the page and asks not to write personal details: it goes to the town only,
    but a citizen of a social service should not have to tell their situation to report a wrong opening hour."""
    strings, melden = site.strings["fiche"], site.catalogue.config.melden
    if melden.formulier_url:
        return ExternalLink(strings["melden_formulier"], melden.formulier_url)
    if not melden.email:
        return None
    subject = strings["melden_onderwerp"].format(titel=fiche.titel)
    body = strings["melden_tekst"].format(titel=fiche.titel, url=canonical_url or fiche.id)
    query = urlencode({"subject": subject, "body": body}, quote_via=quote)
    return ExternalLink(strings["melden_email"], f"mailto:{melden.email}?{query}")
