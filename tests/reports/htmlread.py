"""Reading a report back with the standard library's ``html.parser``: the tables (rows of cell
texts, by the id of the section around them), the tags seen and the SVG charts."""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser


class ReportReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.tables: dict[str, list[list[str]]] = {}  # section id -> rows of its tables
        self.svg_titles: list[str] = []
        self.text: list[str] = []
        self.external: list[str] = []  # src/href attributes (a self-contained file has none)
        self._section = ""
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._in_table = 0
        self._svg_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        values = dict(attrs)
        for key in ("src", "href"):
            if values.get(key):
                self.external.append(str(values[key]))
        if tag == "section":
            self._section = values.get("id") or ""
        elif tag == "table":
            self._in_table += 1
        elif tag == "tr" and self._in_table:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag == "title" and self.tags["svg"]:
            self._svg_title = True

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if self._in_table == 1:
                self.tables.setdefault(self._section, []).append(self._row)
            self._row = None
        elif tag == "table":
            self._in_table -= 1
        elif tag == "title":
            self._svg_title = False

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)
        if self._svg_title:
            self.svg_titles.append(data)

    @property
    def all_text(self) -> str:
        return " ".join(" ".join(self.text).split())


def read(html: str) -> ReportReader:
    reader = ReportReader()
    reader.feed(html)
    reader.close()
    return reader
