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
from catalogus.outreach.households import Households, RowProblem, read_households, read_ids, read_served
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
    letters: int = 0


@without_cycle_collector()
def run(
    catalogue: Catalogue,
    households_csv: Path,
    served_csv: Path | None,
    opt_out_csv: Path | None,
    day: dt.date,
    only: list[str] | None = None,
) -> Outreach:
    mapping = catalogue.config.proactief
    with_rules = catalogue.with_rules()
    problems: list[RowProblem] = []
    opt_outs = read_ids(opt_out_csv, mapping.id_kolom, problems) if opt_out_csv else set()
    served = read_served(served_csv, mapping.id_kolom, {entry.id for entry, _ in with_rules}, problems) if served_csv else {}
    households = read_households(households_csv, mapping, opt_outs)
    problems = households.problems + problems
    iso = day.isoformat()
    results = []
    for entry, rules in with_rules:
        product_id, fiche = entry.id, entry.record
        if only and product_id not in only:
            continue
        rule = compile_rule(product_id, rules)
        product = ProductResult(
            product_id,
            fiche.titel,
            {c["id"]: CategoryCount() for c in rule["categorieen"]},
            {c["id"]: c["naam"] for c in rule["categorieen"]},
            benefit=benefit_amount(fiche),
        )
        served_here = served.get(product_id, set())
        codes, decided = evaluate_product(rule, households, iso)
        flags = np.fromiter(map(served_here.__contains__, households.ids), bool, len(codes))
        product.served_total = int(flags.sum())
        numbers = np.bincount(codes, minlength=len(codes)).tolist()
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
        invited = np.flatnonzero(yes[codes] & ~flags)
        product.decided = decided
        product.explained = {leaf["pad"]: leaf["uitleg"] for leaf in rule_leaves(rule)}
        product.invitations = list(zip(invited.tolist(), same[codes[invited]].tolist(), strict=True))
        results.append(product)
    return Outreach(iso, households, results, problems)


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

    def fmt(row: list[str]) -> str:
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True)))

    title = "Beleidsoverzicht (in aanmerking tegenover al bediend):"
    return "\n".join([title, fmt(header), fmt(["-" * w for w in widths]), *map(fmt, rows)])
