"""Command line: `python -m analysis {extract,report,bench} ...`.

Bad input ends with a one-line message on stderr and exit status 2, with no
traceback and nothing written.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import InputError
from .paths import REPORTS_DIR, SEED_ARTICLE


def _extract(args: argparse.Namespace) -> int:
    from .pipeline import extract

    frames = extract(args.article)
    written = frames.to_csv(args.out)
    print(f"wrote {len(written)} files to {args.out}:")
    for path in written:
        print(f"  {path}")
    return 0


def _report(args: argparse.Namespace) -> int:
    from .article import load_article
    from .reports import render_reports

    articles = args.article or [SEED_ARTICLE]
    if len(articles) > 1:
        for article in articles:  # every article readable before any report is written
            load_article(article)
    for article in articles:  # the kernels started for the first article serve the others
        for path in render_reports(article, out_root=args.out, jobs=args.jobs, parameters=dict(args.param or [])):
            print(path)
    return 0


def _bench(args: argparse.Namespace) -> int:
    from .bench import run_bench

    return run_bench(words=args.words, repeat=args.repeat, reports=not args.no_reports,
                     commands=not args.no_commands)


def _key_value(text: str) -> tuple[str, str]:
    if "=" not in text:
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    key, value = text.split("=", 1)
    return key.strip(), value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Turn a conflict news article (plain text) into tidy, attributable data and reports.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser(
        "extract", help="write the article's frames as CSV files",
        description="Read ARTICLE (plain UTF-8 text; a .json sidecar with the same name supplies the outlet, "
                    "date and headline) and write blocks.csv, sentences.csv, actors.csv, mentions.csv, "
                    "places.csv, statements.csv and casualties.csv into DIR. Offsets index the raw text.")
    extract.add_argument("article", type=Path, help="path of the article text file")
    extract.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for the CSV files")
    extract.set_defaults(run=_extract)

    report = commands.add_parser(
        "report", help="run the notebooks on articles and write HTML reports",
        description="Execute every notebook in notebooks/ with papermill for each ARTICLE and write the executed "
                    "notebooks and self-contained HTML to OUT/<article name>/. Several articles share the "
                    "notebook kernels, so each one after the first renders faster.")
    report.add_argument("article", type=Path, nargs="*",
                        help="path of an article text file (default: the seed article in data/)")
    report.add_argument("--out", type=Path, default=REPORTS_DIR, metavar="DIR",
                        help="root folder for reports (default: reports/)")
    report.add_argument("--jobs", type=int, default=2, help="notebooks run in parallel (default: 2)")
    report.add_argument("-p", "--param", type=_key_value, action="append", metavar="NAME=VALUE",
                        help="extra notebook parameter (repeatable)")
    report.set_defaults(run=_report)

    bench = commands.add_parser("bench", help="measure extraction speed and report rendering time")
    bench.add_argument("--words", type=int, default=200_000, help="size of the synthetic article (words)")
    bench.add_argument("--repeat", type=int, default=3, help="repetitions; the best time is reported")
    bench.add_argument("--no-reports", action="store_true", help="skip timing the report set")
    bench.add_argument("--no-commands", action="store_true",
                       help="time the report set in this process only, not also as commands")
    bench.set_defaults(run=_bench)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return InputError.exit_code
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
