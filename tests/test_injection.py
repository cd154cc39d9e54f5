"""Article text is data: markup in an article renders inert in the HTML reports.

The fixture article (tests/fixtures/injection_article.txt and its sidecar)
carries <script> tags, event-handler attributes, javascript: links in
Markdown and raw HTML in its headline, quotes, casualty sentences and
metadata. Its reports are opened in headless Chromium (Debian's `chromium`):
no payload may run (document.title stays clean, no <img src="x"> or handler
attribute exists in the DOM) and the payload shows as text. The HTML loads no
external script. Notebook parameters (the article path included) reach the
kernel as literals, never formatted into code.

Chromium is required when the CI environment variable is set; elsewhere the
browser tests skip when it is missing.
"""
from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLE = FIXTURES / "injection_article.txt"
PAYLOAD_SCRIPT = "<script>document.title='pwned'</script>"
PAYLOAD_IMG = "<img src=x onerror=\"document.title='pwned'\">"
MARKER = "pwned"
#: A path component that breaks out of any string literal it is formatted into.
HOSTILE_DIR = "q\"'\"\"\" + __import__('sys').exit(3) + '''\\ <b onmouseover=\"x\">"


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def need_chromium() -> str:
    found = chromium()
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("chromium is required in CI for the injection test (apt-get install chromium)")
    pytest.skip("chromium is not installed (apt-get install chromium); required when CI is set")


def dump_dom(browser: str, html: Path, profile: Path) -> str:
    """The DOM of `html` after Chromium has loaded it and run its scripts (offline)."""
    result = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
         f"--user-data-dir={profile}", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
         "--virtual-time-budget=5000", "--dump-dom", html.resolve().as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "<html" in result.stdout.lower(), result.stderr[-2000:]
    return result.stdout


