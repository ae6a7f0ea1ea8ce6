"""The account of a run of `catalogus proactief` for the data-protection officer (verantwoording.md).

It says what the run used and did, so the town can show that it processed what it may, as it said it would:
which files (by SHA-256, so the very files can be recognised later), which rules (a digest of each rule as it was
evaluated, the fiche and when it was last reviewed, the limits in force on the reference date), the legal basis,
the counts per product and category, how many objections were applied and which lists held numbers that match no
household. It never holds an id, a name, an answer or a line's content: only counts, file names and digests.
"""

from __future__ import annotations

from pathlib import Path

from catalogus.load.git import GitError, run_git
from catalogus.model.catalogue import Catalogue
from catalogus.outreach.batch import Outreach
from catalogus.rules.compiled import compile_rule, rule_leaves
from catalogus.rules.evaluate import value_in_force
from catalogus.rules.questions import questions

FILE_NAME = "verantwoording.md"
NOT_FILLED = "niet ingevuld in catalogus.yml"


def _version(root: Path) -> str:
    """The commit the catalogue was at, and whether its files differed from it."""
    try:
        commit = run_git(root, "rev-parse", "HEAD").strip()
        changed = bool(run_git(root, "status", "--porcelain", "--untracked-files=no").strip())
    except GitError:
        return "onbekend (geen git-geschiedenis)"
    return f"commit {commit}" + (" met wijzigingen die nog niet vastgelegd zijn" if changed else "")


def _amount(hundredths: int, unit: str | None) -> str:
    """A limit as its question counts it: euro with cents, or a number with its unit (66 jaar)."""
    number = hundredths / 100
    if unit and unit.startswith("EUR"):
        return f"€ {number:,.2f}".replace(",", " ").replace(".", ",") + unit.removeprefix("EUR")
    shown = f"{number:g}".replace(".", ",")
    return f"{shown} {unit}" if unit else shown


def _limits(catalogue: Catalogue, product_id: str, day: str) -> str:
    rule = compile_rule(product_id, catalogue.product(product_id).record.rechten)  # type: ignore[arg-type]
    compared = {leaf["waarde"]["grens"]: leaf["vraag"] for leaf in rule_leaves(rule) if isinstance(leaf["waarde"], dict)}
    parts = []
    for name, limit in rule["grenzen"].items():
        current = value_in_force(limit, day)
        unit = questions()[compared[name]].eenheid if name in compared else None
        if current is None:
            parts.append(f"{name}: nog geen waarde op de peildatum")
            continue
        shown = _amount(current["bedrag"], unit)
        if limit["per"]:
            shown += f" + {_amount(current['per_persoon'], unit)} × {limit['per']}"
        parts.append(f"{name}: {shown} (sinds {current['vanaf']})")
    return "; ".join(parts) or "geen"


def account(outreach: Outreach, catalogue: Catalogue, root: Path, letters_note: str) -> str:
    """The account as Markdown; `letters_note` says how many letters were written, or why none."""
    config, proactief = catalogue.config, catalogue.config.proactief
    day = outreach.day
    lines = [
        f"# Verantwoording van een proactieve verwerking – {config.organisatie}",
        "",
        f"- Peildatum: {day}",
        f"- Versie van de catalogus: {_version(root)}",
        f"- Rechtsgrond: {proactief.rechtsgrond or NOT_FILLED}",
        f"- Bezwaar maken: {proactief.bezwaar or NOT_FILLED}",
        f"- Huishoudens nagekeken: {outreach.evaluated}; overgeslagen wegens bezwaar voor alle producten: "
        f"{outreach.households.opted_out}",
        f"- Brieven: {letters_note}",
        "",
        "Dit verslag bevat geen nummers, namen, adressen of antwoorden van huishoudens: alleen aantallen, "
        "bestandsnamen en vingerafdrukken (SHA-256).",
        "",
        "## Gebruikte bestanden",
        "",
        "| rol | bestand | SHA-256 |",
        "|---|---|---|",
        *(f"| {role} | {name} | `{digest}` |" for role, name, digest in outreach.files),
        "",
        "## Regels",
        "",
        "| product | fiche | laatst nagekeken | regel (vingerafdruk) | grenzen op de peildatum |",
        "|---|---|---|---|---|",
    ]
    for product in outreach.products:
        entry = catalogue.product(product.product_id)
        review = entry.record.laatst_nagekeken or "nog niet"
        if product.product_id in catalogue.needs_review:
            review = f"{review} (de gedeelde fiche veranderde sindsdien: herzien nodig)"
        fiche = entry.path + (f" + {entry.local}" if entry.local else "")
        lines.append(f"| {product.product_id} | {fiche} | {review} | `{outreach.rules[product.product_id]}` | "
                     f"{_limits(catalogue, product.product_id, day)} |")
    lines += [
        "",
        "## Resultaat per product en categorie",
        "",
        "| product | categorie | in aanmerking | al bediend | uit te nodigen |",
        "|---|---|---|---|---|",
    ]
    for product in outreach.products:
        for category, count in product.categories.items():
            lines.append(f"| {product.product_id} | {product.category_names[category]} | {count.eligible} | "
                         f"{count.served} | {count.invited} |")
        lines.append(f"| {product.product_id} | misschien (gegevens ontbreken) | {product.maybe} | | |")
    lines += ["", "## Bezwaren, lijsten en ongeldige regels", ""]
    lines.append(f"- Bezwaar voor alle producten: {outreach.households.opted_out} huishoudens overgeslagen.")
    lines += [f"- Bezwaar voor {p.product_id} alleen: {p.opted_out} huishoudens niet meegeteld."
              for p in outreach.products if p.opted_out]
    lines += [f"- {name}: {len(found)} regels met een nummer dat bij geen huishouden hoort (zie niet-gevonden.csv)."
              for name, found in outreach.unmatched.items() if found]
    refused: dict[str, int] = {}
    for problem in outreach.problems:
        refused[problem.file] = refused.get(problem.file, 0) + 1
    lines += [f"- {name}: {count} ongeldige regels, niet verwerkt (zie ongeldige-regels.csv)."
              for name, count in sorted(refused.items())] or ["- Geen ongeldige regels."]
    return "\n".join(lines) + "\n"


def write(outreach: Outreach, catalogue: Catalogue, root: Path, target: Path, letters_note: str) -> Path:
    path = target / FILE_NAME
    path.write_text(account(outreach, catalogue, root, letters_note), encoding="utf-8")
    return path
