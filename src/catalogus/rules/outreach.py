"""`catalogus proactief`: which households the town's own data makes eligible, and are not served yet.

Reads a households CSV (one column per question id, mapped in catalogus.yml), the households already served per
product and the opt-outs (right to object; removed before anything is evaluated). Writes, outside the repository,
the invitations (household id, product, category, reason codes only) and one mail-merge letter per household,
and prints the counts per category and the policy table (eligible vs served per product).

Speed: every answer is parsed once, per column; each leaf condition is then one pass over its column, and the
evaluator (evaluate.py, the same one the tests compare with the browser's) runs once per distinct combination of
leaf outcomes, never once per household. Its leaf outcomes are checked against the fast pass for every combination.
"""

from __future__ import annotations

import csv
import itertools
import datetime as dt
import operator
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..catalogue import Catalogue
from ..config import Proactief
from .compiled import compile_rule
from .evaluate import NO, UNKNOWN, YES, evaluate
from .questions import Question, questions

LETTER_TEMPLATE = Path(__file__).with_name("brief.txt.j2")
MAX_ROWS = 5_000_000
YES_WORDS, NO_WORDS = {"ja", "true", "1", "j", "yes"}, {"nee", "false", "0", "n", "no"}
NUMBER = re.compile(r"^(-?)([0-9]+)(?:[.,]([0-9]+))?$")
DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
COMPARE = {
    "is": operator.eq,
    "is_een_van": lambda value, allowed: value in allowed,
    "kleiner_dan": operator.lt,
    "hoogstens": operator.le,
    "groter_dan": operator.gt,
    "minstens": operator.ge,
}
ID_SENTINEL = "\x00huishouden\x00"


class OutreachError(Exception):
    """A problem with the input files as a whole (a missing column, an unreadable file): nothing is written."""


@dataclass
class RowProblem:
    file: str
    row: int
    reason: str


@dataclass
class Households:
    ids: list[str]
    values: dict[str, list[Any]]  # question id -> evaluator-ready values (bool, number, text or None), per household
    scaled: dict[str, list[int | None]]  # numbers in hundredths, as the evaluator compares them
    problems: list[RowProblem]
    opted_out: int = 0


@dataclass
class CategoryCount:
    eligible: int = 0
    served: int = 0
    invited: int = 0


@dataclass
class ProductResult:
    product_id: str
    title: str
    categories: dict[str, CategoryCount]
    category_names: dict[str, str]
    eligible: int = 0
    served_eligible: int = 0
    served_total: int = 0
    maybe: int = 0
    benefit: Decimal | None = None
    invitations: list[tuple[int, str, str, tuple[str, ...]]] = field(default_factory=list)  # household, cat, grant, reasons

    @property
    def to_invite(self) -> int:
        return self.eligible - self.served_eligible

    @property
    def cost(self) -> Decimal | None:
        return None if self.benefit is None else self.benefit * self.to_invite


# --- reading -------------------------------------------------------------------------------------------------


