"""The notebooks' parameters: names, types, defaults, and their validation.

Every notebook in notebooks/ starts with one `parameters` cell that assigns
exactly the names in `PARAMETERS`; papermill may inject overrides after it.
The next cell calls `check(globals())`, which fails at once, with a one-line
`InputError`, on an unknown name or a value of the wrong type (papermill
itself only warns about unknown names), and returns the resolved `Params`.
`analysis.reports.render_reports` validates with `validate_parameters`
before any notebook runs.
"""
from __future__ import annotations

import types
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .paths import PROJECT_DIR, SEED_ARTICLE


@dataclass(frozen=True)
class Parameter:
    """One notebook parameter: its type, default and meaning."""

    type: type
    default: object
    help: str


#: Name -> declaration, in the order of the notebooks' parameters cell.
PARAMETERS: dict[str, Parameter] = {
    "article": Parameter(str, str(SEED_ARTICLE.relative_to(PROJECT_DIR)),
                         "path of the article text file (relative paths start at the project folder)"),
    "out_dir": Parameter(str, "", "folder for the charts as PNG files ('' writes nothing)"),
    "top_n": Parameter(int, 12, "how many actors and speakers the bar charts show (at least 1)"),
}


@dataclass(frozen=True)
class Params:
    """Validated parameters: `article` and `out_dir` resolved to absolute paths."""

    article: Path
    out_dir: Path | None
    top_n: int


def _coerce(name: str, value: object) -> object:
    expected = PARAMETERS[name].type
    if expected is int:
        if isinstance(value, bool):
            raise InputError(f"parameter {name} must be an integer, got {value!r}.")
        if isinstance(value, int):
            return value
        if isinstance(value, str) and value.strip().lstrip("+-").isdigit():
            return int(value.strip())
        raise InputError(f"parameter {name} must be an integer, got {value!r}.")
    if expected is str:
        if isinstance(value, Path):
            return str(value)
        if isinstance(value, str):
            return value
        raise InputError(f"parameter {name} must be a string (a path), got {value!r}.")
    raise AssertionError(f"unsupported parameter type {expected}")  # pragma: no cover


def validate_parameters(values: dict) -> dict:
    """Check parameter overrides; return every parameter with defaults filled in.

    In:  {name: value}; strings are accepted for integer parameters when they
         hold an integer (as given on a command line).
    Out: {name: value} for every name in PARAMETERS, values of the declared type.
    Raises InputError (one line) on an unknown name or an ill-typed value.
    """
    unknown = sorted(set(values) - set(PARAMETERS))
    if unknown:
        raise InputError(f"unknown notebook parameter{'s' if len(unknown) > 1 else ''} "
                         f"{', '.join(unknown)}; known: {', '.join(PARAMETERS)}.")
    out = {name: spec.default for name, spec in PARAMETERS.items()}
    for name, value in values.items():
        out[name] = _coerce(name, value)
    if out["top_n"] < 1:
        raise InputError(f"parameter top_n must be at least 1, got {out['top_n']}.")
    if not str(out["article"]).strip():
        raise InputError("parameter article is empty; pass the path of a plain-text article.")
    return out


def resolve(values: dict) -> Params:
    """Validated values -> Params (relative paths resolved from the project folder)."""
    values = validate_parameters(values)
    article = Path(values["article"]).expanduser()
    out_dir = Path(values["out_dir"]).expanduser() if values["out_dir"] else None
    return Params(
        article=article if article.is_absolute() else PROJECT_DIR / article,
        out_dir=(out_dir if out_dir.is_absolute() else PROJECT_DIR / out_dir) if out_dir else None,
        top_n=values["top_n"],
    )


def _user_names(namespace: dict) -> dict:
    """Names a notebook's own cells defined so far (not IPython's, not modules, not private)."""
    hidden: dict = {}
    try:
        from IPython import get_ipython

        shell = get_ipython()
        if shell is not None:
            hidden = shell.user_ns_hidden
    except ImportError:  # pragma: no cover
        pass
    return {name: value for name, value in namespace.items()
            if not name.startswith("_") and name not in hidden
            and name not in ("In", "Out", "get_ipython", "exit", "quit", "open")
            and not isinstance(value, (types.ModuleType, types.FunctionType, type))}


def check(namespace: dict) -> Params:
    """Validate the parameters a notebook holds (call as `check(globals())` right after them).

    Fails on names that are not notebook parameters (for example a misspelt
    papermill `-p` override) and on values of the wrong type.
    """
    return resolve(_user_names(namespace))
