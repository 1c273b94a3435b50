"""The respassess command line. It parses input, calls the public API and formats output;
every :class:`~respassess.errors.RespassessError` becomes one clean ``Error: ...`` line
(exit 1); usage mistakes exit 2. Nothing heavy is imported until a command runs, so
``respassess --help`` is fast. Commands live in modules by user: ``clerk`` (one response),
``corpus`` (a researcher's corpus) and ``models`` (building and checking models).
"""

from __future__ import annotations

import logging
import sys

import click

from .clerk import assess, serve, split
from .corpus import evaluate, report, score
from .models import build_static, doctor, train

__all__ = ["main", "cli"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="respassess")
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv for debug).")
def cli(verbose: int) -> None:
    """Judge how well a government has answered the recommendations made to it.

    \b
    Example:
      respassess assess ../shared/data/seed/uk-pac-rec7-send.txt --format md
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


for _command in (assess, split, serve, score, report, evaluate, train, build_static, doctor):
    cli.add_command(_command)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="respassess")


if __name__ == "__main__":  # pragma: no cover
    main()
