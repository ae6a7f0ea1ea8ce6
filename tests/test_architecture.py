"""The package layout is the architecture: each step of the pipeline imports only the steps below it.

Read with `ast` from the source files, so a test fails on the line that breaks the rule, whether the import
stands at the top of a module or inside a function.
"""

from __future__ import annotations

import ast
import graphlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from factories import REPO

PACKAGE = REPO / "src" / "catalogus"
# Lowest first: a package may import itself and the packages before it, never one after it.
LAYERS = ("base", "rules", "model", "load", "check", "site", "opendata", "outreach", "workflow", "build", "cli")
MAX_ENTRIES = 12


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, 'catalogus.site.fiche'
    target: str  # the imported module or name, 'catalogus.model.catalogue'
    path: Path
    line: int

    def where(self) -> str:
        return f"{self.path.relative_to(REPO)}:{self.line}: {self.module} importeert {self.target}"


def module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(root: Path) -> list[Import]:
    """Every import of the package by the package, relative ones resolved, with file and line."""
    found = []
    for path in sorted(root.rglob("*.py")):
        module = module_name(path, root)
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, *([node.module] if node.module else [])])
                # 'from . import x' names a module; 'from .m import x' a name in module m: its layer is m's
                targets = [base if node.module else f"{base}.{alias.name}" for alias in node.names]
            else:
                continue
            found += [Import(module, t, path, node.lineno) for t in targets if t.split(".")[0] == root.name]
    return found


def layer(name: str) -> str | None:
    """The layer of 'catalogus.site.fiche' is 'site'; the package itself ('catalogus') has none."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else None


def upward(found: list[Import]) -> list[Import]:
    rank = {name: index for index, name in enumerate(LAYERS)}
    wrong = []
    for item in found:
        source, target = layer(item.module), layer(item.target)
        if source is None or target is None or source == target:
            continue
        if source not in rank or target not in rank or rank[target] > rank[source]:
            wrong.append(item)
    return wrong


def cycle(found: list[Import]) -> list[str]:
    """A cycle between packages (top-level layers), as the layers around it; [] when there is none."""
    edges: dict[str, set[str]] = {}
    for item in found:
        source, target = layer(item.module), layer(item.target)
        if source and target and source != target:
            edges.setdefault(source, set()).add(target)
    try:
        graphlib.TopologicalSorter(edges).prepare()
    except graphlib.CycleError as exc:
        return list(exc.args[1])
    return []


def test_the_package_root_names_the_steps_of_the_pipeline():
    entries = sorted(p.name for p in PACKAGE.iterdir() if p.name != "__pycache__")
    assert len(entries) <= MAX_ENTRIES, entries
    steps = {p.stem for p in PACKAGE.iterdir() if p.name not in ("__init__.py", "__pycache__")}
    assert steps == set(LAYERS), "every entry is a layer of LAYERS and every layer exists"


def test_every_package_imports_only_packages_below_it():
    wrong = upward(imports(PACKAGE))
    assert not wrong, "imports die naar boven wijzen:\n" + "\n".join(item.where() for item in wrong)


def test_no_package_cycle():
    assert cycle(imports(PACKAGE)) == []


@pytest.fixture
def planted(tmp_path: Path) -> Path:
    """A copy of the package's layout with one upward import planted in a low layer."""
    root = tmp_path / "catalogus"
    for path in PACKAGE.rglob("*.py"):
        copy = root / path.relative_to(PACKAGE)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    model = root / "model" / "catalogue.py"
    model.write_text(model.read_text(encoding="utf-8") + "\n\ndef later():\n    from ..site import urls\n", encoding="utf-8")
    return root


def test_a_planted_upward_import_is_caught_with_its_line(planted: Path):
    wrong = upward(imports(planted))
    assert [(w.module, w.target) for w in wrong] == [("catalogus.model.catalogue", "catalogus.site")]
    assert wrong[0].line == len((planted / "model" / "catalogue.py").read_text(encoding="utf-8").splitlines())
    loop = cycle(imports(planted))
    assert {"model", "site"} <= set(loop) and loop[0] == loop[-1]
