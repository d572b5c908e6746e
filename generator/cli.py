"""Command line: `python -m generator analyze | build | serve`."""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from generator.briefing import briefing_document, dumps
from generator.model import Problem
from generator.pipeline import load_corpus


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        where = problem.source + (f" [{problem.field}]" if problem.field else "")
        print(f"warning: {where}: {problem.message}", file=sys.stderr)


def cmd_analyze(args: argparse.Namespace) -> int:
    articles, problems = load_corpus([Path(p) for p in args.paths])
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
    result = generate_docs(inputs, Path(args.docs), Path(args.templates))
    _report(result.problems)
    r = result.report
    print(f"docs: {len(result.articles)} article(s); {len(r.written)} written, {len(r.unchanged)} unchanged, "
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
    mkdocs_build(Path(args.config), strict=args.strict)
    print(f"site built with {args.config}", file=sys.stderr)
    return 0


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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description="Build a briefing site from news articles.")
    sub = parser.add_subparsers(dest="command", required=True)
    analyze = sub.add_parser("analyze", help="analyse articles and write the briefing/1 JSON")
    analyze.add_argument("paths", nargs="+", help="article files or folders")
    analyze.add_argument("--json", required=True, help="where to write the JSON document")
    analyze.set_defaults(func=cmd_analyze)
    build = sub.add_parser("build", help="write docs/ from the articles and build the site into site/")
    _site_options(build)
    build.add_argument("--strict", action="store_true", help="fail on any MkDocs warning")
    build.set_defaults(func=cmd_build)
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
    if args.command in ("build", "serve"):
        _show_mkdocs_messages()
    return args.func(args)
