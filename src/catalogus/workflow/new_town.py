"""`catalogus nieuwe-gemeente`: add a town to the region's repository, as a draft, in a folder of its own.

Only gemeenten/<map>/ is written; the shared fiches (gedeeld/) and every other town stay as they are, so a
fork that adds its town keeps pulling upstream without conflicts:

    catalogus.yml       every setting explained, the town's answers filled in; its local names ($naam in the
                        shared fiches) 'IN TE VULLEN', each with what it is, how the fiches use it and an example
    paginas.yml         the template town's accessibility and privacy pages (generic texts), to review
    content/loketten/   the template town's loketten as templates: the same ids, every value 'IN TE VULLEN'
    NIEUWE-GEMEENTE.md  the path to going live, with ready-to-copy commands

No shared fiche is adopted: a town goes live in stages ('catalogus overnemen', workflow.adoption). Every
'IN TE VULLEN' is an error for `catalogus check` (catalogus.load.drafts), so nothing half-filled is published;
`catalogus build --concept` previews it. .github/CODEOWNERS is rewritten only if the new town changes it.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from catalogus.base.exitcode import ExitCode
from catalogus.base.markup import link_problem
from catalogus.base.slug import slug
from catalogus.check.owners import town_config
from catalogus.load.drafts import MARKER
from catalogus.load.inventory import INTERNAL_DIR, LOCAL_DIR, LOCAL_SUFFIX
from catalogus.load.layout import Layout, every_town, is_region, layout, town_names
from catalogus.load.placeholders import PLACEHOLDER
from catalogus.load.sources import load_settings, load_source
from catalogus.model import SLUG_PATTERN, WEEKDAYS
from catalogus.model.config import CONFIG_FILE, PAGES_FILE, SHARED_DIR, TOWN_NAME, TOWNS_DIR, Nakijken, TownConfig
from catalogus.workflow import codeowners

CHECKLIST = "NIEUWE-GEMEENTE.md"
COMMAND = ".venv/bin/catalogus"  # as the README runs it after 'make check'
BUILT_IN = ("gemeente", "organisatie")  # placeholders the site fills in from the settings themselves
EXAMPLE_LENGTH = 160  # characters of the template town's description shown as an example
SLOTS_EXAMPLE = '["09:00-12:00", "13:30-16:30"]'
WORDS_BEFORE, WORDS_AFTER = 7, 3  # the words shown around a local name's use in a fiche
YAML_KEY = re.compile(r"^\s*(?:- +)?(?:[a-z_]+:(?: |$))?(?:- +)?")  # 'key: ', '- ', '- key: ' before a value
QUESTIONS = (
    ("naam", "Naam van de gemeente"),
    ("organisatie", "Naam van de organisatie (leeg: Sociaal Huis <gemeente>)"),
    ("site_url", "Adres van de website (https://…), of leeg"),
    ("repository_url", "Adres van uw repository (https://github.com/…), of leeg"),
    ("email", "E-mailadres waar burgers een fout melden, of leeg"),
    ("nis_code", "NIS-code (5 cijfers), of leeg"),
    ("taal", "Taal van de site (nl of fr; leeg: nl)"),
)
# What each local name of the shared fiches is; the example comes from the template town, the use in a
# sentence from the fiches themselves. A name not listed here still gets its use and example.
NAME_HINTS = {
    "dienstencentrum": "alleen de eigen naam van uw lokaal dienstencentrum, kort: de fiches zetten er zelf "
    "'dienstencentrum' voor",
    "andere_dienstencentra": "de andere dienstencentra of ontmoetingsplaatsen in uw gemeente, als opsomming",
    "deelgemeenten": "de deelgemeenten van uw gemeente, als opsomming met 'en' (de fiche zet de naam van de "
    "gemeente ervoor)",
    "arbeidsrechtbank": "de plaats en de afdeling van de arbeidsrechtbank voor uw gemeente (niet het woord "
    "'arbeidsrechtbank': dat staat al in de zin)",
}


def add_command(sub: argparse._SubParsersAction) -> None:
    new = sub.add_parser(
        "nieuwe-gemeente", help="voeg een gemeente toe: maakt gemeenten/<gemeente>/ om in te vullen (als concept)"
    )
    new.add_argument("--naam", help="naam van de gemeente, bv. Kuurne")
    new.add_argument("--map", help="naam van de map onder gemeenten/; standaard de naam in kleine letters")
    new.add_argument("--organisatie", help="naam van de organisatie; standaard 'Sociaal Huis <naam>'")
    new.add_argument("--site-url", help="publiek adres van de website")
    new.add_argument("--repository-url", help="adres van de repository (voor meldingen en de redactiepagina)")
    new.add_argument("--email", help="e-mailadres waar burgers een fout melden")
    new.add_argument("--nis-code", help="NIS-code van de gemeente (5 cijfers)")
    new.add_argument("--taal", help="taal van de site: nl (standaard) of fr")
    new.add_argument(
        "--loketten-van", metavar="GEMEENTE", help="gemeente (map) waarvan de loketten als sjabloon dienen; standaard de eerste"
    )


@dataclass(frozen=True)
class Template:
    """The existing town whose loketten, pages and most asked fiches the new town starts from."""

    where: Layout
    config: TownConfig
    loketten: dict[str, dict[str, Any]]  # id -> the loket's data
    loket_of: dict[str, str]  # shared fiche id -> the template town's loket for it


@dataclass(frozen=True)
class Name:
    """A local name the shared fiches write as $naam."""

    key: str
    fiches: list[str]
    used: str  # a bit of a sentence around its first use


def run(root: Path, args: argparse.Namespace) -> ExitCode:
    answers = _answers(args)
    name = answers["naam"]
    problem = _answer_problem(root, answers)
    if problem:
        print(f"catalogus: {problem}", file=sys.stderr)
        return ExitCode.USAGE
    if not is_region(root):
        print(f"catalogus: deze projectmap heeft geen map {TOWNS_DIR}/ (of heeft een {CONFIG_FILE} bovenaan); "
              f"'nieuwe-gemeente' maakt een map {TOWNS_DIR}/<gemeente>/ naast de andere gemeenten", file=sys.stderr)
        return ExitCode.USAGE
    folder = (getattr(args, "map", None) or slug(name)).strip()
    if not re.fullmatch(SLUG_PATTERN, folder):
        print(f"catalogus: '{folder}' is geen goede mapnaam: kleine letters, cijfers en koppeltekens (--map)", file=sys.stderr)
        return ExitCode.USAGE
    target = root / TOWNS_DIR / folder
    if target.exists():
        print(f"catalogus: {TOWNS_DIR}/{folder}/ bestaat al; er is niets veranderd. Kies een andere map met --map, "
              f"of werk die gemeente bij met 'catalogus --gemeente {folder} …'", file=sys.stderr)
        return ExitCode.USAGE
    template, problem = _template(root, getattr(args, "loketten_van", None))
    if template is None:
        print(f"catalogus: {problem}", file=sys.stderr)
        return ExitCode.USAGE
    shared = root / SHARED_DIR / "products"
    names = local_names(shared)
    before = _codeowners_towns(root)
    work = root / TOWNS_DIR / f".{folder}.nieuw"
    shutil.rmtree(work, ignore_errors=True)
    try:
        contact = _write_town(work, answers, template, names, folder)
        work.rename(target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    owners_changed = _update_codeowners(root, before)
    _summary(folder, name, template, names, contact, owners_changed)
    return ExitCode.OK


def _answers(args: argparse.Namespace) -> dict[str, str]:
    answers = {key: getattr(args, key, None) for key, _ in QUESTIONS}
    if sys.stdin.isatty():
        for key, question in QUESTIONS:
            if answers[key] is None:
                answers[key] = input(f"{question}: ")
    return {key: " ".join((value or "").split()) for key, value in answers.items()}


def _answer_problem(root: Path, answers: dict[str, str]) -> str | None:
    if not re.match(TOWN_NAME, answers["naam"]):
        return "geef de naam van de gemeente met --naam (letters, spaties, koppeltekens)"
    if answers["nis_code"] and not re.fullmatch(r"[0-9]{5}", answers["nis_code"]):
        return "de NIS-code heeft 5 cijfers (--nis-code)"
    if answers["email"] and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", answers["email"]):
        return f"'{answers['email']}' is geen e-mailadres (--email)"
    for key in ("site_url", "repository_url"):
        problem = link_problem(answers[key]) if answers[key] else None
        if problem:
            return f"--{key.replace('_', '-')}: {problem}"
    taal = answers["taal"] or "nl"
    known = sorted(p.stem for p in (root / "translations").glob("*.yml"))
    if not re.fullmatch(r"[a-z]{2}", taal) or (known and taal not in known):
        return f"de taal '{taal}' bestaat niet; kies uit {', '.join(known) or 'nl'} (--taal)"
    return None


def _template(root: Path, wanted: str | None) -> tuple[Template | None, str]:
    towns = town_names(root)
    if not towns:
        return None, f"er staat nog geen gemeente in {TOWNS_DIR}/ om de loketten van over te nemen"
    name = wanted or towns[0]
    if name not in towns:
        return None, f"--loketten-van {name}: die gemeente staat niet in {TOWNS_DIR}/; gemeenten: {', '.join(towns)}"
    where = layout(root, name)
    config, problems = town_config(where)
    if config is None:
        first = problems[0].message if problems else "onleesbaar"
        return None, f"de instellingen van {name} ({where.config_display}) zijn niet te lezen: {first}"
    content = where.town / config.content_map
    loketten: dict[str, dict[str, Any]] = {}
    for path in sorted((content / "loketten").glob("*.md")):
        data = load_source(path, where.display(path)).data
        if path.name != "README.md" and re.fullmatch(SLUG_PATTERN, path.stem):
            loketten[path.stem] = data if isinstance(data, dict) else {}
    if not loketten:
        return None, f"{name} heeft geen loketten om als sjabloon te gebruiken; kies een andere met --loketten-van"
    loket_of: dict[str, str] = {}
    for path in sorted((content / LOCAL_DIR).glob(f"*{LOCAL_SUFFIX}")):
        data = load_settings(path, where.display(path)).data
        loket = data.get("loket") if isinstance(data, dict) else None
        if isinstance(loket, str) and loket in loketten:
            loket_of[path.stem] = loket
    return Template(where, config, loketten, loket_of), ""


def local_names(shared: Path) -> list[Name]:
    """Every $naam the shared fiches use (not $gemeente or $organisatie): which fiches, and how it is used."""
    fiches: dict[str, list[str]] = {}
    used: dict[str, tuple[int, str]] = {}  # the use with the most words before the name (up to WORDS_BEFORE)
    for path in sorted(shared.glob("*.md")):
        for unit in _sentences(path.read_text(encoding="utf-8")):
            for match in PLACEHOLDER.finditer(unit):
                key = match.group(1)
                if key in BUILT_IN:
                    continue
                if path.stem not in fiches.setdefault(key, []):
                    fiches[key].append(path.stem)
                before = unit[: match.start()].split()
                after = unit[match.end() :].split(" ")
                shown = before[-WORDS_BEFORE:]
                text = " ".join([*shown, match.group(0) + after[0], *after[1:WORDS_AFTER]]).strip()
                text = ("…" if len(before) > len(shown) else "") + text + ("…" if len(after) > WORDS_AFTER else "")
                if key not in used or len(shown) > used[key][0]:
                    used[key] = (len(shown), text)
    return [Name(key, fiches[key], used[key][1]) for key in sorted(fiches)]


def _sentences(text: str) -> list[str]:
    """A fiche's text in pieces a reader recognises: each value of the front-matter, each paragraph below it."""
    lines = text.split("\n")
    if lines and lines[0].strip() == "---" and "---" in (line.strip() for line in lines[1:]):
        end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---")
        front, body = lines[1:end], "\n".join(lines[end + 1 :])
    else:
        front, body = [], text
    values = [YAML_KEY.sub("", line).strip() for line in front]
    return [v for v in values if v] + [" ".join(p.split()) for p in body.split("\n\n") if p.strip()]


