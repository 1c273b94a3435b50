"""Write an evaluation's metrics as ``metrics.json``, ``report.md`` and a self-contained ``report.html``.

Both documents are rendered from one list of sections (title, notes, tables, charts),
so the Markdown and the HTML always say the same thing.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
from pathlib import Path
from typing import Any, Mapping

from .render import environment

__all__ = ["write_evaluation_report", "build_sections", "to_json_safe", "sections_to_markdown"]

_SPLIT_NOTE = {"dev": "dev (tuned-on data)", "test": "test (held out)", "all": "all records"}
_LABELS = {
    "stance_accuracy": "Stance accuracy", "stance_macro_f1": "Stance macro-F1",
    "ask_label_macro_f1": "Ask label macro-F1", "ask_label_macro_f1_paired": "Ask label macro-F1 (paired asks)",
    "ask_kappa": "Ask label Cohen's κ (paired asks)",
    "ask_segmentation_f1": "Ask segmentation F1", "ask_evidence_f1": "Ask evidence F1 (paired asks)",
    "coverage_mae": "Coverage MAE (lower is better)",
    "gap_micro_f1": "Gap flags micro-F1", "dates_f1": "Dates span F1", "amounts_f1": "Amounts span F1",
    "commitments_f1": "Commitments span F1",
}

_SHORT = {"stance_accuracy": "stance acc.", "stance_macro_f1": "stance F1", "ask_label_macro_f1": "ask label F1",
          "ask_label_macro_f1_paired": "ask label F1\n(paired)", "ask_kappa": "ask κ (paired)",
          "coverage_mae": "coverage MAE\n(lower is better)"}


def to_json_safe(value: Any) -> Any:
    """Return ``value`` with NaN/inf as ``None`` and numpy scalars as Python numbers (strict JSON)."""
    if isinstance(value, Mapping):
        return {str(k): to_json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [to_json_safe(v) for v in (sorted(value) if isinstance(value, set) else value)]
    if hasattr(value, "item") and callable(value.item):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _fmt(value: Any, digits: int = 3) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _with_interval(summary: Mapping[str, Any], key: str) -> str:
    value = _fmt(summary.get("headline", {}).get(key))
    iv = summary.get("intervals", {}).get(key)
    return f"{value} [{iv['low']:.2f}–{iv['high']:.2f}]" if iv and value != "n/a" else value


def _table(header: list[str], rows: list[list[Any]], *, caption: str = "") -> dict:
    return {"header": header, "rows": [[_fmt(c) for c in r] for r in rows], "caption": caption}


def _confusion_table(section: Mapping[str, Any], *, rows_key: str, cols_key: str, caption: str) -> dict:
    rows, cols = section[rows_key], section.get(cols_key, section[rows_key])
    matrix = section["confusion"]
    keep = [i for i, r in enumerate(matrix) if sum(r)]
    keep_cols = [j for j in range(len(cols)) if any(matrix[i][j] for i in range(len(matrix)))
                 or (j < len(rows) and j in keep)]
    return _table(["gold \\ predicted"] + [cols[j] for j in keep_cols],
                  [[rows[i]] + [matrix[i][j] for j in keep_cols] for i in keep], caption=caption)


def build_sections(metrics: Mapping[str, Any]) -> dict[str, Any]:
    """Turn an evaluation dict into a title, a summary and a list of report sections.

    Args:
        metrics: the dict from :func:`respassess.evaluate.evaluate` or ``agreement``.

    Returns:
        ``{"title", "summary", "sections": [{title, notes, tables, images}]}``; tables hold
        formatted strings, images PNG data URIs.
    """
    from . import charts

    splits = metrics["splits"]
    agreement = metrics.get("kind") == "agreement"
    base = metrics.get("baselines") or {}
    base_splits = base.get("splits") or {}
    primary = metrics["primary"]
    iv = primary.get("interval")
    summary = (f"Primary metric: {_LABELS.get(primary['name'], primary['name'])} = {_fmt(primary['value'])}"
               + (f" (95 % CI {iv['low']:.2f}–{iv['high']:.2f})" if iv else "")
               + f" on the {_SPLIT_NOTE[primary['split']]} split.")
    sections = []

    notes = [f"Splits: {metrics['split_rule']}. Figures on 'dev' are on data the pipeline was tuned on and "
             "overstate what to expect on new documents; 'test' is the held-out estimate.",
             "Gold: one annotator (ANNOTATION.md). Square brackets are 95 % bootstrap intervals over records."]
    if metrics.get("dev_ask_model"):
        notes.append(f"Dev predictions are {metrics['dev_ask_model']}: the models' figures on 'dev' are not "
                     "in-sample (the rules were still written against dev).")
    source = metrics.get("source") or {}
    if source:
        versions = ", ".join(f"{k} {v}" for k, v in (source.get("versions") or {}).items())
        notes.append(f"Gold: {source.get('gold', 'n/a')}; predictions: {source.get('predictions', 'n/a')}"
                     + (f"; config {source['config_id']}" if source.get("config_id") else "")
                     + (f"; {versions}" if versions else "") + ".")
    if metrics.get("missing_predictions"):
        notes.append(f"{len(metrics['missing_predictions'])} gold records had no prediction and count as empty "
                     f"'unclear' predictions: {', '.join(metrics['missing_predictions'][:20])}")
    if metrics.get("baselines_note"):
        notes.append(metrics["baselines_note"])
    header = ["metric"]
    for split in ("dev", "test", "all"):
        n = splits[split].get("n_records", 0)
        header += [f"{split} (n={n})"] + ([f"{split} baseline"] if base_splits else [])
    rows = []
    for key, label in _LABELS.items():
        row = [label]
        for split in ("dev", "test", "all"):
            row.append(_with_interval(splits[split], key) if splits[split].get("n_records") else "n/a")
            if base_splits:
                used = any(key in b.get("metrics", []) for b in base.values() if isinstance(b, dict))
                row.append(_with_interval(base_splits[split], key) if used and base_splits[split].get("n_records")
                           else "—")
        rows.append(row)
    images = []
    if base_splits:
        keys = ["stance_accuracy", "stance_macro_f1", "ask_label_macro_f1", "ask_label_macro_f1_paired", "ask_kappa",
                "coverage_mae"]
        chart_split = primary["split"]
        images.append({"alt": "pipeline vs baselines", "src": charts.grouped_bar_chart(
            [_SHORT[k] for k in keys],
            {"respassess": [splits[chart_split]["headline"].get(k) for k in keys],
             "baseline": [base_splits[chart_split]["headline"].get(k) for k in keys]},
            title=f"respassess vs baselines ({_SPLIT_NOTE[chart_split]})")})
        for name, b in base.items():
            if isinstance(b, dict) and "description" in b:
                notes.append(f"Baseline {name}: {b['description']}.")
    sections.append({"title": "Agreement between annotators" if agreement else "Headline figures",
                     "notes": notes, "tables": [_table(header, rows)], "images": images})

    tables = []
    for split in ("dev", "test"):
        if splits[split].get("n_records"):
            tables.append(_confusion_table(splits[split]["stance"], rows_key="labels", cols_key="labels",
                                           caption=f"Stance confusion, {_SPLIT_NOTE[split]}"))
    if base_splits and base_splits["all"].get("n_records"):
        tables.append(_confusion_table(base_splits["all"]["stance"], rows_key="labels", cols_key="labels",
                                       caption="Keyword baseline stance confusion, all records"))
    sections.append({"title": "Stance", "notes": [], "tables": tables, "images": []})

    tables = []
    seg_rows = []
    for split in ("dev", "test", "all"):
        a = splits[split].get("asks")
        if a:
            tables.append(_confusion_table(a, rows_key="labels", cols_key="columns",
                                           caption=f"Ask label confusion, {_SPLIT_NOTE[split]}"))
            s = a["segmentation"]
            e = a.get("evidence") or {}
            seg_rows.append([split, a["n_gold"], a["n_predicted"], a["n_matched"], s["precision"], s["recall"],
                             s["f1"], a["label_macro_f1_matched"], a["label_accuracy_matched"], a["kappa_matched"],
                             e.get("precision"), e.get("recall"), e.get("f1")])
    tables.insert(0, _table(["split", "gold asks", "predicted asks", "paired", "segmentation P", "R", "F1",
                             "label macro-F1 (paired)", "label accuracy (paired)", "κ (paired)",
                             "evidence P", "R", "F1"], seg_rows))
    sections.append({"title": "Asks (clauses)", "tables": tables, "images": [], "notes": [
        "Unpaired gold asks appear in the 'unmatched' column and count as misses in label macro-F1; the 'paired' "
        "figures judge labels on paired asks only, which is the fair comparison with the TF-IDF baseline "
        "(it is handed the gold asks).",
        "Evidence, on paired asks: P is the share of predicted evidence sentences that overlap one of the gold "
        "ask's evidence quotes, R the share of gold quotes some predicted sentence overlaps (containment, or "
        "80 % of the shorter's words)."]})

    cov_rows = [[split, splits[split]["coverage"]["n"], splits[split]["coverage"]["mae"],
                 splits[split]["coverage"]["spearman"]] + (
                    [base_splits[split]["coverage"]["mae"], base_splits[split]["coverage"]["spearman"]]
                    if base_splits and base_splits[split].get("coverage") else [])
                for split in ("dev", "test", "all") if splits[split].get("coverage")]
    cov_header = ["split", "records", "MAE", "Spearman"] + (
        ["baseline MAE", "baseline Spearman"] if base_splits else [])
    pairs = [(r["gold_coverage"], r["pred_coverage"]) for r in metrics.get("per_record", [])
             if r["gold_coverage"] is not None and r["pred_coverage"] is not None]
    images = [{"alt": "coverage scatter", "src": charts.scatter(
        [g for g, _ in pairs], [p for _, p in pairs], title="Record coverage, all records",
        xlabel="gold coverage", ylabel="second annotator" if agreement else "respassess")}] if pairs else []
    sections.append({"title": "Coverage", "notes": [], "tables": [_table(cov_header, cov_rows)], "images": images})

    span_rows = []
    for split in ("dev", "test", "all"):
        for kind, s in (splits[split].get("spans") or {}).items():
            span_rows.append([split, kind, s["gold"], s["predicted"], s["matched"], s["precision"], s["recall"],
                              s["f1"], s["value_accuracy"]])
    sections.append({"title": "Dates, amounts and commitments", "images": [], "notes": [
        "Value accuracy is over paired spans: dates same value, amounts within 0.5 % and same currency, "
        "commitments same strength."], "tables": [_table(
            ["split", "kind", "gold", "predicted", "paired", "P", "R", "F1", "value accuracy"], span_rows)]})

    gap_rows = []
    all_flags = (splits["all"].get("gaps") or {}).get("per_flag", {})
    test_flags = (splits["test"].get("gaps") or {}).get("per_flag", {})
    for flag, v in all_flags.items():
        gap_rows.append([flag, v["support"], v["predicted"], v["precision"], v["recall"], v["f1"],
                         test_flags.get(flag, {}).get("f1")])
    micro = [[split, splits[split]["gaps"]["micro_precision"], splits[split]["gaps"]["micro_recall"],
              splits[split]["gaps"]["micro_f1"], splits[split]["gaps"]["macro_f1"]]
             for split in ("dev", "test", "all") if splits[split].get("gaps")]
    gap_tables = [
        _table(["flag", "gold (all)", "predicted (all)", "P (all)", "R (all)", "F1 (all)", "F1 (test)"], gap_rows),
        _table(["split", "micro P", "micro R", "micro F1", "macro F1"], micro)]
    calibration = [[split, c["raised"], c["mean_confidence"], c["precision"]]
                   for split in ("dev", "test") for c in [splits[split].get("gap_confidence") or {}] if c.get("raised")]
    if calibration:
        test_kinds = (splits["test"].get("gap_confidence") or {}).get("per_kind", {})
        gap_tables += [
            _table(["split", "flags with a confidence", "mean stated confidence", "observed precision"], calibration,
                   caption="Stated confidence (models/gap_reliability.json) against observed precision"),
            _table(["flag", "raised (test)", "stated confidence", "observed precision (test)"],
                   [[k, v["raised"], v["mean_confidence"], v["precision"]] for k, v in test_kinds.items()])]
    sections.append({"title": "Gap flags", "notes": [], "images": [], "tables": gap_tables})

    jur_rows = []
    for name, js in (metrics.get("per_jurisdiction") or {}).items():
        a = js["all"]
        jur_rows.append([name, a["n_records"], js["test"].get("n_records", 0), a["headline"]["stance_accuracy"],
                         a["headline"]["ask_label_macro_f1"], a["headline"]["coverage_mae"],
                         a["headline"]["gap_micro_f1"]])
    sections.append({"title": "By jurisdiction (all records)", "notes": [
        "Small groups: read these as a map of where errors are, not as estimates."], "images": [], "tables": [
        _table(["jurisdiction", "records", "of which test", "stance accuracy", "ask label macro-F1", "coverage MAE",
                "gap micro-F1"], jur_rows)]})

    source_rows = [[name, split, data[split].get("n_records", 0), *(data[split].get("headline", {}).get(k) for k in (
        "stance_accuracy", "ask_label_macro_f1", "ask_kappa", "ask_segmentation_f1", "coverage_mae", "gap_micro_f1"))]
        for name, data in (metrics.get("per_source") or {}).items() for split in ("dev", "test")
        if data[split].get("n_records")]
    if source_rows:
        sections.append({"title": "By gold file", "notes": [
            "Each gold file was annotated by other hands and may settle what the guide leaves open differently "
            "(how finely asks are split, when an intention counts as hedged): read each file's figures against "
            "its own conventions. 'dev' is tuned-on data, 'test' held out."], "images": [], "tables": [
            _table(["gold file", "split", "records", "stance accuracy", "ask label macro-F1", "ask κ (paired)",
                    "ask segmentation F1", "coverage MAE", "gap micro-F1"], source_rows)]})

    sections.append({"title": "How items are matched", "notes": list(metrics.get("matching_rules", [])),
                     "tables": [], "images": []})
    rec_rows = [[r["id"], r["split"], r["jurisdiction"], r["gold_stance"], r["pred_stance"],
                 r.get("baseline_stance", ""), r["gold_coverage"], r["pred_coverage"],
                 ", ".join(sorted(set(r["gold_gaps"]) - set(r["pred_gaps"]))),
                 ", ".join(sorted(set(r["pred_gaps"]) - set(r["gold_gaps"])))]
                for r in metrics.get("per_record", [])]
    sections.append({"title": "Per record", "notes": [], "images": [], "details": True, "tables": [_table(
        ["id", "split", "jurisdiction", "gold stance", "predicted stance", "keyword baseline", "gold coverage",
         "predicted coverage", "gaps missed", "gaps extra"], rec_rows)]})
    title = "respassess: annotator agreement" if agreement else "respassess: evaluation against gold"
    return {"title": title, "summary": summary, "sections": sections}


def sections_to_markdown(doc: Mapping[str, Any], *, generated: str) -> str:
    """Render :func:`build_sections` output as GitHub Markdown (charts left out: see report.html)."""
    def cell(text: str) -> str:
        return str(text).replace("|", "\\|").replace("\n", " ")

    lines = [f"# {doc['title']}", "", f"Generated {generated}.", "", f"**{doc['summary']}**", ""]
    for section in doc["sections"]:
        lines += [f"## {section['title']}", ""]
        for note in section["notes"]:
            lines += [f"- {note}"]
        if section["notes"]:
            lines.append("")
        for table in section["tables"]:
            if table["caption"]:
                lines += [f"*{table['caption']}*", ""]
            lines.append("| " + " | ".join(cell(h) for h in table["header"]) + " |")
            lines.append("|" + "---|" * len(table["header"]))
            lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in table["rows"]]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def write_evaluation_report(metrics: Mapping[str, Any], out_dir: str | Path) -> dict[str, Path]:
    """Write ``metrics.json``, ``report.md`` and a self-contained ``report.html`` into ``out_dir``.

    Args:
        metrics: the dict returned by :func:`respassess.evaluate.evaluate` or ``agreement``.
        out_dir: the folder; created when missing, files in it overwritten.

    Returns:
        ``{"json": path, "markdown": path, "html": path}``.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    generated = _dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    paths = {"json": out / "metrics.json", "markdown": out / "report.md", "html": out / "report.html"}
    paths["json"].write_text(json.dumps(to_json_safe(metrics), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    doc = build_sections(metrics)
    paths["markdown"].write_text(sections_to_markdown(doc, generated=generated), encoding="utf-8")
    html = environment().get_template("evaluation.html").render(doc=doc, generated=generated)
    paths["html"].write_text(html, encoding="utf-8")
    return paths
