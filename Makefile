# The two commands a fresh clone needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/marsad analyze demo/seed-article.txt
	@test -f demo/marsad-demo.sqlite || { rm -f demo/.marsad-demo.part.sqlite* && \
	  $(BIN)/marsad ingest --db demo/.marsad-demo.part.sqlite demo/seed-article.txt demo/saudinewsnet-sample.jsonl && \
	  mv demo/.marsad-demo.part.sqlite demo/marsad-demo.sqlite; }
	$(BIN)/marsad serve --db demo/marsad-demo.sqlite

lint: $(STAMP)
	$(BIN)/ruff check src tests $(wildcard scripts bench)
	$(BIN)/ruff format --check src tests $(wildcard scripts bench)
	$(BIN)/mypy

test: lint
	$(BIN)/pytest

clean:
	rm -rf $(VENV) build dist *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