def yaml_text(value: str) -> str:
    """A YAML scalar that reads back as exactly this text (JSON strings are YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _comment(text: str) -> str:
    """Text that stays on its comment line."""
    return " ".join(text.split())


def _write_town(folder: Path, answers: dict[str, str], template: Template, names: list[Name], slug_: str) -> str:
    """Write the new town's files into `folder`; the id of its contact loket."""
    content = folder / "content"
    (content / "loketten").mkdir(parents=True)
    ids = list(template.loketten)
    contact = template.config.contact_loket if template.config.contact_loket in ids else ids[0]
    pages = template.where.town / PAGES_FILE
    if pages.is_file():
        shutil.copyfile(pages, folder / PAGES_FILE)
    for loket_id, data in template.loketten.items():
        text = _loket_text(loket_id, data, answers["naam"], template)
        (content / "loketten" / f"{loket_id}.md").write_text(text, encoding="utf-8")
    (folder / CHECKLIST).write_text(_checklist(answers["naam"], slug_, template, names, contact), encoding="utf-8")
    # Last: a folder left half-written (a killed process) has no catalogus.yml, so it is never taken for a town.
    (folder / CONFIG_FILE).write_text(_config_text(answers, template, names, contact), encoding="utf-8")
    return contact


def _config_text(answers: dict[str, str], template: Template, names: list[Name], contact: str) -> str:
    name = answers["naam"]
    organisatie = answers["organisatie"] or f"Sociaal Huis {name}"
    kleur = TownConfig.model_fields["kleur"].default
    nakijken = Nakijken()
    email = answers["email"] or MARKER
    return f"""# De instellingen van {name}. Gemaakt met 'catalogus nieuwe-gemeente'; wat nog moet, staat in {CHECKLIST}.
# Alles wat '{MARKER}' zegt, vult u in: zolang dat er staat, meldt 'catalogus check' een fout en publiceert
# 'catalogus build' niets (een voorbeeld bekijken kan met 'catalogus build --concept').
# Pas alleen bestanden in deze map ({TOWNS_DIR}/…/) aan, nooit {SHARED_DIR}/ of de map van een andere gemeente.

# Naam van de gemeente, zoals ze in de fiches komt waar die $gemeente schrijven.
gemeente: {yaml_text(name)}
# Naam van de organisatie die de catalogus uitgeeft ($organisatie in de fiches).
organisatie: {yaml_text(organisatie)}
# Titel van de website, bovenaan elke pagina.
site_naam: {yaml_text(organisatie)}
# Eén zin over de website, voor zoekmachines.
site_omschrijving: "Alle producten en diensten van het Sociaal Huis, per loket, doelgroep en thema."
# Het publieke adres van de website (https://…), voor de sitemap en vaste links. Met GitHub Pages is dat
# bv. https://<organisatie>.github.io/<repository>/. Leeg mag zolang de site niet gepubliceerd is.
site_url: {yaml_text(answers["site_url"])}
# De website van de gemeente zelf, bv. https://www.gemeente.be. De controle vraagt dan een rechtstreekse link
# in plaats van een link naar de startpagina ervan.
gemeente_website: ""
# Adres van uw repository (voor 'Voor medewerkers' onderaan de site en de redactiepagina);
# de omgevingsvariabele CATALOGUS_REPO_URL gaat voor.
repository_url: {yaml_text(answers["repository_url"])}
# NIS-code van de gemeente (5 cijfers, voor de open data naar IPDC/LPDC en CPSV-AP).
nis_code: {yaml_text(answers["nis_code"])}
# Taal van de site: nl of fr (de teksten van de site staan in translations/).
taal: {answers["taal"] or "nl"}
# true zolang adressen, uren en contactgegevens voorbeelddata zijn: de site toont dan een banner.
voorbeeldinhoud: false
# Het loket waarvan adres en telefoon op de startpagina en onderaan elke pagina staan: de id van een bestand
# in content/loketten/. Vul dat loket als eerste in.
contact_loket: {contact}
# De fiches die de startpagina toont onder "Meest gevraagd": id's van fiches die u overnam, in deze volgorde,
# hoogstens 12, bv. [leefloon, identiteitskaart]. Leeg: de startpagina toont er geen.
meest_gevraagd: []
# Huiskleur (#rrggbb) voor de kop en de knoppen: kies een donkere kleur, witte tekst moet erop leesbaar zijn.
kleur: {yaml_text(kleur)}
# Logo in de kop: een .svg of .png onder overrides/ (hoogstens 200 kB), bv. assets/images/logo.svg.
# Leeg: het standaardicoon.
logo: ""
# Waar burgers een fout melden: een e-mailadres van de gemeente, of het adres (https://…) van een
# meldformulier van de gemeente. Nooit een publieke pagina (zoals de issues van de repository): burgers
# schrijven er hun situatie in.
melden:
  email: {yaml_text(email)}
  formulier_url: ""
# Hoe vaak een fiche nagekeken moet worden (in maanden), hoeveel dagen daarna dat een fout wordt, en hoeveel
# dagen vooraf de maandelijkse herinnering een fiche al meldt. Een fiche kan een eigen termijn hebben
# (nakijken_elke_maanden in haar lokale bestand).
nakijken:
  interval_maanden: {nakijken.interval_maanden}
  marge_dagen: {nakijken.marge_dagen}
  herinneren_dagen: {nakijken.herinneren_dagen}
# Wie krijgt herinneringen en reviewverzoeken? Per eigenaar (precies zoals in 'eigenaar:' van uw fiches) een
# GitHub-team (@organisatie/team) of gebruiker (@naam); voer daarna 'catalogus codeowners' uit. Leeg: niemand
# krijgt een reviewverzoek en de maandelijkse herinnering noemt alleen de eigenaar. Voorbeeld:
#   eigenaars:
#     "Sociaal Huis – onthaal": "@sociaal-huis/onthaal"
eigenaars: {{}}
# Proactief werken ('catalogus proactief'): hoe het bestand met huishoudens eruitziet. De kolommen heten zoals
# de vragen in src/catalogus/rules/vragen.yml; heet een kolom bij u anders, zet dan hier 'vraag: kolomnaam'.
proactief:
  id_kolom: huishouden
  kolommen: {{}}
  # Welke statuscode uit uw statuslijsten (bv. van de Kruispuntbank) welke ja/nee-vraag beantwoordt. Voorbeeld;
  # neem de codes die in uw eigen bestanden staan:
  #   statussen:
  #     LL: leefloon
  #     VT: verhoogde_tegemoetkoming
  statussen: {{}}
  # Waarop het gebruik van de gegevens steunt (bv. de beslissing van de raad, met datum) en hoe een burger bezwaar
  # maakt (adres, e-mail, telefoon). Zonder die twee maakt 'catalogus proactief' geen brieven.
  rechtsgrond: ""
  bezwaar: ""
{_names_text(names, template)}"""


