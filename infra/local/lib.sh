# shellcheck shell=bash
# Shared by up, down, status and env: paths, versions and process bookkeeping.
# Sourced, never run.
# shellcheck disable=SC2034 # the variables are used by the scripts that source this

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
HERE="$ROOT/infra/local"
LOCAL="$ROOT/.local" # git-ignored: data, logs, pid files of this clone
LOGS="$LOCAL/logs"
PIDS="$LOCAL/pids"
# Downloads and builds are shared by every clone on the machine, keyed by version.
CACHE="${FORESIGHT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/foresight}"

KAFKA_PORT=${FORESIGHT_KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=$((KAFKA_PORT + 1))
PG_PORT=${FORESIGHT_PG_PORT:-5432}
MONGO_PORT=${FORESIGHT_MONGO_PORT:-27017}
READY_TIMEOUT=${FORESIGHT_READY_TIMEOUT:-120} # seconds, for every readiness wait

KAFKA_VERSION=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$HERE/kafka/pom.xml")
KAFKA_HOME="$CACHE/kafka-$KAFKA_VERSION"
KAFKA_DIR="$LOCAL/kafka"

PG_DATA="$LOCAL/postgres"
PG_SOCKET_DIR=/tmp # the data dir could exceed the 107-byte socket path limit

FERRETDB_VERSION=$(sed -n 's:^[[:space:]]*github.com/FerretDB/FerretDB v\([^ ]*\).*:\1:p' "$HERE/ferretdb/go.mod")
# The wrapper's source is part of the key: editing main.go must rebuild.
FERRETDB_HASH=$(cat "$HERE/ferretdb/go.mod" "$HERE/ferretdb/go.sum" "$HERE/ferretdb/main.go" | sha256sum | cut -c1-12)
FERRETDB_BIN="$CACHE/ferretdb-$FERRETDB_VERSION-$FERRETDB_HASH/ferretdb"

LOCAL_KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT"
LOCAL_EVENTSTORE_URL="postgres://foresight:foresight@127.0.0.1:$PG_PORT/foresight"
LOCAL_MONGO_URL="mongodb://127.0.0.1:$MONGO_PORT/foresight"

die() {
  echo "error: $*" >&2
  exit 1
}

# Microseconds since the epoch, and "7.3s" since such a value: bash only, no fork.
now_us() { echo $((${EPOCHREALTIME/[.,]/})); }
since() {
  local d=$(($(now_us) - $1))
  printf '%d.%ds' $((d / 1000000)) $((d % 1000000 / 100000))
}

# True when something accepts TCP connections on 127.0.0.1:$1.
port_busy() { (: <"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

ensure_port_free() { # SERVICE PORT
  port_busy "$2" || return 0
  die "$1: port $2 is already in use by a process that infra/local/up did not start:
$(ss -Hltnp "sport = :$2" 2>/dev/null || true)
Stop that process, or point the service's variable at it (see infra/local/env)."
}

pid_file() { echo "$PIDS/$1.pid"; }

# Prints the pid of SERVICE if it is running and ours. A pid file can outlive its
# process and the pid be reused, so "ours" means: still running in DIR, the
# directory every service is started in (postgres moves into its data dir itself).
running_pid() { # SERVICE DIR
  local pid
  pid=$(cat "$(pid_file "$1")" 2>/dev/null) || return 1
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  [[ -d $2 && $(readlink "/proc/$pid/cwd" 2>/dev/null) == "$(cd "$2" && pwd -P)" ]] || return 1
  echo "$pid"
}

# SIGTERM, a bounded wait for a clean shutdown (Kafka flushes and closes its log),
# then SIGKILL so that nothing is left behind.
stop_pid() { # SERVICE PID
  local i
  kill -TERM "$2" 2>/dev/null || true
  for ((i = 0; i < 60; i++)); do
    kill -0 "$2" 2>/dev/null || return 0
    sleep 0.5
  done
  echo "$1: still running 30s after SIGTERM, sending SIGKILL"
  kill -KILL "$2" 2>/dev/null || true
  for ((i = 0; i < 20; i++)); do
    kill -0 "$2" 2>/dev/null || return 0
    sleep 0.25
  done
}

# Fails the start of SERVICE with the tail of its log, and stops what was started so
# that a failed up leaves no half-started process.
fail_start() { # SERVICE MESSAGE
  local log="$LOGS/$1.log" pid
  echo "error: $1 $2. Last 40 lines of $log:" >&2
  tail -n 40 "$log" 2>/dev/null | sed 's/^/  | /' >&2
  if pid=$(running_pid "$1" "$LOCAL/${1/mongod/mongo}"); then
    stop_pid "$1" "$pid"
  fi
  rm -f "$(pid_file "$1")"
  exit 1
}

# Polls CHECK... every 0.2s until it succeeds; fails SERVICE if PID exits or
# READY_TIMEOUT passes first.
wait_ready() { # SERVICE PID CHECK...
  local service=$1 pid=$2 deadline=$((SECONDS + READY_TIMEOUT))
  shift 2
  until "$@" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || fail_start "$service" "exited while starting"
    ((SECONDS < deadline)) || fail_start "$service" "was not ready within ${READY_TIMEOUT}s"
    sleep 0.2
  done
}

# Starts a long-running service in the background, in DIR, with its output appended
# to its log, and records its pid. setsid: a Ctrl-C or a closed terminal in the
# shell that ran up must not take the service down with it.
launch() { # SERVICE DIR COMMAND...
  local service=$1 dir=$2 log="$LOGS/$1.log"
  shift 2
  echo "=== $(date -Is) starting: $*" >>"$log"
  # 9>&-: the service must not inherit (and so hold forever) up's lock on fd 9.
  (cd "$dir" && exec setsid "$@" </dev/null >>"$log" 2>&1 9>&-) &
  echo $! >"$(pid_file "$service")"
}

# PostgreSQL refuses to run as root: as root, run its tools as the postgres user.
is_root() { [[ $(id -u) == 0 ]]; }
as_pg() {
  if is_root; then
    # cd /: pg_ctl fails when it cannot read the current directory (e.g. /root).
    (cd / && runuser -u postgres -- "$@" 9>&-)
  else
    "$@" 9>&- # pg_ctl start: the postmaster must not inherit up's lock
  fi
}

# Newest Debian PostgreSQL server binaries, e.g. /usr/lib/postgresql/15/bin.
pg_bin() {
  local d
  d=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin 2>/dev/null | sort -V | tail -n 1)
  [[ -n $d && -x $d/pg_ctl && -x $d/initdb ]] && echo "$d"
}
