"""Command line: every `catalogus` command and its exit code (base.exitcode: 0 in order, 1 problems in the content,
2 wrong use or an internal error, as the README says). A thin adapter; the work happens in the packages."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from catalogus.base.exitcode import ExitCode
from catalogus.check import report
from catalogus.check.pipeline import CheckResult, check, check_every_town
from catalogus.load.layout import LayoutError, chosen_town, is_region, layout
from catalogus.outreach import command as proactive


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen datum; gebruik JJJJ-MM-DD") from None


def _add_today(command: argparse.ArgumentParser) -> None:
    # CATALOGUS_TODAY lets a test run the workflow's own commands on a fixed day.
    command.add_argument(
        "--today", type=_date, default=os.environ.get("CATALOGUS_TODAY"), help="datum van vandaag (JJJJ-MM-DD), voor tests"
    )


def _site_dir_problem(root: Path, site_dir: Path | None, town: str | None) -> str | None:
    if site_dir is None:
        return None
    from catalogus.build import site_dir_problem
    from catalogus.load.inventory import content_dir

    where = layout(root, town)
    return site_dir_problem(site_dir, root, content_dir(where.town))


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="catalogus", description="Productencatalogus van het Sociaal Huis.")
    main.add_argument("--root", type=Path, default=Path.cwd(), help="projectmap (met catalogus.yml); standaard: hier")
    main.add_argument(
        "--gemeente", default=None, metavar="NAAM",
        help="de gemeente (map onder gemeenten/) in een repository met meer gemeenten; 'check' zonder: alle gemeenten",
    )
    sub = main.add_subparsers(dest="command", required=True, metavar="opdracht")
    checker = sub.add_parser("check", help="kijk alle fiches en loketten na en meld elk probleem")
    checker.add_argument("paths", nargs="*", type=Path, help="alleen deze bestanden of mappen melden")
    _add_today(checker)
    checker.add_argument("--format", choices=report.FORMATS, default="mens", help="uitvoer: mens, github of json")
    checker.add_argument("--base", metavar="REV", help="alleen meldingen in bestanden die sinds REV (git) veranderden")
    checker.add_argument("--concept", action="store_true", help="velden 'IN TE VULLEN' zijn waarschuwingen, geen fouten")
    schema = sub.add_parser("schema", help="schrijf de JSON Schema's naar schemas/")
    schema.add_argument("--check", action="store_true", help="alleen nagaan of schemas/ up-to-date is")
    build = sub.add_parser("build", help="kijk alles na en bouw de website (geen site bij fouten)")
    _add_today(build)
    build.add_argument("--site-dir", type=Path, default=None, help="waar de site komt; standaard: site/ in de projectmap")
    build.add_argument("--concept", action="store_true", help="conceptsite: velden 'IN TE VULLEN' mogen, met een banner")
    build.add_argument(
        "--intern", action="store_true", help="bouw de interne editie voor medewerkers (intranet), standaard in site-intern/"
    )
    serve = sub.add_parser("serve", help="toon de website lokaal en bouw opnieuw bij elke wijziging")
    _add_today(serve)
    serve.add_argument("--dev-addr", default=None, metavar="IP:POORT", help="adres van de preview; standaard 127.0.0.1:8000")
    proactive.add_parser(sub, _add_today)
    _add_editor_commands(sub)
    from catalogus.workflow.adoption import add_commands
    from catalogus.workflow.new_town import add_command

    add_command(sub)
    add_commands(sub, _add_today)
    return main


def _add_editor_commands(sub: argparse._SubParsersAction) -> None:
    """Commands for the editors' workflow on GitHub: pull-request report, reminders, CODEOWNERS."""
    pr = sub.add_parser("pr-verslag", help="Markdown-verslag van de gewijzigde fiches, voor de reactie bij een voorstel")
    pr.add_argument("--base", metavar="REV", required=True, help="vergelijk met deze versie (git), bv. main")
    _add_today(pr)
    reminders = sub.add_parser("herinneringen", help="welke fiches moet elke eigenaar binnenkort nakijken?")
    _add_today(reminders)
    reminders.add_argument("--format", choices=("markdown", "json"), default="markdown", help="markdown of json")
    reminders.add_argument(
        "--repo-url", default=os.environ.get("CATALOGUS_REPO_URL"), help="adres van de repository, voor links"
    )
    owners = sub.add_parser("codeowners", help="schrijf .github/CODEOWNERS uit de eigenaars van de fiches")
    owners.add_argument("--check", action="store_true", help="alleen nagaan of .github/CODEOWNERS up-to-date is")