def _open_csv(path: Path) -> tuple[list[str], Iterable[list[str]], Any]:
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise OutreachError(f"{path}: kan het bestand niet openen ({exc.strerror})") from None
    sample = handle.read(4096)
    handle.seek(0)
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.reader(handle, delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        handle.close()
        raise OutreachError(f"{path}: het bestand is leeg; de eerste regel moet de kolomnamen bevatten") from None
    return header, reader, handle


class _Invalid(ValueError):
    """A cell that does not fit its question; the reason is in Dutch."""


def _parser(question: Question):
    """A function that types one non-empty cell as the evaluator expects it: (value, hundredths or None).

    The CSV reader is the boundary: here text becomes yes/no, numbers and choices; the evaluator never coerces.
    """
    if question.soort == "ja_nee":
        words = {**dict.fromkeys(YES_WORDS, True), **dict.fromkeys(NO_WORDS, False)}

        def yes_no(text: str) -> tuple[Any, None]:
            value = words.get(text.lower())
            if value is None:
                raise _Invalid("verwacht ja of nee (of 1/0)")
            return value, None

        return yes_no
    if question.soort == "getal":
        return lambda text: _number(text, question.geheel)
    if question.soort == "keuze":

        def choice(text: str) -> tuple[Any, None]:
            if text not in question.keuzes:
                raise _Invalid(f"'{text}' is geen keuze; toegelaten: {', '.join(question.keuzes)}")
            return text, None

        return choice

    def date(text: str) -> tuple[Any, None]:
        try:
            if DATE.match(text) and dt.date.fromisoformat(text):
                return text, None
        except ValueError:
            pass
        raise _Invalid(f"'{text}' is geen datum JJJJ-MM-DD")

    return date


def _number(text: str, whole: bool) -> tuple[int | float, int]:
    """'12500', '12500.5', '12500,50' or '-3'; at most 2 decimals, at most 1.000.000.000; no € or thousands dots."""
    if text.isdigit() and len(text) <= 10:
        value = int(text)
        hundredths = value * 100
    else:
        match = NUMBER.match(text)
        if not match:
            raise _Invalid(f"'{text}' is geen getal (schrijf bv. 12500 of 12500.50, zonder €)")
        sign, units, decimals = match.groups()
        if len(decimals or "") > 2 or len(units) > 10:
            raise _Invalid(f"'{text}': hoogstens 2 cijfers na de komma en niet groter dan 1.000.000.000")
        hundredths = int(units) * 100 + int((decimals or "").ljust(2, "0"))
        if sign:
            hundredths = -hundredths
        value = hundredths // 100 if hundredths % 100 == 0 else hundredths / 100
    if abs(hundredths) > 100_000_000_000:
        raise _Invalid(f"'{text}': niet groter dan 1.000.000.000")
    if whole and (hundredths < 0 or hundredths % 100):
        raise _Invalid(f"'{text}': verwacht een geheel getal, 0 of meer")
    return value, hundredths


def read_households(path: Path, mapping: Proactief, opt_outs: set[str]) -> Households:
    """Every row checked and typed, column by column; a broken row is reported by its line number and left out."""
    header, reader, handle = _open_csv(path)
    with handle:
        if mapping.id_kolom not in header:
            raise OutreachError(f"{path}: de kolom '{mapping.id_kolom}' (het nummer van het huishouden) ontbreekt")
        unknown = sorted(set(mapping.kolommen) - set(questions()))
        if unknown:
            raise OutreachError(f"catalogus.yml: proactief.kolommen: '{unknown[0]}' is geen vraag uit vragen.yml")
        columns = {q: header.index(mapping.kolommen.get(q, q)) for q in questions() if mapping.kolommen.get(q, q) in header}
        if not columns:
            raise OutreachError(f"{path}: geen enkele kolom heet zoals een vraag uit vragen.yml")
        id_index = header.index(mapping.id_kolom)
        rows = list(itertools.islice(reader, MAX_ROWS + 1))
        if len(rows) > MAX_ROWS:
            raise OutreachError(f"{path}: meer dan {MAX_ROWS} regels; splits het bestand")
        multiline = reader.line_num != len(rows) + 1  # type: ignore[attr-defined]  # a quoted cell held a newline
        delimiter = reader.dialect.delimiter  # type: ignore[attr-defined]
    lines = _start_lines(path, delimiter) if multiline else range(2, len(rows) + 2)
    width = len(header)
    blank = [not any(cell.strip() for cell in row) if len(row) != width or not row[id_index] else False for row in rows]
    padded = [row if len(row) == width else [""] * width for row in rows]
    ids = [row[id_index].strip() for row in padded]
    doubles = {household for household, count in Counter(ids).items() if count > 1}
    reasons: dict[int, list[str]] = {}
    seen: set[str] = set()
    for index, row in enumerate(rows):
        if blank[index] or (len(row) == width and ids[index] and ids[index] not in doubles):
            continue  # the common case, decided without a call
        problem = _row_problems(row, header, id_index, seen)
        if problem:
            reasons[index] = [problem]
        seen.add(ids[index])
    broken_rows = set(reasons)
    transposed = list(zip(*padded)) if padded else [()] * width
    parsed: dict[str, tuple[list[Any], list[int | None]]] = {}
    for question, column in columns.items():
        texts = transposed[column]
        parse = _parser(questions()[question])
        values: dict[str, Any] = {}
        scaled: dict[str, int | None] = {}
        bad: dict[str, str] = {}
        for text in set(texts):  # each distinct cell is typed once: most columns hold a handful of values
            cell = text.strip()
            try:
                values[text], scaled[text] = parse(cell) if cell else (None, None)
            except _Invalid as exc:
                values[text], scaled[text], bad[text] = None, None, str(exc)
        if bad:
            for index, text in enumerate(texts):
                if text in bad and index not in broken_rows:
                    reasons.setdefault(index, []).append(f"kolom '{header[column]}': {bad[text]}")
        parsed[question] = (list(map(values.__getitem__, texts)), list(map(scaled.__getitem__, texts)))
    keep = [index not in reasons and not blank[index] and ids[index] not in opt_outs for index in range(len(rows))]
    opted_out = sum(1 for index, household in enumerate(ids) if household in opt_outs and index not in reasons)
    return Households(
        ids=list(itertools.compress(ids, keep)),
        values={q: list(itertools.compress(v, keep)) for q, (v, _) in parsed.items()},
        scaled={q: list(itertools.compress(h, keep)) for q, (_, h) in parsed.items()},
        problems=[RowProblem(path.name, lines[i], "; ".join(r)) for i, r in sorted(reasons.items())],
        opted_out=opted_out,
    )


def _start_lines(path: Path, delimiter: str) -> list[int]:
    """The line on which each data row starts (the header is line 1), for files where a quoted cell spans lines."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, delimiter=delimiter)
        next(reader, None)
        starts, previous = [], reader.line_num
        for _ in reader:
            starts.append(previous + 1)
            previous = reader.line_num
    return starts


def _row_problems(row: list[str], header: list[str], id_index: int, seen: set[str]) -> str | None:
    if not any(cell.strip() for cell in row):
        return None  # an empty line: nothing to report, nothing to read
    if len(row) != len(header):
        return f"{len(row)} kolommen in plaats van {len(header)}"
    household = row[id_index].strip()
    if not household:
        return "het nummer van het huishouden ontbreekt"
    if household in seen:
        return f"het huishouden '{household}' staat er al eerder in"
    return None


def read_ids(path: Path, id_column: str, problems: list[RowProblem]) -> set[str]:
    """An opt-out list: one household id per row."""
    return {household for household, _ in _id_rows(path, id_column, None, problems)}


def read_served(path: Path, id_column: str, products: set[str], problems: list[RowProblem]) -> dict[str, set[str]]:
    """Who already receives what: rows of household id and product id."""
    served: dict[str, set[str]] = {}
    for household, product in _id_rows(path, id_column, "product", problems, products):
        served.setdefault(product, set()).add(household)
    return served


def _id_rows(path: Path, id_column: str, second: str | None, problems: list[RowProblem], known: set[str] = frozenset()):
    header, reader, handle = _open_csv(path)
    with handle:
        for name in (id_column, second):
            if name and name not in header:
                raise OutreachError(f"{path}: de kolom '{name}' ontbreekt")
        id_index = header.index(id_column)
        second_index = header.index(second) if second else None
        for row in reader:
            line = reader.line_num  # type: ignore[attr-defined]
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header) or not row[id_index].strip():
                problems.append(RowProblem(path.name, line, "ongeldige regel: het nummer van het huishouden ontbreekt"))
                continue
            value = row[second_index].strip() if second_index is not None else None
            if second_index is not None and value not in known:
                problems.append(RowProblem(path.name, line, f"'{value}' is geen product met regels in de catalogus"))
                continue
            yield row[id_index].strip(), value


# --- evaluating ----------------------------------------------------------------------------------------------


def _leaves(node: dict[str, Any]) -> list[dict[str, Any]]:
    if "vraag" in node:
        return [node]
    children = node.get("alle") or node.get("een_van") or [node["niet"]]
    return [leaf for child in children for leaf in _leaves(child)]


class _Columns:
    """The households' answers per question, with numbers also in hundredths (as the evaluator compares them)."""

    def __init__(self, households: Households) -> None:
        self.households = households
        self.size = len(households.ids)

    def raw(self, question: str) -> list[Any]:
        return self.households.values.get(question) or [None] * self.size

    def compared(self, question: str, kind: str) -> list[Any]:
        if kind != "getal":
            return self.raw(question)
        return self.households.scaled.get(question) or [None] * self.size


def _leaf_column(leaf: dict[str, Any], rule: dict[str, Any], columns: _Columns, day: str) -> list[str]:
    """One pass over a question's column: the leaf's outcome per household (same rules as evaluate._leaf)."""
    values = columns.compared(leaf["vraag"], leaf["soort"])
    compare = COMPARE[leaf["op"]]
    operand = leaf["waarde"]
    if not isinstance(operand, dict):
        return [UNKNOWN if v is None else (YES if compare(v, operand) else NO) for v in values]
    limit = rule["grenzen"][operand["grens"]]
    in_force = [v for v in limit["waarden"] if v["vanaf"] <= day]
    if not in_force:
        return [UNKNOWN] * columns.size
    base, per_person = in_force[-1]["bedrag"], in_force[-1]["per_persoon"]
    if limit["per"] is None:
        return [UNKNOWN if v is None else (YES if compare(v, base) else NO) for v in values]
    counts = columns.compared(limit["per"], "getal")
    return [
        UNKNOWN if v is None or n is None else (YES if compare(v, base + per_person * (n // 100)) else NO)
        for v, n in zip(values, counts)
    ]


def evaluate_product(rule: dict[str, Any], columns: _Columns, day: str) -> list[tuple[str, str | None, str | None, tuple[str, ...]]]:
    """Per household: (outcome, category, toekenning, reason codes of the deciding category)."""
    leaves = [leaf for category in rule["categorieen"] for leaf in _leaves(category["voorwaarde"])]
    leaf_columns = [_leaf_column(leaf, rule, columns, day) for leaf in leaves]
    questions_used = {leaf["vraag"] for leaf in leaves} | {
        g["per"] for g in rule["grenzen"].values() if g["per"] is not None
    }
    memo: dict[tuple[str, ...], tuple[str, str | None, str | None, tuple[str, ...]]] = {}
    out = []
    for index, key in enumerate(zip(*leaf_columns)):
        summary = memo.get(key)
        if summary is None:
            answers = {q: columns.raw(q)[index] for q in questions_used}
            result = evaluate(rule, answers, day)
            _same_leaves(result, leaves, key)
            winner = next((c for c in result["categorieen"] if c["id"] == result["categorie"]), None)
            reasons = tuple(winner["beslissend"]) if winner else ()
            summary = memo[key] = (result["uitkomst"], result["categorie"], result["toekenning"], reasons)
        out.append(summary)
    return out


def _same_leaves(result: dict[str, Any], leaves: list[dict[str, Any]], key: tuple[str, ...]) -> None:
    traced = {
        entry["pad"]: entry["uitkomst"]
        for category in result["categorieen"]
        for entry in category["spoor"]
        if "vraag" in entry
    }
    for leaf, fast in zip(leaves, key):
        if leaf["pad"] in traced and traced[leaf["pad"]] != fast:
            raise AssertionError(f"interne fout: {leaf['pad']} is {traced[leaf['pad']]} in de evaluator, {fast} in de batch")


# --- the run -------------------------------------------------------------------------------------------------


@dataclass
class Outreach:
    day: str
    households: Households
    products: list[ProductResult]
    problems: list[RowProblem]
    letters: int = 0


def run(
    catalogue: Catalogue,
    households_csv: Path,
    served_csv: Path | None,
    opt_out_csv: Path | None,
    day: dt.date,
    only: list[str] | None = None,
) -> Outreach:
    mapping = catalogue.config.proactief
    entries = [e for e in catalogue.products if e.record.rechten is not None and (not only or e.id in only)]  # type: ignore[union-attr]
    with_rules = {e.id for e in catalogue.products if e.record.rechten is not None}  # type: ignore[union-attr]
    problems: list[RowProblem] = []
    opt_outs = read_ids(opt_out_csv, mapping.id_kolom, problems) if opt_out_csv else set()
    served = read_served(served_csv, mapping.id_kolom, with_rules, problems) if served_csv else {}
    households = read_households(households_csv, mapping, opt_outs)
    problems = households.problems + problems
    columns = _Columns(households)
    iso = day.isoformat()
    results = []
    for entry in entries:
        rule = compile_rule(entry.id, entry.record.rechten)  # type: ignore[union-attr, arg-type]
        product = ProductResult(
            entry.id,
            entry.record.titel,  # type: ignore[union-attr]
            {c["id"]: CategoryCount() for c in rule["categorieen"]},
            {c["id"]: c["naam"] for c in rule["categorieen"]},
            benefit=benefit_amount(entry.record),
        )
        served_here = served.get(entry.id, set())
        summaries = evaluate_product(rule, columns, iso)
        flags = [h in served_here for h in households.ids] if served_here else [False] * len(summaries)
        product.served_total = sum(flags)
        for (summary, is_served), number in Counter(zip(summaries, flags)).items():
            outcome, category = summary[0], summary[1]
            if outcome == UNKNOWN:
                product.maybe += number
            elif outcome == YES:
                count = product.categories[category]  # type: ignore[index]
                count.eligible += number
                product.eligible += number
                if is_served:
                    count.served += number
                    product.served_eligible += number
                else:
                    count.invited += number
        product.invitations = [
            (index, summary[1], summary[2], summary[3])  # type: ignore[misc]
            for index, (summary, is_served) in enumerate(zip(summaries, flags))
            if summary[0] == YES and not is_served
        ]
        results.append(product)
    return Outreach(iso, households, results, problems)


def benefit_amount(fiche: Any) -> Decimal | None:
    """What one household receives in a year, from the fiche's structured benefit amounts ('ontvangt').

    A fiche lists alternatives (leefloon: samenwonend, alleenstaand, met gezin ten laste), not amounts that add up:
    the estimate takes the lowest one, per year, so the cost is never overstated. None when the fiche states no
    amount: then nothing is guessed from its text, nor from 'kostprijs' (what the citizen pays, not receives).
    """
    benefits = getattr(fiche, "ontvangt", None)
    amounts = [a.bedrag * PER_YEAR[a.per] for a in getattr(benefits, "bedragen", None) or []]
    return min(amounts) if amounts else None


PER_YEAR = {"maand": 12, "jaar": 1, "eenmalig": 1}


# --- writing -------------------------------------------------------------------------------------------------


def unsafe_output(target: Path, root: Path, site_dir: Path, content_dir: Path) -> str | None:
    """Why `target` must not receive personal data, or None when it is outside the repository and the site."""
    target = target.resolve()
    repository = next((p for p in [root.resolve(), *root.resolve().parents] if (p / ".git").exists()), None)
    for place, reason in (
        (content_dir, "de inhoud (content/) wordt gepubliceerd en staat in git"),
        (site_dir, "de site (site/) wordt gepubliceerd"),
        (root, "de projectmap staat in git; een commit zou persoonsgegevens publiek maken"),
        (repository, "dit is een git-repository; een commit zou persoonsgegevens publiek maken"),
    ):
        if place is not None and target.is_relative_to(place.resolve()):
            return f"{target} ligt in {place.resolve()}: {reason}"
    return None


def write(outreach: Outreach, catalogue: Catalogue, target: Path, template: Path | None) -> None:
    target.mkdir(parents=True, exist_ok=True)
    ids = outreach.households.ids
    per_household: dict[int, list[tuple[ProductResult, str, str, tuple[str, ...]]]] = {}
    with (target / "uitnodigingen.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["huishouden", "product", "categorie", "toekenning", "redenen"])
        for product in outreach.products:
            for index, category, grant, reasons in product.invitations:
                writer.writerow([ids[index], product.product_id, category, grant, "+".join(reasons)])
                per_household.setdefault(index, []).append((product, category, grant, reasons))
    outreach.letters = _write_letters(per_household, ids, catalogue, target / "brieven.txt", template, outreach.day)
    with (target / "ongeldige-regels.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["bestand", "regel", "reden"])
        for problem in outreach.problems:
            writer.writerow([problem.file, problem.row, problem.reason])


def _write_letters(per_household, ids, catalogue: Catalogue, path: Path, template: Path | None, day: str) -> int:
    """One letter per household, separated by a page break; the body is rendered once per set of invitations."""
    folder, name = (template.parent, template.name) if template else (LETTER_TEMPLATE.parent, LETTER_TEMPLATE.name)
    env = Environment(loader=FileSystemLoader(str(folder)), undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)
    letter = env.get_template(name)
    site = catalogue.config.site_url.rstrip("/")
    rendered: dict[tuple, str] = {}
    letters: list[str] = []
    items_seen: dict[tuple, dict[str, Any]] = {}

    def item(product: ProductResult, category: str, grant: str, reasons: tuple[str, ...]) -> dict[str, Any]:
        key = (product.product_id, category, reasons)
        if key not in items_seen:
            items_seen[key] = _letter_item(catalogue, site, product, category, grant, reasons)
        return items_seen[key]

    for index in sorted(per_household, key=ids.__getitem__):
        items = per_household[index]
        key = tuple((p.product_id, c, r) for p, c, _, r in items)
        body = rendered.get(key)
        if body is None:
            body = rendered[key] = letter.render(
                huishouden=ID_SENTINEL,
                organisatie=catalogue.config.organisatie,
                gemeente=catalogue.config.gemeente,
                datum=day,
                producten=[item(p, c, g, r) for p, c, g, r in items],
            )
        letters.append(body.replace(ID_SENTINEL, ids[index]))
    path.write_text("\f".join(letters), encoding="utf-8")
    return len(letters)


def _letter_item(catalogue: Catalogue, site: str, product: ProductResult, category: str, grant: str, reasons):
    entry = catalogue.product(product.product_id)
    fiche = entry.record
    compiled = compile_rule(product.product_id, fiche.rechten)  # type: ignore[union-attr, arg-type]
    explained = {leaf["pad"]: leaf["uitleg"] for c in compiled["categorieen"] for leaf in _leaves(c["voorwaarde"])}
    loket = catalogue.loket(fiche.loket).record if getattr(fiche, "loket", None) else None
    return {
        "titel": product.title,
        "categorie": product.category_names[category],
        "toekenning": grant,
        "redenen": [explained[r] for r in reasons],
        "url": f"{site}/products/{product.product_id}/" if site else f"products/{product.product_id}/",
        "loket": getattr(loket, "naam", None),
        "telefoon": getattr(loket, "telefoon", None),
    }


# --- reporting -----------------------------------------------------------------------------------------------


def report(outreach: Outreach) -> str:
    h = outreach.households
    lines = [
        f"Peildatum {outreach.day}: {len(h.ids)} huishoudens nagekeken, {h.opted_out} met bezwaar overgeslagen, "
        f"{len(outreach.problems)} ongeldige regels.",
    ]
    for problem in outreach.problems[:50]:
        lines.append(f"  {problem.file}:{problem.row}: {problem.reason}")
    if len(outreach.problems) > 50:
        lines.append(f"  … en nog {len(outreach.problems) - 50} (alle regels staan in ongeldige-regels.csv)")
    lines += ["", "Per categorie (in aanmerking / al bediend / uit te nodigen):"]
    for product in outreach.products:
        for category, count in product.categories.items():
            lines.append(
                f"  {product.product_id} · {product.category_names[category]}: "
                f"{count.eligible} / {count.served} / {count.invited}"
            )
    lines += ["", policy_table(outreach)]
    return "\n".join(lines)


def policy_table(outreach: Outreach) -> str:
    """Per product: eligible vs served, the share reached (Gent: "11 % never collect"), the maybes, everyone served
    (also those the data do not make eligible: a sign of missing data or of a rule that is too strict), and the
    estimated cost of inviting everyone not yet served."""
    header = ["product", "in aanmerking", "daarvan bediend", "bereik", "uit te nodigen", "misschien",
              "bediend in totaal", "geschatte kost per jaar"]
    rows = []
    for p in outreach.products:
        reach = f"{p.served_eligible / p.eligible:.0%}" if p.eligible else "–"
        cost = f"€ {p.cost:,.2f}".replace(",", " ") if p.cost is not None else "geen bedrag in de fiche"
        rows.append([p.product_id, str(p.eligible), str(p.served_eligible), reach, str(p.to_invite), str(p.maybe),
                     str(p.served_total), cost])
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    fmt = lambda r: "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))  # noqa: E731
    return "\n".join(["Beleidsoverzicht (in aanmerking tegenover al bediend):", fmt(header), fmt(["-" * w for w in widths]), *map(fmt, rows)])