def _names_text(names: list[Name], template: Template) -> str:
    if not names:
        return "# Lokale namen die gedeelde fiches als $naam schrijven (nu gebruikt geen enkele fiche er een).\nnamen: {}\n"
    lines = [
        "# Lokale namen: de gedeelde fiches schrijven ze als $naam, zoals $gemeente voor 'gemeente:' hierboven.",
        "# Schrijf elke naam zo dat de zin in de fiche klopt (zie 'in de fiche' en het voorbeeld bij elke naam).",
        "# Neemt u geen enkele fiche over die een naam gebruikt, dan mag u die regel weglaten.",
        "namen:",
    ]
    for item in names:
        what = NAME_HINTS.get(item.key, "een lokale naam van uw gemeente")
        example = _example(template.config.namen.get(item.key))
        shown = ", ".join(item.fiches[:6]) + (f" en nog {len(item.fiches) - 6}" if len(item.fiches) > 6 else "")
        lines += [
            f"  # ${item.key}: {_comment(what)}.",
            f"  #   In de fiche: \"{_comment(item.used)}\"",
        ]
        if example:
            lines.append(f"  #   Voorbeeld ({template.config.gemeente}): {_comment(example)}")
        lines += [
            f"  #   Gebruikt in {len(item.fiches)} {'fiche' if len(item.fiches) == 1 else 'fiches'}: {shown}",
            f"  {item.key}: {yaml_text(MARKER)}",
        ]
    return "\n".join(lines) + "\n"


