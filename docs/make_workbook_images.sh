#!/usr/bin/env bash
# Two sheets of the case workbook as PNG for the README: the county sample exported with
# `gongwen case export`, each sheet alone converted by LibreOffice Calc, page 1 rasterised
# with poppler's pdftoppm and cropped to the cells that hold text.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
.venv/bin/python -m gongwen case export samples/case-county.json -o "$work/book.xlsx" >/dev/null
.venv/bin/python - "$work" <<'EOF'
import sys
from openpyxl import load_workbook

work = sys.argv[1]
for title, name in (("基本信息", "basics"), ("部门与报告", "departments")):
    wb = load_workbook(f"{work}/book.xlsx")
    for ws in list(wb.worksheets):
        if ws.title != title:
            wb.remove(ws)
    wb.save(f"{work}/{name}.xlsx")
EOF
(cd "$work" && soffice --headless --convert-to pdf basics.xlsx departments.xlsx >/dev/null 2>&1)
r=80
for name in basics departments; do
  pdftotext -bbox -f 1 -l 1 "$work/$name.pdf" "$work/$name.html"
  read -r x y w h < <(python3 - "$work/$name.html" "$r" <<'EOF'
import re
import sys

text, r = open(sys.argv[1], encoding="utf-8").read(), int(sys.argv[2])
boxes = [tuple(map(float, m)) for m in re.findall(
    r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', text)]
x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
px, m = r / 72, 6
print(int(x0 * px) - m, int(y0 * px) - m, int((x1 - x0) * px) + 2 * m, int((y1 - y0) * px) + 2 * m)
EOF
)
  pdftoppm -r "$r" -f 1 -l 1 -x "$x" -y "$y" -W "$w" -H "$h" -png -singlefile \
    "$work/$name.pdf" "docs/images/workbook-$name"
done
ls -l docs/images/workbook-*.png