class _Dom(HTMLParser):
    """Elements, attributes and text of an HTML document."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.title: list[str] = []
        self._in_title = False
        self._script_type: str | None = None
        self.scripts: list[str] = []  # bodies of scripts a browser would run

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_title = tag == "title"
        if tag == "script":
            self._script_type = (dict(attrs).get("type") or "text/javascript").strip().lower()

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag == "script":
            self._script_type = None

    def handle_data(self, data):
        if self._in_title:
            self.title.append(data)
        elif self._script_type is not None:
            if self._script_type in _JS_TYPES:
                self.scripts.append(data)
        else:
            self.text.append(data)


_JS_TYPES = {"text/javascript", "application/javascript", "module", "text/ecmascript", "javascript"}


def parse(html: str) -> _Dom:
    dom = _Dom()
    dom.feed(html)
    return dom


def executed_payloads(dom: _Dom) -> list[str]:
    """Signs that markup from the article became live elements (empty when inert)."""
    found = []
    if "".join(dom.title).strip() == MARKER:  # what every payload sets it to
        found.append(f"document.title is {''.join(dom.title)!r}")
    for tag, attrs in dom.elements:
        handlers = [name for name in attrs if name.startswith("on")]
        if handlers:
            found.append(f"<{tag}> with {handlers}")
        if tag == "img" and attrs.get("src") == "x":
            found.append('<img src="x">')
        for name in ("href", "src", "action", "formaction"):
            if (attrs.get(name) or "").strip().lower().startswith("javascript:"):
                found.append(f"<{tag} {name}={attrs[name]!r}>")
        if tag in ("iframe", "svg", "b") and MARKER in json.dumps(attrs):
            found.append(f"<{tag}> from the article")
    found += [f"<script> holding the payload: {s[:80]!r}" for s in dom.scripts if f"title='{MARKER}'" in s]
    return found


def external_scripts(html: str) -> list[str]:
    """src of every <script> that loads from the network."""
    return [attrs.get("src") or "" for tag, attrs in parse(html).elements
            if tag == "script" and re.match(r"^(?:https?:)?//", attrs.get("src") or "")]


# ----------------------------------------------------------------------------
# The harness itself: it must see a payload that does run


def test_harness_detects_a_live_payload(tmp_path):
    browser = need_chromium()
    page = tmp_path / "live.html"
    page.write_text(f"<html><head><title>clean</title></head><body><p>x</p>{PAYLOAD_IMG}</body></html>")
    dom = parse(dump_dom(browser, page, tmp_path / "profile"))
    assert any("document.title" in sign for sign in executed_payloads(dom))
    inert = tmp_path / "inert.html"
    inert.write_text("<html><head><title>clean</title></head><body><p>&lt;script&gt;document.title="
                     "'pwned'&lt;/script&gt;</p></body></html>")
    dom = parse(dump_dom(browser, inert, tmp_path / "profile"))
    assert executed_payloads(dom) == [] and PAYLOAD_SCRIPT in "".join(dom.text)


def test_fixture_is_accepted_as_plain_text():
    from analysis import extract
    from analysis.article import load_article

    article = load_article(ARTICLE)
    assert PAYLOAD_SCRIPT in article.text and PAYLOAD_IMG in article.text
    assert "[click here](javascript:alert(1))" in article.text
    assert PAYLOAD_SCRIPT in article.meta.headline
    frames = extract(article)
    assert frames.blocks["text"].str.contains(PAYLOAD_SCRIPT, regex=False).any()


# ----------------------------------------------------------------------------
# The reports


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """Reports for the fixture article, read from a folder whose name is hostile Python."""
    reports = pytest.importorskip("analysis.reports")
    root = tmp_path_factory.mktemp("injection")
    folder = root / HOSTILE_DIR
    folder.mkdir()
    for suffix in (".txt", ".json"):
        shutil.copy(ARTICLE.with_suffix(suffix), folder / ARTICLE.with_suffix(suffix).name)
    article = folder / ARTICLE.name
    paths = [Path(p) for p in reports.render_reports(article, out_root=root / "reports", jobs=2, parameters={})]
    written = sorted({p for p in paths} | set((root / "reports").rglob("*.html")) |
                     set((root / "reports").rglob("*.ipynb")))
    html = [p for p in written if p.suffix == ".html"]
    assert html, f"no HTML report written: {written}"
    return article, html, [p for p in written if p.suffix == ".ipynb"]


def test_reports_load_no_external_script(rendered):
    _, html, _ = rendered
    for page in html:
        assert external_scripts(page.read_text(encoding="utf-8")) == [], page.name


def test_payload_is_inert_and_shown_as_text_in_chromium(rendered, tmp_path):
    browser = need_chromium()
    _, html, _ = rendered
    shown = []
    for page in html:
        dom = parse(dump_dom(browser, page, tmp_path / "profile"))
        assert executed_payloads(dom) == [], page.name
        text = "".join(dom.text)
        if PAYLOAD_SCRIPT in text or PAYLOAD_IMG in text or "document.title='pwned'" in text:
            shown.append(page.name)
    assert shown, "no report shows the article's markup as text"


def test_static_html_has_no_live_payload(rendered):
    """Without a browser: the saved HTML has no element made from the article's markup."""
    _, html, _ = rendered
    for page in html:
        dom = parse(page.read_text(encoding="utf-8"))
        assert executed_payloads(dom) == [], page.name


def test_parameters_reach_the_kernel_as_literals(rendered):
    """The injected-parameters cell assigns plain literals; the hostile path arrives unchanged."""
    article, _, notebooks = rendered
    assert notebooks, "no executed notebook written"
    for nb_path in notebooks:
        nb = json.loads(nb_path.read_text(encoding="utf-8"))
        cells = [c for c in nb["cells"] if "injected-parameters" in c.get("metadata", {}).get("tags", [])]
        assert len(cells) == 1, nb_path.name
        source = "".join(cells[0]["source"])
        values = {}
        for node in ast.parse(source).body:
            assert isinstance(node, ast.Assign) and len(node.targets) == 1, ast.dump(node)
            values[node.targets[0].id] = ast.literal_eval(node.value)  # raises unless a literal
        assert any(isinstance(v, str) and HOSTILE_DIR in v for v in values.values()), values
        errors = [o for c in nb["cells"] for o in c.get("outputs", []) if o.get("output_type") == "error"]
        assert errors == [], nb_path.name
