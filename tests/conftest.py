"""Session fixtures for tests on the built site: build it once, serve it on 127.0.0.1, drive it in Chromium.

Building takes a while, so every site test shares one build made with a fixed `--today`. Set
CATALOGUS_TEST_SITE to the path of an already built site to skip the build while working on the tests.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from browser import CHROMIUM, REPO, build_site, launch_chromium, new_tab, serve
from material_search import MaterialSearch

# The suite gates every commit, so generated cases are the same on every run (no flaky main);
# HYPOTHESIS_PROFILE=explore draws new random cases when hunting for bugs.
settings.register_profile("gate", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "gate"))


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives the built site in headless Chromium (-m 'not browser' skips)")


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    prebuilt = os.environ.get("CATALOGUS_TEST_SITE")
    if prebuilt:
        return Path(prebuilt)
    target = tmp_path_factory.mktemp("built") / "site"
    result = build_site(REPO, target)
    if result.returncode != 0:
        pytest.fail(f"catalogus build faalde ({result.returncode}):\n{result.stdout}\n{result.stderr}", pytrace=False)
    return target


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    server, url = serve(site_dir)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def chromium() -> Iterator:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} ontbreekt: installeer Debian's chromium (make chromium)", pytrace=False)
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, site_url: str) -> Iterator:
    with new_tab(chromium, site_url) as tab:
        yield tab


@pytest.fixture(scope="session")
def modelled_search(site_dir: Path) -> MaterialSearch:
    return MaterialSearch.for_site(site_dir)


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")
