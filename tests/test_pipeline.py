"""The frames hand-off: the report command extracts once, its notebook kernels load the result."""
from __future__ import annotations

import os
import shutil

import pytest

from analysis import pipeline
from analysis.paths import SEED_ARTICLE


@pytest.fixture
def article(tmp_path):
    path = tmp_path / SEED_ARTICLE.name
    shutil.copyfile(SEED_ARTICLE, path)
    shutil.copyfile(SEED_ARTICLE.with_suffix(".json"), path.with_suffix(".json"))
    return path


@pytest.fixture
def handed_off(article, tmp_path, monkeypatch):
    """The article's frames, handed off as the report command does, with the variable set."""
    frames = pipeline.extract(article)
    folder = tmp_path / "handoff"
    folder.mkdir()
    pipeline.hand_off(frames, article, folder)
    monkeypatch.setenv(pipeline.HANDOFF_ENV, str(folder))
    return frames


def test_handed_off_frames_are_used_for_the_same_unchanged_file(article, handed_off):
    frames = handed_off
    loaded = pipeline.extract(str(article))
    assert loaded is not frames
    assert loaded.handoff == (os.environ[pipeline.HANDOFF_ENV], pipeline.fingerprint(article))
    assert frames.handoff is None
    for name in pipeline.EXPORTED:
        assert loaded.frame(name).equals(frames.frame(name))
        assert list(loaded.frame(name).dtypes) == list(frames.frame(name).dtypes)


def test_a_changed_file_or_sidecar_is_extracted_again(article, handed_off):
    before = pipeline.fingerprint(article)

    sidecar = article.with_suffix(".json")
    sidecar.write_text(sidecar.read_text().replace("Press TV", "Other Outlet"))
    assert pipeline.fingerprint(article) != before
    assert pipeline.extract(article).article.meta.outlet == "Other Outlet"

    sidecar.unlink()
    article.write_text(article.read_text(encoding="utf-8") + "\nA new last line.\n", encoding="utf-8")
    assert pipeline.extract(article).blocks["text"].iloc[-1] == "A new last line."


def test_without_the_environment_variable_nothing_is_looked_up(article, tmp_path, monkeypatch):
    monkeypatch.delenv(pipeline.HANDOFF_ENV, raising=False)
    sentinel = tmp_path / f"{pipeline.fingerprint(article)}.pickle"
    sentinel.write_bytes(b"not a pickle")
    assert not pipeline.extract(article).casualties.empty  # extracted, the stray file never read


def test_extraction_leaves_the_cycle_collector_as_it_found_it():
    import gc

    from analysis.pipeline import extract

    assert gc.isenabled()
    extract(SEED_ARTICLE)
    assert gc.isenabled()
    gc.disable()
    try:
        extract(SEED_ARTICLE)
        assert not gc.isenabled()
    finally:
        gc.enable()
