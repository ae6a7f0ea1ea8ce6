"""Benchmark the site build against plain mkdocs-material, and the search in Chromium, at catalogue scale.

For 150, 1,000 and 5,000 fiches it writes a synthetic catalogue made from the real fiches (each fiche its own mix
of their texts, keywords and browse terms; the real catalogus.yml, vocabularies.yml and loketten), then times
`catalogus build` on it and, in the same run, plain mkdocs-material on the same Markdown with its default navigation
(every page in the nav; at 150 and 1,000 only: it grows quadratically). It prints seconds, pages/s, the ratio,
the peak memory of the build process, the search payload per fiche (raw and gzipped) and, at every size, the time
from the first keystroke to the first results in headless Chromium, on a fresh visit and on the next page (the
search starts on first use, so both include building the index), at full speed and with the CPU throttled 4× as on a
mid-range phone (CDP Emulation.setCPUThrottlingRate; Chromium applies it to the page, not to the search's worker:
"Operation is only supported for pages, not workers", so the throttled figure is a lower bound).

Usage: python scripts/benchmark_site.py [--sizes 150 1000 5000] [--plain-sizes 150 1000] [--no-search] [--keep DIR]

To compare two versions in one session, run this script with PYTHONPATH pointing at each version's src/ in turn:
the synthetic catalogue comes from this checkout, the build (and its mkdocs.yml and templates) from the package.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import gzip
import json
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from catalogus.check.editorial import AMOUNT
from catalogus.check.pipeline import check
from catalogus.load import local_layer
from catalogus.load.instances import split_instance_fields
from catalogus.load.prepare import prepare
from catalogus.load.sources import load_source

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from browser import CLI, SEARCH_BOX, SEARCH_PROBE, TODAY, launch_chromium, serve  # noqa: E402
from synthetic import DEMO_TOWN, write_settings  # noqa: E402

DISTRICTS = ("Harelbeke", "Bavikhove", "Hulste", "Stasegem")
LIST_FIELDS = ("sleutelwoorden", "voorwaarden", "meebrengen", "stappen")
TYPED = ("premie", "kaart", "pensioen", "hulp thuis", "verhuizen")
TARGETS = {"speedup_1000": 5.0, "seconds_5000": 30.0, "linearity": 1.2, "ready_ms": 1500}
SEARCH_SIZES = (150, 1000, 5000)  # search timings in Chromium at these sizes
THROTTLE = 4  # a mid-range phone against this machine
PLAIN_CONFIG = {
    "site_name": "Benchmark",
    "theme": {"name": "material", "language": "nl", "font": False},
    "plugins": [{"search": {"lang": "nl"}}],
}


# --- synthetic catalogue ---------------------------------------------------------------------------------------


def real_fiches() -> list[tuple[dict, str]]:
    """Front-matter and body of every real fiche the checker accepts."""
    result = check(REPO, dt.date.fromisoformat(TODAY), town=DEMO_TOWN)
    if result.catalogue is None:
        raise SystemExit("de inhoud heeft fouten; 'catalogus check' zegt welke")
    config, content = result.catalogue.config, REPO / result.catalogue.content_path
    fiches = []
    for entry in result.catalogue.products:  # with its local layer and the town's names filled in
        source = load_source(REPO / entry.path, entry.path)
        local = local_layer.find_layer(source, content, REPO)
        if local is not None:
            split_instance_fields(local)  # the town's record of the shared version: not a fiche field
        prepare(source, local, config, today=None, shared=True)
        if source.data:
            fiches.append((source.data, source.body))
    if not fiches:
        raise SystemExit("geen enkele geldige fiche om een catalogus uit te maken")
    return fiches


def _amount(item: object) -> bool:
    return bool(AMOUNT.search(item if isinstance(item, str) else json.dumps(item, ensure_ascii=False)))


def short_title(title: str, limit: int = 58) -> str:
    if len(title) <= limit:
        return title
    return title[:limit].rsplit(" ", 1)[0]


def write_catalogue(root: Path, count: int, seed: int = 1) -> list[str]:
    """`count` valid fiches under root/content/products; returns their ids.

    Each fiche keeps the shape of one real fiche (loket, costs, steps, sources) but gets its own mix of the whole
    catalogue's texts: a summary, paragraphs, keywords and conditions drawn from all real fiches. Copies of a few
    real fiches would make the search index compress far better than a real catalogue of that size does.
    """
    rng = random.Random(seed)
    vocab = write_settings(root)
    products = root / "content" / "products"
    products.mkdir(parents=True)
    bases = real_fiches()
    # Texts that name an amount need the source of their own fiche: they are not mixed into others.
    pool = {field: [item for data, _ in bases for item in data.get(field, []) if not _amount(item)] for field in LIST_FIELDS}
    summaries = [data["samenvatting"] for data, _ in bases if not AMOUNT.search(data["samenvatting"])]
    paragraphs = [p.strip() for _, body in bases for p in body.split("\n\n") if p.strip() and not AMOUNT.search(p)]
    ids = [f"{bases[n % len(bases)][0]['id']}-{n}" for n in range(count)]
    for n, fiche_id in enumerate(ids):
        data, _ = bases[n % len(bases)]
        fiche = copy.deepcopy(data)
        fiche["id"] = fiche_id
        fiche.pop("stopgezet", None)  # its successor is a real fiche, not in this catalogue
        fiche.pop("status", None)
        fiche["titel"] = f"{short_title(data['titel'])} ({rng.choice(DISTRICTS)} {n})"
        fiche["samenvatting"] = rng.choice(summaries)
        for field in ("doelgroepen", "themas", "levensgebeurtenissen"):
            fiche[field] = list(dict.fromkeys([*data.get(field, []), rng.choice(sorted(vocab[field]))]))
        for field, items in pool.items():
            if data.get(field):
                fiche[field] = list(dict.fromkeys(rng.sample(items, k=len(data[field]))))
        fiche["verwante_producten"] = rng.sample([i for i in ids if i != fiche_id], k=min(3, count - 1))
        body = "\n\n".join(rng.sample(paragraphs, k=rng.randint(1, 3)))
        front = yaml.safe_dump(fiche, allow_unicode=True, sort_keys=False, width=120)
        (products / f"{fiche_id}.md").write_text(f"---\n{front}---\n\n{body}\n", encoding="utf-8")
    return ids


def plain_project(root: Path, target: Path) -> Path:
    """The same Markdown as a plain mkdocs-material project, default navigation; returns its mkdocs.yml."""
    docs = target / "docs"
    for part in ("products", "loketten"):
        shutil.copytree(root / "content" / part, docs / part)
    (docs / "index.md").write_text("# Productencatalogus\n", encoding="utf-8")
    config = target / "mkdocs.yml"
    config.write_text(yaml.safe_dump(PLAIN_CONFIG, sort_keys=False), encoding="utf-8")
    return config


# --- measuring -------------------------------------------------------------------------------------------------


def measured(command: list[str], cwd: Path) -> dict:
    """Run `command` through this script's --measure mode: wall time and peak RSS of the build process."""
    run = subprocess.run([sys.executable, __file__, "--measure", *command], cwd=cwd, capture_output=True, text=True)
    *output, last = run.stdout.rstrip("\n").split("\n")
    numbers = json.loads(last)
    if numbers["returncode"] != 0:
        raise SystemExit(f"mislukt: {' '.join(command)}\n" + "\n".join(output) + run.stderr[-4000:])
    return numbers


