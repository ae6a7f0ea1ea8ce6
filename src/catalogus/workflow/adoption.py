"""A town and the shared catalogue: what it has adopted, what to review, and keeping up with upstream.

    catalogus gedeeld                     per shared fiche: new (to adopt), to review (what changed), in
                                          preparation, not offered, gone upstream
    catalogus overnemen ID… | --alle      adopt: write the town's local file with what to fill in
    catalogus niet-aanbieden ID [--reden] the town does not offer this service: it leaves the town's site
    catalogus nagekeken ID… | --alle      the town checked its values against the shared fiche as it is now
    catalogus bijwerken [--bron upstream] pull the shared catalogue and other towns, then say per fiche what to do

Only the town's own folder is written, so a fork never conflicts with upstream. Local files are edited as
text, line by line, so the town's comments and order stay as they were.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

import yaml

from catalogus.base.exitcode import ExitCode
from catalogus.check import report
from catalogus.check.pipeline import CheckResult, check
from catalogus.load.drafts import MARKER
from catalogus.load.git import GitError, run_git
from catalogus.load.instances import OFFERED_FIELD, REASON_FIELD, VERSION_FIELD, Instance, State, version_of
from catalogus.load.inventory import LOCAL_DIR, LOCAL_SUFFIX, content_dir
from catalogus.load.layout import SHARED_PRODUCTS, Layout, layout
from catalogus.load.shared_changes import gone
from catalogus.model import SLUG_PATTERN
from catalogus.model.config import SHARED_DIR
from catalogus.workflow.new_town import yaml_text

SHOWN_NEW = 40  # new fiches named one by one in the status; the rest are counted


def add_commands(sub: argparse._SubParsersAction, add_today) -> None:
    status = sub.add_parser("gedeeld", help="wat is er nieuw, gewijzigd of verdwenen in de gedeelde catalogus?")
    add_today(status)
    adopt = sub.add_parser("overnemen", help="neem gedeelde fiches over: maakt het lokale bestand om in te vullen")
    adopt.add_argument("ids", nargs="*", metavar="ID", help="de id's van de gedeelde fiches")
    adopt.add_argument("--alle", action="store_true", help="alle gedeelde fiches die nog niet overgenomen zijn")
    adopt.add_argument("--loket", help="het loket (id) voor deze fiches; anders 'IN TE VULLEN'")
    adopt.add_argument("--eigenaar", help="de eigenaar (dienst of team) van deze fiches; anders 'IN TE VULLEN'")
    add_today(adopt)
    refuse = sub.add_parser("niet-aanbieden", help="uw gemeente biedt deze dienst niet aan: weg van uw site")
    refuse.add_argument("ids", nargs="+", metavar="ID")
    refuse.add_argument("--reden", help="waarom niet, of waar burgers dan terechtkunnen (voor medewerkers)")
    add_today(refuse)
    reviewed = sub.add_parser("nagekeken", help="u keek uw lokale gegevens na tegen de gedeelde fiche zoals ze nu is")
    reviewed.add_argument("ids", nargs="*", metavar="ID")
    reviewed.add_argument("--alle", action="store_true", help="alle fiches met 'herzien nodig'")
    add_today(reviewed)
    update = sub.add_parser("bijwerken", help="haal de gedeelde catalogus binnen (git) en zeg per fiche wat te doen")
    update.add_argument("--bron", default="upstream", help="de git-remote van de gedeelde catalogus (standaard upstream)")
    update.add_argument("--tak", default="main", help="de tak (standaard main)")
    add_today(update)


COMMANDS = ("gedeeld", "overnemen", "niet-aanbieden", "nagekeken", "bijwerken")


def run(args: argparse.Namespace, root: Path) -> ExitCode:
    where = layout(root, args.gemeente)
    if where.shared is None:
        print(f"catalogus: deze projectmap heeft geen gedeelde catalogus ({SHARED_DIR}/{SHARED_PRODUCTS}/)", file=sys.stderr)
        return ExitCode.USAGE
    today = getattr(args, "today", None) or dt.date.today()
    if args.command == "bijwerken":
        return _update(where, args.bron, args.tak, today)
    result = check(root, today, town=where.name or None)
    if not result.instances:
        print(report.human(result))
        return ExitCode.CONTENT
    if args.command == "gedeeld":
        print(status(where, result), end="")
        return ExitCode.OK
    chosen = _chosen(args, result.instances)
    if chosen is None:
        return ExitCode.USAGE
    if args.command == "overnemen":
        if args.loket and not re.fullmatch(SLUG_PATTERN, args.loket):
            print("catalogus: --loket is de id van een loket (kleine letters en koppeltekens, bv. onthaal-ocmw)", file=sys.stderr)
            return ExitCode.USAGE
        return _adopt(where, chosen, args.loket, args.eigenaar)
    if args.command == "niet-aanbieden":
        return _not_offered(where, chosen, args.reden)
    return _mark_reviewed(where, chosen, today)


def status(where: Layout, result: CheckResult, since: set[str] | None = None) -> str:
    """The town's instances grouped by what to do; `since`: only these fiche ids (what an update changed)."""
    items = [i for i in result.instances if since is None or i.fiche_id in since]
    groups: dict[str, list[Instance]] = {}
    for item in items:
        key = "herzien" if item.needs_review else item.state.value
        groups.setdefault(key, []).append(item)
    name = where.name or "deze gemeente"
    counts = ", ".join(f"{len(groups.get(k, []))} {label}" for k, label in _LABELS)
    lines = [f"Gedeelde catalogus voor {name}: {len(items)} gedeelde fiches ({counts}).", ""]
    for item in groups.get("herzien", []):
        assert item.local is not None
        lines.append(f"- herzien nodig: {item.fiche_id} ({item.local.path}): {item.changes}")
    if groups.get("herzien"):
        lines += ["  Kijk uw lokale gegevens na en voer dan 'catalogus nagekeken <id>' uit.", ""]
    for item in groups.get(State.UNFINISHED.value, []):
        lines.append(f"- in voorbereiding: {item.fiche_id}: vul '{MARKER}' in ({item.local.path if item.local else ''})")
    for item in groups.get(State.NOT_OFFERED.value, []):
        lines.append(f"- niet aangeboden: {item.fiche_id}" + (f" ({item.reason})" if item.reason else ""))
    new = [item.fiche_id for item in groups.get(State.NEW.value, [])]
    if new:
        listed = ", ".join(new[:SHOWN_NEW]) + (f" en nog {len(new) - SHOWN_NEW}" if len(new) > SHOWN_NEW else "")
        lines += [f"- nieuw, nog over te nemen ({len(new)}): {listed}", "  Neem over met 'catalogus overnemen <id>' "
                  "(of --alle), of zeg 'catalogus niet-aanbieden <id>'."]
    lines += [f"- {f.message}" for f in result.findings if f.field == "bestand" and "gedeelde fiche" in f.message]
    return "\n".join(lines).rstrip() + "\n"


