"""The citizen pages keep staff matters to staff: tested on the whole built demo site.

No citizen page shows an edit link, the owner, a product type code or a link to a public issue tracker. (That every
fiche answers first, at 375x812, is test_site_first_screen.py.)
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from browser import REPO
from factories import TOWN_DIR

STAFF_WORDS = ("Pas deze fiche aan", "Pas dit loket aan", "Nagekeken door", "Soort product", "Wie zet het in gang?")
PUBLIC_TRACKER = re.compile(r"""href="[^"]*(?:github\.com|gitlab\.com)/[^"]*/issues|href="[^"]*/issues/new""")
STAFF_PAGES = ("redactie",)  # pages for staff, reached through "voor medewerkers"


def citizen_pages(site_dir: Path) -> list[Path]:
    return [p for p in site_dir.rglob("*.html") if not set(p.relative_to(site_dir).parts) & set(STAFF_PAGES)]


def visible_text(html: str) -> str:
    """The page without its scripts (JSON-LD, search config): what a citizen can read or follow."""
    return re.sub(r"<script\b.*?</script>", "", html, flags=re.S)


def test_no_citizen_page_shows_staff_matters_or_a_public_issue_tracker(site_dir: Path):
    vocab = yaml.safe_load((REPO / "vocabularies.yml").read_text(encoding="utf-8"))
    type_codes = tuple(vocab["producttypes"])
    owners = set()
    for path in (TOWN_DIR / "content" / "lokaal").glob("*.yml"):
        owners.add(yaml.safe_load(path.read_text(encoding="utf-8"))["eigenaar"])
    pages = citizen_pages(site_dir)
    assert len(pages) > 150
    problems = []
    for path in pages:
        html = visible_text(path.read_text(encoding="utf-8"))
        name = path.relative_to(site_dir).as_posix()
        problems += [f"{name}: '{word}'" for word in STAFF_WORDS if word in html]
        problems += [f"{name}: producttype {code}" for code in type_codes if re.search(rf">[^<]*\b{code}\b", html)]
        problems += [
            f"{name}: eigenaar '{owner}'" for owner in owners if f"Nagekeken door {owner}" in html or f"<dd>{owner}</dd>" in html
        ]
        if 'class="md-content__button' in html or "/edit/" in html:
            problems.append(f"{name}: bewerkknop")
        problems += [f"{name}: publieke issuepagina {m.group(0)}" for m in PUBLIC_TRACKER.finditer(html)]
    assert not problems, "\n".join(problems[:40])


def test_the_report_link_is_an_email_to_the_town_without_personal_data(site_dir: Path):
    html = (site_dir / "products" / "leefloon" / "index.html").read_text(encoding="utf-8")
    town = yaml.safe_load((TOWN_DIR / "catalogus.yml").read_text(encoding="utf-8"))
    link = re.search(r'<p class="catalogus-melden">.*?href="([^"]+)"', html, flags=re.S)
    assert link and link.group(1).startswith(f"mailto:{town['melden']['email']}?subject=")
    assert "Leefloon" in link.group(1) and "products%2Fleefloon" in link.group(1).replace("/", "%2F")
    assert "persoonlijke%20gegevens" in link.group(1)
