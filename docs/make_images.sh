#!/usr/bin/env bash
# Page 1 of two generated documents as PNG for the README: generated from samples/case.json,
# converted with gongwen's own exporter (preview faces), rasterised with poppler's pdftoppm.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
.venv/bin/python -m gongwen generate samples/case.json -o "$work" \
  --kind report --kind interview --pdf >/dev/null
pdftoppm -r 60 -f 1 -l 1 -png -singlefile "$work/评阅报告-2019年度.pdf" docs/images/report-page1
pdftoppm -r 60 -f 1 -l 1 -png -singlefile "$work/约谈通知-市交通运输局.pdf" docs/images/interview-page1
ls -l docs/images
