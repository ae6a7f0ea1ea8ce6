"""`catalogus build` and `catalogus serve`: check → site → editor → open data, one gate from content to site.

Checker and build are one gate: with errors the checker's report is printed and no site is left behind. The
site is built in a temporary folder next to the target and moved into place only when every step succeeded.

`catalogus build --intern` builds the staff edition (for the intranet) into site-intern/: the same pages plus
each fiche's internal text and recent changes, a banner, noindex, no sitemap and no open-data exports. Only
this path asks the checker to keep the internal texts; the public build never has them in memory.

A target folder is never the content or the project itself: `catalogus build --site-dir content` once replaced
the content folder with the built site. The build empties its target, so a target that is, or contains, the
content folder or the project root (or one of their parents) is refused before anything is written; a target
inside the content folder too, since the site would then become content.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import tempfile
import time
from pathlib import Path

from catalogus.base import translations
from catalogus.base.exitcode import ExitCode
from catalogus.check import report
from catalogus.check.intern import InternalText
from catalogus.check.pipeline import check
from catalogus.load.history import read_history
from catalogus.model.catalogue import Catalogue
from catalogus.model.facts import FACTS_FILE
from catalogus.model.glossary import GLOSSARY_FILE
from catalogus.model.search_words import WORDS_FILE
from catalogus.model.vocabulary import VOCABULARY_FILE
from catalogus.opendata.exports import write_exports
from catalogus.site import run as frame
from catalogus.site.editor import write_editor

PUBLIC_SITE, STAFF_SITE = "site", "site-intern"  # default folders; the Pages workflow deploys only site/


def site_dir_problem(site_dir: Path, root: Path, content: Path) -> str | None:
    """A Dutch reason why `site_dir` is unsafe as a build target, or None when it is fine."""
    target = site_dir.resolve()
    protected = (("de inhoudsmap", content.resolve()), ("de projectmap", root.resolve()))
    for name, folder in protected:
        if target == folder:
            return f"--site-dir {site_dir} is {name} zelf; kies een aparte map, bv. site/"
    for name, folder in protected:
        if target in folder.parents:
            return f"--site-dir {site_dir} bevat {name} ({folder}); kies een aparte map, bv. site/"
    if content.resolve() in target.parents:
        return f"--site-dir {site_dir} ligt in de inhoudsmap; de site zou dan inhoud worden: kies een map erbuiten, bv. site/"
    return None


def build_site(
    root: Path,
    today: dt.date,
    site_dir: Path | None = None,
    internal: bool = False,
    concept: bool = False,
    town: str | None = None,
) -> ExitCode:
    """`concept`: a draft site, with fields still 'IN TE VULLEN' allowed and a banner on every page; `town`: the
    town of a region's repository."""
    target = (site_dir or root / (STAFF_SITE if internal else PUBLIC_SITE)).resolve()
    if root.resolve().is_relative_to(target):
        print(f"catalogus: de sitemap {target} mag de projectmap niet bevatten (hij wordt gewist)", file=sys.stderr)
        return ExitCode.USAGE
    started = time.perf_counter()
    result = check(root, today, internal=internal, concept=concept, town=town)
    print(report.human(result))
    if result.errors or result.catalogue is None:
        _remove(target)
        return ExitCode.CONTENT
    pages = publish(root, today, result.catalogue, target, result.internal if internal else None, concept)
    if pages is None:
        return ExitCode.CONTENT
    seconds = time.perf_counter() - started
    edition = "Interne editie" if internal else "Site"
    print(f"{edition} gebouwd in {target}: {pages} pagina's in {seconds:.1f} s ({pages / seconds:.0f} pagina's/s).")
    return ExitCode.OK


def publish(
    root: Path,
    today: dt.date,
    catalogue: Catalogue,
    target: Path,
    internal: dict[str, InternalText] | None = None,
    concept: bool = False,
) -> int | None:
    """Build the site of a checked catalogue into `target` (replaced only when every step succeeds); with
    `internal` (the checked internal texts, possibly none) the staff edition, without exports; `concept`: a
    draft site with its banner. Returns the number of pages, or None when mkdocs refused the site."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    pages = None  # set only when every step succeeded: a half-written site is never moved into place
    history = read_history(catalogue, root)  # one git pass for the pages and the exports
    try:
        framed = frame.render(root, today, catalogue, staging, history, internal, concept)
        project = frame.project_dir(root)
        strings = translations.load(project, catalogue.config.taal)
        write_editor(staging, root, catalogue, framed.repo_url, framed.edit_uri, strings)  # staff page /redactie/
        if internal is None:  # open data is for the public site only
            write_exports(catalogue, staging, today, root, project, history)  # data/, embed/, beleid/
        pages = framed.pages
    except frame.FrameError as exc:
        print(f"De site is niet gebouwd: {exc}", file=sys.stderr)
    finally:
        _remove(target)
        if pages is not None:
            staging.rename(target)
        else:
            _remove(staging)
    return pages


def serve_site(root: Path, today: dt.date, address: str | None = None, town: str | None = None) -> ExitCode:
    """Live preview: every change to content, settings or templates rebuilds (and re-checks) the site."""
    result = check(root, today, town=town)
    print(report.human(result))
    if result.errors or result.layout is None:
        return ExitCode.CONTENT
    where = result.layout
    shared_settings = (VOCABULARY_FILE, GLOSSARY_FILE, WORDS_FILE, FACTS_FILE)  # every root file the check reads
    watched = [where.town, *(root / name for name in shared_settings if (root / name).is_file())]
    watched += [where.shared] if where.shared else []
    try:
        frame.serve(root, today, watched, address, town)
    except frame.FrameError as exc:
        print(f"De site kan niet getoond worden: {exc}", file=sys.stderr)
        return ExitCode.CONTENT
    return ExitCode.OK


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()
