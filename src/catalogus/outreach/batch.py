"""`catalogus proactief`: which households the town's own data makes eligible, and are not served yet.

Reads either a households CSV (one column per question id, mapped in catalogus.yml) or what a town really receives
(statuses.py: the household composition and per-person status lists), or both; then the households already served
per product and the opt-outs (right to object; removed before anything is evaluated): households.py. Evaluates
every fiche with rules over them, one column at a time (columns.py), and counts, per product and category, who is
eligible, served and to be invited; letters.py writes the invitations and letters, never inside the repository or
the site (`unsafe_output` says why not); accounts.py writes what a data-protection officer needs to know.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import numpy as np
import polars as pl

from catalogus.base.bulk import without_cycle_collector
from catalogus.model import Fiche
from catalogus.model.catalogue import Catalogue
from catalogus.outreach.columns import Summary, evaluate_product
from catalogus.outreach.households import (
    ALL_PRODUCTS,
    Households,
    IdList,
    RowProblem,
    read_households,
    read_opt_outs,
    read_served,
)
from catalogus.outreach.statuses import merged, read_composition, status_answers
from catalogus.outreach.table import OutreachError
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
    # eligible, not served: a row (household index, code) per invitation; an array, since there can be millions
    invitations: np.ndarray = field(default_factory=lambda: np.zeros((0, 2), np.int64))
    opted_out: int = 0  # households left out by an opt-out for this product only

    def invited(self) -> dict[int, int]:
        """Per invited household (its index), the code of its invitation."""
        return dict(zip(*self.invitations.T.tolist(), strict=True)) if len(self.invitations) else {}

    @property
    def to_invite(self) -> int:
        return self.eligible - self.served_eligible

    @property
    def cost(self) -> Decimal | None:
        return None if self.benefit is None else self.benefit * self.to_invite


@dataclass(frozen=True)
class Inputs:
    """The files of one run, by role (the command's options); a run needs households or a composition."""

    huishoudens: Path | None = None
    gezinnen: Path | None = None
    statussen: Sequence[Path] = ()
    bediend: Path | None = None
    bezwaar: Path | None = None

    def files(self) -> list[tuple[str, Path]]:
        """Every file read, with its role, in a fixed order."""
        named = [("huishoudens", self.huishoudens), ("gezinnen", self.gezinnen),
                 *(("statussen", path) for path in self.statussen), ("bediend", self.bediend), ("bezwaar", self.bezwaar)]
        return [(role, path) for role, path in named if path is not None]


@dataclass
class Outreach:
    day: str
    households: Households
    products: list[ProductResult]
    problems: list[RowProblem]
    unmatched: dict[str, list[int]] = field(default_factory=dict)  # per list (file name), lines matching no household
    evaluated: int = 0  # households judged: kept, and not refused by the evaluator
    letters: int = 0
    files: list[tuple[str, str, str]] = field(default_factory=list)  # role, file name, SHA-256: the data this run used
    rules: dict[str, str] = field(default_factory=dict)  # per product, a digest of the rule as evaluated


def digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            sha.update(chunk)
    return sha.hexdigest()


@without_cycle_collector()
def run(
    catalogue: Catalogue,
    inputs: Inputs,
    day: dt.date,
    only: list[str] | None = None,
    encoding: str | None = None,
) -> Outreach:
    mapping = catalogue.config.proactief
    with_rules = catalogue.with_rules()
    known = {entry.id for entry, _ in with_rules}
    problems: list[RowProblem] = []
    if inputs.huishoudens is None and inputs.gezinnen is None:
        raise OutreachError("geef de huishoudens (--huishoudens) of de gezinssamenstelling (--gezinnen) mee")
    if inputs.statussen and inputs.gezinnen is None:
        raise OutreachError("statuslijsten (--statussen) horen bij een gezinssamenstelling (--gezinnen): geef die mee")
    composition = read_composition(inputs.gezinnen, mapping, encoding) if inputs.gezinnen else None
    household_of = composition.household_of if composition else {}
    opt_outs = served = None
    if inputs.bezwaar:
        opt_outs = read_opt_outs(inputs.bezwaar, mapping.id_kolom, known, problems, encoding).of_households(household_of)
    if inputs.bediend:
        served = read_served(inputs.bediend, mapping.id_kolom, known, problems, encoding).of_households(household_of)
    objected_all = opt_outs.of(ALL_PRODUCTS) if opt_outs else set()
    unmatched: dict[str, list[int]] = {}
    if composition is None:
        assert inputs.huishoudens is not None
        households = read_households(inputs.huishoudens, mapping, objected_all, encoding)
    else:
        households = _from_composition(composition, inputs, catalogue, day, objected_all, encoding, unmatched)
    for path, listed in ((inputs.bezwaar, opt_outs), (inputs.bediend, served)):
        if path is not None and listed is not None:  # a member's national number is its household's key by now
            unmatched[path.name] = listed.unmatched(households.file_keys)
    iso = day.isoformat()
    evaluated = []
    refused: dict[int, list[str]] = {}  # per household the rules could not judge, why not (per product)
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
        + [RowProblem(households.source, households.lines[i], "; ".join(r)) for i, r in refused.items()],
        key=lambda problem: (problem.file != households.source, problem.file, problem.row),
    ) + problems
    results = [
        _count(entry, rule, codes, decided, households, broken, served, opt_outs) for entry, rule, codes, decided in evaluated
    ]
    return Outreach(
        iso, households, results, problems, unmatched=unmatched, evaluated=int((~broken).sum()),
        files=[(role, path.name, digest(path)) for role, path in inputs.files()],
        rules={entry.id: hashlib.sha256(repr(rule).encode()).hexdigest()[:12] for entry, rule, _, _ in evaluated},
    )


