"""Load: turn a content file into a record with source positions, without trusting anything in it.

mkdocs swallows front-matter errors and renders broken YAML as text; here every problem becomes a finding
with a line number. YAML is read with PyYAML's safe loader, exactly as mkdocs reads it (YAML 1.1), so the
checker sees the values the site would show; the raw scalar text is kept to explain YAML 1.1 surprises.

Loading is bounded: file size, line length, scalar length, nesting depth and node count have limits, and
anchors, aliases, merge keys and tags are refused from the parser's events before any object is built, so
no file (an alias bomb, a 3,000-deep list, a 1 MB line) can make the checker slow.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from catalogus.base.findings import Finding, error
from catalogus.load.yaml_messages import describe_yaml_error, word_processor_characters

# libyaml's fast parser when PyYAML was built with it, else the pure-Python one: both read YAML 1.1 alike.
SafeLoader: type[yaml.CSafeLoader] | type[yaml.SafeLoader] = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader

# Bounds on one file. A real fiche is 2-6 kB with lines under 400 characters and 4 levels of nesting.
MAX_FILE_BYTES = 256 * 1024
MAX_LINE_CHARS = 5_000
MAX_SCALAR_CHARS = 20_000
MAX_DEPTH = 10
MAX_NODES = 5_000
MAX_REFUSALS = 10  # anchors, aliases, tags: after ten, the editor has seen enough

KeyPath = tuple[str | int, ...]


def field_name(path: KeyPath) -> str:
    """A value's location as editors read it in a message: 'kostprijs.bedragen.0.bedrag'."""
    return ".".join(str(part) for part in path)


def _short_tag(node: yaml.Node) -> str:
    """'tag:yaml.org,2002:bool' -> 'bool'."""
    return node.tag.rsplit(":", 1)[-1]


@dataclass(frozen=True)
class Scalar:
    """What the editor typed for one value: the text, how YAML read it, and whether it was quoted."""

    text: str
    tag: str
    quoted: bool


@dataclass
class Source:
    """One content file after loading: data plus where each value stands in the file."""

    path: str
    kind: str
    data: dict[str, Any] | None = None
    body: str = ""
    body_line: int = 1
    first_line: int = 2  # file line of the first YAML line (2: just below the opening '---')
    lines: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    key_lines: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    scalars: dict[KeyPath, Scalar] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    filled: dict[str, str] = field(default_factory=dict)  # field ('tekst' for the body) -> a placeholder filled in there
    facts: dict[str, str] = field(default_factory=dict)  # the register's facts this file uses -> their words

    def line_of(self, path: KeyPath, key: bool = False) -> tuple[int, int]:
        """Line and column of a value (or its key); the nearest known parent when the value is missing."""
        table = self.key_lines if key else self.lines
        for end in range(len(path), -1, -1):
            if path[:end] in table:
                return table[path[:end]]
            other = self.lines if key else self.key_lines
            if path[:end] in other:
                return other[path[:end]]
        return (1, 0)


def display_path(path: Path, root: Path) -> str:
    """How a file is named in findings: relative to the project, with '/' on every system."""
    return os.path.relpath(path, root).replace(os.sep, "/")


def kind_of(path: Path) -> str:
    return "loket" if path.parent.name == "loketten" else "product"


def load_source(path: Path, display: str) -> Source:
    source = Source(path=display, kind=kind_of(path))
    text = _read_text(path, source)
    if text is not None:
        _split_and_parse(text, source)
    return source


def parse_source(text: str, display: str, kind: str = "product") -> Source:
    """A fiche from text that is not a file on disk (an earlier version, from git), read like load_source."""
    source = Source(path=display, kind=kind)
    _split_and_parse(text, source)
    return source


def load_settings(path: Path, display: str) -> Source:
    """A settings file (catalogus.yml, vocabularies.yml): all YAML, read with the same care as a fiche."""
    source = Source(path=display, kind="instellingen", first_line=1)
    text = _read_text(path, source)
    if text is not None:
        _parse_yaml(text, source)
    return source


