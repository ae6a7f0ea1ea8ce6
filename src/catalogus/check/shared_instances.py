"""Which shared fiches a town publishes, and what it is told about the others.

A shared fiche is published for a town only when the town adopted it (its local file exists), offers it and
filled it in; a shared fiche is town-neutral (no loket, owner or review date: those are the town's). The town
is warned when a shared fiche changed since the version it reviewed, with what changed. Fiches it does not
publish vanish from the references of the others (related products, guided paths), so a town that does not
offer a service has no error in shared files it should not edit.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from catalogus.base.findings import Finding, error, warning
from catalogus.load.drafts import MARKER
from catalogus.load.instances import OFFERED_FIELD, REASON_FIELD, TOWN_FIELDS, VERSION_FIELD, Instance, State
from catalogus.load.layout import Layout
from catalogus.load.shared_changes import VERSION_PATTERN
from catalogus.load.sources import Source, field_name
from catalogus.model import REFERENCES

SHOWN = 8  # fiche ids named in the summary of what a town has not adopted


def select(
    instances: list[Instance], own: list[Source], concept: bool, where: Layout
) -> tuple[list[Source], dict[str, State], list[Finding]]:
    """The shared fiches to publish, the state of those not published (by id), and the shared fiches' town fields
    (kept apart: the town's local file replaces those fields, and their findings must stay with the shared file)."""
    own_ids = {Path(s.path).stem: s for s in own if s.kind == "product"}
    published: list[Source] = []
    withdrawn: dict[str, State] = {}
    not_neutral: list[Finding] = []
    for item in instances:
        not_neutral += _town_neutral(item.shared, where)
        if item.local is not None:
            _instance_fields(item.local)
        mine = own_ids.get(item.fiche_id)
        if mine is not None:
            mine.findings.append(error(mine.path, 1, "id", _duplicate(item, where)))
            withdrawn[item.fiche_id] = item.state
            continue
        if item.state is State.UNFINISHED and not concept:
            _unfinished(item)
        if item.state is State.ADOPTED or (item.state is State.UNFINISHED and concept):
            if item.needs_review:
                _needs_review(item)
            published.append(item.shared)
        else:
            withdrawn[item.fiche_id] = item.state
    return published, withdrawn, not_neutral


def not_adopted(withdrawn: dict[str, State], where: Layout) -> list[Finding]:
    """One note in the town's settings that names the shared fiches it has not adopted (not an error: a town
    goes live in stages)."""
    new = sorted(k for k, state in withdrawn.items() if state is State.NEW)
    if not new:
        return []
    listed = ", ".join(new[:SHOWN]) + (f" en nog {len(new) - SHOWN}" if len(new) > SHOWN else "")
    message = (
        f"{len(new)} gedeelde fiches zijn nog niet overgenomen en dus niet gepubliceerd: {listed}; "
        "'catalogus gedeeld' toont ze, 'catalogus overnemen <id>' neemt er een over"
    )
    return [warning(where.config_display, 1, "gedeeld", message)]


def drop_references(sources: list[Source], withdrawn: dict[str, State]) -> None:
    """Remove the fiches this town does not publish from the references of the ones it does."""
    if not withdrawn:
        return
    for source in sources:
        if source.kind != "product" or source.data is None:
            continue
        for path, kind in REFERENCES:
            if kind != "product":
                continue
            *parents, last = path
            holder: Any = source.data
            for key in parents:
                holder = holder.get(key) if isinstance(holder, dict) else None
            if not isinstance(holder, dict) or last not in holder:
                continue
            value = holder[last]
            if isinstance(value, list):
                holder[last] = [item for item in value if not (isinstance(item, str) and item.strip() in withdrawn)]
            elif isinstance(value, str) and value.strip() in withdrawn:
                del holder[last]


def _town_neutral(shared: Source, where: Layout) -> list[Finding]:
    found = []
    for name in TOWN_FIELDS:
        if isinstance(shared.data, dict) and name in shared.data:
            line, column = shared.line_of((name,), key=True)
            message = (
                f"een gedeelde fiche noemt geen '{name}': dat is van elke gemeente; haal het hier weg en zet het in het "
                f"lokale bestand van de gemeente ({where.display(where.town)}/…/lokaal/{Path(shared.path).stem}.yml)"
            )
            found.append(error(shared.path, line, name, message, column))
    return found


def _instance_fields(local: Source) -> None:
    data = local.data if isinstance(local.data, dict) else {}
    checks = (
        (VERSION_FIELD, lambda v: isinstance(v, str) and VERSION_PATTERN.match(v.strip()) is not None,
         "moet de versie zijn die 'catalogus nagekeken' schrijft (12 tekens 0-9 en a-f); pas het niet met de hand aan"),
        (OFFERED_FIELD, lambda v: isinstance(v, bool), "is true of false (false: uw gemeente biedt dit niet aan)"),
        (REASON_FIELD, lambda v: isinstance(v, str), "is een korte tekst: waarom niet, of waar burgers dan terechtkunnen"),
    )
    for name, ok, hint in checks:
        if name in data and not ok(data[name]):
            line, column = local.line_of((name,))
            local.findings.append(error(local.path, line, name, f"'{name}' {hint}", column))


def _duplicate(item: Instance, where: Layout) -> str:
    return (
        f"er is ook een gedeelde fiche '{item.fiche_id}' ({item.shared.path}); kies voor uw eigen fiche een andere id, "
        f"of verwijder ze en neem de gedeelde over met 'catalogus overnemen {item.fiche_id}'"
    )


def _unfinished(item: Instance) -> None:
    local = item.local
    assert local is not None
    fields = [field_name(loc) for loc, scalar in local.scalars.items() if MARKER in scalar.text]
    lines = [local.line_of(loc)[0] for loc, scalar in local.scalars.items() if MARKER in scalar.text]
    message = (
        f"deze fiche is nog in voorbereiding: {', '.join(fields) or 'een veld'} is nog '{MARKER}'; ze wordt pas "
        "gepubliceerd als alles ingevuld is (bekijk ze met --concept)"
    )
    local.findings.append(warning(local.path, min(lines, default=1), "lokaal", message))


def _needs_review(item: Instance) -> None:
    local = item.local
    assert local is not None
    line, column = local.line_of((VERSION_FIELD,))
    message = (
        f"herzien nodig: de gedeelde fiche {item.shared.path} veranderde sinds uw nazicht ({item.changes}); de nieuwe tekst "
        f"staat al op de site: kijk na of uw lokale gegevens nog kloppen en voer dan 'catalogus nagekeken {item.fiche_id}' uit"
    )
    local.findings.append(warning(local.path, line, VERSION_FIELD, message, column))


def blame_town_values(sources: list[Source], where: Layout, settings: Source) -> None:
    """A problem in a shared fiche's field that holds a town's value ($dienstencentrum, $gemeente) is the town's:
    the shared text is fine for the other towns. It is reported where the value is written, in catalogus.yml,
    with the shared fiche named, so the town does not edit a shared file (and conflict with upstream later)."""
    if where.shared is None:
        return
    shared = where.display(where.shared) + "/"
    for source in sources:
        if not source.path.startswith(shared) or not source.filled:
            continue
        kept = []
        for finding in source.findings:
            name = next((n for f, n in source.filled.items() if finding.field == f or finding.field.startswith(f + ".")), None)
            if name is None:
                kept.append(finding)
                continue
            key = (name,) if name in ("gemeente", "organisatie") else ("namen", name)
            line, column = settings.line_of(key)
            message = f"${name} (hier ingevuld) past niet in de gedeelde fiche {source.path}, {finding.field}: {finding.message}"
            moved = replace(finding, path=settings.path, line=line, column=column, field=field_name(key), message=message)
            settings.findings.append(moved)
        source.findings = kept
