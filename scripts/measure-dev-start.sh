#!/usr/bin/env bash
# Times `npm run dev` from launch to the first page served (HTTP 200 on /), then stops it with
# Ctrl-C (SIGINT to the process group) and reports whether Next and PostgreSQL stopped.
# Cold start: rm -rf .data first. Usage: scripts/measure-dev-start.sh [port]
set -u
cd "$(dirname "$0")/.."
port=${1:-3210}
start=$(date +%s.%N)
setsid bash -c "PORT=$port exec npm run dev" > /tmp/paperdeck-dev.log 2>&1 &
pid=$!
until curl -s -o /dev/null -w "%{http_code}" "http://localhost:$port/" 2>/dev/null | grep -q 200; do sleep 0.2; done
end=$(date +%s.%N)
echo "first page after $(echo "$end - $start" | bc) s"
kill -INT -- -"$pid"; sleep 8
pgrep -f "next dev" >/dev/null && echo "next still running" || echo "next stopped"
pgrep -f "postgres -D $(pwd)/.data" >/dev/null && echo "postgres still running" || echo "postgres stopped"
