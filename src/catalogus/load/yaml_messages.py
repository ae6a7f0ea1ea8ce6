"""Dutch explanations of YAML syntax errors, at the line of the mistake, with no parser English left.

libyaml reports where it gave up, in English ("mapping values are not allowed in this context"). Editors
need the line they typed wrong and what to type instead, so each problem text libyaml (or PyYAML) can give
is mapped to a Dutch sentence, and the line is moved back to the cause where the cause is known: an
unclosed quote, a key without a space after its colon, a line that breaks off a multi-line text.
"""

from __future__ import annotations

import re

import yaml

# Characters word processors put in text that YAML does not read as the editor meant.
WORD_PROCESSOR_CHARACTERS = {
    "\u201c": "gekrulde aanhalingstekens (“ ”)",
    "\u201d": "gekrulde aanhalingstekens (“ ”)",
    "\u201e": "gekrulde aanhalingstekens („ ”)",
    "\u2018": "gekrulde enkele aanhalingstekens (‘ ’)",
    "\u2019": "gekrulde enkele aanhalingstekens (‘ ’)",
    "\u201a": "gekrulde enkele aanhalingstekens (‚ ’)",
    "\u00ab": "Franse aanhalingstekens (« »)",
    "\u00bb": "Franse aanhalingstekens (« »)",
    "\u2013": "een kort streepje (–) in plaats van een minteken (-)",
    "\u2014": "een lang streepje (—) in plaats van een minteken (-)",
    "\u2022": "een opsommingsteken (•) in plaats van een minteken (-)",
    "\u00a0": "een harde spatie",
    "\u2002": "een brede spatie",
    "\u2003": "een brede spatie",
    "\u2009": "een smalle spatie",
    "\u202f": "een smalle harde spatie",
    "\u200b": "een onzichtbaar teken (spatie zonder breedte)",
    "\u200c": "een onzichtbaar teken",
    "\u200d": "een onzichtbaar teken",
    "\u2060": "een onzichtbaar teken",
    "\ufeff": "een onzichtbaar teken (BOM)",
    "\u00ad": "een onzichtbaar afbreekstreepje",
    "\uff1a": "een dubbele punt uit een ander schrift (：)",
}
QUOTES = {"\u201c", "\u201d", "\u201e", "\u2018", "\u2019", "\u201a", "\u00ab", "\u00bb"}

GLUED_KEY = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*):(?![\s/])(\S.*)$")
KEY_LINE = re.compile(r"^\s*(?:-\s+)?[^\s#:][^:]*:(\s|$)")