def _example(value: Any, limit: int = EXAMPLE_LENGTH) -> str:
    """The template town's value as an example ('' when it has none, or has not filled it in itself)."""
    text = " ".join(str(value).split()) if value else ""
    if MARKER in text:
        return ""
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def _loket_text(loket_id: str, data: dict[str, Any], town: str, template: Template) -> str:
    old = template.config.gemeente
    source = f"{TOWNS_DIR}/{template.where.name}/content/loketten/{loket_id}.md"
    naam, beschrijving = (
        f"{MARKER} (bv. {example})" if (example := _example(data.get(key))) else MARKER for key in ("naam", "beschrijving")
    )
    days = "\n".join(f"  {day}: [{MARKER}]  # bv. {SLOTS_EXAMPLE}; gesloten: []" for day in WEEKDAYS)
    return f"""---
# Een loket van {town}, gemaakt uit het loket '{loket_id}' van {old} ({source}).
# Vul alles in wat '{MARKER}' zegt met de gegevens van uw eigen loket; wat na 'bv.' staat, is van {old}.
# Heeft {town} dit loket (nog) niet? Verwijder dan dit bestand: zolang hier '{MARKER}' staat, publiceert
# 'catalogus build' niets. U vindt het voorbeeld terug in {source}.
id: {loket_id}
# De naam van het loket zoals burgers hem kennen.
naam: {yaml_text(naam)}
# Eén of twee zinnen: waarvoor kan de burger hier terecht?
beschrijving: {yaml_text(beschrijving)}
adres:
  straat: {yaml_text(MARKER)}  # straat en huisnummer, bv. Kerkstraat 12
  postcode: {yaml_text(MARKER)}  # 4 cijfers, tussen aanhalingstekens, bv. "8500"
  gemeente: {yaml_text(town)}  # of de deelgemeente waar het loket is
telefoon: {yaml_text(MARKER)}  # bv. 056 12 34 56; geen telefoon? verwijder de regel (dan is een e-mailadres nodig)
email: {yaml_text(MARKER)}  # het e-mailadres van dit loket; geen? verwijder de regel (dan is een telefoon nodig)
website: {yaml_text(MARKER)}  # de pagina van dit loket op de website van de gemeente (https://…), of verwijder de regel
# Per dag de tijdvakken, elk tussen aanhalingstekens, bv. {SLOTS_EXAMPLE}. Gesloten: []
openingsuren:
{days}
  uitzonderingen: {yaml_text(MARKER)}  # bv. Gesloten op feestdagen. Of verwijder de regel.
toegankelijkheid: {yaml_text(MARKER)}  # rolstoeltoegankelijk? parking? ringleiding? Of verwijder de regel.
---

{MARKER}: wat kan de burger bij dit loket doen? Schrijf twee of drie zinnen.
"""