def measure_child(command: list[str]) -> None:
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if done.returncode:
        print(done.stderr[-4000:])
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
    print(json.dumps({"seconds": seconds, "peak_mib": peak / 1024, "returncode": done.returncode}))


def html_pages(site: Path) -> int:
    return sum(1 for p in site.rglob("*.html") if p.name != "404.html")


def search_payload(site: Path, fiches: int) -> tuple[float, float]:
    raw = (site / "search" / "search_index.json").read_bytes()
    return len(raw) / fiches / 1024, len(gzip.compress(raw, 6)) / fiches / 1024


def search_timings(site: Path, fiche_url: str, throttle: int = 1) -> dict:
    """Chromium: from the first keystroke to the first results, on a fresh visit (empty cache, the home page) and
    on the next page of the same visit (a fiche). The search starts on first use (catalogus-zoekstart.js), so both
    include building the index in the worker; the next page gets the index file from the browser cache. With
    `throttle` > 1 the page's CPU is slowed that many times (it stays so across the visit's navigations)."""
    from playwright.sync_api import sync_playwright

    server, url = serve(site)
    fresh, following = [], []
    try:
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            for query in TYPED:
                context = browser.new_context()
                context.add_init_script(SEARCH_PROBE)
                page = context.new_page()
                if throttle > 1:
                    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": throttle})
                page.goto(url, wait_until="load")
                fresh.append(typed_to_results_ms(page, query))
                page.goto(url + fiche_url, wait_until="load")
                following.append(typed_to_results_ms(page, query))
                context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return {
        "fresh_ms": statistics.median(fresh),
        "fresh_max_ms": max(fresh),
        "next_page_ms": statistics.median(following),
        "next_page_max_ms": max(following),
    }