def main(argv: list[str] | None = None) -> ExitCode:
    args = parser().parse_args(argv)
    try:
        return _run(args)
    except KeyboardInterrupt:
        return ExitCode.USAGE
    except LayoutError as exc:
        print(f"catalogus: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    except Exception as exc:  # noqa: BLE001 - never show a traceback to an editor
        print(f"catalogus: interne fout ({type(exc).__name__}: {exc}). Meld dit aan de beheerders.", file=sys.stderr)
        return ExitCode.USAGE


def _run(args: argparse.Namespace) -> ExitCode:
    root = args.root.resolve()
    if args.command == "check":
        missing = [p for p in args.paths if not p.exists()]
        if missing:
            print(f"catalogus: bestaat niet: {', '.join(map(str, missing))}", file=sys.stderr)
            return ExitCode.USAGE
        today = args.today or dt.date.today()
        every = is_region(root) and chosen_town(args.gemeente) is None
        if every:
            result = check_every_town(root, today, args.paths or None, concept=args.concept)
        else:
            result = check(root, today, args.paths or None, concept=args.concept, town=args.gemeente)
        if args.base:
            from catalogus.check.pipeline import check_base, only_changed
            from catalogus.load.git import GitError, changed_files

            try:
                changed = changed_files(root, args.base)
                base = check_base(root, args.base, today, town=args.gemeente, every=every, concept=args.concept)
                result = only_changed(result, changed, base)
            except GitError as exc:
                print(f"catalogus: {exc}", file=sys.stderr)
                return ExitCode.USAGE
        print(report.render(result, args.format))
        return ExitCode.CONTENT if result.errors else ExitCode.OK
    if args.command == "schema":
        from catalogus.model.schema import write_schemas

        stale = write_schemas(root, only_check=args.check)
        if stale and args.check:
            print("Verouderd: " + ", ".join(stale) + ". Voer 'catalogus schema' uit.", file=sys.stderr)
            return ExitCode.CONTENT
        print("Bijgewerkt: " + ", ".join(stale) if stale else "De schema's zijn up-to-date.")
        return ExitCode.OK
    if args.command in ("build", "serve"):
        from catalogus.build import build_site, serve_site

        today = args.today or dt.date.today()
        if args.command == "build":
            problem = _site_dir_problem(root, args.site_dir, args.gemeente)
            if problem:
                print(f"catalogus: {problem}", file=sys.stderr)
                return ExitCode.USAGE
            return build_site(root, today, args.site_dir, internal=args.intern, concept=args.concept, town=args.gemeente)
        return serve_site(root, today, args.dev_addr, town=args.gemeente)
    if args.command == "nieuwe-gemeente":
        from catalogus.workflow.new_town import run

        return run(root, args)
    if args.command == "proactief":
        return proactive.run_command(args, root)
    from catalogus.workflow import adoption

    if args.command in adoption.COMMANDS:
        return adoption.run(args, root)
    return _run_editor_command(args, root)


def _run_editor_command(args: argparse.Namespace, root: Path) -> ExitCode:
    from catalogus.check.owners import town_config

    if args.command == "codeowners":
        return _codeowners(args, root)
    if args.command == "pr-verslag":
        return _pr_report(args, root)
    where = layout(root, args.gemeente)
    config, problems = town_config(where)
    if config is None:
        print(report.human(CheckResult(problems, 1)))
        return ExitCode.CONTENT
    today = getattr(args, "today", None) or dt.date.today()
    if args.command == "herinneringen":
        from catalogus.workflow import reminders

        print(reminders.render(reminders.plan(where, config, today), today, args.format, args.repo_url), end="")
        return ExitCode.OK
    return ExitCode.USAGE


def _codeowners(args: argparse.Namespace, root: Path) -> ExitCode:
    """One CODEOWNERS for the repository: every town's fiches and teams."""
    from catalogus.check.owners import town_config
    from catalogus.load.layout import every_town
    from catalogus.workflow import codeowners

    towns = []
    for where in every_town(root):
        config, problems = town_config(where)
        if config is None:
            print(report.human(CheckResult(problems, 1)))
            return ExitCode.CONTENT
        towns.append((where, config))
    if args.check:
        diff = codeowners.stale_diff(root, towns)
        if diff:
            print(f"{codeowners.CODEOWNERS} klopt niet meer met de eigenaars van de fiches. Voer 'catalogus "
                  f"codeowners' uit, of pas het bestand in de webomgeving zo aan:\n\n{diff}", file=sys.stderr)
            return ExitCode.CONTENT
        print(f"{codeowners.CODEOWNERS} is up-to-date.")
        return ExitCode.OK
    rewritten = codeowners.write(root, towns)
    print(f"{codeowners.CODEOWNERS} {'bijgewerkt' if rewritten else 'is up-to-date'}.")
    return ExitCode.OK


def _pr_report(args: argparse.Namespace, root: Path) -> ExitCode:
    """The comment on a proposal: in a region's repository without --gemeente, every town's check."""
    from catalogus.check.owners import town_config
    from catalogus.check.pipeline import check_base
    from catalogus.load.git import GitError, changed_files
    from catalogus.load.inventory import content_dir
    from catalogus.load.layout import every_town
    from catalogus.workflow import pr_report

    today = args.today or dt.date.today()
    every = is_region(root) and chosen_town(args.gemeente) is None
    towns = every_town(root) if every else [layout(root, args.gemeente)]
    for where in towns:
        config, problems = town_config(where)
        if config is None:
            print(report.human(CheckResult(problems, 1)))
            return ExitCode.CONTENT
    try:
        changed = changed_files(root, args.base)
        base = check_base(root, args.base, today, town=args.gemeente, every=every)
    except GitError as exc:
        print(f"catalogus: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    result = check_every_town(root, today) if every else check(root, today, town=args.gemeente)
    contents = tuple(where.display(content_dir(where.town)) for where in towns)
    print(pr_report.render(root, result, changed, contents, base), end="")
    return ExitCode.OK
