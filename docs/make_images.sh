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
# A marked-up copy as a reviewer sees it: the .doc sample exported as its office would
# (gongwen pdf), then gongwen annotate: a highlight with each note, its rule code in the margin.
soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to docx \
  --outdir "$work/legacy" "samples/reports/市应急管理局-朱国庆-2019年度履职报告.doc" >/dev/null 2>&1
.venv/bin/python -m gongwen pdf "$work/legacy" -o "$work/legacy-pdf" >/dev/null
.venv/bin/python -m gongwen annotate "$work/legacy-pdf" -o "$work/marked" --note-date 2020-04-01 \
  >/dev/null || true
pdftoppm -r 60 -f 1 -l 1 -png -singlefile "$work/marked/市应急管理局-朱国庆-2019年度履职报告.pdf" \
  docs/images/annotated-page1
# The Word copy as a reviewer sees it: page 1 and the end of a sample given a few defects, its
# comments (LibreOffice's PDF notes) in a margin panel (docs/annotated_page.py; needs pillow,
# `pip install -e '.[docs]'`).
.venv/bin/python docs/annotated_page.py "$work/comments" docs/images/annotated-comments.png \
  2>/dev/null
ls -l docs/images
