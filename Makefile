# The two commands: `make demo` (the main job) and `make test` (all tests). Both set up a fresh
# machine themselves: dependencies, then the local infrastructure (or the services named by
# KAFKA_BROKERS / EVENTSTORE_URL / MONGO_URL when those are set).
SHELL := /bin/bash
PHASES := tools/run-phases.sh
NODE_TS := node -r @swc-node/register

.PHONY: help demo test install infra lint typecheck unit integration e2e build down bench
.DEFAULT_GOAL := help

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

test: ## install, infra up, lint, type-check, unit, integration and e2e tests (prints each phase's time)
	@$(PHASES) \
	  "install::tools/install.sh" \
	  "infra::infra/local/up" \
	  "lint::npx nx show projects >/dev/null && npx eslint . && npx prettier --check . --log-level warn" \
	  "typecheck::npx tsc -p tsconfig.json --noEmit" \
	  "compose::tools/compose-check/check.sh" \
	  "unit::npx jest --selectProjects unit --forceExit" \
	  "build::for s in identity ingestion report-engine notifications ml-scoring voc-signals; do node tools/build.mjs \$$s || exit 1; done" \
	  "integration::npx jest --selectProjects integration --forceExit" \
	  "e2e::npx jest --selectProjects e2e --passWithNoTests --forceExit"

demo: ## install, infra up, build and start the six services, print their URLs; Ctrl-C stops them
	@$(PHASES) "install::tools/install.sh" "infra::infra/local/up"
	@$(NODE_TS) tools/demo.ts

install: ## npm ci (skipped when node_modules matches the lock file)
	@tools/install.sh

infra: ## start Kafka, PostgreSQL and the Mongo-wire server locally (idempotent)
	@infra/local/up

build: ## build all six services into dist/services/
	@for s in identity ingestion report-engine notifications ml-scoring voc-signals; do node tools/build.mjs $$s || exit 1; done

lint: ## ESLint with module boundaries
	@npx nx show projects >/dev/null && npx eslint .

typecheck: ## tsc over the whole workspace
	@npx tsc -p tsconfig.json --noEmit

unit: ## unit tests only
	@npx jest --selectProjects unit

integration: ## integration tests against real infrastructure
	@npx jest --selectProjects integration

e2e: build ## end-to-end tests: services as separate processes
	@npx jest --selectProjects e2e --passWithNoTests

down: ## stop everything `make demo` or `make test` started
	@$(NODE_TS) tools/demo.ts --stop || true
	@infra/local/down
