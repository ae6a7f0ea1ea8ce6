"""Where a town's files are: one catalogue for one town, or a shared catalogue and its towns in one repository.

A region's repository (the Flemish IPDC/LPDC model: a town-neutral concept, a town's instance of it):

    gedeeld/products/<id>.md        the shared fiches: no town's name, loket, price, owner or review date
    gemeenten/<town>/catalogus.yml  one town: its settings,
    gemeenten/<town>/paginas.yml    its fixed pages,
    gemeenten/<town>/content/       its loketten/, lokaal/<id>.yml (its instance of a shared fiche), intern/,
                                    and products/ for fiches of its own

A town that works in its own fork only ever changes its own folder, so pulling upstream (shared fiches, other
towns) never conflicts. vocabularies.yml, woordenlijst.yml, zoekwoorden.yml and feiten.yml stay at the root: they are
shared. A project with catalogus.yml at its root is one town with no shared catalogue (every fiche its own).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from catalogus.load.sources import display_path
from catalogus.model.config import CONFIG_FILE, SHARED_DIR, TOWNS_DIR

SHARED_PRODUCTS = "products"
TOWN_VARIABLE = "CATALOGUS_GEMEENTE"  # the town of a region's repository when --gemeente is not given


class LayoutError(Exception):
    """The town cannot be found; the message is Dutch and says what to do."""


@dataclass(frozen=True)
class Layout:
    root: Path  # the repository: files are named relative to it, git runs here
    town: Path  # the town's folder: catalogus.yml, paginas.yml and its content folder
    shared: Path | None  # the shared fiches (gedeeld/products/), None for a town with no shared catalogue
    name: str = ""  # the town's folder name in a region ('' for a single town)

    def display(self, path: Path) -> str:
        return display_path(path, self.root)

    @property
    def config_path(self) -> Path:
        return self.town / CONFIG_FILE

    @property
    def config_display(self) -> str:
        return self.display(self.config_path)


def town_names(root: Path) -> list[str]:
    """The towns of a region's repository (folders under gemeenten/ with a catalogus.yml), sorted."""
    folder = root / TOWNS_DIR
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if (p / CONFIG_FILE).is_file())


def is_region(root: Path) -> bool:
    return not (root / CONFIG_FILE).is_file() and (root / TOWNS_DIR).is_dir()


def every_town(root: Path) -> list[Layout]:
    """Every town of the repository (one for a single-town project): what CI checks and builds."""
    return [layout(root, name) for name in town_names(root)] if is_region(root) else [layout(root)]


def chosen_town(town: str | None) -> str | None:
    """The town asked for: --gemeente, else the environment (CI sets it per repository), else none."""
    return town or os.environ.get(TOWN_VARIABLE) or None


def layout(root: Path, town: str | None = None) -> Layout:
    """The layout of `town` in the repository at `root`; a single-town project ignores an empty `town`."""
    root = root.resolve()
    town = chosen_town(town)
    if not is_region(root):
        if town:
            raise LayoutError(f"--gemeente {town}: deze projectmap heeft geen map {TOWNS_DIR}/ maar één {CONFIG_FILE}")
        return Layout(root, root, None)
    names = town_names(root)
    if town is None:
        if len(names) != 1:
            listed = ", ".join(names) or f"geen (maak {TOWNS_DIR}/<gemeente>/{CONFIG_FILE})"
            raise LayoutError(f"kies een gemeente met --gemeente; in {TOWNS_DIR}/ staan: {listed}")
        town = names[0]
    if town not in names:
        raise LayoutError(
            f"de gemeente '{town}' staat niet in {TOWNS_DIR}/ (met een {CONFIG_FILE}); gemeenten: {', '.join(names) or 'geen'}"
        )
    shared = root / SHARED_DIR / SHARED_PRODUCTS
    return Layout(root, root / TOWNS_DIR / town, shared if shared.is_dir() else None, town)
