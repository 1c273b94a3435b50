"""Commands that build or check the models: train, build-static, doctor."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ._common import clean_errors, config_from_options, model_options

__all__ = ["train", "build_static", "doctor"]


@click.command()
@click.option("--gold", "gold_paths", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Gold JSONL file(s) [default: ../shared/data/gold/dev.jsonl and evaluation/gold/respassess_team.jsonl].")
@click.option("--records", "records_paths", multiple=True, type=click.Path(exists=True),
              help="JSONL file(s) or folder(s) with the gold records' texts [default: ../shared/data/records].")
@click.option("--out", "out_dir", default="models", show_default=True, type=click.Path(file_okay=False),
              help="Where the model files and MANIFEST.json are written.")
@click.option("--seed", default=0, show_default=True, type=int)
@click.option("--date", help="Date stamped in the model (YYYY-MM-DD) [default: today]; fix it for byte-identical rebuilds.")
@model_options
@clean_errors
def train(gold_paths, records_paths, out_dir, seed, date, **model_opts) -> None:
    """Rebuild the stance, evidence and ask-label models and the gap flags' reliability from gold (dev split only).

    Official labels of the record files (UPR, TAIC, Australian) serve as weak stance labels.

    \b
    Example:
      respassess train --out models --date 2026-11-27
    """
    from ..align.relevance import load_evidence_model
    from ..config import RULES
    from ..errors import InputFormatError
    from ..evidence_training import train_evidence_model
    from ..gap_reliability import train_gap_reliability
    from ..pipeline import Assessor
    from ..stance_model import load_stance_model
    from ..stance_training import train_stance_model
    from ..train import train_coverage_model

    shared = Path("..") / "shared" / "data"
    gold_paths = list(gold_paths) or [p for p in (shared / "gold" / "dev.jsonl",
                                                  Path("evaluation") / "gold" / "respassess_team.jsonl") if p.exists()]
    records_paths = list(records_paths) or [p for p in (shared / "records",) if p.exists()]
    if not gold_paths or not records_paths:
        raise InputFormatError("no gold or record files found; pass --gold and --records")
    weak = [Path(p) / f for p in records_paths if Path(p).is_dir()
            for f in ("upr_slovenia.jsonl", "nz_taic_sample.jsonl", "nz_taic_all.jsonl", "au_dev.jsonl")
            if (Path(p) / f).exists()]
    # The stance model comes first: the ask-label model sees the stance as a feature.
    config = config_from_options(**model_opts)
    assessor = Assessor(config.replace(coverage_model=RULES))  # features must not depend on an old ask model
    stance = train_stance_model(gold_paths, records_paths, out_dir, weak_paths=weak, seed=seed, nlp=assessor.nlp,
                                date=date)
    load_stance_model.cache_clear()
    click.echo(f"stance model: {stance.get('path')}", err=True)
    # The evidence model picks the evidence shown; the ask-label model reads the cosine rule's, so neither
    # depends on the other.
    evidence = train_evidence_model(gold_paths, records_paths, out_dir, assessor=assessor, seed=seed, date=date)
    load_evidence_model.cache_clear()
    click.echo(f"evidence model: {evidence.get('path')}", err=True)
    coverage = train_coverage_model(gold_paths, records_paths, out_dir, seed=seed, assessor=assessor, date=date)
    click.echo(f"ask-label model: {coverage.get('path')}", err=True)
    # last: the flags' reliability is measured with the ask model just trained (its C, refitted per fold)
    judged = Assessor(config.replace(coverage_model=coverage["path"], evidence_model=evidence["path"]),
                      nlp=assessor.nlp, embedder=assessor.embedder)
    reliability = train_gap_reliability(gold_paths, records_paths, out_dir, assessor=judged, seed=seed, date=date)
    click.echo(f"gap reliability: {reliability.get('path')}", err=True)
    click.echo(json.dumps({"stance": {k: v for k, v in stance.items() if k not in ("path", "sha256")},
                           "evidence": {k: evidence[k] for k in ("threshold", "cv", "cv_cosine_rule", "test",
                                                                 "test_cosine_rule") if k in evidence},
                           "ask_labels": {k: coverage[k] for k in ("cv", "test", "n_examples") if k in coverage},
                           "gap_confidence": {k: v["confidence"] for k, v in reliability["per_kind"].items()}},
                          indent=2, default=str))


@click.command("build-static")
@click.option("--out", "out_dir", type=click.Path(file_okay=False),
              help="Model folder [default: $RESPASSESS_STATIC_DIR or ~/.cache/respassess/static-minilm].")
@click.option("--source", type=click.Path(exists=True, file_okay=False),
              help="Local sentence-transformers folder to distil [default: the bundled MiniLM].")
@click.option("--dims", default=256, show_default=True, type=click.IntRange(8, 1024))
@clean_errors
def build_static(out_dir, source, dims) -> None:
    """Distil the static embedding model used by --embedder-kind static (offline, a few minutes, once).

    \b
    Example:
      respassess build-static && respassess score corpus/au_dev.jsonl --out au.jsonl --embedder-kind static
    """
    from ..align.static import build_static_model

    path = build_static_model(out_dir, source=source, dims=dims)
    click.echo(f"static model in {path}")


@click.command()
@model_options
@clean_errors
def doctor(**model_opts) -> None:
    """Print versions, where each model was loaded from, and check the MiniLM weights.

    \b
    Example:
      respassess doctor
    """
    from ..doctor import run_checks

    ok = True
    for name, value, good in run_checks(config_from_options(**model_opts)):
        ok &= good
        click.echo(f"{'ok ' if good else 'BAD'} {name}: {value}")
    if not ok:
        sys.exit(1)
