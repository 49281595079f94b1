#!/usr/bin/env bash
# `make bench`, second part: `bantin serve --site` (release build) under wrk on loopback, 2
# threads on this 2-core machine (wrk and the server share the cores): requests per second for
# an article page (gzip, as browsers ask) and for the counting API (POST /api/views, a new
# visitor each request, so every acknowledged report is a view), with SQLite and, when it can be
# started (Tests/Site/postgres.sh, as root or with sudo), PostgreSQL. After each API run the
# article's count in the database must equal the views wrk saw acknowledged (2xx): the exit
# status is 1 when it does not. A benchmark, not a test: nothing here fails on speed.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${SECONDS_EACH:-10}
connections=${CONNECTIONS:-32}
work=$(mktemp -d /tmp/bantin-site-bench.XXXXXX)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
bantin=${BANTIN:-$PWD/.build/release/bantin}
"$bantin" build --out "$work/out" > /dev/null
page=$(cd "$work/out/web" && ls -d 2025-q1/*/ | head -1)

# Starts the server with the given store arguments; sets $server and $port.
start() {
  : > "$work/serve.log"
  "$bantin" serve --site --port 0 --out "$work/out" "$@" > "$work/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 300); do
    port=$(sed -n 's/^serving the site http:\/\/127\.0\.0\.1:\([0-9]*\)\/.*/\1/p' "$work/serve.log")
    [ -n "$port" ] && return 0
    kill -0 "$server" 2>/dev/null || break
    sleep 0.1
  done
  cat "$work/serve.log" >&2
  exit 1
}

stop() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }

rps() { awk '/^Requests\/sec:/ { print $2 }' "$1"; }

# The article's views as the server reads them from its store (asked as a bot: not counted).
views() {
  curl -s -A 'Googlebot/2.1' -H 'Content-Type: application/json' --data-binary "{\"page\":\"$page\"}" \
    "http://127.0.0.1:$port/api/views" | sed -n 's/.*"views":\([0-9]*\).*/\1/p'
}

status=0
echo "site: wrk -t2 -c$connections -d${seconds}s on 127.0.0.1, $(nproc) cores; article page /$page"
printf '%-11s | %-22s | %-22s | %s\n' store "article page (req/s)" "view API (req/s)" "views in the database = acknowledged"
run_store() {
  local name=$1; shift
  start "$@"
  wrk -t2 -c"$connections" -d"${seconds}s" -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port/$page" > "$work/page.txt"
  PAGE=$page wrk -t2 -c"$connections" -d"${seconds}s" -s Tests/Bench/views.lua "http://127.0.0.1:$port/" > "$work/api.txt"
  local acks refused stored
  acks=$(awk '/^acks / { print $2 }' "$work/api.txt")
  refused=$(awk '/^refused / { print $2 }' "$work/api.txt")
  # What the store holds, read after a restart (so from disk, not from anything in memory).
  stop
  start "$@"
  stored=$(views)
  stop
  local verdict="yes ($stored = $acks)"
  if [ "$stored" != "$acks" ]; then verdict="NO: $stored in the database, $acks acknowledged"; status=1; fi
  [ "$refused" = 0 ] || verdict="$verdict; $refused answers were not 2xx"
  printf '%-11s | %22s | %22s | %s\n' "$name" "$(rps "$work/page.txt")" "$(rps "$work/api.txt")" "$verdict"
  grep -E 'Socket errors|Non-2xx' "$work/page.txt" "$work/api.txt" || true
}

run_store SQLite --data "$work/data"
if url=$(Tests/Site/postgres.sh bantin_bench 2>/dev/null); then
  psql "$url" -q -c 'DROP TABLE IF EXISTS page_views, site_visits' > /dev/null
  run_store PostgreSQL --database "$url"
else
  echo "PostgreSQL: not available here (Tests/Site/postgres.sh could not start it); skipped"
fi
exit $status
