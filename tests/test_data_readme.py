"""data/README.md documents every frame's columns, in schema order, with their categories."""
from __future__ import annotations

import re

import pytest

from analysis import schemas
from analysis.paths import DATA_DIR


def documented_columns() -> dict[str, list[tuple[str, str]]]:
    text = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    sections = re.split(r"^### `(\w+)`\s*$", text, flags=re.M)
    out = {}
    for name, body in zip(sections[1::2], sections[2::2]):
        out[name] = re.findall(r"^\| `(\w+)` \| ([^|]+) \|", body, flags=re.M)
    return out


@pytest.mark.parametrize("frame", schemas.FRAME_NAMES)
def test_every_frame_is_documented_in_order(frame):
    documented = documented_columns()
    assert [column for column, _ in documented[frame]] == list(schemas.COLUMNS[frame])


@pytest.mark.parametrize("frame", schemas.FRAME_NAMES)
def test_categories_are_documented(frame):
    documented = dict(documented_columns()[frame])
    for column, (spec, _) in schemas.COLUMNS[frame].items():
        if isinstance(spec, tuple) and documented[column].startswith("category:"):
            listed = re.findall(r"`(\w+)`", documented[column])
            assert listed == list(spec), column


def test_every_data_file_is_described():
    readmes = "".join(p.read_text(encoding="utf-8") for p in DATA_DIR.rglob("README*.md"))
    for path in DATA_DIR.rglob("*"):
        if path.is_file() and not path.name.startswith("README"):
            assert path.name in readmes, f"{path.relative_to(DATA_DIR)} is not described in a data README"
