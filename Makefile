# The two commands of the README: `make demo` and `make test`. Both set everything up.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
OUT    ?= out

.PHONY: demo test fuzz venv fonts lint clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,lint]'
	touch $@

venv: $(VENV)/.installed

# LibreOffice, poppler and the free preview faces (root, Debian). Without them gongwen
# still checks and writes .docx; only the PDFs are skipped, and it says so.
fonts:
	bash fonts/install.sh

# The main job on the shipped samples: check the submitted reports (answering last year's
# open issues) and write each back marked up (out/批注稿: a comment at every finding), draft
# a case from the results and count what people must still decide in it,
# export the sample case's issue ledger and read it back, then generate the review round's
# documents from both sample cases (a city's and a county's), as .docx and (where LibreOffice
# is) PDF; last, write the city's case as the office's workbook, read it back, generate
# from the workbook itself, and check the case and the documents are those of the JSON.
# Exit 1 means "findings" (check) or "no PDF" (generate): a demo shows them, it does not stop.
demo: venv
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then bash fonts/install.sh; fi
	$(PY) -m gongwen check samples/reports \
		--roster samples/roster.csv --register samples/register.csv \
		--last-year samples/case-2018.json --annotate $(OUT)/批注稿 \
		-o $(OUT)/check.txt --also-json $(OUT)/check.json --force || [ $$? -eq 1 ]
	@cat $(OUT)/check.txt
	$(PY) -m gongwen case draft $(OUT)/check.json --roster samples/roster.csv \
		--base samples/case.json --last-year samples/case-2018.json \
		-o $(OUT)/case-draft.json --force
	$(PY) -m gongwen case status $(OUT)/case-draft.json | tail -n 1
	$(PY) -m gongwen ledger export samples/case.json -o $(OUT)/台账.xlsx --force
	$(PY) -m gongwen ledger import $(OUT)/台账.xlsx samples/case.json \
		-o $(OUT)/case.json --force
	$(PY) -m gongwen generate samples/case.json -o $(OUT)/documents --force --pdf --verify \
		|| [ $$? -eq 1 ]
	$(PY) -m gongwen generate samples/case-county.json -o $(OUT)/documents-county --force \
		--pdf --verify || [ $$? -eq 1 ]
	$(PY) -m gongwen case export samples/case.json -o $(OUT)/评阅工作簿.xlsx --force
	$(PY) -m gongwen case import $(OUT)/评阅工作簿.xlsx -o $(OUT)/case-from-workbook.json --force
	$(PY) -m gongwen generate $(OUT)/评阅工作簿.xlsx -o $(OUT)/documents-from-workbook --force
	$(PY) -c "import sys; from gongwen.case import read_case as r; \
		sys.exit(r('samples/case.json') != r('$(OUT)/case-from-workbook.json'))"
	$(PY) -m gongwen generate samples/case.json -o $(OUT)/documents-from-json --force >/dev/null
	diff -r $(OUT)/documents-from-json $(OUT)/documents-from-workbook \
		&& echo "the workbook gives the same case and the same documents"

# pytest exits 5 when it collects nothing: that is a failure of the suite, said plainly.
test: venv
	$(PY) -m pytest -q; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: no tests were collected"; exit 1; fi; exit $$rc

# The long property-based run (issue 6): 10,000 examples each over damaged .docx files and
# case files; deselected from `make test` by the `slow` marker.
fuzz: venv
	$(PY) -m pytest -q -m slow -p no:randomly --hypothesis-show-statistics tests/test_properties.py

# The style and the types, as CI checks them: ruff's formatting and lint rules over all the
# Python, then mypy --strict over src/gongwen (its settings are in pyproject.toml).
LINTED := src tests benchmarks samples templates

lint: venv
	$(VENV)/bin/ruff format --check $(LINTED)
	$(VENV)/bin/ruff check $(LINTED)
	$(VENV)/bin/mypy

clean:
	rm -rf $(VENV) $(OUT) build dist .pytest_cache .ruff_cache .mypy_cache .hypothesis
