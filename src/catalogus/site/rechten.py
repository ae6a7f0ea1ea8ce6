"""The rules on the site: a fiche's conditions in plain words, its dienstverleningsniveau badge, and the wizard.

Everything is generated from the validated `rechten` blocks and vragen.yml, in the site's language: every word
comes from translations/<taal>.yml (sections 'rechten' and 'wizard', and 'vragen' for the questions' own texts in
a language other than Dutch). The wizard page gets the compiled rules as JSON inside the page (no YAML and no extra
request in the browser); rechten-evaluate.js evaluates them.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from markupsafe import Markup

from catalogus.base.translations import format_amount, format_date, format_number
from catalogus.model import Fiche
from catalogus.model.catalogue import Entry
from catalogus.rules.compiled import compile_rule
from catalogus.rules.model import Grens, Rechten, Voorwaarde
from catalogus.rules.questions import Question
from catalogus.site import urls
from catalogus.site.context import ExternalLink, SiteContext

WIZARD = "waar-heb-ik-recht-op.md"
# The strings rechten-wizard.js shows (translations/<taal>.yml, section 'wizard'); the page itself uses the others.
BROWSER_STRINGS = (
    "vraag", "volgende", "overslaan", "klaar", "overgeslagen", "opnieuw", "wijzig", "wijzig_label", "ja", "nee",
    "samenvatting", "uitkomst", "uitkomst_uitleg", "omdat", "categorie", "niet_voldaan", "eenheid",
    "fout_getal", "fout_geheel", "fout_decimalen", "fout_keuze", "fout_datum", "fout_te_groot",
    "onderwerpen", "groepen", "samenvatting_al", "naar_resultaten", "voorbehoud", "nog_open", "vraag_na", "ontvangt",
    "eerste_stap", "benadering", "al_uitleg",
)
MONEY = "EUR"


@dataclass(frozen=True)
class ConditionView:
    text: str  # a leaf's sentence, or the heading of a group ("Aan minstens één van deze voorwaarden voldoen:")
    children: tuple[ConditionView, ...] = ()


@dataclass(frozen=True)
class CategoryView:
    naam: str
    toekenning: str
    geldig: str | None
    voorwaarde: ConditionView
    ook: str | None  # "De dienst kijkt ook naar …": what the service weighs that no question asks


@dataclass(frozen=True)
class RightsView:
    niveau: str
    niveau_label: str
    niveau_uitleg: str | None
    categorieen: tuple[CategoryView, ...]
    herkomst: str | None  # "De bedragen zijn benaderingen uit 2006."
    bron: ExternalLink | None
    bron_titel: str | None
    wizard_url: str


def rights_view(entry: Entry[Fiche], site: SiteContext) -> RightsView:
    fiche = entry.record
    strings = site.strings["rechten"]
    level = site.catalogue.vocabularies.terms("dienstverleningsniveau")[fiche.dienstverleningsniveau]
    rules = fiche.rechten
    categories: tuple[CategoryView, ...] = ()
    origin = source = title = None
    if rules is not None:
        words = _Words(site, rules)
        categories = tuple(
            CategoryView(
                naam=c.naam,
                toekenning=strings["toekenning"][c.toekenning],
                geldig=words.window(c.geldig_vanaf, c.geldig_tot),
                voorwaarde=words.condition(c.voorwaarde),
                ook=strings["ook"].format(tekst=c.dienst_kijkt_ook_naar) if c.dienst_kijkt_ook_naar else None,
            )
            for c in rules.categorieen
        )
        template = strings["benadering"] if rules.ongeveer else strings["bedragen_van"]
        origin = template.format(jaar=rules.jaar)
        source = ExternalLink(rules.bron.titel, rules.bron.url) if rules.bron.url else None
        title = rules.bron.titel
    return RightsView(
        niveau=fiche.dienstverleningsniveau,
        niveau_label=level.label,
        niveau_uitleg=level.uitleg,
        categorieen=categories,
        herkomst=origin,
        bron=source,
        bron_titel=title,
        wizard_url=urls.url(WIZARD),
    )


class _Words:
    """Plain words for one rule block: 'het kadastraal inkomen (KI) van uw eigendom is lager dan ongeveer € 750'.

    The sentences are templates of translations/<taal>.yml ('rechten'), the questions' words come from
    site.questions (vragen.yml, or the language's 'vragen' section): no word of a sentence is written here.
    """

    def __init__(self, site: SiteContext, rules: Rechten) -> None:
        self.strings = site.strings
        self.words = site.strings["rechten"]
        self.questions = site.questions
        self.rules = rules

    def window(self, start: dt.date | None, end: dt.date | None) -> str | None:
        parts = []
        if start:
            parts.append(self.words["vanaf"].format(datum=format_date(self.strings, start)))
        if end:
            parts.append(self.words["tot"].format(datum=format_date(self.strings, end)))
        return self.words["geldig"].format(periode=" ".join(parts)) if parts else None

    def condition(self, node: Voorwaarde) -> ConditionView:
        if node.vraag is None:
            heading = {"alle": "alle", "een_van": "een_van", "niet": "niet"}[node.combinator or "alle"]
            return ConditionView(self.words[heading], tuple(self.condition(child) for child in node.children()))
        return ConditionView(_sentence(self.leaf(node)))

    def leaf(self, node: Voorwaarde) -> str:
        question = self.questions[node.vraag or ""]
        op = node.operators()[0]
        value = node.operand(op)
        if question.soort == "ja_nee":
            return question.kort if value else self.words["niet_zo"].format(tekst=question.kort)
        if question.soort == "keuze":
            chosen = value if op == "is_een_van" else [value]
            labels = [question.keuzes[v].rstrip(".") for v in chosen]
            joined = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + f" {self.words['of']} " + labels[-1]
            return self.words["keuze"].format(vraag=question.kort, keuzes=joined)
        if question.soort == "datum":
            return self.words["datum_vergelijking"][op].format(vraag=question.kort, datum=format_date(self.strings, value))
        compared = self.limit(self.rules.grenzen[value], question) if isinstance(value, str) else self.amount(
            Decimal(str(value)), question
        )
        return self.words["vergelijking"][op].format(vraag=question.kort, waarde=compared)

    def limit(self, grens: Grens, question: Question) -> str:
        about = f"{self.words['ongeveer']} " if self.rules.ongeveer else ""
        parts = []
        for value in reversed(grens.waarden):  # the newest first
            amount = self.amount(value.bedrag, question)
            if value.per_persoon is not None and grens.per_persoon_vraag:
                count = self.questions[grens.per_persoon_vraag].kort
                per = self.amount(value.per_persoon, question, with_unit=False)
                amount = self.words["plus_per"].format(bedrag=amount, per=per, aantal=count)
            since = self.words["vanaf"].format(datum=format_date(self.strings, value.vanaf))
            parts.append(f"{about}{amount} ({since})")
        return self.words["scheiding"].join(parts)  # the newest value first, then the older ones

    def amount(self, value: Decimal, question: Question, with_unit: bool = True) -> str:
        unit = question.eenheid or ""
        if unit.startswith(MONEY):
            text = format_amount(self.strings, value)
            rest = unit.removeprefix(MONEY).strip()
            return f"{text} {rest}" if rest and with_unit else text
        number = format_number(self.strings, value)
        return f"{number} {unit}" if with_unit else number


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "?")) else ".")


@dataclass(frozen=True)
class OverviewItem:
    """One product on the wizard page without JavaScript: its conditions in plain words and a link to the fiche."""

    titel: str
    url: str
    samenvatting: str
    rechten: RightsView


@dataclass(frozen=True)
class WizardView:
    data: Markup  # the questions, the compiled rules and the strings, as JSON for <script type="application/json">
    count: int
    overzicht: tuple[OverviewItem, ...] = ()


def _receives(fiche: Fiche, site: SiteContext) -> list[str]:
    """What a "ja" gives, from the fiche's structured 'ontvangt' (amounts first, else its explanation)."""
    benefit = fiche.ontvangt
    if benefit is None:
        return [site.text.plain(fiche.samenvatting)]  # no structured amounts: what the fiche says it is
    periods = site.strings["fiche"]["per"]
    about = site.strings["rechten"]["ongeveer"]
    amounts = [
        f"{site.text.plain(b.omschrijving)}: {about + ' ' if b.ongeveer else ''}"
        f"{format_amount(site.strings, b.amount)} {periods[b.per]}".strip()
        for b in benefit.bedragen
    ]
    if amounts:
        return amounts
    return [site.text.plain(benefit.toelichting)] if benefit.toelichting else []


def _contact(fiche: Fiche, site: SiteContext) -> str | None:
    """Whom to ask: the fiche's loket (with its phone number), or the external provider."""
    if fiche.loket and fiche.loket in site.loket_cards:
        card = site.loket_cards[fiche.loket]
        return f"{card.name} ({card.phone})" if card.phone else card.name
    if fiche.aanbieder is not None:
        phone = fiche.aanbieder.telefoon
        return f"{fiche.aanbieder.naam} ({phone})" if phone else fiche.aanbieder.naam
    return None


def wizard_view(site: SiteContext) -> WizardView:
    """The wizard's data: the browser evaluates these compiled rules itself, with rechten-evaluate.js."""
    products = site.catalogue.with_rules()
    data = {
        "vragen": {
            key: {
                "label": q.label,
                "hulp": q.hulp,
                "soort": q.soort,
                "eenheid": q.eenheid,
                "geheel": q.geheel,
                "keuzes": [{"waarde": k, "label": v} for k, v in q.keuzes.items()],
                "kort": q.kort,
                "onderwerp": q.onderwerp,
                "groep": q.groep,
                "dan": q.dan,
            }
            for key, q in site.questions.items()
        },
        "producten": [
            {
                "id": entry.id,
                "titel": entry.record.titel,
                "url": urls.url(urls.product(entry.id)),
                "regel": compile_rule(entry.id, rechten),
                "ontvangt": _receives(entry.record, site),
                "eerste_stap": site.text.plain(entry.record.stappen[0]) if entry.record.stappen else None,
                "contact": _contact(entry.record, site),
            }
            for entry, rechten in products
        ],
        "teksten": {
            **{key: site.strings["wizard"][key] for key in BROWSER_STRINGS},
            "toekenning": site.strings["rechten"]["toekenning"],
        },
    }
    overview = tuple(
        OverviewItem(
            entry.record.titel,
            urls.url(urls.product(entry.id)),
            site.text.plain(entry.record.samenvatting),
            rights_view(entry, site),
        )
        for entry, _ in products
    )
    return WizardView(script_json(data), len(products), overview)


def script_json(data: Any) -> Markup:
    """JSON that is safe inside <script type="application/json">: no '<' can close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