def typed_to_results_ms(page, query: str) -> float:
    """From the first key pressed in the (not yet started) search to the first result in the list, in the page."""
    page.evaluate(
        """() => {
          const probe = window.__search;
          probe.keydown = probe.shown = null;
          document.addEventListener('keydown', event => { probe.keydown = event.timeStamp }, {once: true, capture: true});
          const observer = new MutationObserver(() => {
            const list = document.querySelector('.md-search-result__list');
            if (list && list.children.length) { probe.shown = performance.now(); observer.disconnect(); }
          });
          observer.observe(document.body, {childList: true, subtree: true});
        }"""
    )
    box = page.locator(SEARCH_BOX)
    if not box.is_visible():  # a narrow screen shows a search button instead of the box
        page.locator("label[for='__search']").first.click()
    box.click()
    box.press_sequentially(query)
    page.wait_for_function("() => window.__search.shown !== null", timeout=120_000)
    return page.evaluate("() => window.__search.shown - window.__search.keydown")


# --- the run ---------------------------------------------------------------------------------------------------


def run(sizes: list[int], plain_sizes: list[int], keep: Path | None, with_search: bool = True) -> dict:
    rows = {}
    work = Path(tempfile.mkdtemp(prefix="benchmark-site-", dir=keep))
    try:
        for size in sizes:
            root = work / f"catalogus-{size}"
            root.mkdir()
            ids = write_catalogue(root, size)
            site = root / "site"
            ours = measured(
                [*CLI, "--root", str(root), "build", "--today", TODAY, "--site-dir", str(site)],
                cwd=root,
            )
            row = {"fiches": size, "ours": ours, "pages": html_pages(site), "payload_kib": search_payload(site, size)}
            if size in plain_sizes:
                config = plain_project(root, work / f"plain-{size}")
                plain = measured([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], cwd=config.parent)
                row["plain"] = plain | {"pages": html_pages(config.parent / "site")}
                row["plain_payload_kib"] = search_payload(config.parent / "site", size)
            if with_search and size in SEARCH_SIZES:
                fiche = f"products/{ids[0]}/"
                row["search"] = {rate: search_timings(site, fiche, rate) for rate in (1, THROTTLE)}
            rows[size] = row
            report_row(row)
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return rows


