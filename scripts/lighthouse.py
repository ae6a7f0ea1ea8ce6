"""Lighthouse on the built site: accessibility, best practices and SEO of one page of each kind.

A quality script, not a unit test: it needs Node and the npm package `lighthouse` (pinned in
scripts/lighthouse/package.json; `npm ci --prefix scripts/lighthouse` installs it locally). The site is served
from 127.0.0.1 by a server that compresses (gzip), as a real host does, and Chromium is Debian's
(CHROME_PATH=/usr/bin/chromium) with the test flags. Lighthouse runs locally; any request that leaves
127.0.0.1 is reported.

    python scripts/lighthouse.py [--site-dir site/]   (without --site-dir the site is built first)
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from browser import CHROMIUM, CHROMIUM_ARGS, build_site  # noqa: E402

LIGHTHOUSE = REPO / "scripts" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("accessibility", "best-practices", "seo")
PAGES = {
    "home": "",
    "fiche": "products/leefloon/",
    "loket": "loketten/onthaal-ocmw/",
    "browse": "doelgroepen/senioren/",
    "a-z": "a-z/",
}
COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".txt", ".svg")


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files, gzipped when the client accepts it (Lighthouse checks text compression)."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the directory URL
            path = path / "index.html"
        if not (path.is_file() and path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        self.wfile.write(body)
        return None


def serve(directory: Path) -> tuple[ThreadingHTTPServer, str]:
    handler = lambda *args, **kwargs: GzipHandler(*args, directory=str(directory), **kwargs)  # noqa: E731
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def audit(url: str, out: Path) -> dict:
    command = [
        str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
        "--form-factor=mobile", "--locale=nl",
    ]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    subprocess.run(command, check=True, env=env, timeout=300, capture_output=True, text=True)
    return json.loads(out.read_text(encoding="utf-8"))


def failed_audits(report: dict, category: str) -> list[str]:
    refs = report["categories"][category]["auditRefs"]
    audits = report["audits"]
    return [
        f"{ref['id']}: {audits[ref['id']]['title']}"
        for ref in refs
        if ref.get("weight", 0) > 0 and audits[ref["id"]].get("score") not in (None, 1)
    ]


def outside_requests(report: dict, base: str) -> list[str]:
    items = report["audits"].get("network-requests", {}).get("details", {}).get("items", [])
    own = urlsplit(base).netloc
    return [i["url"] for i in items if urlsplit(i["url"]).scheme in ("http", "https") and urlsplit(i["url"]).netloc != own]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, help="een gebouwde site; zonder: eerst bouwen")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        print("Lighthouse ontbreekt: npm ci --prefix scripts/lighthouse", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site_dir
        if site is None:
            site = Path(tmp) / "site"
            result = build_site(REPO, site)
            if result.returncode:
                print(result.stdout, result.stderr, file=sys.stderr)
                return 1
        server, base = serve(site)
        try:
            print(f"{'pagina':10} " + " ".join(f"{c:>15}" for c in CATEGORIES))
            worst = 100
            for name, path in PAGES.items():
                report = audit(base + path, Path(tmp) / f"{name}.json")
                scores = [round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES]
                worst = min(worst, *scores)
                print(f"{name:10} " + " ".join(f"{s:>15}" for s in scores))
                for category in CATEGORIES:
                    for failure in failed_audits(report, category):
                        print(f"    {category}: {failure}")
                for url in outside_requests(report, base):
                    print(f"    verzoek buiten de site: {url}")
        finally:
            server.shutdown()
    return 0 if worst == 100 else 1


if __name__ == "__main__":
    sys.exit(main())
