"""The search shaping of catalogus.site.search and the frame fixes of catalogus.site.frame, without a build."""

from __future__ import annotations

from pathlib import Path

from catalogus.model.search_words import SearchWords
from catalogus.site.frame import fixed_frame, robots_txt
from catalogus.site.search import indexed_markdown, load_words, read_words_script, words_script

REPO = Path(__file__).resolve().parents[1]


def test_the_projects_search_words_load():
    words = load_words(REPO)
    assert "te duur" in words.uitdrukkingen
    assert "waar" in words.vraagwoorden


def test_a_missing_words_file_means_no_words(tmp_path: Path):
    assert load_words(tmp_path) == SearchWords()


def test_the_worker_script_lists_the_longest_phrase_first_and_reads_back():
    words = SearchWords(vraagwoorden=["waar", "Waar"], uitdrukkingen={"duur": ["prijs"], "te duur": ["korting"]})
    data = read_words_script(words_script(words))
    assert data == {"vraagwoorden": ["waar"], "uitdrukkingen": [[["te", "duur"], ["korting"]], [["duur"], ["prijs"]]]}


def test_indexed_text_keeps_to_its_word_budget_and_is_escaped():
    markdown = indexed_markdown(["een twee drie", "", "<b>vier</b> vijf zes"], budget=4)
    assert markdown == "<p>een twee drie</p>\n\n<p>vier …</p>"


def test_the_frame_loses_autocomplete_on_checkboxes_and_an_unlabelled_toc_box():
    html = (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
        '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'
        '<input type="text" autocomplete="off">'
    )
    assert fixed_frame(html) == (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer"><input type="text" autocomplete="off">'
    )


def test_a_labelled_toc_box_stays():
    html = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc"><label for="__toc">Inhoud</label>'
    assert fixed_frame(html) == html


def test_robots_names_the_sitemap_only_with_a_site_address():
    assert "Sitemap: https://example.org/sitemap.xml" in robots_txt("https://example.org/")
    assert "Sitemap" not in robots_txt(None)
