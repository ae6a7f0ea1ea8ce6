"""Embeddable pieces for the town's own website: a bare page per fiche (`embed/<id>/`), a bare list per loket,
doelgroep, thema and levensgebeurtenis (`embed/lijst/<soort>/<id>/`), and `embed/catalogus-embed.js`, the one
script a town pastes to show either inside its own pages, in its own styles.

The pages carry no style and no script: plain headings, lists and links with `catalogus-` class names. The fiche
data comes from the citizen site's own view (`catalogus.site.fiche`), so an embed always says what the site says.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from catalogus.model.catalogue import Catalogue
from catalogus.site import urls
from catalogus.site.context import SiteContext
from catalogus.site.fiche import fiche_view
from catalogus.site.standalone import write_page

LIST_FIELDS = {"loket": None, "doelgroep": "doelgroepen", "thema": "themas", "levensgebeurtenis": "levensgebeurtenissen"}


def write_embeds(catalogue: Catalogue, site: Path, strings: dict[str, Any]) -> int:
    """Write every embed page and the script; returns the number of pages."""
    context = SiteContext(catalogue, strings)
    town, count = catalogue.config, 0
    for entry in catalogue.products:
        view = fiche_view(entry, context, urls.absolute(town, urls.fiche_page(entry.id)) or None)
        write_page(site / urls.embed_page(entry.id), "embed-fiche.html", urls.embed_url(entry.id),
                   f=view, t=strings, town=town, canonical=urls.fiche_page(entry.id))
        count += 1
    for kind, field in LIST_FIELDS.items():
        groups = catalogue.by_loket if field is None else catalogue.by_term[field]
        for key, ids in sorted(groups.items()):
            title = catalogue.loket(key).record.naam if field is None else catalogue.vocabularies.label(field, key)
            page = urls.loket_page(key) if field is None else urls.term_page(field, key)
            url = urls.embed_list_url(kind, key)
            write_page(site / urls.file_of(url), "embed-lijst.html", url, title=title, items=context.products(ids),
                       t=strings, town=town, canonical=page)
            count += 1
    write_page(site / urls.EMBED_SCRIPT, "catalogus-embed.js", urls.EMBED_SCRIPT, t=strings, kinds=list(LIST_FIELDS))
    return count