def report_row(row: dict) -> None:
    ours, size = row["ours"], row["fiches"]
    raw, packed = row["payload_kib"]
    print(
        f"{size:>6} fiches  catalogus build {ours['seconds']:7.2f} s  {row['pages'] / ours['seconds']:7.1f} pagina's/s"
        f"  {ours['seconds'] / size * 1000:6.2f} ms/fiche  piek {ours['peak_mib']:6.0f} MiB"
        f"  zoekindex {raw:5.2f} KiB/fiche ({packed:4.2f} KiB gzip)",
        flush=True,
    )
    if "plain" in row:
        plain = row["plain"]
        praw, ppacked = row["plain_payload_kib"]
        print(
            f"{'':>14}mkdocs-material {plain['seconds']:7.2f} s  {plain['pages'] / plain['seconds']:7.1f} pagina's/s"
            f"  {plain['seconds'] / size * 1000:6.2f} ms/fiche  piek {plain['peak_mib']:6.0f} MiB"
            f"  zoekindex {praw:5.2f} KiB/fiche ({ppacked:4.2f} KiB gzip)"
            f"  → catalogus is {plain['seconds'] / ours['seconds']:.1f}× sneller",
            flush=True,
        )
    for rate, s in row.get("search", {}).items():
        speed = "volle snelheid" if rate == 1 else f"CPU {rate}× vertraagd"
        print(
            f"{'':>14}zoeken in Chromium ({speed}), eerste toets tot eerste resultaten: nieuw bezoek"
            f" {s['fresh_ms']:.0f} ms (max {s['fresh_max_ms']:.0f}), volgende pagina {s['next_page_ms']:.0f} ms"
            f" (max {s['next_page_max_ms']:.0f}); mediaan van {len(TYPED)} zoekvragen",
            flush=True,
        )


def verdict(rows: dict) -> list[str]:
    """The issue's targets, each as 'ok' or 'MIST' with the measured value."""
    lines = []

    def judge(name: str, ok: bool, text: str) -> None:
        lines.append(f"{'ok  ' if ok else 'MIST'} {name}: {text}")

    if 1000 in rows and "plain" in rows[1000]:
        speedup = rows[1000]["plain"]["seconds"] / rows[1000]["ours"]["seconds"]
        judge("1.000 fiches ≥ 5× sneller dan mkdocs-material", speedup >= TARGETS["speedup_1000"], f"{speedup:.1f}×")
    if 5000 in rows:
        seconds = rows[5000]["ours"]["seconds"]
        judge("5.000 fiches ≤ 30 s", seconds <= TARGETS["seconds_5000"], f"{seconds:.1f} s")
        if 1000 in rows:
            ratio = (seconds / 5000) / (rows[1000]["ours"]["seconds"] / 1000)
            judge("tijd per fiche bij 5.000 ≤ 1,2× die bij 1.000", ratio <= TARGETS["linearity"], f"{ratio:.2f}×")
        if "search" in rows[5000]:
            s = rows[5000]["search"][1]
            judge(
                "eerste resultaten ≤ 1,5 s na de eerste toets (5.000 fiches, nieuw bezoek)",
                s["fresh_ms"] <= TARGETS["ready_ms"], f"{s['fresh_ms']:.0f} ms (volgende pagina {s['next_page_ms']:.0f} ms)",
            )
    return lines


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--measure"]:
        measure_child(argv[1:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[150, 1000, 5000])
    parser.add_argument("--plain-sizes", type=int, nargs="*", default=[150, 1000])
    parser.add_argument("--no-search", action="store_true", help="leave out the search timings in Chromium")
    parser.add_argument("--keep", type=Path, help="keep the catalogues and sites in a folder under this one")
    args = parser.parse_args(argv)
    rows = run(sorted(args.sizes), args.plain_sizes, args.keep, not args.no_search)
    lines = verdict(rows)
    print("\n".join(lines))
    return 1 if any(line.startswith("MIST") for line in lines) else 0


if __name__ == "__main__":
    sys.exit(main())
