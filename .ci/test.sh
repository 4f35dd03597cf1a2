#!/usr/bin/env bash
# The test command: runs the whole suite on a fresh Debian machine.
#   1. installs what the tests need when it is missing (xmlsec1, xmlstarlet, OpenSSH client, OpenSSL,
#      PostgreSQL server, chromium and chromium-driver);
#   2. starts a throw-away PostgreSQL on loopback (removed again on exit) for the persistence tests;
#   3. runs ./mvnw -B verify.
# Extra arguments go to Maven, e.g. `bash .ci/test.sh -Dtest=OrderRulesTest`.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[test.sh] %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root (or sudo) to run: $*"; exit 1; fi
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

install_missing() {
  local need=()
  command -v java >/dev/null || need+=(openjdk-17-jdk-headless)
  command -v xmlsec1 >/dev/null || need+=(xmlsec1)
  command -v xmlstarlet >/dev/null || need+=(xmlstarlet)
  command -v openssl >/dev/null || need+=(openssl)
  command -v sftp >/dev/null || need+=(openssh-client)
  [ -f /usr/lib/softhsm/libsofthsm2.so ] || need+=(softhsm2)
  command -v chromium >/dev/null || need+=(chromium)             # web console browser tests
  command -v chromedriver >/dev/null || need+=(chromium-driver)
  [ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] || need+=(postgresql)
  if [ ${#need[@]} -gt 0 ]; then
    log "installing: ${need[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( (RANDOM % 20000) + 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  log "no free port found"; exit 1
}

PG_DIR=""
PG_USER_RUN=()
stop_postgres() {
  if [ -n "$PG_DIR" ] && [ -f "$PG_DIR/data/postmaster.pid" ]; then
    "${PG_USER_RUN[@]}" "$(pg_bin)/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  [ -n "$PG_DIR" ] && rm -rf "$PG_DIR"
}

start_postgres() {
  local bin port password
  bin=$(pg_bin)
  PG_DIR=$(mktemp -d /tmp/gateway-pg.XXXXXX)
  if [ "$(id -u)" -eq 0 ]; then
    # PostgreSQL refuses to run as root: run it as the postgres user the package creates.
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$PG_DIR"
    PG_USER_RUN=(runuser -u postgres --)
  else
    PG_USER_RUN=(env)
  fi
  password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  printf '%s\n' "$password" > "$PG_DIR/pwfile"
  [ "$(id -u)" -eq 0 ] && chown postgres "$PG_DIR/pwfile"
  "${PG_USER_RUN[@]}" "$bin/initdb" -D "$PG_DIR/data" -A scram-sha-256 --pwfile="$PG_DIR/pwfile" -U postgres \
    -E UTF8 --locale=C.UTF-8 >/dev/null
  # A port that looked free can be taken a moment later (other test runs on this machine): try a few.
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    if "${PG_USER_RUN[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/pg.log" \
        -o "-p $port -c listen_addresses=127.0.0.1 -k $PG_DIR -c fsync=off -c shared_buffers=16MB" -w start >/dev/null; then
      break
    fi
    log "PostgreSQL did not start on port $port (attempt $attempt): $(tail -n 3 "$PG_DIR/pg.log" | tr '\n' ' ')"
    [ "$attempt" -eq 5 ] && exit 1
  done
  PGPASSWORD="$password" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -q -c "create database gateway_test" postgres
  export GATEWAY_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$port/gateway_test"
  export GATEWAY_TEST_POSTGRES_USER=postgres
  export GATEWAY_TEST_POSTGRES_PASSWORD="$password"
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

install_missing
trap stop_postgres EXIT
start_postgres
./mvnw -B verify "$@"
