#!/usr/bin/env bash
# Start (or find already running) a throwaway PostgreSQL for the tests and the bench, and print
# its DATABASE_URL on stdout (everything else goes to stderr). Idempotent: a second call finds
# the server the first one started. Data under /tmp, listening on loopback only, run as the
# unprivileged `postgres` user (the server refuses to run as root), trust auth: CI use only.
set -euo pipefail

PORT="${GONGYOU_PG_PORT:-55432}"
DATA="${GONGYOU_PG_DATA:-/tmp/gongyou-pg/data}"
SOCKETS="$(dirname "$DATA")/sockets"
RUN_AS="${GONGYOU_PG_USER:-postgres}"
URL="postgresql://gongyou@127.0.0.1:${PORT}/gongyou"

bin_dir() {
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

BIN="$(bin_dir || true)"
if [ -z "$BIN" ]; then
  echo "installing PostgreSQL from Debian packages" >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  BIN="$(bin_dir)"
fi

if ! id "$RUN_AS" >/dev/null 2>&1; then useradd --system --no-create-home "$RUN_AS"; fi
as_user() { if [ "$(id -u)" = 0 ]; then su "$RUN_AS" -s /bin/sh -c "$*"; else sh -c "$*"; fi; }

if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  echo "$URL"
  exit 0
fi

mkdir -p "$DATA" "$SOCKETS"
chown -R "$RUN_AS" "$(dirname "$DATA")"
if [ ! -f "$DATA/PG_VERSION" ]; then
  as_user "'$BIN/initdb' -D '$DATA' -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8" >&2
fi
as_user "'$BIN/pg_ctl' -D '$DATA' -l '$(dirname "$DATA")/server.log' -w -t 30 start \
  -o \"-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories=$SOCKETS -c max_connections=200 -c fsync=on\"" >&2

psql() { "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
# The tests make a database each, so the role may create databases.
if [ "$(psql -c "SELECT 1 FROM pg_roles WHERE rolname = 'gongyou'")" != 1 ]; then
  psql -c "CREATE ROLE gongyou LOGIN CREATEDB" >&2
fi
# The tests drop their databases WITH (FORCE), which must also end a background process (an
# autovacuum worker on the fresh database) that belongs to no login role: pg_signal_backend lets it.
psql -c "GRANT pg_signal_backend TO gongyou" >&2
if [ "$(psql -c "SELECT 1 FROM pg_database WHERE datname = 'gongyou'")" != 1 ]; then
  psql -c "CREATE DATABASE gongyou OWNER gongyou" >&2
fi
echo "$URL"