def _from_composition(composition, inputs: Inputs, catalogue: Catalogue, day: dt.date, objected: set[str],
                      encoding: str | None, unmatched: dict[str, list[int]]) -> Households:
    """The households of the composition file with the answers of their statuses on `day`, and those of a
    households file joined in by household (its rows for households not in the composition are unmatched)."""
    mapping = catalogue.config.proactief
    answers, status_problems, status_unmatched = status_answers(inputs.statussen, composition, mapping, day, encoding)
    unmatched.update(status_unmatched)
    problems = composition.problems + status_problems
    file_answers, file_keys = None, pl.Series("key", [], pl.String)
    if inputs.huishoudens is not None:
        listed = read_households(inputs.huishoudens, mapping, set(), encoding)
        twice = sorted(set(listed.answered.columns) & set(answers.columns))
        if twice:
            raise OutreachError(
                f"{inputs.huishoudens}: de kolom voor '{twice[0]}' komt ook uit de statuslijsten of de "
                "gezinssamenstelling; haal ze uit één bron"
            )
        file_answers, file_keys, problems = listed.answered, listed.keys, problems + listed.problems
        outside = ~listed.keys.is_in(composition.keys).to_numpy()
        unmatched[inputs.huishoudens.name] = np.asarray(listed.lines)[outside].tolist()
    answered = merged(composition, answers, file_answers, file_keys.to_list())
    keys = pl.Series("key", composition.keys, pl.String)
    keep = ~keys.is_in(list(objected)).to_numpy() if objected else np.ones(len(keys), bool)
    return Households(
        ids=[i for i, kept in zip(composition.ids, keep.tolist(), strict=True) if kept],
        answered=answered.filter(pl.Series(keep)),
        problems=problems,
        source=composition.source,
        opted_out=int((~keep).sum()),
        keys=keys.filter(pl.Series(keep)),
        lines=np.asarray(composition.lines, np.int64)[keep].tolist(),
        file_keys=set(composition.keys),
    )


def _count(entry, rule, codes: np.ndarray, decided: dict[int, Summary], households: Households, broken: np.ndarray,
           served: IdList | None, opt_outs: IdList | None) -> ProductResult:
    """One product's counts per category, and its invitations: eligible, not served, not objected."""
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
    flags = households.keys.is_in(list(served_here)).to_numpy() if served_here else np.zeros(len(codes), bool)
    present = ~broken  # an opt-out for this product only: left out of its counts, never invited
    if objected:
        present &= ~households.keys.is_in(list(objected)).to_numpy()
        product.opted_out = int((~present & ~broken).sum())
    flags &= present
    product.served_total = int(flags.sum())
    numbers = np.bincount(codes[present], minlength=len(decided)).tolist()
    served_ones = np.bincount(codes[flags], minlength=len(decided)).tolist()
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
    same = np.zeros(len(decided), np.int64)  # per code, the first code with the same summary
    yes = np.zeros(len(decided), bool)
    for code, summary in decided.items():
        same[code], yes[code] = first_with.setdefault(summary, code), summary[0] == YES
    invited = np.flatnonzero(yes[codes] & ~flags & present) if len(codes) else np.zeros(0, np.int64)
    product.decided = decided
    product.explained = {leaf["pad"]: leaf["uitleg"] for leaf in rule_leaves(rule)}
    product.invitations = np.column_stack((invited, same[codes[invited]])).astype(np.int64)
    return product


def benefit_amount(fiche: Fiche) -> Decimal | None:
    """What one household receives in a year, from the fiche's structured benefit amounts ('ontvangt').

    A fiche lists alternatives (leefloon: samenwonend, alleenstaand, met gezin ten laste), not amounts that add up:
    the estimate takes the lowest one, per year, so the cost is never overstated. None when the fiche states no
    amount: then nothing is guessed from its text, nor from 'kostprijs' (what the citizen pays, not receives).
    """
    amounts = [a.amount * PER_YEAR[a.per] for a in fiche.ontvangt.bedragen] if fiche.ontvangt else []
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
    rows: dict[str, list[int]] = {}
    for problem in outreach.problems:  # lines only: a reason can quote a cell, and a cell is personal data
        rows.setdefault(problem.file, []).append(problem.row)
    for name, numbers in rows.items():
        shown = ", ".join(map(str, numbers[:20])) + (", …" if len(numbers) > 20 else "")
        lines.append(f"  {name}: {len(numbers)} ongeldige regels (regels {shown}); waarom staat in ongeldige-regels.csv")
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
