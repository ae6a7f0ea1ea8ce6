"""`catalogus nieuwe-gemeente`: make a fresh fork the catalogue of another town, as a draft to fill in.

It rewrites catalogus.yml, turns every loket into a template, keeps every shared fiche and gives each a local
layer (content/lokaal/<id>.yml) whose town-specific fields say 'IN TE VULLEN' (catalogus.load.drafts): the town
confirms cost, owner, review date and local regulations before it publishes. Shared text that still names the
old town gets the $gemeente placeholder. It ends with a checklist (NIEUWE-GEMEENTE.md) made from the
checker's own findings, so the list and `catalogus check` always agree.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from catalogus.base.exitcode import ExitCode
from catalogus.check.pipeline import check
from catalogus.load.drafts import MARKER
from catalogus.load.inventory import INTERNAL_DIR, LOCAL_DIR, LOCAL_SUFFIX
from catalogus.load.sources import load_settings, load_source
from catalogus.model.config import CONFIG_FILE, TOWN_NAME, TownConfig
from catalogus.workflow import codeowners

CHECKLIST = "NIEUWE-GEMEENTE.md"
# A regulation is local when a town's council made it; laws, decrees and royal decrees are shared.
LOCAL_REGULATION = re.compile(
    r"gemeenteraad|raad voor maatschappelijk welzijn|OCMW-raad|gemeentelijk|stedelijk|politiereglement|retributie", re.I
)
QUESTIONS = (
    ("naam", "Naam van de gemeente"),
    ("organisatie", "Naam van de organisatie (bv. Sociaal Huis <gemeente>)"),
    ("site_url", "Adres van de website (https://…), of leeg"),
    ("repository_url", "Adres van uw repository (https://github.com/…), of leeg"),
    ("email", "E-mailadres waar burgers een fout melden, of leeg"),
    ("nis_code", "NIS-code (5 cijfers), of leeg"),
    ("taal", "Taal van de site (nl of fr)"),
)


def add_command(sub: argparse._SubParsersAction) -> None:
    new = sub.add_parser("nieuwe-gemeente", help="maak van deze kopie de catalogus van een andere gemeente (als concept)")
    new.add_argument("--naam", help="naam van de gemeente, bv. Zwevegem")
    new.add_argument("--organisatie", help="naam van de organisatie; standaard 'Sociaal Huis <naam>'")
    new.add_argument("--site-url", help="publiek adres van de website")
    new.add_argument("--repository-url", help="adres van de repository (voor meldingen en de redactiepagina)")
    new.add_argument("--email", help="e-mailadres waar burgers een fout melden")
    new.add_argument("--nis-code", help="NIS-code van de gemeente (5 cijfers)")
    new.add_argument("--taal", help="taal van de site: nl (standaard) of fr")


def run(root: Path, args: argparse.Namespace) -> ExitCode:
    answers = {key: getattr(args, key) for key, _ in QUESTIONS}
    if sys.stdin.isatty():
        for key, question in QUESTIONS:
            if answers[key] is None:
                answers[key] = input(f"{question}: ").strip()
    name = (answers["naam"] or "").strip()
    if not re.match(TOWN_NAME, name):
        print("catalogus: geef de naam van de gemeente met --naam (letters, spaties, koppeltekens)", file=sys.stderr)
        return ExitCode.USAGE
    if answers["nis_code"] and not re.fullmatch(r"[0-9]{5}", answers["nis_code"]):
        print("catalogus: de NIS-code heeft 5 cijfers", file=sys.stderr)
        return ExitCode.USAGE
    old = _old_config(root)
    content = root / (old.content_map if old else "content")
    old_name = old.gemeente if old else None
    _write_config(root, answers, name, old)
    loketten = sorted((content / "loketten").glob("*.md"))
    for path in loketten:
        _template_loket(path, name, old_name)
    fiches = sorted((content / "products").glob("*.md"))
    for path in fiches:
        _review_fiche(path, content, old_name)
    for path in sorted((content / INTERNAL_DIR).glob("*.md")):
        if path.name != "README.md":
            path.unlink()  # the old town's internal notes (teams, referrals) are its own, never another town's
    codeowners.write(root, _config(root))
    todo = _write_checklist(root, name)
    print(f"{name}: {len(loketten)} loketten om in te vullen, {len(fiches)} fiches na te kijken, {todo} velden in te vullen.")
    print(f"Zie {CHECKLIST}. Bekijk het concept met 'catalogus build --concept'; 'catalogus check' toont wat nog ontbreekt.")
    return ExitCode.OK


def _old_config(root: Path) -> TownConfig | None:
    try:
        return TownConfig.model_validate(load_settings(root / CONFIG_FILE, CONFIG_FILE).data)
    except Exception:  # noqa: BLE001 - a broken old configuration is simply replaced
        return None


def _config(root: Path) -> TownConfig:
    return TownConfig.model_validate(load_settings(root / CONFIG_FILE, CONFIG_FILE).data)


def _q(value: str) -> str:
    """A YAML scalar that reads back as exactly this text (JSON strings are YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _write_config(root: Path, answers: dict[str, Any], name: str, old: TownConfig | None) -> None:
    organisatie = answers["organisatie"] or f"Sociaal Huis {name}"
    email = answers["email"] or MARKER
    taal = answers["taal"] or "nl"
    nakijken = old.nakijken if old else None
    text = f"""# De instellingen van deze gemeente. Een andere gemeente past alleen dit bestand aan.
# Aangemaakt met 'catalogus nieuwe-gemeente'; zie {CHECKLIST} voor wat nog in te vullen is.
gemeente: {_q(name)}
organisatie: {_q(organisatie)}
site_naam: {_q(organisatie)}
site_omschrijving: "Alle producten en diensten van het Sociaal Huis, per loket, doelgroep en thema."
site_url: {_q(answers["site_url"] or "")}
# De website van de gemeente zelf: de controle vraagt een rechtstreekse link in plaats van de startpagina ervan.
gemeente_website: ""
# Adres van de repository (meldingen, de redactiepagina); CATALOGUS_REPO_URL gaat voor.
repository_url: {_q(answers["repository_url"] or "")}
# Huiskleur (#rrggbb, donker genoeg voor witte tekst) en logo (.svg of .png onder overrides/, hoogstens 200 kB).
kleur: {_q(old.kleur if old else "#1d4f91")}
logo: ""
# Het loket waarvan adres en telefoon op de startpagina en onderaan elke pagina staan (vul dat loket in).
contact_loket: {_q(old.contact_loket if old else "")}
# De fiches die de startpagina toont onder "Meest gevraagd" (id's, in deze volgorde; hoogstens 12).
meest_gevraagd: {json.dumps(list(old.meest_gevraagd) if old else [])}
# Lokale namen die de gedeelde fiches als $naam schrijven: vul de namen van uw gemeente in.
namen:{_names(old)}
nis_code: {_q(answers["nis_code"] or "")}
taal: {taal}
# true zolang adressen, uren en contactgegevens voorbeelddata zijn: de site toont dan een banner.
voorbeeldinhoud: false
nakijken:
  interval_maanden: {nakijken.interval_maanden if nakijken else 12}
  marge_dagen: {nakijken.marge_dagen if nakijken else 60}
  herinneren_dagen: {nakijken.herinneren_dagen if nakijken else 31}
# Waar burgers een fout melden: per e-mail aan de gemeente, of via een formulier van de gemeente (https://…);
# nooit een publieke pagina.
melden:
  email: {_q(email)}
  formulier_url: ""
# Per eigenaar (zoals in 'eigenaar:' van de lokale gegevens) een GitHub-team of gebruiker.
eigenaars: {{}}
"""
    (root / CONFIG_FILE).write_text(text, encoding="utf-8")


def _names(old: TownConfig | None) -> str:
    names = sorted(old.namen) if old else []
    return "".join(f"\n  {key}: {_q(MARKER)}" for key in names) if names else " {}"


def _template_loket(path: Path, name: str, old_name: str | None) -> None:
    data = load_source(path, path.name).data or {}
    naam = _rename(str(data.get("naam", MARKER)), old_name, name)
    beschrijving = _rename(str(data.get("beschrijving", MARKER)), old_name, name)
    text = f"""---
# Vul de gegevens van dit loket in: alles wat '{MARKER}' zegt. Bestaat dit loket niet in {name},
# geef dan de fiches die ernaar verwijzen (content/{LOCAL_DIR}/) een ander loket en verwijder dit bestand.
id: {data.get("id", path.stem)}
naam: {_q(naam)}
beschrijving: {_q(beschrijving)}
adres:
  straat: {_q(MARKER)}
  postcode: {_q(MARKER)}
  gemeente: {_q(name)}
telefoon: {_q(MARKER)}
email: {_q(MARKER)}
website: {_q(MARKER)}
openingsuren:
  uitzonderingen: {_q(MARKER)}
toegankelijkheid: {_q(MARKER)}
---

{MARKER}: wat kan de burger bij dit loket doen? Twee of drie zinnen.
"""
    path.write_text(text, encoding="utf-8")


def _review_fiche(path: Path, content: Path, old_name: str | None) -> None:
    """Keep the shared fiche (naming the town only as $gemeente); give it a local layer still to confirm."""
    if old_name:
        text = path.read_text(encoding="utf-8")
        renamed = re.sub(rf"\b{re.escape(old_name)}\b", "$gemeente", text)
        if renamed != text:
            path.write_text(renamed, encoding="utf-8")
    local_path = content / LOCAL_DIR / f"{path.stem}{LOCAL_SUFFIX}"
    fiche = load_source(path, path.name).data or {}
    local: dict[str, Any] = {}
    if local_path.exists():
        local = load_settings(local_path, local_path.name).data or {}
    merged = {**fiche, **local}
    lines = [
        f"# Lokale gegevens van de fiche '{path.stem}' (de gedeelde tekst staat in products/{path.name}).",
        f"# Kijk de fiche na voor uw gemeente en vul in wat '{MARKER}' zegt; zet dan laatst_nagekeken op vandaag.",
    ]
    out: dict[str, Any] = {}
    for key in ("loket", "andere_loketten"):
        if merged.get(key):
            out[key] = merged[key]
    if local.get("aanbieder"):
        out["aanbieder"] = {"naam": MARKER}
    if local.get("kostprijs") is not None:  # the old town's price; one set by a higher government is shared
        out["kostprijs"] = MARKER
    for key in ("meer_info", "formulieren", "regelgeving"):
        links = [item for item in merged.get(key) or [] if isinstance(item, dict)]
        kept = [item for item in links if not _is_local(item, old_name)]
        if len(kept) < len(links):
            out[key] = kept + [_marker_link(key)]
        elif key in local:
            out[key] = kept
    # A product of the town's own (its conditions are local): the old town's conditions and amounts go.
    if "voorwaarden" in local:
        out["voorwaarden"] = [MARKER]
    for key in ("uitzonderingen", "ontvangt"):
        if key in local:
            out[key] = MARKER
    for key in ("status", "stopgezet"):
        if key in local:
            out[key] = local[key]
    rechten = merged.get("rechten")
    if rechten is not None and ("rechten" in local or _is_local({"r": json.dumps(rechten, default=str)}, old_name)):
        out["rechten"] = MARKER  # the old town's own rules and amounts: the new town writes its own
    out["eigenaar"] = MARKER
    out["laatst_nagekeken"] = MARKER
    local_path.parent.mkdir(parents=True, exist_ok=True)
    body = yaml.safe_dump(out, allow_unicode=True, sort_keys=False, width=120)
    local_path.write_text("\n".join(lines) + "\n" + body, encoding="utf-8")


def _is_local(item: dict[str, Any], old_name: str | None) -> bool:
    """A link to the old town's own site, or a regulation its council made."""
    text = " ".join(str(v) for v in item.values())
    if "$gemeente" in text or (old_name and old_name.casefold() in text.casefold()):
        return True
    return bool(LOCAL_REGULATION.search(str(item.get("titel", ""))))


def _marker_link(key: str) -> dict[str, str]:
    if key == "regelgeving":
        return {"titel": f"{MARKER}: het reglement van uw gemeente, of verwijder deze regel"}
    return {"titel": f"{MARKER}: de pagina op de website van uw gemeente, of verwijder deze regel", "url": MARKER}


def _rename(text: str, old_name: str | None, name: str) -> str:
    return re.sub(rf"\b{re.escape(old_name)}\b", name, text) if old_name else text


def _write_checklist(root: Path, name: str) -> int:
    result = check(root, dt.date.today(), concept=True)
    todo = [f for f in result.findings if MARKER in f.message]
    others = [f for f in result.findings if MARKER not in f.message and f.is_error]
    by_file: dict[str, list[str]] = {}
    for f in todo:
        by_file.setdefault(f.path, []).append(f"regel {f.line}: {f.field}")
    parts = [
        f"# Nieuwe gemeente: {name}",
        "",
        f"Deze lijst maakte `catalogus nieuwe-gemeente`. Alles wat `{MARKER}` zegt, moet {name} nog invullen.",
        "`catalogus check` toont dezelfde lijst (als fouten); `catalogus build --concept` bouwt al een conceptsite.",
        "",
        "## Eerst",
        "",
        (
            "- [ ] `catalogus.yml`: controleer naam, adressen (site, repository), e-mail, taal; "
            "voeg eventueel een logo en uw huiskleur toe."
        ),
        "- [ ] `content/loketten/`: vul elk loket in, of verwijder een loket dat uw gemeente niet heeft.",
        f"- [ ] `content/{LOCAL_DIR}/`: bevestig per fiche het loket, de kostprijs, de eigenaar en de lokale reglementen.",
        "- [ ] Lees elke fiche in `content/products/`: klopt de gedeelde tekst ook voor uw gemeente?",
        "- [ ] `eigenaars:` in `catalogus.yml` en daarna `catalogus codeowners`.",
        "- [ ] Publiceren: zet GitHub Pages aan (zie README, 'Uw gemeente aansluiten').",
        "",
        f"## In te vullen ({len(todo)} velden in {len(by_file)} bestanden)",
        "",
    ]
    for path, fields in sorted(by_file.items()):
        parts.append(f"- [ ] `{path}`: " + "; ".join(fields))
    if others:
        parts += ["", "## Andere fouten", ""] + [f"- `{f.path}` regel {f.line}: {f.message}" for f in others]
    (root / CHECKLIST).write_text("\n".join(parts) + "\n", encoding="utf-8")
    return len(todo)