_LABELS = (
    ("herzien", "herzien nodig"),
    (State.ADOPTED.value, "overgenomen"),
    (State.UNFINISHED.value, "in voorbereiding"),
    (State.NOT_OFFERED.value, "niet aangeboden"),
    (State.NEW.value, "nieuw"),
)


def _chosen(args: argparse.Namespace, instances: list[Instance]) -> list[Instance] | None:
    by_id = {item.fiche_id: item for item in instances}
    if getattr(args, "alle", False):
        wanted = State.NEW if args.command == "overnemen" else None
        return [i for i in instances if (i.state is wanted if wanted else i.needs_review)]
    unknown = [i for i in args.ids if i not in by_id]
    if unknown or not args.ids:
        what = f"'{unknown[0]}' is geen gedeelde fiche" if unknown else "geef de id's van de fiches (of --alle)"
        print(f"catalogus: {what}; 'catalogus gedeeld' toont ze", file=sys.stderr)
        return None
    return [by_id[i] for i in args.ids]


def local_path(where: Layout, fiche_id: str) -> Path:
    return content_dir(where.town) / LOCAL_DIR / f"{fiche_id}{LOCAL_SUFFIX}"


def _adopt(where: Layout, chosen: list[Instance], loket: str | None, owner: str | None) -> ExitCode:
    written = 0
    for item in chosen:
        path = local_path(where, item.fiche_id)
        if item.local is not None or path.exists():
            print(f"{item.fiche_id}: al {item.state.value} ({where.display(path)}); niets veranderd")
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_template(where, item, loket, owner), encoding="utf-8")
        print(f"{item.fiche_id}: overgenomen in {where.display(path)}; vul in wat '{MARKER}' is")
        written += 1
    if written:
        print(f"\n{written} fiches overgenomen. Ze komen op uw site zodra alles ingevuld is "
              "('catalogus check' toont wat ontbreekt).")
    return ExitCode.OK


def _template(where: Layout, item: Instance, loket: str | None, owner: str | None) -> str:
    data = item.shared.data or {}
    lines = [
        f"# Uw gemeente: lokale gegevens bij de gedeelde fiche {item.shared.path}.",
        "# Vul hieronder in wat nog ontbreekt; zolang dat zo is, komt de fiche niet op uw site. Uitleg: gedeeld/README.md.",
        f"loket: {loket or MARKER}  # de id van uw loket (een bestand in loketten/), bv. onthaal-ocmw",
    ]
    if "kostprijs" not in data:
        lines += [
            "# Wat betaalt de burger bij u? Vervang de regel 'kostprijs' hieronder, bv. door een van deze voorbeelden:",
            "#   kostprijs:",
            "#     gratis: true",
            "# of",
            "#   kostprijs:",
            "#     gratis: false",
            "#     bedragen:",
            "#       - omschrijving: Per maaltijd",
            "#         bedrag: 10.00",
            "#     toelichting: U krijgt één factuur per maand.",
            "#     bron:",
            "#       titel: Retributiereglement van uw gemeente",
            f"kostprijs: {MARKER}",
        ]
    else:
        lines.append("# De kostprijs staat in de gedeelde fiche; geldt bij u iets anders, zet dan hier 'kostprijs:'.")
    lines += [
        f"eigenaar: {yaml_text(owner) if owner else MARKER}  # de dienst of het team dat deze fiche nakijkt",
        f"laatst_nagekeken: {MARKER}  # de datum (JJJJ-MM-DD) van uw nazicht; 'catalogus nagekeken {item.fiche_id}' vult ze in",
        f"{VERSION_FIELD}: {version_text(item.version)}  # niet aanpassen: de versie van de gedeelde fiche die u overnam",
    ]
    return "\n".join(lines) + "\n"


