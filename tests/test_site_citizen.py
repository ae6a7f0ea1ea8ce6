"""The citizen pages answer first and keep staff matters to staff: tested on the whole built demo site.

Every fiche at 375x812: the first tap-to-call link and the cost line sit on the first screen. No citizen page
shows an edit link, the owner, a product type code or a link to a public issue tracker.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from browser import REPO
from catalogus.site import urls
from factories import SHARED, TOWN_DIR

PHONE = {"width": 375, "height": 812}
FIRST_SCREEN = PHONE["height"]
FIRST_PHONE = 'a[href^="tel:"]'
COST_LINE = '[data-kort="kosten"]'
POSITIONS = f"""() => {{
  const top = selector => {{
    const element = document.querySelector(selector);
    return element ? element.getBoundingClientRect().top + window.scrollY : null;
  }};
  return {{phone: top('{FIRST_PHONE}'), cost: top('{COST_LINE}')}};
}}"""


def fiche_ids() -> list[str]:
    return sorted(path.stem for path in (SHARED).glob("*.md"))


@pytest.mark.browser
def test_phone_and_cost_are_on_the_first_phone_screen_of_every_fiche(chromium, site_url):
    """One tab, reused for all fiches; a fiche without a phone or a cost line fails (it is never skipped)."""
    context = chromium.new_context(base_url=site_url, viewport=PHONE)
    tab = context.new_page()
    problems, highest = [], {"phone": 0.0, "cost": 0.0}
    try:
        for fiche_id in fiche_ids():
            tab.goto(urls.url(urls.product(fiche_id)))
            found = tab.evaluate(POSITIONS)
            for what, top in found.items():
                if top is None:
                    problems.append(f"{fiche_id}: geen {what} op de pagina")
                    continue
                highest[what] = max(highest[what], top)
                if top >= FIRST_SCREEN:
                    problems.append(f"{fiche_id}: {what} staat op {top:.0f} px (scherm: {FIRST_SCREEN} px)")
    finally:
        context.close()
    print(f"hoogste positie over {len(fiche_ids())} fiches: telefoon {highest['phone']:.0f} px, kosten {highest['cost']:.0f} px")
    assert not problems, "\n".join(problems)


# --- offline: what citizen pages must not contain ----------------------------------------------------------------

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
