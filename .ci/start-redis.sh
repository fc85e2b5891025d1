#!/usr/bin/env bash
# Start one throwaway redis-server on loopback for the tests (no persistence), or reuse the one
# already answering on the port; prints its URL. Idempotent: run it as often as you like.
#   REDIS_TEST_PORT=6390 .ci/start-redis.sh  →  redis://127.0.0.1:6390
set -euo pipefail
port="${REDIS_TEST_PORT:-6390}"
dir="${TMPDIR:-/tmp}/gongyou-redis-$port"
if ! command -v redis-server >/dev/null 2>&1; then
  echo "redis-server is not installed (Debian: apt-get install redis-server)" >&2
  exit 1
fi
if ! redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1; then
  mkdir -p "$dir"
  # CI runs as root; the server need not: as root it runs as nobody (it only writes its log).
  as_user=()
  if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1 && command -v runuser >/dev/null 2>&1; then
    chown nobody "$dir"
    as_user=(runuser -u nobody --)
  fi
  "${as_user[@]}" redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --daemonize yes \
    --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >/dev/null
  for _ in $(seq 1 50); do
    redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1 || { echo "redis-server did not start; see $dir/redis.log" >&2; exit 1; }
fi
echo "redis://127.0.0.1:$port"