def _most_asked(template: Template, shared: set[str]) -> list[tuple[str | None, list[str]]]:
    """The template town's most asked fiches that are shared, grouped by the template town's loket for them."""
    groups: dict[str | None, list[str]] = {}
    for fiche_id in template.config.meest_gevraagd:
        if fiche_id in shared:
            groups.setdefault(template.loket_of.get(fiche_id), []).append(fiche_id)
    return sorted(groups.items(), key=lambda item: (item[0] is None, -len(item[1]), item[0] or ""))


def _checklist(name: str, folder: str, template: Template, names: list[Name], contact: str) -> str:
    town = f"{TOWNS_DIR}/{folder}"
    cli = f"{COMMAND} --gemeente {folder}"
    shared = {p.stem for p in (template.where.root / SHARED_DIR / "products").glob("*.md")}
    groups = _most_asked(template, shared)
    adopt = [f"{cli} overnemen {' '.join(ids)}" + (f" --loket {loket}" if loket else "") for loket, ids in groups]
    first = groups[0][1][0] if groups else "leefloon"
    loketten = ", ".join(f"`{loket_id}`" for loket_id in template.loketten)
    named = ", ".join(f"`{item.key}`" for item in names)
    parts = [
        f"# Nieuwe gemeente: {name}",
        "",
        f"`catalogus nieuwe-gemeente` maakte deze map `{town}/`. Alles van {name} staat hier, en alleen hier:",
        f"pas nooit `{SHARED_DIR}/` of de map van een andere gemeente aan (zie 'Bijblijven' onderaan). De commando's",
        "hieronder voert u uit in de map van uw clone (of zonder `.venv/bin/` als u de omgeving `.venv` activeerde).",
        "",
        f"Uw site gaat stap voor stap online: er staat nog geen enkele fiche op. `{cli} check` zegt altijd wat",
        f"nog ontbreekt, met bestand en regel; alles wat `{MARKER}` zegt, is een fout tot het ingevuld is.",
        "",
        "## 1. De instellingen: `catalogus.yml`",
        "",
        f"- [ ] Lees `{town}/catalogus.yml`: elke instelling heeft uitleg. Kijk naam, organisatie, adressen en taal na.",
        "- [ ] `melden`: het e-mailadres of het formulier van de gemeente waar burgers een fout melden.",
    ]
    if names:
        parts.append(f"- [ ] `namen`: de lokale namen die de gedeelde fiches gebruiken ({named}). Bij elke naam staat hoe "
                     "de fiches hem gebruiken, en een voorbeeld.")
    parts += [
        "- [ ] Later: logo en huiskleur (`logo`, `kleur`), `meest_gevraagd` (zodra u fiches overnam), `eigenaars`.",
        "",
        "## 2. De loketten: `content/loketten/`",
        "",
        f"De loketten van {template.config.gemeente} ({loketten}) staan hier als sjabloon: dezelfde id's, maar elke waarde",
        f"is `{MARKER}` (met het voorbeeld van {template.config.gemeente} na 'bv.'), ook de openingsuren van elke dag.",
        "",
        f"- [ ] Vul eerst `content/loketten/{contact}.md` in: het staat op de startpagina (`contact_loket`).",
        "- [ ] Vul de andere loketten in die u nodig hebt. Geef een loket de naam die burgers bij u kennen.",
        f"- [ ] Verwijder de loketten die u (nog) niet gebruikt: zolang er `{MARKER}` in staat, publiceert",
        f"  `build` niets. U vindt ze terug in `{TOWNS_DIR}/{template.where.name}/content/loketten/`.",
        "",
        "Openingsuren schrijft u per dag, elk tijdvak tussen aanhalingstekens; een gesloten dag is `[]`:",
        "",
        "```yaml",
        "openingsuren:",
        '  maandag: ["09:00-12:00", "13:30-16:30"]',
        '  woensdag: ["09:00-12:00"]',
        "  zaterdag: []",
        "```",
        "",
        "## 3. De vaste pagina's: `paginas.yml`",
        "",
        f"- [ ] Lees de toegankelijkheidsverklaring en de privacyverklaring na (overgenomen van {template.config.gemeente};",
        "  de teksten zijn algemeen): klopt alles voor uw gemeente en uw website? Pas aan wat niet klopt.",
        "",
        "## 4. Fiches overnemen, eerst de meest gevraagde",
        "",
        "Een gedeelde fiche staat pas op uw site als u ze overneemt en haar lokale gegevens invult. Begin met de fiches",
        f"die burgers het meest vragen (bij {template.config.gemeente}: de startpagina). Kopieer en pas `--loket` aan",
        "als uw loket anders heet:",
        "",
        "```sh",
        *(adopt or [f"{cli} overnemen {first} --loket {contact}"]),
        "```",
        "",
        '`--eigenaar "Naam van de dienst"` zet meteen de dienst die de fiche nakijkt. Elke overgenomen fiche krijgt',
        f"een bestand `content/{LOCAL_DIR}/<id>.yml` met wat alleen uw gemeente weet. Vul er elke `{MARKER}` in:",
        "",
        "- `loket`: de id van uw loket; `eigenaar`: de dienst of het team dat de fiche nakijkt.",
        "- `kostprijs` (als de fiche erom vraagt): wat de burger bij u betaalt. Niet `kostprijs: gratis`, maar zo:",
        "",
        "  ```yaml",
        "  kostprijs:",
        "    gratis: true",
        "  ```",
        "",
        "  of, als de burger betaalt:",
        "",
        "  ```yaml",
        "  kostprijs:",
        "    gratis: false",
        "    bedragen:",
        "      - omschrijving: Per maaltijd",
        "        bedrag: 10.00      # een getal, met een punt, zonder €",
        "    toelichting: U krijgt één factuur per maand.",
        "    bron:",
        "      titel: Retributiereglement van de gemeente",
        "      url: https://…     # de rechtstreekse pagina; laat weg als het reglement niet online staat",
        "  ```",
        "",
        "- `laatst_nagekeken`: lees de gedeelde fiche na (klopt ze ook bij u?) en voer dan",
        f"  `{cli} nagekeken <id>` uit: dat zet de datum van vandaag en de versie die u nakeek.",
        "",
        f"Biedt uw gemeente iets niet aan? `{cli} niet-aanbieden <id> --reden \"…\"`: de fiche en elke",
        f"verwijzing ernaar blijven weg van uw site. `{cli} gedeeld` toont per gedeelde fiche wat u ermee deed.",
        "",
        "## 5. Nakijken en een voorbeeld bekijken",
        "",
        f"- `{cli} check`: alle fouten, met bestand en regel. Een overgenomen fiche waarin nog `{MARKER}` staat, is",
        "  **in voorbereiding**: dat is geen fout maar een waarschuwing; ze komt niet op de site tot alles ingevuld is.",
        f"- `{cli} build --concept`: bouwt een conceptsite in `site/` met een banner \"conceptversie\", ook met wat",
        f"  nog `{MARKER}` is en met de fiches in voorbereiding. Bekijk ze in uw browser (`site/index.html`), of met",
        f"  `{cli} serve`. Een conceptsite publiceert u nooit.",
        "",
        "## 6. Publiceren",
        "",
        f"- [ ] `{cli} check` meldt 0 fouten: `{cli} build` bouwt dan de echte site, met alleen de fiches die",
        "  helemaal ingevuld zijn. De andere volgen later; u hoeft niet op alles te wachten.",
        "- [ ] Zet op GitHub, bij *Settings > Pages*, als bron \"GitHub Actions\"; de workflow `Site publiceren` bouwt en",
        "  publiceert. Zet onder *Actions* ook de wekelijkse controle `Inhoud nakijken` aan.",
        "",
        "## Bijblijven",
        "",
        f"- `{cli} bijwerken` haalt de gedeelde catalogus binnen (git-remote `upstream`) en zegt per fiche wat er",
        f"  veranderde. Kijk dan uw lokale gegevens na en voer `{cli} nagekeken <id>` uit (of `--alle`).",
        f"- `{cli} gedeeld` toont wat nieuw is, wat herzien moet, wat in voorbereiding is en wat u niet aanbiedt.",
        "- Klopt iets niet in een gedeelde fiche voor iedereen? Stel de verbetering voor aan de gedeelde catalogus",
        f"  (een pull request naar upstream). Pas `{SHARED_DIR}/` en de map van een andere gemeente nooit aan in uw fork",
        f"  voor iets van uw eigen gemeente: dat hoort in `{town}/`, anders botst het bij elke update.",
        f"- Interne teksten voor uw medewerkers komen in `{town}/content/{INTERNAL_DIR}/<id>.md` (alleen in",
        "  `build --intern`, nooit op de publieke site).",
    ]
    return "\n".join(parts) + "\n"


