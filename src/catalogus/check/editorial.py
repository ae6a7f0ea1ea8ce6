"""Rules that keep content honest: what a citizen reads must be short, sourced and point at the real text.

These are editorial rules on a fiche that already passed the model: a summary is one sentence, an amount
written in a text needs an official source, a legal or "more info" link leads to the text itself and not to a
portal's home page, citizen text has no internal doubt and says "u". Each finding names the field and line.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from catalogus.base.findings import Finding, error, warning
from catalogus.load.sources import KeyPath, Source, field_name
from catalogus.model import Fiche
from catalogus.model.config import TownConfig

# A sentence ends at . ! or ? followed by a capital, a digit or a quote; "bv. De" and "nr. 5" do not end one.
ABBREVIATIONS = ("bv", "bijv", "nr", "ca", "o.a", "enz", "art", "vb", "d.w.z", "m.a.w", "vzw", "t.e.m", "t.a.v")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“(]?[A-ZÀ-Ý0-9])")
ABBREVIATION_END = re.compile(r"(?:^|[\s(])(?:" + "|".join(re.escape(a) for a in ABBREVIATIONS) + r")\.$", re.I)
AMOUNT = re.compile(r"€|\beuro(?:'s)?\b|\bEUR\b", re.I)
DOUBT = re.compile(
    r"\b(?:weten we niet(?: zeker)?|weten wij niet(?: zeker)?|voor zover (?:wij|we) weten|niet zeker of|"
    r"staat niet (?:meer )?in onze bronnen)\b",
    re.I,
)
INFORMAL = re.compile(r"\b(?:je|jij|jou|jouw|jullie)\b", re.I)
# "Wat kost het?" answered by a pointer ("zie de uitleg hieronder", "zie verder", "zie tekst") instead of a price.
SEE_BELOW = re.compile(r"\bzie\s+(?:de\s+)?(?:uitleg|tekst|toelichting|info(?:rmatie)?|hieronder|onder|verder|boven)\b", re.I)
# Fields whose text is a label or a name, not a sentence that can hold an amount or a doubt.
NOT_PROSE = {"id", "titel", "sleutelwoorden", "eigenaar", "naam", "omschrijving", "telefoon", "email", "ipdc_concept_id"}
URL_KEYS = {"url", "website"}
SOURCED_GROUPS = ("kostprijs", "ontvangt")
# A law's link must lead to its text, and a source ('bron': of an amount, of the conditions in 'rechten') to the
# page that states the fact: never to a home page. A "more information" link may lead to an organisation's own
# site (a helpline, a CAW), but not to the home page of a portal that holds thousands of pages: the legal portals,
# the general government portals, and the town's own website.
PORTALS = frozenset(
    {
        "www.ejustice.just.fgov.be",
        "ejustice.just.fgov.be",
        "codex.vlaanderen.be",
        "etaamb.openjustice.be",
        "eur-lex.europa.eu",
        "www.vlaanderen.be",
        "www.belgium.be",
        "justitie.belgium.be",
    }
)
LEGAL_LINKS = ("regelgeving",)
SOURCE_KEY = "bron"  # kostprijs.bron, ontvangt.bron, rechten.bron, bedragen.N.bron: wherever a source is named
INFO_LINKS = ("meer_info",)
# A site's start page: no path, '/', a language root (/nl, /nl/, /fr/, /en, /nl-be) or the start page's file name.
HOME_PATH = re.compile(r"/?(?:(?:nl|fr|en|de)(?:-be)?/?)?(?:index\.(?:html?|php|aspx?))?", re.I)
# A portal's section page lists other pages and states no amount or condition, so it is no source and no law's text
# either. Named one by one, each because it was given as a source of a fact: host and path (without a language root
# or a closing '/'), with what the editor reads in the message.
PORTAL_PAGES = {
    # The theme 'Bouwen, wonen en energie' of the Flemish portal: given as the source of the conformiteitsattest fee
    # and of several housing premiums; the facts are on the pages below it, never on it.
    ("www.vlaanderen.be", "/bouwen-wonen-en-energie"): "het overzicht 'Bouwen, wonen en energie' van vlaanderen.be",
}


def fiche_findings(source: Source, fiche: Fiche, config: TownConfig) -> list[Finding]:
    """Every editorial finding on one validated fiche."""
    findings = _summary_findings(source, fiche)
    portals = PORTALS | {urlsplit(config.gemeente_website).hostname or ""} - {""}
    for loc, scalar in source.scalars.items():
        if scalar.tag != "str" or not loc:
            continue
        if loc[-1] in URL_KEYS:
            findings += _home_page_findings(source, loc, scalar.text, portals)
        elif not (set(map(str, loc)) & NOT_PROSE):
            findings += _prose_findings(source, fiche, loc, scalar.text)
    findings += _body_findings(source, fiche)
    findings += _cost_answer_findings(source, fiche)
    return findings


def _cost_answer_findings(source: Source, fiche: Fiche) -> list[Finding]:
    """'Wat kost het?' is answered at the top of the fiche: by 'gratis', an amount, 'kort' or 'hangt_af_van'.
    A cost text that points elsewhere ('zie de uitleg hieronder') is refused; a fiche whose only answer is the
    long 'toelichting' gets a warning, because the top of its page can then only say "bel het loket"."""
    cost = fiche.kostprijs
    if cost is None:
        return []
    findings = []
    for name in ("kort", "toelichting"):
        text = getattr(cost, name)
        pointer = SEE_BELOW.search(text) if text else None
        if pointer:
            line, column = source.line_of(("kostprijs", name))
            findings.append(
                error(
                    source.path,
                    line,
                    f"kostprijs.{name}",
                    f"'{pointer.group()}' is geen antwoord op 'Wat kost het?'; schrijf wat het kost: 'gratis: true', "
                    "de 'bedragen', of in 'kort' hoe de prijs bepaald wordt (bv. 'U betaalt per uur, volgens uw "
                    "inkomen.'), en zet bij 'hangt_af_van' inkomen, situatie of aanbieder als het loket de prijs zegt",
                    column,
                )
            )
    if not (cost.gratis or cost.bedragen or cost.kort or cost.hangt_af_van):
        line, column = source.line_of(("kostprijs",))
        findings.append(
            warning(
                source.path,
                line,
                "kostprijs",
                "bovenaan de fiche staat alleen 'bel het loket' als prijs; zeg in 'kort' in één zin wat het kost, of "
                "zet bij 'hangt_af_van' waarvan de prijs afhangt (inkomen, situatie of aanbieder)",
                column,
            )
        )
    return findings


def sentences(text: str) -> list[str]:
    """The sentences of a short text; abbreviations such as 'bv.' do not end a sentence."""
    parts: list[str] = []
    for piece in SENTENCE_END.split(text.strip()):
        if parts and ABBREVIATION_END.search(parts[-1]):
            parts[-1] += " " + piece
        else:
            parts.append(piece)
    return [p for p in parts if p]


def _summary_findings(source: Source, fiche: Fiche) -> list[Finding]:
    count = len(sentences(fiche.samenvatting))
    if count <= 1:
        return []
    line, column = source.line_of(("samenvatting",))
    message = (
        f"de samenvatting heeft {count} zinnen; schrijf één zin die zegt wat de burger krijgt, "
        "en zet de rest in de tekst of bij 'voorwaarden'"
    )
    return [error(source.path, line, "samenvatting", message, column)]


def _has_source(fiche: Fiche, loc: KeyPath) -> bool:
    """An amount in a group's text needs that group's 'bron'; elsewhere any 'bron' of the fiche counts."""
    groups = {name: getattr(fiche, name) for name in SOURCED_GROUPS}
    if loc and loc[0] in groups:
        return groups[loc[0]] is not None and groups[loc[0]].bron is not None
    return any(group is not None and group.bron is not None for group in groups.values())


def _prose_findings(source: Source, fiche: Fiche, loc: KeyPath, text: str) -> list[Finding]:
    line, column = source.line_of(loc)
    return _text_rules(source, fiche, loc, text, field_name(loc), line, column)


def _body_findings(source: Source, fiche: Fiche) -> list[Finding]:
    findings = []
    for offset, paragraph in _paragraphs(source.body):
        line = source.body_line + source.body.count("\n", 0, offset)
        findings += _text_rules(source, fiche, (), paragraph, "tekst", line, 0)
    return findings


def _paragraphs(body: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*", body)]


def _text_rules(
    source: Source, fiche: Fiche, loc: KeyPath, text: str, field: str, line: int, column: int
) -> list[Finding]:
    findings = []
    for words in source.facts.values():  # a register fact's value has its source on the page (feiten.yml)
        text = text.replace(words, "")
    amount = AMOUNT.search(text)
    if amount and not _has_source(fiche, loc):
        where = f"'{loc[0]}.bron'" if loc and loc[0] in SOURCED_GROUPS else "'kostprijs.bron' of 'ontvangt.bron'"
        findings.append(
            error(
                source.path,
                line,
                field,
                f"deze tekst noemt een bedrag ('{amount.group()}') zonder bron; geef de officiële bron bij {where}, "
                "of laat het bedrag weg. Is het bedrag een benadering? Vermeld dan ook het jaar",
                column,
            )
        )
    doubt = DOUBT.search(text)
    if doubt:
        findings.append(
            warning(
                source.path,
                line,
                field,
                f"'{doubt.group()}' is twijfel van de redactie, geen informatie voor de burger; zoek het na en "
                "schrijf wat vaststaat, of laat het weg",
                column,
            )
        )
    informal = INFORMAL.search(text)
    if informal:
        findings.append(
            warning(
                source.path, line, field, f"'{informal.group()}': spreek de lezer aan met 'u' en 'uw'", column
            )
        )
    return findings


def _home_page_findings(source: Source, loc: KeyPath, url: str, portals: frozenset[str]) -> list[Finding]:
    is_source = SOURCE_KEY in loc
    legal = loc[0] in LEGAL_LINKS
    # A source or a law's text is never a home page nor a portal's section page; a "more information" link may be an
    # organisation's own site, but not the home page of a portal that holds thousands of pages.
    page = portal_page(url) if (is_source or legal) else None
    if page is None and not is_home_page(url):
        return []
    if page is None:
        portal = (urlsplit(url).hostname or "").lower() in portals
        if not (legal or is_source or (loc[0] in INFO_LINKS and portal)):
            return []
    line, column = source.line_of(loc)
    what = page or "de startpagina van een website"
    if is_source:
        message = (
            f"'{url}' is {what}: daar staat het bedrag of de voorwaarde van deze bron niet, de lezer moet het zelf "
            "zoeken. Link de pagina die het bedrag of de voorwaarde vermeldt; bestaat zo'n pagina niet, of kent u ze "
            "niet zeker, laat de url dan weg en houd alleen de titel: een bron met een naam en zonder link is beter "
            "dan een link die het feit niet toont"
        )
    else:
        target = "de wet of het reglement" if legal else "de pagina over dit onderwerp"
        message = (
            f"'{url}' is {what}, niet {target}; geef de rechtstreekse link. "
            "Kent u die niet zeker? Laat de url dan weg: een naam zonder link is beter dan een verkeerde link"
        )
    return [warning(source.path, line, field_name(loc), message, column)]


def source_link_findings(source: Source) -> list[Finding]:
    """Every source link ('bron.url') of a settings file, such as the register of facts, that is a home page or
    a portal's section page; a fiche's sources are checked with its other links in `fiche_findings`."""
    return [
        finding
        for loc, scalar in source.scalars.items()
        if loc and loc[-1] in URL_KEYS and SOURCE_KEY in loc and scalar.tag == "str"
        for finding in _home_page_findings(source, loc, scalar.text, frozenset())
    ]


def is_home_page(url: str) -> bool:
    """A site's start page, in any of its languages: https://www.riziv.fgov.be, …/, …/nl, …/fr/, …/index.html."""
    parts = urlsplit(url)
    return (
        parts.scheme in ("http", "https")
        and HOME_PATH.fullmatch(parts.path) is not None
        and not parts.query
        and not parts.fragment
    )


def portal_page(url: str) -> str | None:
    """What a portal's section page is (see PORTAL_PAGES), whatever its language root or closing '/'; else None."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.query or parts.fragment:
        return None
    path = re.sub(r"^/(?:nl|fr|en|de)(?:-be)?(?=/)", "", parts.path, flags=re.I).rstrip("/").lower()
    return PORTAL_PAGES.get(((parts.hostname or "").lower(), path))