STRUCTURE = (
    "controleer de inspringing: velden van dezelfde groep staan even ver in, met spaties, "
    "en elke regel heeft de vorm 'veld: waarde'"
)
PROBLEMS: tuple[tuple[str, str], ...] = (
    (
        "mapping values are not allowed",
        "er staat een ':' waar YAML er geen verwacht; staat er een ':' in een tekst? Zet de tekst dan tussen aanhalingstekens",
    ),
    (
        "mapping keys are not allowed",
        "er staat een '?' op een plaats waar YAML een veldnaam verwacht; zet de tekst tussen aanhalingstekens",
    ),
    (
        "could not find expected ':'",
        "op deze regel staat geen ':' na de veldnaam; schrijf 'veld: waarde' (met een spatie na de dubbele punt), "
        "of laat de regel even ver inspringen als de tekst erboven",
    ),
    ("did not find expected key", STRUCTURE),
    (
        "did not find expected '-' indicator",
        "in een lijst begint elke regel met '- ', even ver ingesprongen; " + STRUCTURE,
    ),
    (
        "block sequence entries are not allowed",
        "een regel met '- ' staat op een plaats waar geen lijst kan beginnen; "
        "zet de lijst op de regels onder 'veld:', ingesprongen",
    ),
    ("did not find expected node content", "hier ontbreekt een waarde; controleer de haakjes [ ] en { } en de komma's"),
    (
        "did not find expected ',' or ']'",
        "een lijst tussen [ en ] wordt niet gesloten; zet er een ']' achter, "
        "of zet een tekst met een komma tussen aanhalingstekens",
    ),
    (
        "did not find expected ',' or '}'",
        "een groep tussen { en } wordt niet gesloten; zet er een '}' achter, of zet de tekst tussen aanhalingstekens",
    ),
    ("found unexpected ':'", "er staat een ':' waar YAML er geen verwacht; zet de tekst tussen aanhalingstekens"),
    (
        "found character that cannot start any token",
        "een tekst begint met een speciaal teken ({char}); zet de tekst tussen aanhalingstekens",
    ),
    ("found a tab character", "tab gebruikt om in te springen: gebruik spaties"),
    (
        "found unknown escape character",
        "in een tekst tussen dubbele aanhalingstekens heeft '\\' een speciale betekenis; "
        "gebruik enkele aanhalingstekens ('...') of schrijf '\\\\'",
    ),
    (
        "did not find expected hexdecimal number",
        "in een tekst tussen dubbele aanhalingstekens heeft '\\' een speciale betekenis; gebruik enkele aanhalingstekens ('...')",
    ),
    (
        "found invalid Unicode character escape code",
        "in een tekst tussen dubbele aanhalingstekens heeft '\\' een speciale betekenis; gebruik enkele aanhalingstekens ('...')",
    ),
    (
        "found unexpected end of stream",
        "het aanhalingsteken op deze regel wordt niet gesloten; zet er een aan het einde van de tekst",
    ),
    (
        "found unexpected document indicator",
        "het aanhalingsteken op deze regel wordt niet gesloten; zet er een aan het einde van de tekst",
    ),
    (
        "did not find expected alphabetic or numeric character",
        "een tekst die met '*', '&' of '!' begint, leest YAML als een verwijzing; zet de tekst tussen aanhalingstekens",
    ),
    (
        "did not find expected whitespace",
        "een tekst die met '!' of '%' begint, leest YAML als een aanduiding; zet de tekst tussen aanhalingstekens",
    ),
    (
        "did not find expected tag URI",
        "een tekst die met '!' begint, leest YAML als een aanduiding; zet de tekst tussen aanhalingstekens",
    ),
    (
        "did not find expected '!'",
        "een tekst die met '!' begint, leest YAML als een aanduiding; zet de tekst tussen aanhalingstekens",
    ),
    (
        "did not find the expected '>'",
        "een tekst die met '!' begint, leest YAML als een aanduiding; zet de tekst tussen aanhalingstekens",
    ),
    (
        "found undefined tag handle",
        "een tekst die met '!' begint, leest YAML als een aanduiding; zet de tekst tussen aanhalingstekens",
    ),
    ("found an indentation indicator equal to 0", "na '|' of '>' mag alleen een cijfer van 1 tot 9 staan; laat het cijfer weg"),
    (
        "did not find expected comment or line break",
        "na '|' of '>' mag op dezelfde regel niets meer staan; zet de tekst op de regels eronder, ingesprongen",
    ),
    ("did not find expected <document start>", "er staat een regel '...' of '---' midden in de gegevens; verwijder die"),
    (
        "but found another document",
        "er staat een tweede regel '---' in de gegevens; de gegevens van een bestand horen in één blok",
    ),
    ("directive", "een regel die met '%' begint, leest YAML als een instructie; zet de tekst tussen aanhalingstekens"),
    (
        "control characters are not allowed",
        "er staat een onzichtbaar stuurteken in het bestand (vaak uit een gekopieerde tekst); typ de tekst opnieuw",
    ),
    ("undefined alias", "een tekst die met '*' begint, leest YAML als een verwijzing; zet de tekst tussen aanhalingstekens"),
    ("UTF-8", "het bestand bevat een onleesbaar teken; bewaar het als UTF-8"),
    ("UTF-16", "het bestand bevat een onleesbaar teken; bewaar het als UTF-8"),
)
FALLBACK = "controleer op deze regel de inspringing, de dubbele punten en de aanhalingstekens"
PREFIX = "deze regel kan niet gelezen worden: "