def _read_text(path: Path, source: Source) -> str | None:
    """The file's text, or None with a finding when it is too big, not UTF-8 or has an absurdly long line."""
    with path.open("rb") as handle:
        raw = handle.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        line = _first_long_line(raw.decode("utf-8", "replace"))
        where = f"; regel {line} is al meer dan {MAX_LINE_CHARS} tekens lang" if line else ""
        source.findings.append(
            error(
                source.path,
                line or 1,
                "bestand",
                f"het bestand is te groot (meer dan {MAX_FILE_BYTES // 1024} kB, een fiche is meestal 2 à 6 kB){where}; "
                "is er per ongeluk iets in geplakt? Verwijder het",
            )
        )
        return None
    text = _decode(raw, source)
    if text is None:
        return None
    lines = text.split("\n")
    if max(map(len, lines)) <= MAX_LINE_CHARS:
        return text
    long_lines = [(n, len(line)) for n, line in enumerate(lines, start=1) if len(line) > MAX_LINE_CHARS]
    for number, length in long_lines[:5]:
        source.findings.append(
            error(
                source.path,
                number,
                "bestand",
                f"deze regel is te lang ({length} tekens, hoogstens {MAX_LINE_CHARS}); "
                "verdeel de tekst over meer regels of alinea's, of verwijder wat er per ongeluk in geplakt is",
            )
        )
    return None if long_lines else text


def _first_long_line(text: str) -> int | None:
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            return number
    return None


def _decode(raw: bytes, source: Source) -> str | None:
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        source.findings.append(
            error(source.path, 1, "bestand", "het bestand is in UTF-16 opgeslagen; bewaar het als UTF-8")
        )
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        source.findings.append(
            error(
                source.path,
                line,
                "bestand",
                f"dit bestand is geen UTF-8 (onleesbaar teken op regel {line}); "
                "bewaar het als UTF-8, bv. via 'Opslaan als' en codering UTF-8",
            )
        )
        return None
    if "\x00" in text:
        source.findings.append(
            error(
                source.path,
                1,
                "bestand",
                "dit bestand bevat NUL-tekens: het is geen UTF-8-tekst (vaak UTF-16 zonder BOM); bewaar het als UTF-8",
            )
        )
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _split_and_parse(text: str, source: Source) -> None:
    lines = text.split("\n")
    if not lines or lines[0].rstrip(" \t") != "---":
        source.findings.append(
            error(source.path, 1, "bestand", "de fiche moet beginnen met een regel '---' en dan de gegevens (YAML)")
        )
        return
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip(" \t") in ("---", "...")), None)
    if end is None:
        source.findings.append(
            error(source.path, 1, "bestand", "de gegevens bovenaan worden niet afgesloten: zet een regel '---' eronder")
        )
        return
    front = "\n".join(lines[1:end]) + "\n"
    source.body = "\n".join(lines[end + 1 :]).strip("\n")
    source.body_line = end + 2 + _leading_blank_lines(lines[end + 1 :])
    for number, line in enumerate(lines[1:end], start=2):
        indent = line[: len(line) - len(line.lstrip())]
        if "\t" in indent:
            source.findings.append(
                error(source.path, number, "bestand", "tab gebruikt om in te springen: gebruik spaties", len(indent))
            )
        elif indent.strip(" "):
            named = word_processor_characters(indent) or "een ongewone spatie"
            source.findings.append(
                error(
                    source.path,
                    number,
                    "bestand",
                    f"om in te springen staat hier {named} (vaak gekopieerd uit een tekstverwerker); "
                    "vervang die door gewone spaties",
                )
            )
    if source.findings:
        return
    _parse_yaml(front, source)


def _leading_blank_lines(lines: list[str]) -> int:
    count = 0
    for line in lines:
        if line.strip():
            break
        count += 1
    return count


def _parse_yaml(front: str, source: Source) -> None:
    refused: list[Finding] = []
    try:
        if _may_break_a_bound(front):
            _scan(front, source, refused)
    except yaml.YAMLError as exc:
        # A refused construct (an alias '*x' that is really Markdown) often causes the syntax error after it.
        source.findings.extend(refused or [_syntax_finding(exc, front, source)])
        return
    if refused:
        source.findings.extend(refused)
        return
    loader = SafeLoader(front)
    try:
        node = loader.get_single_node()
        if node is None:
            source.findings.append(
                error(
                    source.path,
                    source.first_line,
                    "bestand",
                    "de gegevens bovenaan zijn leeg; vul de velden in (kijk naar een bestaande fiche als voorbeeld)",
                )
            )
            return
        if not isinstance(node, yaml.MappingNode):
            source.findings.append(
                error(source.path, source.first_line, "bestand", "de gegevens bovenaan moeten de vorm 'veld: waarde' hebben")
            )
            return
        try:
            data = loader.construct_document(node)
        except yaml.YAMLError:
            raise
        except Exception:  # noqa: BLE001 - a scalar YAML cannot turn into its type (2026-02-30)
            source.findings.append(_unconstructable_finding(node, source))
            return
    except yaml.YAMLError as exc:
        source.findings.append(_syntax_finding(exc, front, source))
        return
    finally:
        loader.dispose()
    _index(node, (), source)
    source.data = data


