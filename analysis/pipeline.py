"""The one orchestrating call: article -> every frame, validated.

`extract(article)` is what the CLI, the notebooks and the tests use; no caller
re-implements a stage.
"""
from __future__ import annotations

import gc
import hashlib
import os
from contextlib import contextmanager
import pickle
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import schemas
from .article import Article, load_article
from .errors import InputError

#: Environment variable naming a folder of frames that the report command has
#: already extracted (see `hand_off`), so that each notebook kernel loads them
#: instead of extracting the article again.
HANDOFF_ENV = "ANALYSIS_FRAMES_HANDOFF"

#: Frames written by `Frames.to_csv`, in this order.
EXPORTED = ("blocks", "sentences", "actors", "mentions", "places", "statements", "casualties")


@dataclass
class Frames:
    """Every frame extracted from one article (each validated against its schema)."""

    article: Article
    blocks: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    actors: pd.DataFrame
    places: pd.DataFrame
    statements: pd.DataFrame
    casualties: pd.DataFrame
    #: For frames handed off by the report command: the hand-off folder and the article's
    #: fingerprint, which together name these frames within one report run (see `charts.publish`).
    handoff: tuple[str, str] | None = field(default=None, compare=False, repr=False)

    def frame(self, name: str) -> pd.DataFrame:
        """The frame called `name`, as exported (actors: story actors only)."""
        if name == "actors":
            return self.actors[self.actors["in_story"]].reset_index(drop=True)
        return getattr(self, name)

    def to_csv(self, out_dir: str | Path) -> list[Path]:
        """Write every exported frame as NAME.csv into `out_dir`; return the paths.

        Files are written to a temporary folder first and moved into place
        only when all of them are ready, so a failure leaves earlier outputs
        untouched.
        """
        out_dir = Path(out_dir)
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=".extract-", dir=out_dir))
        except OSError as exc:
            raise InputError(f"cannot write to {out_dir} ({exc.strerror}); pass a writable --out folder.") from None
        try:
            for name in EXPORTED:
                self.frame(name).to_csv(staging / f"{name}.csv", index=False, date_format="%Y-%m-%d",
                                        lineterminator="\n")
            written = []
            for name in EXPORTED:
                target = out_dir / f"{name}.csv"
                os.replace(staging / f"{name}.csv", target)
                written.append(target)
            return written
        finally:
            shutil.rmtree(staging, ignore_errors=True)


@contextmanager
def _without_cycle_collection():
    """Pause Python's cycle collector for the duration (reference counting still frees memory).

    Extraction allocates millions of short-lived objects and creates no cycles worth
    collecting; the collector's passes over the growing heap cost about a tenth of the time.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def extract(article: Article | str | Path) -> Frames:
    """Run every stage on `article` (an Article or a path) and validate the frames.

    For a path, frames handed off by the report command (see `hand_off`) for
    the same file with the same content are used instead of extracting again.
    """
    if not isinstance(article, Article):
        handed = _handed_off(Path(article))
        if handed is not None:
            return handed
        article = load_article(article)
    # Imported here, not at the top: compiling the extractors' patterns takes a
    # sizeable part of `import analysis`, and kernels given handed-off frames never need them.
    from .extractors.actors import index_actors
    from .extractors.casualties import extract_casualties
    from .extractors.places import extract_places
    from .extractors.statements import extract_statements

    with _without_cycle_collection():
        index = index_actors(article)
        places = extract_places(article, index)
        statements = extract_statements(article, index)
        casualties = extract_casualties(article, index, statements)
        frames = {
            "blocks": article.blocks_frame(),
            "sentences": article.sentences_frame(),
            "mentions": index.mentions,
            "actors": index.actors,
            "places": places,
            "statements": statements,
            "casualties": casualties,
        }
        return Frames(article=article, **{name: schemas.validate(name, frame) for name, frame in frames.items()})


def fingerprint(path: str | Path) -> str:
    """A hex digest of an article file: its resolved path, its bytes and its sidecar's bytes."""
    path = Path(path).expanduser().resolve()
    digest = hashlib.sha256(str(path).encode("utf-8", "surrogateescape") + b"\0")
    for part in (path, path.with_suffix(".json")):
        try:
            digest.update(part.read_bytes())
        except OSError:
            digest.update(b"\0missing\0")
        digest.update(b"\0")
    return digest.hexdigest()


def hand_off(frames: Frames, path: str | Path, folder: str | Path) -> Path:
    """Store `frames`, extracted from the article at `path`, in `folder` for `extract` to pick up.

    Processes started with the environment variable HANDOFF_ENV set to
    `folder` then get these frames from `extract(path)` as long as the file
    and its sidecar are unchanged. Returns the file written.
    """
    target = Path(folder) / f"{fingerprint(path)}.pickle"
    target.write_bytes(pickle.dumps(frames, protocol=pickle.HIGHEST_PROTOCOL))
    return target


def _handed_off(path: Path) -> Frames | None:
    folder = os.environ.get(HANDOFF_ENV)
    if not folder:
        return None
    key = fingerprint(path)
    try:
        stored = (Path(folder) / f"{key}.pickle").read_bytes()
    except OSError:
        return None
    frames = pickle.loads(stored)  # written by this package's own report command
    if not isinstance(frames, Frames):
        return None
    frames.handoff = (folder, key)
    return frames