def word_processor_characters(text: str) -> str | None:
    """The word-processor characters in `text`, named in Dutch ('gekrulde aanhalingstekens (“ ”)'), or None."""
    names = list(dict.fromkeys(WORD_PROCESSOR_CHARACTERS[c] for c in text if c in WORD_PROCESSOR_CHARACTERS))
    return " en ".join(names) if names else None


def describe_yaml_error(exc: yaml.YAMLError, lines: list[str]) -> tuple[int, int, str]:
    """(0-based line, 1-based column or 0, Dutch message) for a YAML error in the text `lines`."""
    if isinstance(exc, yaml.reader.ReaderError):
        line = _line_of_position(lines, exc.position)
        return line, 0, PREFIX + _dutch(exc.reason)
    if not isinstance(exc, yaml.MarkedYAMLError):
        return 0, 0, PREFIX + FALLBACK
    problem, context = exc.problem or "", exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line if mark else 0
    column = mark.column + 1 if mark else 0
    if exc.context_mark is not None and any(
        c in context for c in ("quoted scalar", "simple key", "flow sequence", "flow mapping")
    ):
        # An unclosed quote or a key without ':' is noticed lines later; the cause is where it started.
        line, column = exc.context_mark.line, exc.context_mark.column + 1
    elif "mapping values are not allowed" in problem:
        glued = _glued_key_above(lines, line)
        if glued is not None:
            line, column = glued, 0
    text = lines[line] if 0 <= line < len(lines) else ""
    return line, column, PREFIX + _hint(problem, context, text, lines, mark)


def _hint(problem: str, context: str, text: str, lines: list[str], mark) -> str:
    odd = word_processor_characters(text)
    if odd and (set(text) & QUOTES or "streepje" in odd or "opsommingsteken" in odd):
        return (
            f"op deze regel staan {odd} uit een tekstverwerker, die YAML niet herkent; "
            "typ ze opnieuw als gewone tekens: rechte aanhalingstekens \" of ' en een minteken -"
        )
    glued = GLUED_KEY.match(text)
    if glued and ("simple key" in context or "mapping values" in problem):
        key, value = glued.groups()
        return f"na de dubbele punt hoort een spatie: schrijf '{key}: {value}'"
    if "quoted scalar" in context and "escape" not in problem and "hexdecimal" not in problem:
        return "het aanhalingsteken op deze regel wordt niet gesloten; zet er een aan het einde van de tekst"
    if "mapping values are not allowed" in problem and mark is not None:
        before = lines[mark.line][: mark.column] if mark.line < len(lines) else ""
        if before.strip() and ":" not in before:
            return (
                f"'{before.strip()}' springt verder in dan de regel erboven; "
                "zet het even ver in als de andere velden van dezelfde groep"
            )
    if "cannot start any token" in problem and mark is not None and mark.line < len(lines):
        char = lines[mark.line][mark.column : mark.column + 1] or "?"
        return _dutch(problem).format(char=f"'{char}'")
    message = _dutch(problem + " " + context)
    return f"{message} ({odd})" if odd else message


def _dutch(problem: str) -> str:
    return next((dutch for english, dutch in PROBLEMS if english in problem), FALLBACK)


def _glued_key_above(lines: list[str], line: int) -> int | None:
    """`titel:Poetsdienst` is read as text that runs on into the next lines; the error shows up below it."""
    for index in range(min(line, len(lines) - 1), -1, -1):
        if GLUED_KEY.match(lines[index]):
            return index
        if index < line and KEY_LINE.match(lines[index]):
            return None
    return None


def _line_of_position(lines: list[str], position: int) -> int:
    total = 0
    for index, text in enumerate(lines):
        total += len(text) + 1
        if position < total:
            return index
    return max(len(lines) - 1, 0)
