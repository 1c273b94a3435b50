#!/usr/bin/env bash
# The main job: score every bundled record in corpus/ and write the corpus report.
# Outputs go to runs/ (assessments JSONL per source, report.html, tables/).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p runs
for src in corpus/*.jsonl; do
  name=$(basename "$src" .jsonl)
  .venv/bin/respassess score "$src" --out "runs/$name.assessments.jsonl" --quiet
done
cat runs/*.assessments.jsonl > runs/corpus.assessments.jsonl
.venv/bin/respassess report runs/corpus.assessments.jsonl --out runs/report.html --tables runs/tables
echo "report: runs/report.html"
