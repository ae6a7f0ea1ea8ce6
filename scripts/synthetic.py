"""Synthetic catalogues for benchmarks: varied, valid fiches written into a temporary project root."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
DEMO_TOWN = "harelbeke"  # the demo region's complete town: its settings and loketten serve the synthetic catalogues
TOWN_DIR = REPO / "gemeenten" / DEMO_TOWN
WORDS = (
    "hulp thuis premie zorg inkomen woning attest aanvraag kind gezin senior werk opleiding energie water afval "
    "vervoer pensioen handicap huur renovatie document reis adres steun budget schuld maaltijd poets alarm"
).split()


def write_settings(root: Path) -> dict:
    """The real settings and lokets under `root`, without what names real fiches (the home page's most asked,
    owners, life-event steps): a synthetic catalogue has other fiches. Returns the vocabularies."""
    vocab = yaml.safe_load((REPO / "vocabularies.yml").read_text(encoding="utf-8"))
    config = yaml.safe_load((TOWN_DIR / "catalogus.yml").read_text(encoding="utf-8"))
    config.update(meest_gevraagd=[], eigenaars={})
    for event in vocab["levensgebeurtenissen"].values():
        event.pop("stappen", None)
    for name, data in (("catalogus.yml", config), ("vocabularies.yml", vocab)):
        (root / name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    shutil.copytree(TOWN_DIR / "content" / "loketten", root / "content" / "loketten", dirs_exist_ok=True)
    shutil.copy(REPO / "feiten.yml", root / "feiten.yml")  # the amounts and limits the fiches refer to
    return vocab


def make_catalogue(root: Path, count: int, seed: int = 1) -> Path:
    """Write `count` valid fiches plus the real lokets, config and vocabularies under `root`."""
    rng = random.Random(seed)
    vocab = write_settings(root)
    loketten = sorted(p.stem for p in (root / "content" / "loketten").glob("*.md"))
    products = root / "content" / "products"
    products.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        words = rng.sample(WORDS, 6)
        data = {
            "id": f"product-{index:05d}",
            "titel": f"{words[0].capitalize()} {words[1]} {index}",
            "samenvatting": f"U krijgt {words[2]} en {words[3]} bij uw vraag over {words[4]} ({index}).",
            "producttype": rng.choice(sorted(vocab["producttypes"])),
            "loket": rng.choice(loketten),
            "doelgroepen": rng.sample(sorted(vocab["doelgroepen"]), 2),
            "themas": rng.sample(sorted(vocab["themas"]), 1),
            "levensgebeurtenissen": rng.sample(sorted(vocab["levensgebeurtenissen"]), 1),
            "sleutelwoorden": rng.sample(WORDS, 5),
            "voor_wie": f"Inwoners die {words[5]} nodig hebben.",
            "voorwaarden": ["U woont in de gemeente.", f"U hebt {words[1]} nodig."],
            "kostprijs": {"gratis": False, "bedragen": [{"omschrijving": "Per aanvraag", "bedrag": rng.randint(0, 90)}]},
            "meebrengen": ["Uw identiteitskaart."],
            "stappen": ["Kom langs bij het loket.", "U krijgt binnen de week antwoord."],
            "formulieren": [{"titel": "Aanvraagformulier", "url": "https://www.vlaanderen.be/formulier"}],
            "regelgeving": [{"titel": "Gemeentelijk reglement", "url": "https://www.vlaanderen.be/reglement"}],
            "verwante_producten": [f"product-{(index + 1) % count:05d}"],
            "eigenaar": "Sociaal Huis",
            "laatst_nagekeken": "2026-10-01",
        }
        body = " ".join(rng.choice(WORDS) for _ in range(80)).capitalize() + "."
        front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        (products / f"{data['id']}.md").write_text(f"---\n{front}---\n\n{body}\n", encoding="utf-8")
    return root
