"""Load: turn a content file into a record with source positions, without trusting anything in it.

mkdocs swallows front-matter errors and renders broken YAML as text; here every problem becomes a finding
with a line number. YAML is read with PyYAML's safe loader, exactly as mkdocs reads it (YAML 1.1), so the
checker sees the values the site would show; the raw scalar text is kept to explain YAML 1.1 surprises.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeLoader  # type: ignore[assignment]

from .findings import Finding, error

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


def kind_of(path: Path) -> str:
    return "loket" if path.parent.name == "loketten" else "product"


def load_source(path: Path, display: str) -> Source:
    source = Source(path=display, kind=kind_of(path))
    text = _decode(path.read_bytes(), source)
    if text is not None:
        _split_and_parse(text, source)
    return source


def load_settings(path: Path, display: str) -> Source:
    """A settings file (catalogus.yml, vocabularies.yml): all YAML, read with the same care as a fiche."""
    source = Source(path=display, kind="instellingen", first_line=1)
    text = _decode(path.read_bytes(), source)
    if text is not None:
        _parse_yaml(text, source)
    return source


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
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            source.findings.append(
                error(source.path, number, "bestand", "tab gebruikt om in te springen: gebruik spaties", len(indent))
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
    loader = SafeLoader(front)
    try:
        node = loader.get_single_node()
        if node is None:
            source.findings.append(error(source.path, source.first_line, "bestand", "de gegevens bovenaan zijn leeg"))
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
        except Exception:  # noqa: BLE001 - a scalar YAML cannot turn into its type (2026-02-30, !!int abc)
            bad, where = _unconstructable(node, ()) or (None, ())
            line, column = (bad.start_mark.line + source.first_line, bad.start_mark.column + 1) if bad else (source.first_line, 0)
            text = bad.value if bad else ""
            kind = YAML_VALUE_NAMES.get(_short_tag(bad), bad.tag) if bad else "een waarde"
            source.findings.append(
                error(
                    source.path,
                    line,
                    field_name(where) or "yaml",
                    f"'{text}' kan niet gelezen worden als {kind}; "
                    + ("schrijf een bestaande datum als JJJJ-MM-DD" if kind == "een datum" else "verwijder de !!-aanduiding of verbeter de waarde"),
                    column,
                )
            )
            return
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark is not None and "quoted scalar" in (exc.context or ""):
            mark = exc.context_mark  # an unclosed quote: the error surfaces at the end, the cause is where it opens
        line = (mark.line + source.first_line) if mark else source.first_line
        column = (mark.column + 1) if mark else 0
        problem = exc.problem or exc.context or "onbekend probleem"
        hint = _yaml_hint(problem, exc.context or "", front.split("\n")[mark.line][: mark.column] if mark else "")
        source.findings.append(
            error(source.path, line, "yaml", f"de gegevens zijn geen geldige YAML ({problem}); {hint}", column)
        )
        return
    except yaml.YAMLError as exc:
        source.findings.append(error(source.path, source.first_line, "yaml", f"de gegevens zijn geen geldige YAML ({exc})"))
        return
    finally:
        loader.dispose()
    _index(node, (), source)
    source.data = data


def _yaml_hint(problem: str, context: str = "", before: str = "") -> str:
    """A fix in plain Dutch; `before` is the text on the error's line up to where YAML stopped."""
    if "quoted scalar" in context:
        return "het aanhalingsteken op deze regel wordt niet gesloten; zet er een aan het einde van de tekst"
    if "mapping values are not allowed" in problem and before.strip() and ":" not in before:
        return (
            f"'{before.strip()}' springt verder in dan de regel erboven; "
            "zet het even ver in als de andere velden van dezelfde groep"
        )
    if "mapping values are not allowed" in problem:
        return "staat er een ':' in een tekst? Zet de tekst dan tussen aanhalingstekens"
    if "could not find expected ':'" in problem:
        return "controleer of elke regel de vorm 'veld: waarde' heeft en goed inspringt"
    if "found character" in problem and "cannot start any token" in problem:
        return "een tekst begint met een speciaal teken: zet hem tussen aanhalingstekens"
    if "found undefined alias" in problem or "found unknown escape" in problem:
        return "zet de tekst tussen enkele aanhalingstekens"
    return "controleer inspringing, dubbele punten en aanhalingstekens op deze regel"


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
