"""The output of `catalogus proactief`: the invitations, the letters and their mail-merge file, the bad rows.

The invitations hold the household id, product, category and reason codes only, never an answer. Letters are
written only when the town's settings say on what the use of the data rests and how a citizen objects to it
(proactief.rechtsgrond, proactief.bezwaar): every letter must state both. The letters are printable HTML
(brief.html.j2, autoescaped: no setting or fiche text can become markup), at most LETTERS_PER_FILE per file so
a browser can print them; samenvoegen.csv carries the same texts for the town's own letter system, which adds
the name and address by the household id. Each product and loket is rendered once, and each letter's frame once
per number of products and loketten; per household those pieces are only joined with its id, so writing keeps
pace with the evaluation (the size of the output, not the rendering, sets the time).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import itertools
import operator
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from babel.dates import format_date
from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError, TemplateNotFound
from markupsafe import escape

from catalogus.base.bulk import without_cycle_collector
from catalogus.base.markup import render_inline
from catalogus.base.translations import format_amount
from catalogus.model import WEEKDAYS, Fiche
from catalogus.model.catalogue import Catalogue
from catalogus.model.config import Proactief
from catalogus.outreach.batch import Outreach, ProductResult
from catalogus.outreach.columns import Summary
from catalogus.site import urls
from catalogus.site.cards import address_lines
from catalogus.site.text import plain_text

LETTER_TEMPLATE = Path(__file__).with_name("brief.html.j2")
# The template's blocks: one letter, and in it one product and one loket. Each product and loket is rendered once,
# each letter's frame once per number of products and loketten; a letter is those pieces joined, with its id.
LETTER_BLOCK, PRODUCT_BLOCK, DESK_BLOCK = "brief", "product", "loket"
LETTER_MARK, ID_MARK, PRODUCT_MARK, DESK_MARK = "\x00brief\x00", "\x00huishouden\x00", "\x00product\x00", "\x00loket\x00"
ID_SLOT, PRODUCT_SLOT, DESK_SLOT = (mark.encode() for mark in (ID_MARK, PRODUCT_MARK, DESK_MARK))
SLOTS = re.compile(b"(" + b"|".join((ID_SLOT, PRODUCT_SLOT, DESK_SLOT)) + b")")
FRAME = (  # the town's template with marks where a letter's id, products and loketten go, the letter between two
    "{% extends letter %}"
    f"{{% block {LETTER_BLOCK} %}}{LETTER_MARK}{{{{ super() }}}}{LETTER_MARK}{{% endblock %}}"
    f"{{% block {PRODUCT_BLOCK} %}}{PRODUCT_MARK}{{% endblock %}}"
    f"{{% block {DESK_BLOCK} %}}{DESK_MARK}{{% endblock %}}"
)
OUTSIDE_BLOCKS = "gebruik de gegevens van een product in het blok product en die van een loket in het blok loket"
LETTERS_PER_FILE = 500
LETTER_FILES = "brieven-{:03d}.html"
MERGE_FILE = "samenvoegen.csv"
MERGE_COMMON = ("datum", "organisatie", "rechtsgrond", "bezwaar")  # the same in every row
MERGE_FIELDS = ("titel", "waarom", "ontvangt", "aanvragen", "loket", "telefoon", "regelgeving", "url")
CSV_SPECIAL = re.compile(r'[;"\r\n]')  # a cell with one of these is quoted in the output
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # a cell Excel would run as a formula
LOCALE = "nl_BE"  # the letters are Dutch
AMOUNTS = {"getalnotatie": LOCALE}  # the one string format_amount reads: amounts as the site writes them
PER = {"maand": "per maand", "jaar": "per jaar", "eenmalig": "eenmalig"}
REQUIRED = {  # the settings every letter states, with what the town fills in
    "rechtsgrond": "waarop het gebruik van de gegevens steunt, bv. de beslissing van de raad en haar datum",
    "bezwaar": "hoe een burger bezwaar maakt tegen dat gebruik: adres, e-mail of telefoon",
}


@dataclass(frozen=True)
class Desk:
    """Where the citizen applies or asks: the fiche's loket, or else its external provider."""

    naam: str
    adres: tuple[str, ...]
    telefoon: str | None
    email: str | None
    uren: tuple[tuple[str, str], ...]  # days with the same hours, and those: ("maandag en woensdag", "08:30–12:00 en …")
    uitzonderingen: str | None  # holidays, by appointment only…