REFUSED_HINT = (
    "begint uw tekst met '{char}'? Zet dan de hele tekst tussen aanhalingstekens (\"{char}...\"); "
    "zulke YAML-verwijzingen en -aanduidingen worden in de catalogus niet gebruikt"
)


SMALL_FRONT = 2 * MAX_NODES  # a value takes at least two characters: smaller text holds fewer than MAX_NODES
REFUSED_MARKERS = re.compile(r"[&*!]|<<")
FLOW_BRACKETS = re.compile(r"[^\[\]{}]+")
LINE_START = re.compile(r"^( *)((?:- +)*)", re.M)
DASH = re.compile(r"- +")


def _may_break_a_bound(front: str) -> bool:
    """False when the text certainly has no anchor, alias, tag or merge key and stays within every bound.

    The event scan costs as much as reading the YAML again; most fiches can skip it. Tags start with '!',
    anchors with '&', aliases with '*'. Nesting is bounded by the flow brackets plus the distinct columns
    where block collections can start (each nested block level starts further right).
    """
    if len(front) > SMALL_FRONT or REFUSED_MARKERS.search(front):
        return True
    depth = flow = 0
    for bracket in FLOW_BRACKETS.sub("", front):
        flow = flow + 1 if bracket in "[{" else max(flow - 1, 0)
        depth = max(depth, flow)
    columns = set()
    for indent, dashes in LINE_START.findall(front):
        column = len(indent)
        columns.add(column)
        for dash in DASH.findall(dashes):  # '- - x' nests one sequence per dash on one line
            column += len(dash)
            columns.add(column)
    return depth + len(columns) > MAX_DEPTH


def _scan(front: str, source: Source, refused: list[Finding]) -> None:
    """Walk the parser's events (no objects are built yet) and refuse what editors never need.

    Anchors (&x), aliases (*x), merge keys (<<) and tags (!!int) are refused at their line; nesting deeper
    than MAX_DEPTH, more than MAX_NODES values or a value longer than MAX_SCALAR_CHARS stop the scan.
    Syntax errors propagate as yaml.YAMLError.
    """
    loader = SafeLoader(front)
    depth = nodes = documents = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            assert event is not None and event.start_mark is not None  # check_event() said there is one; every event has its mark
            line = event.start_mark.line + source.first_line
            column = event.start_mark.column + 1

            def refuse(message: str, line: int = line, column: int = column) -> None:
                # One refusal per line is enough to act on; an alias bomb has hundreds.
                if not refused or refused[-1].line != line:
                    refused.append(error(source.path, line, "yaml", message, column))

            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    refuse("er staat een tweede regel '---' in de gegevens; de gegevens van een bestand horen in één blok")
                    return
            if len(refused) >= MAX_REFUSALS:
                return
            if isinstance(event, yaml.AliasEvent):
                refuse(f"'*{event.anchor}' is een YAML-verwijzing, die is niet toegelaten; " + REFUSED_HINT.format(char="*"))
                continue
            if not isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)):  # the node events other than aliases
                if isinstance(event, yaml.CollectionEndEvent):
                    depth -= 1
                continue
            nodes += 1
            if nodes > MAX_NODES:
                refuse(
                    f"de gegevens bevatten te veel waarden (meer dan {MAX_NODES}); een fiche heeft er hoogstens enkele honderden"
                )
                return
            if event.anchor is not None:
                refuse(f"'&{event.anchor}' is een YAML-anker, dat is niet toegelaten; " + REFUSED_HINT.format(char="&"))
            if event.tag is not None:
                refuse(f"de aanduiding '{_tag_text(event.tag)}' is niet toegelaten; " + REFUSED_HINT.format(char="!"))
            if isinstance(event, yaml.ScalarEvent):
                if event.value == "<<" and event.implicit[0]:
                    refuse("'<<' (gegevens samenvoegen) is niet toegelaten; schrijf elk veld zelf uit")
                if len(event.value) > MAX_SCALAR_CHARS:
                    refuse(
                        f"deze waarde is te lang ({len(event.value)} tekens, hoogstens {MAX_SCALAR_CHARS}); "
                        "maak ze korter of verwijder wat er per ongeluk in geplakt is"
                    )
                    return
            elif isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    refuse(
                        f"de gegevens zijn te diep genest (meer dan {MAX_DEPTH} niveaus in elkaar); "
                        "een fiche heeft hoogstens 4 niveaus: controleer de inspringing en de haakjes [ ] en { }"
                    )
                    return
    finally:
        loader.dispose()


