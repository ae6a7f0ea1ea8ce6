"""The output of `catalogus proactief`: the invitations, one mail-merge letter per invited household, the bad rows.

The invitations hold the household id, product, category and reason codes only, never an answer. Letters are
rendered once per distinct set of invitations and an invitation row once per code; per household only its id is
put in, so writing keeps pace with the evaluation.
"""

from __future__ import annotations

import csv
import io
import itertools
import operator
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from types import SimpleNamespace

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from catalogus.base.bulk import without_cycle_collector
from catalogus.model import Fiche
from catalogus.model.catalogue import Catalogue
from catalogus.outreach.batch import Outreach, ProductResult
from catalogus.outreach.grouping import Summary

LETTER_TEMPLATE = Path(__file__).with_name("brief.txt.j2")
ID_SENTINEL = "\x00huishouden\x00"
CSV_SPECIAL = re.compile(r'[;"\r\n]')  # a cell with one of these is quoted in the output
LETTERS_PER_WRITE = 2000


@without_cycle_collector()
def write(outreach: Outreach, catalogue: Catalogue, target: Path, template: Path | None) -> None:
    target.mkdir(parents=True, exist_ok=True)
    ids = outreach.households.ids
    with (target / "uitnodigingen.csv").open("w", encoding="utf-8", newline="") as handle:
        line = _csv_line()
        handle.write(line(["huishouden", "product", "categorie", "toekenning", "redenen"]))
        for product in outreach.products:  # the rest of a row is formatted once per code, the id once per household
            rest = {code: line(["", product.product_id, s[1], s[2], "+".join(s[3])]) for code, s in product.decided.items()}
            households, codes = zip(*product.invitations, strict=True) if product.invitations else ((), ())
            cells = (line([ids[i]])[:-2] if CSV_SPECIAL.search(ids[i]) else ids[i] for i in households)
            handle.writelines(map(operator.add, cells, map(rest.__getitem__, codes)))
    outreach.letters = _write_letters(outreach, catalogue, target / "brieven.txt", template)
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


def _write_letters(outreach: Outreach, catalogue: Catalogue, path: Path, template: Path | None) -> int:
    """One letter per invited household, in the order of their ids, separated by a page break, written as they come.
    A body is rendered (and encoded) once per distinct set of invitations; per household only its id is put in."""
    folder, name = (template.parent, template.name) if template else (LETTER_TEMPLATE.parent, LETTER_TEMPLATE.name)
    env = Environment(
        loader=FileSystemLoader(str(folder)), undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True
    )
    letter = env.get_template(name)
    site = catalogue.config.site_url.rstrip("/")
    ids = outreach.households.ids
    products = outreach.products
    invited = sorted(set().union(*(dict(product.invitations) for product in products)), key=ids.__getitem__)
    # Per invited household, per product: the code of its invitation, or None.
    keys = list(zip(*(map(dict(product.invitations).get, invited) for product in products), strict=True))
    items: dict[tuple[str, int], SimpleNamespace] = {}

    def body(key: tuple[int | None, ...]) -> bytes:
        chosen = [(product, code) for product, code in zip(products, key, strict=True) if code is not None]
        for product, code in chosen:
            if (product.product_id, code) not in items:
                fiche = catalogue.product(product.product_id).record
                items[product.product_id, code] = _letter_item(catalogue, site, fiche, product, product.decided[code])
        return letter.render(
            huishouden=ID_SENTINEL,
            organisatie=catalogue.config.organisatie,
            gemeente=catalogue.config.gemeente,
            datum=outreach.day,
            producten=[items[product.product_id, code] for product, code in chosen],
        ).encode("utf-8")

    bodies = {key: body(key) for key in dict.fromkeys(keys)}
    sentinel = ID_SENTINEL.encode("utf-8")
    with path.open("wb") as handle:
        for start in range(0, len(invited), LETTERS_PER_WRITE):
            chunk = slice(start, start + LETTERS_PER_WRITE)
            numbers = map(str.encode, map(ids.__getitem__, invited[chunk]))
            letters = map(bytes.replace, map(bodies.__getitem__, keys[chunk]), itertools.repeat(sentinel), numbers)
            handle.write((b"\f" if start else b"") + b"\f".join(letters))
    return len(invited)


def _letter_item(
    catalogue: Catalogue, site: str, fiche: Fiche, product: ProductResult, summary: Summary
) -> SimpleNamespace:
    """One product in a letter: its category, the deciding conditions explained, where to go for it."""
    _, category, grant, reasons = summary
    assert category is not None  # an invitation is a yes, and a yes always names the category that decided it
    loket = catalogue.loket(fiche.loket).record if fiche.loket else None
    return SimpleNamespace(  # attributes, not a dict: the template reads 'p.titel' without a failed lookup first
        titel=product.title,
        categorie=product.category_names[category],
        toekenning=grant,
        redenen=[product.explained[r] for r in reasons],
        url=f"{site}/products/{product.product_id}/" if site else f"products/{product.product_id}/",
        loket=getattr(loket, "naam", None),
        telefoon=getattr(loket, "telefoon", None),
    )
