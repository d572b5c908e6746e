"""Command line: `python -m generator analyze | build | serve | bundle`."""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from generator.briefing import briefing_document, dumps
from generator.model import Problem
from generator.pipeline import load
from generator.read.limits import load_rules, use_limits

EXIT_OK = 0
EXIT_NOTHING_READ = 1  # no article could be read (argparse uses 2 for a wrong command line)
EXIT_SKIPPED = 3  # the site or JSON was made, but some input (a file, or part of one) was left out
EXIT_STATUSES = f"""exit status:
  {EXIT_OK}  every input was read
  {EXIT_NOTHING_READ}  no article could be read
  2  the command line was wrong
  {EXIT_SKIPPED}  done, but some input was skipped (each is named in a warning and on the build report page)"""


class _Run:
    """What this run met that the exit status reports."""

    skipped = False


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        where = problem.source + (f" [{problem.field}]" if problem.field else "")
        print(f"warning: {where}: {problem.message}", file=sys.stderr)
    _Run.skipped = _Run.skipped or any(problem.skipped for problem in problems)


def _limit_options(parser: argparse.ArgumentParser) -> None:
    """Reading limits; defaults from generator/data/limits.yml."""
    limits = load_rules().limits
    parser.add_argument("--max-file-mb", type=float, metavar="MB",
                        help=f"skip input files larger than this (default: {limits.max_file_bytes / (1024 * 1024):g})")
    parser.add_argument("--max-line-chars", type=int, metavar="N",
                        help=f"leave out lines or paragraphs longer than this (default: {limits.max_line_chars})")
    parser.add_argument("--max-articles", type=int, metavar="N",
                        help=f"read at most this many input files, in name order (default: {limits.max_articles})")


def _cache(args: argparse.Namespace, project: Path):
    """The analysis cache the options ask for: --cache DIR, none with --no-cache, else .briefing-cache/ in the project folder."""
    from generator.cache import DEFAULT_FOLDER, AnalysisCache

    if args.no_cache:
        return None
    return AnalysisCache(Path(args.cache) if args.cache else project / DEFAULT_FOLDER)


def _cache_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--cache", metavar="DIR",
                        help="where analysed articles, rendered pages and the search index's Korean parts are kept "
                             "(default: .briefing-cache in the project folder)")
    parser.add_argument("--no-cache", action="store_true", help="analyse every article again and keep nothing")


def cmd_analyze(args: argparse.Namespace) -> int:
    loaded = load([Path(p) for p in args.paths], cache=_cache(args, Path.cwd()))
    articles, problems = loaded.articles, loaded.problems
    _report(problems)
    if not articles:
        print("error: no article could be read from " + ", ".join(args.paths), file=sys.stderr)
        return 1
    out = Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(dumps(briefing_document(articles, problems)), encoding="utf-8")
    print(f"analysed {len(articles)} article(s) -> {out}", file=sys.stderr)
    return 0


def _generate(args: argparse.Namespace) -> int:
    from generator.site import generate_docs

    inputs = [Path(p) for p in args.inputs]
    result = generate_docs(inputs, Path(args.docs), Path(args.templates), cache=_cache(args, Path(args.config).resolve().parent),
                           config_file=Path(args.config))
    _report(result.problems)
    r = result.report
    print(f"docs: {len(result.articles)} article(s), {len(result.analysed)} analysed, {len(result.articles) - len(result.analysed)} from the cache; "
          f"{len(r.written)} written, {len(r.unchanged)} unchanged, "
          f"{len(r.removed)} removed, {len(r.kept_by_hand)} hand-written kept", file=sys.stderr)
    if not result.articles:
        print("error: no article could be read from " + ", ".join(args.inputs), file=sys.stderr)
        return 1
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from generator.site import mkdocs_build

    status = _generate(args)
    if status:
        return status
    mkdocs_build(Path(args.config), strict=args.strict, search_cache=_search_cache(args))
    print(f"site built with {args.config}", file=sys.stderr)
    if args.bundle:
        return _bundle(args)
    return 0


def _search_cache(args: argparse.Namespace) -> str | None:
    """Where the search plugin keeps its Korean parts, as the cache options say: nowhere, DIR, or its mkdocs.yml setting (None)."""
    return "" if args.no_cache else str(Path(args.cache).resolve()) if args.cache else None


def _bundle(args: argparse.Namespace) -> int:
    from generator.bundle import OutsideLoadsError, build_bundle, default_zip_path

    config = Path(args.config)
    try:
        bundle = build_bundle(config, Path(args.output) if args.output else default_zip_path(config), strict=args.strict,
                              search_cache=_search_cache(args))
    except OutsideLoadsError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"offline bundle: {bundle.files} file(s) -> {bundle.zip_path}", file=sys.stderr)
    return 0


def cmd_bundle(args: argparse.Namespace) -> int:
    status = _generate(args)
    if status:
        return status
    return _bundle(args)


def cmd_serve(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve

    from generator.site import watch_and_regenerate

    if _generate(args):
        return 1
    watch_and_regenerate([*map(Path, args.inputs), Path(args.templates)], lambda: _generate(args))
    serve(config_file=args.config, dev_addr=args.dev_addr, livereload=True)
    return 0


def _site_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="*", default=["seeds"], help="article files or folders (default: seeds)")
    parser.add_argument("--docs", default="docs", help="the MkDocs docs folder to write into (default: docs)")
    parser.add_argument("--templates", default="templates", help="the Jinja templates folder (default: templates)")
    parser.add_argument("--config", default="mkdocs.yml", help="the MkDocs configuration (default: mkdocs.yml)")
    _cache_options(parser)
    _limit_options(parser)


def _bundle_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--output", help="where to write the offline zip (default: briefing-offline.zip beside the configuration)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description="Build a briefing site from news articles.",
                                     epilog=EXIT_STATUSES, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    analyze = sub.add_parser("analyze", help="analyse articles and write the briefing/1 JSON")
    analyze.add_argument("paths", nargs="+", help="article files or folders")
    analyze.add_argument("--json", required=True, help="where to write the JSON document")
    _cache_options(analyze)
    _limit_options(analyze)
    analyze.set_defaults(func=cmd_analyze)
    build = sub.add_parser("build", help="write docs/ from the articles and build the site into site/")
    _site_options(build)
    build.add_argument("--strict", action="store_true", help="fail on any MkDocs warning")
    build.add_argument("--bundle", action="store_true", help="also write the offline bundle (a zip that works from file://)")
    _bundle_options(build)
    build.set_defaults(func=cmd_build)
    bundle = sub.add_parser("bundle", help="write docs/ and the offline bundle: a zip of the site that works from file://")
    _site_options(bundle)
    bundle.add_argument("--strict", action="store_true", help="fail on any MkDocs warning")
    _bundle_options(bundle)
    bundle.set_defaults(func=cmd_bundle)
    serve = sub.add_parser("serve", help="preview the site, regenerating when articles or templates change")
    _site_options(serve)
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)")
    serve.set_defaults(func=cmd_serve)
    return parser


def _show_mkdocs_messages() -> None:
    """MkDocs reports through logging; show its messages the way its own CLI does."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    mkdocs_log.setLevel(logging.INFO)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command in ("build", "serve", "bundle"):
        _show_mkdocs_messages()
    use_limits(load_rules().limits.with_options(args.max_file_mb, args.max_line_chars, args.max_articles))
    _Run.skipped = False
    status = args.func(args)
    return EXIT_SKIPPED if status == EXIT_OK and _Run.skipped else status