def _not_offered(where: Layout, chosen: list[Instance], reason: str | None) -> ExitCode:
    for item in chosen:
        path = local_path(where, item.fiche_id)
        text = path.read_text(encoding="utf-8") if path.exists() else (
            f"# Uw gemeente biedt '{item.fiche_id}' niet aan: de fiche en elke verwijzing ernaar staan niet op uw site.\n"
        )
        text = set_field(text, OFFERED_FIELD, "false")
        if reason:
            text = set_field(text, REASON_FIELD, yaml_text(" ".join(reason.split())))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"{item.fiche_id}: niet aangeboden ({where.display(path)}); de fiche verdwijnt van uw site")
    return ExitCode.OK


def _mark_reviewed(where: Layout, chosen: list[Instance], today: dt.date) -> ExitCode:
    code = ExitCode.OK
    for item in chosen:
        if item.local is None:
            print(f"catalogus: {item.fiche_id} is nog niet overgenomen: 'catalogus overnemen {item.fiche_id}'", file=sys.stderr)
            code = ExitCode.USAGE
            continue
        path = where.root / item.local.path
        version = version_text(version_of(where.root / item.shared.path))
        text = set_field(path.read_text(encoding="utf-8"), VERSION_FIELD, version)
        text = set_field(text, "laatst_nagekeken", today.isoformat())
        path.write_text(text, encoding="utf-8")
        print(f"{item.fiche_id}: nagekeken op {today.isoformat()} tegen de gedeelde versie van nu ({item.local.path})")
    return code


def version_text(version: str) -> str:
    """A version as YAML reads it back: quoted when it holds only digits (a hex id can: 493349820632), which YAML
    would read as a number."""
    return version if isinstance(yaml.safe_load(version), str) else yaml_text(version)


def set_field(text: str, key: str, value: str) -> str:
    """Replace the top-level `key: …` line of a YAML text (keeping a comment after it), or add it at the end."""
    pattern = re.compile(rf"^{re.escape(key)}:[^\n#]*(#[^\n]*)?$", re.M)
    match = pattern.search(text)
    if match is None:
        return text + ("" if text.endswith("\n") or not text else "\n") + f"{key}: {value}\n"
    comment = f"  {match.group(1)}" if match.group(1) and key != "laatst_nagekeken" else ""
    return text[: match.start()] + f"{key}: {value}{comment}" + text[match.end() :]


def _update(where: Layout, remote: str, branch: str, today: dt.date) -> ExitCode:
    """git fetch + merge of the shared catalogue; then what changed, per fiche, for this town."""
    folder = f"{SHARED_DIR}/{SHARED_PRODUCTS}"
    try:
        before = run_git(where.root, "rev-parse", "HEAD").strip()
        run_git(where.root, "fetch", "--quiet", remote, branch)
        run_git(where.root, "merge", "--no-edit", "--quiet", "FETCH_HEAD")
        changes = run_git(where.root, "diff", "--name-status", "-M", before, "HEAD", "--", folder)
    except GitError as exc:
        print(f"catalogus: bijwerken lukte niet: {exc}. Los dit op met git (git status) en probeer opnieuw.", file=sys.stderr)
        return ExitCode.USAGE
    touched: set[str] = set()
    gone_lines = []
    for line in changes.splitlines():
        fields = line.split("\t")
        old_id = Path(fields[1]).stem
        if fields[0].startswith("R") and len(fields) == 3:
            gone_lines.append(f"- hernoemd: {old_id} heet nu {Path(fields[2]).stem}")
            touched.add(Path(fields[2]).stem)
        elif fields[0] == "D":
            event = gone(where.root, folder, old_id)
            gone_lines.append(f"- verwijderd: {old_id}" + (f" ('{event.subject}')" if event else ""))
        else:
            touched.add(old_id)
    result = check(where.root, today, town=where.name or None)
    if not touched and not gone_lines:
        print("De gedeelde catalogus is bijgewerkt: er veranderde geen gedeelde fiche.")
        return ExitCode.OK
    print(f"De gedeelde catalogus is bijgewerkt: {len(touched)} gedeelde fiches nieuw of gewijzigd.\n")
    print(status(where, result, touched), end="")
    if gone_lines:
        print("\n".join(["", "Verdwenen uit de gedeelde catalogus:", *gone_lines]))
        mine = [f for f in result.findings if f.field == "bestand" and "gedeelde fiche" in f.message]
        print("\n".join(f"  {f.path}: {f.message}" for f in mine))
    return ExitCode.OK