@dataclass(frozen=True)
class LetterProduct:
    """One product in a letter, in plain words: why this household, what it gets, how and where to apply."""

    titel: str
    categorie: str
    toekenning: str | None
    redenen: tuple[str, ...]
    bedragen: tuple[str, ...]  # what the household receives: "Alleenstaand: ongeveer € 1.288,46 per maand."
    ontvangt: str | None  # and the fiche's explanation of it
    stappen: tuple[str, ...]
    formulieren: tuple[str, ...]
    loket: Desk | None
    regelgeving: tuple[str, ...]
    url: str


@dataclass(frozen=True)
class Piece:
    """One product as every letter with it holds it: its HTML, its mail-merge cells, its loket (an index)."""

    html: bytes
    cells: bytes  # MERGE_FIELDS, each after a ';'
    desk: int | None


@without_cycle_collector()
def write(outreach: Outreach, catalogue: Catalogue, target: Path, template: Path | None) -> str | None:
    """Write the output files. Returns None when the letters were written too, otherwise why not (in Dutch, for the
    command to print): the invitations are written either way."""
    target.mkdir(parents=True, exist_ok=True)
    line = _csv_line()
    id_cells = [_id_cell(line, household) for household in outreach.households.ids]  # the first cell of their rows
    with (target / "uitnodigingen.csv").open("w", encoding="utf-8", newline="") as handle:
        handle.write(line(["huishouden", "product", "categorie", "toekenning", "redenen"]))
        for product in outreach.products:  # the rest of a row is formatted once per code, the id once per household
            rest = {code: line(["", product.product_id, s[1], s[2], "+".join(s[3])]) for code, s in product.decided.items()}
            households, codes = product.invitations.T.tolist() if len(product.invitations) else ([], [])
            handle.writelines(map(operator.add, map(id_cells.__getitem__, households), map(rest.__getitem__, codes)))
    _remove_letters(target)  # a previous run's letters may invite a household that objected since
    outreach.letters = 0
    why_not = _missing_settings(catalogue.config.proactief)
    if why_not is None:
        try:
            outreach.letters = _write_letters(outreach, catalogue, target, template, id_cells)
        except TemplateError as exc:
            _remove_letters(target)  # a template that fails on one letter leaves none
            why_not = _template_problem(template or LETTER_TEMPLATE, exc)
    with (target / "ongeldige-regels.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["bestand", "regel", "reden"])
        for problem in outreach.problems:
            writer.writerow([problem.file, problem.row, problem.reason])
    with (target / "niet-gevonden.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")  # bezwaren and bediend rows matching no household: lines, no ids
        writer.writerow(["bestand", "regel"])
        for name, unmatched in outreach.unmatched.items():
            writer.writerows([name, line] for line in unmatched)
    return why_not


def _remove_letters(target: Path) -> None:
    for old in [*target.glob("brieven-[0-9][0-9][0-9]*.html"), target / MERGE_FILE]:
        old.unlink(missing_ok=True)


def _missing_settings(settings: Proactief) -> str | None:
    missing = [f"proactief.{name} ({hint})" for name, hint in REQUIRED.items() if not getattr(settings, name)]
    if not missing:
        return None
    return (
        f"geen brieven gemaakt: vul in catalogus.yml {' en '.join(missing)} in. Elke brief moet zeggen waarop het "
        "gebruik van de gegevens steunt en hoe de burger bezwaar maakt. De uitnodigingen staan wel in uitnodigingen.csv."
    )


def _template_problem(path: Path, exc: TemplateError) -> str:
    if isinstance(exc, TemplateNotFound):
        return f"geen brieven gemaakt: het briefsjabloon {path} bestaat niet"
    line = getattr(exc, "lineno", None)
    return f"geen brieven gemaakt: het briefsjabloon {path} werkt niet: {exc.message}" + (f" (regel {line})" if line else "")


def _csv_line() -> Callable[[Sequence[str | None]], str]:
    """A function that formats one row as the csv module writes it (';', quotes where needed, CRLF)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")

    def line(cells: Sequence[str | None]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(cells)
        return buffer.getvalue()

    return line


def _cell(text: str) -> str:
    """A cell Excel shows as text: one that starts like a formula gets an apostrophe before it."""
    return "'" + text if text.startswith(FORMULA_START) else text


def _id_cell(line: Callable[[Sequence[str | None]], str], household: str) -> str:
    """The first cell of a row, quoted only when it has to be (the rest of the row starts with its ';')."""
    cell = _cell(household)
    return line([cell])[:-2] if CSV_SPECIAL.search(cell) else cell


def _write_letters(
    outreach: Outreach, catalogue: Catalogue, target: Path, template: Path | None, id_cells: list[str]
) -> int:
    """One letter per invited household, in the order of their ids, LETTERS_PER_FILE to a file, and its row in the
    mail-merge file: per household only the pieces are joined (see LETTER_BLOCK)."""
    folder, name = (template.parent, template.name) if template else (LETTER_TEMPLATE.parent, LETTER_TEMPLATE.name)
    env = Environment(
        loader=FileSystemLoader(str(folder)), undefined=StrictUndefined, autoescape=True, trim_blocks=True, lstrip_blocks=True
    )
    letter = env.get_template(name)
    for block in (LETTER_BLOCK, PRODUCT_BLOCK):
        if block not in letter.blocks:
            raise TemplateError(f"het heeft geen {{% block {block} %}}")
    config = catalogue.config
    common = {
        "organisatie": config.organisatie,
        "gemeente": config.gemeente,
        "datum": format_date(dt.date.fromisoformat(outreach.day), format="long", locale=LOCALE),
        "rechtsgrond": config.proactief.rechtsgrond,
        "bezwaar": config.proactief.bezwaar,
    }
    ids, products = outreach.households.ids, outreach.products
    per_product = [product.invited() for product in products]
    invited = sorted(set().union(*per_product), key=ids.__getitem__)
    # Per invited household, per product: the code of its invitation, or None.
    keys = list(zip(*(map(chosen.get, invited) for chosen in per_product), strict=True))
    line = _csv_line()
    desks: dict[Desk, int] = {}
    desk_html: list[bytes] = []

    def render(block: str, values: dict[str, object]) -> bytes:
        return "".join(letter.blocks[block](letter.new_context({**common, **values}))).encode("utf-8")

    def piece(index: int, code: int) -> Piece:
        product = products[index]
        item = _letter_item(catalogue, catalogue.product(product.product_id).record, product, product.decided[code])
        if item.loket is not None and item.loket not in desks:
            desks[item.loket] = len(desk_html)
            desk_html.append(render(DESK_BLOCK, {"loket": item.loket}) if DESK_BLOCK in letter.blocks else b"")
        cells = line(["", *map(_cell, _merge_cells(item))])[:-2].encode("utf-8")
        return Piece(render(PRODUCT_BLOCK, {"p": item}), cells, desks[item.loket] if item.loket else None)

    framed = env.from_string(FRAME)
    shown = StrictUndefined(hint=OUTSIDE_BLOCKS)  # what the frame gets for a product or a loket

    def frame(products_here: int, desks_here: int) -> tuple[bytes, bytes, list[int], bytes]:
        """The file's head and tail, and the letter as a %-format with, per %b, the index of what goes there in
        [id, *products, *loketten]."""
        values = {"huishouden": ID_MARK, "producten": [shown] * products_here, "loketten": [shown] * desks_here}
        document = framed.render(letter=letter, **common, **values).split(LETTER_MARK)
        if len(document) != 3:
            raise TemplateError(f"het blok {LETTER_BLOCK} moet er precies één keer in staan")
        parts = SLOTS.split(document[1].encode("utf-8"))
        if ID_SLOT not in parts:
            raise TemplateError("het zet {{ huishouden }} niet in de brief; zonder dat nummer hoort een brief bij niemand")
        if parts.count(PRODUCT_SLOT) != products_here or parts.count(DESK_SLOT) not in (0, desks_here):
            raise TemplateError(f"zet het blok {PRODUCT_BLOCK} één keer per product en het blok {DESK_BLOCK} één keer per loket")
        counters = {ID_SLOT: itertools.repeat(0), PRODUCT_SLOT: itertools.count(1), DESK_SLOT: itertools.count(1 + products_here)}
        order = [next(counters[slot]) for slot in parts[1::2]]
        text = b"%b".join(part.replace(b"%", b"%%") for part in parts[0::2])
        return document[0].encode("utf-8"), text, order, document[2].encode("utf-8")

    pieces: dict[tuple[int, int], Piece] = {}
    frames: dict[tuple[int, int], tuple[bytes, bytes, list[int], bytes]] = {}
    slots = max((len(key) - key.count(None) for key in keys), default=0)
    header = ["huishouden", *MERGE_COMMON, "aantal_producten"]
    header += [f"product_{n}_{field}" for n in range(1, slots + 1) for field in MERGE_FIELDS]
    common_cells = line(["", *(_cell(common[name]) for name in MERGE_COMMON)])[:-2].encode("utf-8")
    with (target / MERGE_FILE).open("wb") as merge:  # UTF-8 with a BOM and ';', as Excel and Word read it
        merge.write(codecs.BOM_UTF8 + line(header).encode("utf-8"))
        for number, start in enumerate(range(0, len(invited), LETTERS_PER_FILE), start=1):
            written = []
            chunk = slice(start, start + LETTERS_PER_FILE)
            for household, key in zip(invited[chunk], keys[chunk], strict=True):
                chosen = []
                for index, code in enumerate(key):
                    if code is not None:
                        if (index, code) not in pieces:
                            pieces[index, code] = piece(index, code)
                        chosen.append(pieces[index, code])
                here = list(dict.fromkeys(p.desk for p in chosen if p.desk is not None))
                shape = (len(chosen), len(here))
                if shape not in frames:
                    frames[shape] = frame(*shape)
                head, text, order, tail = frames[shape]
                number_html = str(escape(ids[household])).encode("utf-8")
                values = [number_html, *(p.html for p in chosen), *map(desk_html.__getitem__, here)]
                written.append(text % tuple(map(values.__getitem__, order)))
                cells = [id_cells[household].encode("utf-8"), common_cells, b";%d" % len(chosen)]
                cells += [p.cells for p in chosen] + [b";" * len(MERGE_FIELDS) * (slots - len(chosen)), b"\r\n"]
                merge.write(b"".join(cells))
            (target / LETTER_FILES.format(number)).write_bytes(head + b"".join(written) + tail)
    return len(invited)


def _merge_cells(item: LetterProduct) -> list[str]:
    """One product's cells in the mail-merge file (MERGE_FIELDS), each on one line."""
    desk = item.loket
    steps = [f"{n}. {step}" for n, step in enumerate(item.stappen, start=1)]
    forms = [f"Formulier: {form}." for form in item.formulieren]
    where = ""
    if desk:
        hours = [f"Open: {'; '.join(f'{days}: {times}' for days, times in desk.uren)}."] if desk.uren else []
        where = " ".join([", ".join([desk.naam, *desk.adres]) + ".", *hours, *filter(None, [desk.uitzonderingen])])
    return [
        item.titel,
        " ".join(item.redenen),
        " ".join([*item.bedragen, *filter(None, [item.ontvangt])]),
        " ".join(steps + forms),
        where,
        (desk.telefoon or "") if desk else "",
        "; ".join(item.regelgeving),
        item.url,
    ]


def _words(text: str) -> str:
    """An editor's Markdown as the plain words a reader sees on the site (a letter is paper, not a page)."""
    return plain_text(render_inline(text))


def _letter_item(catalogue: Catalogue, fiche: Fiche, product: ProductResult, summary: Summary) -> LetterProduct:
    _, category, grant, reasons = summary
    assert category is not None  # an invitation is a yes, and a yes always names the category that decided it
    benefit = fiche.ontvangt
    amounts = [
        f"{_words(a.omschrijving)}: {'ongeveer ' if a.ongeveer else ''}{format_amount(AMOUNTS, a.amount)} {PER[a.per]}."
        for a in (benefit.bedragen if benefit else ())
    ]
    return LetterProduct(
        titel=product.title,
        categorie=product.category_names[category],
        toekenning=grant,
        redenen=tuple(_words(product.explained[r]) for r in reasons),
        bedragen=tuple(amounts),
        ontvangt=_words(benefit.toelichting) if benefit and benefit.toelichting else None,
        stappen=tuple(map(_words, fiche.stappen)),
        formulieren=tuple(f"{_words(form.titel)} ({form.url})" for form in fiche.formulieren),
        loket=_desk(catalogue, fiche),
        regelgeving=tuple(_words(law.titel) for law in fiche.regelgeving),
        url=urls.absolute(catalogue.config, urls.fiche_page(product.product_id)),
    )


def _desk(catalogue: Catalogue, fiche: Fiche) -> Desk | None:
    if fiche.loket:
        loket = catalogue.loket(fiche.loket).record
        hours = loket.openingsuren
        days: dict[tuple[str, ...], list[str]] = {}  # days with the same hours share a line: a letter is short
        for day in WEEKDAYS:
            if hours.slots(day):
                days.setdefault(tuple(s.replace("-", "–") for s in hours.slots(day)), []).append(day)
        lines = tuple((_listed(named), " en ".join(slots)) for slots, named in days.items())
        extra = _words(hours.uitzonderingen) if hours.uitzonderingen else None
        return Desk(loket.naam, address_lines(loket.adres), loket.telefoon, loket.email, lines, extra)
    provider = fiche.aanbieder
    if provider is None:
        return None
    address = address_lines(provider.adres) if provider.adres else ()
    return Desk(provider.naam, address, provider.telefoon, provider.email, (), None)


def _listed(words: list[str]) -> str:
    """'maandag', 'maandag en woensdag', 'maandag, dinsdag en vrijdag'."""
    return " en ".join([", ".join(words[:-1]), words[-1]] if len(words) > 1 else words)
