"""The typed building blocks every content model shares: a strict base and editors' text and web addresses.

The rules live on the types, so validating a model alone (an import, a form editor) enforces them; the content
model (catalogus.model) and the rules block (catalogus.rules.model) both build on these.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints

from catalogus.base.markup import link_problem, text_problems


def _editor_text(value: str) -> str:
    """Raw HTML, unsafe links and the like, found by the parse the site renders with (catalogus.base.markup)."""
    problems = text_problems(value)
    if problems:
        raise ValueError("; ".join(dict.fromkeys(problem.message for problem in problems)))
    return value


def _web_address(value: str) -> str:
    message = link_problem(value)
    if message:
        raise ValueError(message)
    return value


# Editors' text of a given length (Markdown where the site renders it, plain text elsewhere) is written out as
# Annotated[str, StringConstraints(strip_whitespace=True, min_length=…, max_length=…), EDITOR_TEXT] in each model:
# a type checker reads only an alias it can see, not one a function builds.
EDITOR_TEXT = AfterValidator(_editor_text)
WEB_ADDRESS = AfterValidator(_web_address)


# The editors' text types every model shares; a model with other lengths writes its own alias the same way.
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), EDITOR_TEXT]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), EDITOR_TEXT]
Url = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000), WEB_ADDRESS]


class Strict(BaseModel):
    """Base for every content object: unknown keys are an error, never silently dropped."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# A fact's name in the register of facts that change (feiten.yml): letters and '_' only, so '$name' in a text is
# the same kind of placeholder as $gemeente (catalogus.load.placeholders).
FACT_NAME = r"^[a-z][a-z_]{2,59}$"
FactId = Annotated[str, StringConstraints(pattern=FACT_NAME)]
