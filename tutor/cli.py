"""The `tutor` command line."""

from __future__ import annotations

import argparse
import sys

from tutor import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tutor",
        description="An interactive terminal tutor for neural networks.",
    )
    parser.add_argument("--version", action="version", version=f"tutor {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    build_parser().parse_args(argv)
    print("tutor: the interactive app is not built yet. Try `tutor --help`.", file=sys.stderr)
    return 0