def _tag_text(tag: str) -> str:
    return "!!" + tag.rsplit(":", 1)[-1] if tag.startswith("tag:yaml.org,2002:") else tag if tag.startswith("!") else f"!<{tag}>"


def _syntax_finding(exc: yaml.YAMLError, front: str, source: Source) -> Finding:
    """A YAML syntax error as a Dutch finding at the line of the mistake (not where the parser gave up)."""
    line, column, message = describe_yaml_error(exc, front.split("\n"))
    return error(source.path, line + source.first_line, "yaml", message, column)


def _unconstructable_finding(node: yaml.Node, source: Source) -> Finding:
    bad, where = _unconstructable(node, ()) or (None, ())
    line, column = (bad.start_mark.line + source.first_line, bad.start_mark.column + 1) if bad else (source.first_line, 0)
    text = bad.value if bad else ""
    kind = YAML_VALUE_NAMES.get(_short_tag(bad), bad.tag) if bad else "een waarde"
    hint = "schrijf een bestaande datum als JJJJ-MM-DD" if kind == "een datum" else "verbeter de waarde"
    return error(source.path, line, field_name(where) or "yaml", f"'{text}' kan niet gelezen worden als {kind}; {hint}", column)


YAML_VALUE_NAMES = {
    "bool": "een ja/nee-waarde (true/false)",
    "int": "een getal",
    "float": "een kommagetal",
    "null": "leeg",
    "timestamp": "een datum",
}


def _unconstructable(node: yaml.Node, path: KeyPath) -> tuple[yaml.ScalarNode, KeyPath] | None:
    """The first scalar that PyYAML cannot turn into the type its tag asks for, and where it stands."""
    if isinstance(node, yaml.ScalarNode):
        loader = SafeLoader("")
        try:
            loader.construct_object(node, deep=True)
        except Exception:  # noqa: BLE001 - any failure marks the culprit
            return node, path
        finally:
            loader.dispose()
        return None
    children: list[tuple[yaml.Node, KeyPath]] = []
    if isinstance(node, yaml.SequenceNode):
        children = [(item, (*path, index)) for index, item in enumerate(node.value)]
    elif isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            children += [(key_node, path), (value_node, (*path, str(key_node.value)))]
    for child, child_path in children:
        found = _unconstructable(child, child_path)
        if found is not None:
            return found
    return None


def _index(node: yaml.Node, path: KeyPath, source: Source) -> None:
    source.lines[path] = (node.start_mark.line + source.first_line, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            line = key_node.start_mark.line + source.first_line
            key_type = _short_tag(key_node)
            if isinstance(key_node, yaml.ScalarNode) and key_type in YAML_VALUE_NAMES:
                source.findings.append(
                    error(
                        source.path,
                        line,
                        field_name((*path, key)),
                        f"de veldnaam '{key}' wordt door YAML gelezen als {YAML_VALUE_NAMES[key_type]}, niet als "
                        "tekst; controleer de veldnaam (of zet hem tussen aanhalingstekens)",
                        key_node.start_mark.column + 1,
                    )
                )
            if key in seen:
                source.findings.append(
                    error(
                        source.path,
                        line,
                        field_name((*path, key)),
                        f"dit veld staat er twee keer (ook op regel {seen[key]}); houd er één over",
                    )
                )
            seen[key] = line
            source.key_lines[(*path, key)] = (line, key_node.start_mark.column + 1)
            _index(value_node, (*path, key), source)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index(item, (*path, index), source)
    elif isinstance(node, yaml.ScalarNode):
        source.scalars[path] = Scalar(node.value, _short_tag(node), node.style in ("'", '"', "|", ">"))
