"""Where a built site may go: never onto the content or the project itself.

`catalogus build --site-dir content` once replaced the content folder with the built site. The build
empties its target, so a target that is, or contains, the content folder or the project root (or one of
their parents) is refused before anything is written; a target inside the content folder too, since the
site would then become content.
"""

from __future__ import annotations

from pathlib import Path


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