def _codeowners_towns(root: Path) -> codeowners.Towns | None:
    """Every town with readable settings; None when one cannot be read (CODEOWNERS is then left alone)."""
    towns = []
    for where in every_town(root):
        config, _ = town_config(where)
        if config is None:
            return None
        towns.append((where, config))
    return towns


def _update_codeowners(root: Path, before: codeowners.Towns | None) -> bool:
    """Rewrite .github/CODEOWNERS only if the new town changes it (a town without 'eigenaars' does not)."""
    after = _codeowners_towns(root)
    if before is None or after is None or not (root / codeowners.CODEOWNERS).is_file():
        return False
    if codeowners.generate(after) == codeowners.generate(before):
        return False
    return codeowners.write(root, after)


def _summary(folder: str, name: str, template: Template, names: list[Name], contact: str, owners: bool) -> None:
    town = f"{TOWNS_DIR}/{folder}"
    print(f"{name}: {town}/ gemaakt (niets anders veranderd{'' if not owners else ', behalve ' + codeowners.CODEOWNERS}).")
    print(f"  {town}/{CONFIG_FILE}: uw instellingen" + (f", met {len(names)} lokale namen in te vullen" if names else ""))
    print(f"  {town}/{PAGES_FILE}: toegankelijkheid en privacy, overgenomen van {template.config.gemeente}: lees ze na")
    old = template.config.gemeente
    print(f"  {town}/content/loketten/: {len(template.loketten)} loketten van {old} als sjabloon, in te vullen")
    print("  Nog geen enkele fiche overgenomen: uw site gaat stap voor stap online.")
    print(f"Volgende stap: lees {town}/{CHECKLIST}. Vul {CONFIG_FILE} en het loket '{contact}' in, neem de eerste fiches "
          f"over ('catalogus --gemeente {folder} overnemen <id> --loket {contact}') en kijk na met "
          f"'catalogus --gemeente {folder} check'.")
