"""An Atom feed of the most recently changed fiches, so the town website and other catalogues can follow changes.

Entries are ordered by change date (newest first, then by title) and carry no build time: the same repository
gives the same feed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from xml.etree import ElementTree as ET

from catalogus.base.slug import sort_key
from catalogus.load.history import History
from catalogus.model.catalogue import Catalogue
from catalogus.opendata import layout
from catalogus.site import urls

ATOM = "http://www.w3.org/2005/Atom"
SIZE = 50


def feed_xml(catalogue: Catalogue, history: History, strings: dict[str, Any]) -> str:
    """Each entry: the day the fiche (its shared text or the town's local file) last changed, and what the fiche is
    about. Never the commit message: staff write those for staff (the staff edition shows them), not for the public."""
    town = catalogue.config
    changed = {e.id: history.changed_or_reviewed(e) for e in catalogue.products}
    entries = sorted(catalogue.products, key=lambda e: (-changed[e.id].toordinal(), sort_key(e.record.titel), e.id))[:SIZE]
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": town.taal})
    _text(root, "title", strings["export"]["feed_titel"].format(site=town.site_naam))
    _text(root, "id", _id(catalogue, layout.FEED))
    _text(root, "updated", _stamp(max((changed[e.id] for e in entries), default=dt.date(1970, 1, 1))))
    author = ET.SubElement(root, f"{{{ATOM}}}author")
    _text(author, "name", town.organisatie)
    if town.site_url:
        ET.SubElement(root, f"{{{ATOM}}}link", {"rel": "self", "href": urls.absolute(town, layout.FEED)})
        ET.SubElement(root, f"{{{ATOM}}}link", {"rel": "alternate", "href": urls.base(town)})
    for entry in entries:
        item = ET.SubElement(root, f"{{{ATOM}}}entry")
        page = urls.fiche_page(entry.id)
        _text(item, "title", entry.record.titel)
        _text(item, "id", _id(catalogue, page))
        _text(item, "updated", _stamp(changed[entry.id]))
        ET.SubElement(item, f"{{{ATOM}}}link", {"rel": "alternate", "href": urls.absolute(town, page) or page})
        _text(item, "summary", entry.record.samenvatting)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _id(catalogue: Catalogue, path: str) -> str:
    town = catalogue.config
    return urls.absolute(town, path) if town.site_url else f"urn:catalogus:{town.nis_code or 'gemeente'}:{path}"


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _text(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{tag}").text = text
