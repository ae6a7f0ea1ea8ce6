"""An answer on every fiche (issue 21, part 4): the first screen of a phone (375x812) says what it costs or what
you get, and gives a number to call.

Tested on every fiche page of the built demo site (shared and town-own fiches), by the bounding boxes Chromium
draws: the first tap-to-call link and the cost (or benefit) statement end above 812 px. The cost never points
elsewhere ("Zie de uitleg hieronder"), and the staff badge words (reactief / responsief / proactief) are gone.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

PHONE = {"width": 375, "height": 812}
FIRST_SCREEN = PHONE["height"]
# The answer in words: free, an amount, or what the price depends on with the number that tells it.
ANSWER = re.compile(r"Gratis|gratis|€|hangt af van|volgens uw inkomen|Bel \d|betaalt", re.I)
POINTER = re.compile(r"zie\s+(?:de\s+)?(?:uitleg|tekst|toelichting)|hieronder\.?$", re.I)
STAFF_BADGE = re.compile(r"^(?:Reactief|Responsief|Proactief)\b")
BOXES = """() => {
  const box = element => {
    if (!element) return null;
    const r = element.getBoundingClientRect();
    return {top: r.top + window.scrollY, bottom: r.bottom + window.scrollY, text: element.innerText.trim()};
  };
  const q = selector => document.querySelector(selector);
  return {
    phone: box(q('main a[href^="tel:"]')),
    cost: box(q('[data-kort="kosten"]')),
    benefit: box(q('[data-kort="krijgt"]')),
    badge: box(q('.catalogus-niveau')),
  };
}"""


def fiche_pages(site_dir: Path) -> list[str]:
    """Every fiche page of the built site, as a path under the site root ('products/leefloon/')."""
    return sorted(f"products/{p.parent.name}/" for p in (site_dir / "products").glob("*/index.html"))


@pytest.mark.browser
def test_every_fiche_answers_cost_or_benefit_and_a_phone_on_the_first_phone_screen(chromium, site_url, site_dir):
    pages = fiche_pages(site_dir)
    assert len(pages) > 100
    context = chromium.new_context(base_url=site_url, viewport=PHONE)
    tab = context.new_page()
    problems: list[str] = []
    lowest = {"phone": 0.0, "answer": 0.0}
    try:
        for path in pages:
            tab.goto(path)
            found = tab.evaluate(BOXES)
            phone, cost, benefit = found["phone"], found["cost"], found["benefit"]
            if phone is None:
                problems.append(f"{path}: geen telefoonlink")
            else:
                lowest["phone"] = max(lowest["phone"], phone["bottom"])
                if phone["bottom"] > FIRST_SCREEN:
                    problems.append(f"{path}: de eerste telefoonlink eindigt op {phone['bottom']:.0f} px")
            answers = [box for box in (benefit, cost) if box and ANSWER.search(box["text"])]
            if not answers:
                problems.append(f"{path}: geen kostprijs of bedrag bovenaan ({cost and cost['text']!r})")
            else:
                first = min(box["bottom"] for box in answers)
                lowest["answer"] = max(lowest["answer"], first)
                if first > FIRST_SCREEN:
                    problems.append(f"{path}: de kostprijs of het bedrag eindigt op {first:.0f} px")
            if cost and POINTER.search(cost["text"]):
                problems.append(f"{path}: de kostprijs verwijst naar elders: {cost['text']!r}")
            if found["badge"] and STAFF_BADGE.match(found["badge"]["text"]):
                problems.append(f"{path}: vakterm in het label bovenaan: {found['badge']['text']!r}")
    finally:
        context.close()
    print(f"{len(pages)} fiches; laagste telefoonlink {lowest['phone']:.0f} px, laagste antwoord {lowest['answer']:.0f} px")
    assert not problems, "\n".join(problems)


def test_no_fiche_says_see_below_as_its_cost(site_dir: Path):
    """Offline as well, so it also runs without Chromium: the cost line of every fiche is an answer."""
    problems = []
    for path in fiche_pages(site_dir):
        html = (site_dir / path / "index.html").read_text(encoding="utf-8")
        cost = re.search(r'data-kort="kosten">(.*?)</dd>', html, flags=re.S)
        text = re.sub(r"<[^>]+>", "", cost.group(1)).strip() if cost else ""
        if not text or "Zie de uitleg hieronder" in text or not ANSWER.search(text):
            problems.append(f"{path}: {text!r}")
    assert not problems, "\n".join(problems)
