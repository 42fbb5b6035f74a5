#!/usr/bin/env bash
# Validate docker-compose.yml the way `docker compose config` does.
#
#   tools/compose-check/check.sh [COMPOSE_FILE ...]   (default: <repo>/docker-compose.yml)
#
# If the Docker Compose CLI plugin is present (`docker compose version` works), it runs
#   docker compose -f FILE... config -q
# Otherwise it builds the real Docker Compose CLI (github.com/docker/compose/v2, cmd/) from the
# Go module proxy once, caches the binary by version under
#   ${XDG_CACHE_HOME:-$HOME/.cache}/foresight/docker-compose-<version>/docker-compose
# and runs `docker-compose -f FILE... config -q` with it (same code path as the plugin).
# A cold build needs Go >= 1.24 and takes ~2.5 min on 2 cores; later runs take well under a second.
#
# Environment:
#   COMPOSE_CHECK_VERSION    compose version to build (default v2.40.3)
#   COMPOSE_CHECK_VALIDATOR  auto (default) | plugin | built   -- force one route
# Exit status: 0 valid, non-zero invalid (the validator's own status) or tool/setup failure.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$script_dir/../.." && pwd)"
version="${COMPOSE_CHECK_VERSION:-v2.40.3}"
validator="${COMPOSE_CHECK_VALIDATOR:-auto}"
cache_dir="${XDG_CACHE_HOME:-$HOME/.cache}/foresight/docker-compose-${version}"
bin="$cache_dir/docker-compose"

files=("$@")
[[ ${#files[@]} -gt 0 ]] || files=("$repo_root/docker-compose.yml")
file_args=()
for f in "${files[@]}"; do
  [[ -f "$f" ]] || { echo "compose-check: no such file: $f" >&2; exit 2; }
  file_args+=(-f "$(cd "$(dirname "$f")" && pwd)/$(basename "$f")")
done

# Runs in a subshell; must be called as a plain statement (not in an if/||/&& list) so set -e applies.
build_compose() (
  command -v go >/dev/null 2>&1 || { echo "compose-check: Go is required to build docker-compose $version" >&2; return 2; }
  mkdir -p "$cache_dir"
  work="$(mktemp -d "$cache_dir/.build.XXXXXX")"
  # Private module/build caches, removed afterwards: only the ~75 MB binary stays behind.
  trap 'chmod -R u+w "$work" 2>/dev/null || true; rm -rf "$work"' EXIT
  echo "compose-check: building docker-compose $version from the Go module proxy (one-off, ~2-3 min)..." >&2
  start=$SECONDS
  export GOMODCACHE="$work/mod" GOCACHE="$work/gocache" GOFLAGS=-modcacherw GOWORK=off GO111MODULE=on
  dir="$(cd "$work" && go mod download -json "github.com/docker/compose/v2@$version" \
    | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')"
  [[ -n "$dir" && -f "$dir/cmd/main.go" ]] || { echo "compose-check: could not download github.com/docker/compose/v2@$version" >&2; return 2; }
  # Build inside a copy of the module so its own go.mod/go.sum (with its exclude directives) apply,
  # exactly like upstream's `make build`.
  cp -r "$dir" "$work/src"
  chmod -R u+w "$work/src"
  (cd "$work/src" && go build -trimpath \
    -ldflags "-w -X github.com/docker/compose/v2/internal.Version=$version" \
    -o "$work/docker-compose" ./cmd) >&2
  "$work/docker-compose" version >/dev/null
  mv -f "$work/docker-compose" "$bin"
  echo "compose-check: built $bin in $((SECONDS - start))s" >&2
)

use_plugin=false
case "$validator" in
  plugin) docker compose version >/dev/null 2>&1 || { echo "compose-check: 'docker compose' plugin not available" >&2; exit 2; }
          use_plugin=true ;;
  built) use_plugin=false ;;
  auto) if docker compose version >/dev/null 2>&1; then use_plugin=true; fi ;;
  *) echo "compose-check: COMPOSE_CHECK_VALIDATOR must be auto, plugin or built" >&2; exit 2 ;;
esac

if $use_plugin; then
  echo "compose-check: validator: docker compose plugin ($(docker compose version --short 2>/dev/null || echo unknown))"
  run=(docker compose)
else
  if [[ ! -x "$bin" ]]; then
    if command -v flock >/dev/null 2>&1; then
      mkdir -p "$cache_dir"
      exec 9>"$cache_dir/.lock"
      flock 9
    fi
    if [[ ! -x "$bin" ]]; then
      build_compose
    fi
  fi
  echo "compose-check: validator: docker-compose $version built from source ($bin)"
  run=("$bin")
fi

status=0
"${run[@]}" "${file_args[@]}" config -q || status=$?
if [[ $status -eq 0 ]]; then
  echo "compose-check: OK: ${files[*]}"
else
  echo "compose-check: INVALID (exit $status): ${files[*]}" >&2
fi
exit "$status"
