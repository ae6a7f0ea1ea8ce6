"""`catalogus proactief`: which households the town's own data makes eligible, and are not served yet.

Reads a households CSV (one column per question id, mapped in catalogus.yml), the households already served per
product and the opt-outs (right to object; removed before anything is evaluated): households.py. Evaluates every
fiche with rules over them (grouping.py) and counts, per product and category, who is eligible, served and to be
invited; letters.py writes the invitations and letters, never inside the repository or the site (`unsafe_output`
says why not). The report printed afterwards gives the counts per category and the policy table (eligible vs
served per product).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import numpy as np

from catalogus.base.bulk import without_cycle_collector
from catalogus.model import Fiche
from catalogus.model.catalogue import Catalogue
from catalogus.outreach.grouping import Summary, evaluate_product
from catalogus.outreach.households import (
    ALL_PRODUCTS,
    Households,
    RowProblem,
    read_households,
    read_opt_outs,
    read_served,
)
from catalogus.rules.compiled import compile_rule, rule_leaves
from catalogus.rules.evaluate import UNKNOWN, YES

PER_YEAR = {"maand": 12, "jaar": 1, "eenmalig": 1}


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
    decided: dict[int, Summary] = field(default_factory=dict)  # per code (evaluate_product): what the rule says
    explained: dict[str, str] = field(default_factory=dict)  # per condition (its path): its uitleg, for the letters
    invitations: list[tuple[int, int]] = field(default_factory=list)  # eligible, not served: (household index, code)
    opted_out: int = 0  # households left out by an opt-out for this product only

    @property
    def to_invite(self) -> int:
        return self.eligible - self.served_eligible

    @property
    def cost(self) -> Decimal | None:
        return None if self.benefit is None else self.benefit * self.to_invite


@dataclass
class Outreach:
    day: str
    households: Households
    products: list[ProductResult]
    problems: list[RowProblem]
    unmatched: dict[str, list[int]] = field(default_factory=dict)  # per list (file name), lines matching no household
    evaluated: int = 0  # households judged: kept, and not refused by the evaluator
    letters: int = 0


@without_cycle_collector()
def run(
    catalogue: Catalogue,
    households_csv: Path,
    served_csv: Path | None,
    opt_out_csv: Path | None,
    day: dt.date,
    only: list[str] | None = None,
    encoding: str | None = None,
) -> Outreach:
    mapping = catalogue.config.proactief
    with_rules = catalogue.with_rules()
    known = {entry.id for entry, _ in with_rules}
    problems: list[RowProblem] = []
    opt_outs = read_opt_outs(opt_out_csv, mapping.id_kolom, known, problems, encoding) if opt_out_csv else None
    served = read_served(served_csv, mapping.id_kolom, known, problems, encoding) if served_csv else None
    households = read_households(households_csv, mapping, opt_outs.of(ALL_PRODUCTS) if opt_outs else set(), encoding)
    unmatched = {
        path.name: listed.unmatched(households)
        for path, listed in ((opt_out_csv, opt_outs), (served_csv, served))
        if path is not None and listed is not None
    }
    iso = day.isoformat()
    evaluated = []
    refused: dict[int, list[str]] = {}  # per household the evaluator could not judge, why not (per product)
    for entry, rules in with_rules:
        if only and entry.id not in only:
            continue
        rule = compile_rule(entry.id, rules)
        codes, decided, failed = evaluate_product(rule, households, iso)
        for index, reason in failed.items():
            refused.setdefault(index, []).append(f"{entry.id}: de regels konden dit huishouden niet beoordelen ({reason})")
        evaluated.append((entry, rule, codes, decided))
    broken = np.zeros(len(households.ids), bool)
    broken[sorted(refused)] = True  # left out of every product, like any other broken row
    problems = sorted(
        households.problems
        + [RowProblem(households_csv.name, households.lines[i], "; ".join(r)) for i, r in refused.items()],
        key=lambda problem: problem.row,
    ) + problems
    results = []
    for entry, rule, codes, decided in evaluated:
        product_id, fiche = entry.id, entry.record
        product = ProductResult(
            product_id,
            fiche.titel,
            {c["id"]: CategoryCount() for c in rule["categorieen"]},
            {c["id"]: c["naam"] for c in rule["categorieen"]},
            benefit=benefit_amount(fiche),
        )
        served_here = served.of(product_id) if served else set()
        objected = opt_outs.of(product_id) if opt_outs else set()
        flags = np.fromiter(map(served_here.__contains__, households.keys), bool, len(codes))
        present = ~broken  # an opt-out for this product only: left out of its counts, never invited
        if objected:
            present &= ~np.fromiter(map(objected.__contains__, households.keys), bool, len(codes))
            product.opted_out = int((~present & ~broken).sum())
        flags &= present
        product.served_total = int(flags.sum())
        numbers = np.bincount(codes[present], minlength=len(codes)).tolist()
        served_ones = np.bincount(codes[flags], minlength=len(codes)).tolist()
        for code, (outcome, category, *_) in decided.items():
            if outcome == UNKNOWN:
                product.maybe += numbers[code]
            elif outcome == YES:
                assert category is not None  # a yes always names the category that decided it
                count = product.categories[category]
                count.eligible += numbers[code]
                count.served += served_ones[code]
                count.invited += numbers[code] - served_ones[code]
                product.eligible += numbers[code]
                product.served_eligible += served_ones[code]
        first_with: dict[Summary, int] = {}
        same = np.zeros(len(codes), np.int64)  # per code, the first code with the same summary
        yes = np.zeros(len(codes), bool)
        for code, summary in decided.items():
            same[code], yes[code] = first_with.setdefault(summary, code), summary[0] == YES
        invited = np.flatnonzero(yes[codes] & ~flags & present)
        product.decided = decided
        product.explained = {leaf["pad"]: leaf["uitleg"] for leaf in rule_leaves(rule)}
        product.invitations = list(zip(invited.tolist(), same[codes[invited]].tolist(), strict=True))
        results.append(product)
    return Outreach(iso, households, results, problems, unmatched=unmatched, evaluated=int((~broken).sum()))


def benefit_amount(fiche: Fiche) -> Decimal | None:
    """What one household receives in a year, from the fiche's structured benefit amounts ('ontvangt').

    A fiche lists alternatives (leefloon: samenwonend, alleenstaand, met gezin ten laste), not amounts that add up:
    the estimate takes the lowest one, per year, so the cost is never overstated. None when the fiche states no
    amount: then nothing is guessed from its text, nor from 'kostprijs' (what the citizen pays, not receives).
    """
    amounts = [a.bedrag * PER_YEAR[a.per] for a in fiche.ontvangt.bedragen] if fiche.ontvangt else []
    return min(amounts) if amounts else None


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


def report(outreach: Outreach) -> str:
    h = outreach.households
    lines = [
        f"Peildatum {outreach.day}: {outreach.evaluated} huishoudens nagekeken, {h.opted_out} met bezwaar (voor alle "
        f"producten) overgeslagen, {len(outreach.problems)} ongeldige regels.",
    ]
    for problem in outreach.problems[:50]:
        lines.append(f"  {problem.file}:{problem.row}: {problem.reason}")
    if len(outreach.problems) > 50:
        lines.append(f"  … en nog {len(outreach.problems) - 50} (alle regels staan in ongeldige-regels.csv)")
    for product in outreach.products:
        if product.opted_out:
            lines.append(f"{product.opted_out} huishoudens met bezwaar voor {product.product_id} niet meegeteld.")
    for name, unmatched in outreach.unmatched.items():  # the lines only: an id is personal data
        if unmatched:
            shown = ", ".join(map(str, unmatched[:20])) + (", …" if len(unmatched) > 20 else "")
            lines.append(
                f"{name}: {len(unmatched)} regels met een nummer dat bij geen huishouden hoort (regels {shown}; "
                "alle regels staan in niet-gevonden.csv)."
            )
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

    def fmt(row: list[str]) -> str:
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True)))

    title = "Beleidsoverzicht (in aanmerking tegenover al bediend):"
    return "\n".join([title, fmt(header), fmt(["-" * w for w in widths]), *map(fmt, rows)])
