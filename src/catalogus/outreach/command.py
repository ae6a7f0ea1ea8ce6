"""`catalogus proactief`: the command-line side of the outreach batch (batch.py runs it, letters.py writes it)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from catalogus.base.exitcode import ExitCode
from catalogus.check import report
from catalogus.check.pipeline import check
from catalogus.outreach import accounts, letters
from catalogus.outreach import batch as outreach
from catalogus.outreach.table import ENCODINGS, OutreachError

SITE_DIR = "site"


def add_parser(sub: argparse._SubParsersAction, add_today) -> None:
    command = sub.add_parser(
        "proactief",
        help="zoek huishoudens die recht hebben maar het nog niet krijgen, en maak de uitnodigingen",
        description="Leest de huishoudens: een CSV met één rij per huishouden (kolommen = vragen uit vragen.yml), of "
        "de gezinssamenstelling met de statuslijsten per persoon (bv. van de Kruispuntbank), of beide; dan de lijst "
        "van wie al bediend wordt en de bezwaren. Schrijft uitnodigingen, brieven en een verantwoording. "
        "Persoonsgegevens horen nooit in de repository of op de site: de uitvoermap moet daarbuiten liggen.",
    )
    command.add_argument("--huishoudens", type=Path, help="CSV met één rij per huishouden")
    command.add_argument(
        "--gezinnen", type=Path, help="CSV met kolommen rijksregisternummer en huishouden: wie woont waar (bevolkingsregister)"
    )
    command.add_argument(
        "--statussen",
        type=Path,
        action="append",
        default=[],
        help="CSV met kolommen rijksregisternummer, status, begin en einde (mag meer dan eens); welke status welke "
        "vraag beantwoordt, staat in catalogus.yml onder proactief.statussen",
    )
    command.add_argument("--bediend", type=Path, help="CSV met kolommen huishouden en product: wie het al krijgt")
    command.add_argument(
        "--bezwaar", type=Path, help="CSV met kolom huishouden (en eventueel product): wie bezwaar maakte (recht van verzet)"
    )
    command.add_argument(
        "--codering",
        choices=ENCODINGS,
        help="tekencodering van de CSV-bestanden; standaard herkend (UTF-8, met of zonder BOM, anders cp1252)",
    )
    command.add_argument("--uit", type=Path, required=True, help="uitvoermap, buiten de repository en de site")
    command.add_argument("--product", action="append", help="alleen dit product (mag meer dan eens)")
    command.add_argument("--sjabloon", type=Path, help="eigen briefsjabloon (Jinja2-HTML); standaard brief.html.j2")
    command.add_argument("--forceer", action="store_true", help="schrijf toch in de repository of de site (af te raden)")
    add_today(command)


def run_command(args: argparse.Namespace, root: Path) -> ExitCode:
    today = args.today or dt.date.today()
    result = check(root, today, town=args.gemeente)
    if result.errors or result.catalogue is None:
        print(report.human(result))
        return ExitCode.CONTENT
    catalogue = result.catalogue
    content = root / catalogue.content_path
    problem = outreach.unsafe_output(args.uit, root, root / SITE_DIR, content)
    if problem and not args.forceer:
        print(
            f"catalogus: {problem}. De uitvoer bevat gegevens over huishoudens; die mogen nooit in git of op de "
            "publieke site belanden. Kies een map buiten het project (of gebruik --forceer als u weet wat u doet).",
            file=sys.stderr,
        )
        return ExitCode.USAGE
    unknown = sorted(set(args.product or ()) - {entry.id for entry, _ in catalogue.with_rules()})
    if unknown:
        print(f"catalogus: '{unknown[0]}' is geen fiche met regels ('rechten')", file=sys.stderr)
        return ExitCode.USAGE
    started = time.perf_counter()
    try:
        inputs = outreach.Inputs(args.huishoudens, args.gezinnen, tuple(args.statussen), args.bediend, args.bezwaar)
        run = outreach.run(catalogue, inputs, today, args.product, args.codering)
        no_letters = letters.write(run, catalogue, args.uit, args.sjabloon)
    except OutreachError as exc:
        print(f"catalogus: {exc}", file=sys.stderr)
        return ExitCode.CONTENT
    note = f"geen: {no_letters}" if no_letters else f"{run.letters} geschreven"
    account = accounts.write(run, catalogue, root, args.uit, note)
    print(outreach.report(run))
    seconds = time.perf_counter() - started
    print(f"\n{run.letters} brieven en de uitnodigingen geschreven in {args.uit} ({seconds:.1f} s).")
    print(f"Verantwoording voor de functionaris voor gegevensbescherming: {account}")
    if no_letters:
        print(f"catalogus: {no_letters}", file=sys.stderr)
    return ExitCode.CONTENT if run.problems else ExitCode.OK
