#!/usr/bin/env bash
# What telemetry costs: signed-in /profile requests/s with Telemetry:Enabled on and off, two instances of the
# Release site on one private Redis, measured in interleaved rounds (single runs here move 10-20 %), compared as
# medians; Redis commands per request with telemetry on; and how long a scrape of /metrics takes. Prints numbers,
# asserts none.
#
#   bash bench/telemetry.sh                 # 5 rounds of 10 s at 64 connections
#   ROUNDS=7 DURATION=15 bash bench/telemetry.sh
#   TRACES=true bash bench/telemetry.sh     # with spans recorded too
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-64}
ON_PORT=${ON_PORT:-5111}
OFF_PORT=${OFF_PORT:-5112}
source bench/lib.sh

need_tools redis-server wrk
mkdir -p "$OUT"
publish_site
start_redis "${REDIS_PORT:-6393}"
limits=(Throttling__SignUpLimit=100000 Throttling__IpFailureLimit=100000)
# TRACES=true also records spans on the "on" instance (by default they are recorded only with an OTLP endpoint).
start_app "$OUT/site" SessionSite.dll "$ON_PORT" "${limits[@]}" Telemetry__Enabled=true ${TRACES:+Telemetry__Traces=$TRACES}
start_app "$OUT/site" SessionSite.dll "$OFF_PORT" "${limits[@]}" Telemetry__Enabled=false

# signed_in PORT -> the Cookie header of a user signed up through the real form on that instance.
signed_in() {
    local jar email password token
    jar=$(mktemp)
    email="bench-$RANDOM$RANDOM@example.com"
    password="bench password $RANDOM$RANDOM"
    token=$(form_token "$jar" "http://127.0.0.1:$1/signup")
    curl -s -o /dev/null -c "$jar" -b "$jar" "http://127.0.0.1:$1/signup" \
        --data-urlencode "Email=$email" --data-urlencode "DisplayName=Bench User" \
        --data-urlencode "Password=$password" --data-urlencode "ConfirmPassword=$password" \
        --data-urlencode "__RequestVerificationToken=$token"
    echo "sessionsite=$(awk '$6 == "sessionsite" { print $7 }' "$jar"); sessionsite-antiforgery=$(awk '$6 == "sessionsite-antiforgery" { print $7 }' "$jar")"
}
on_cookie=$(signed_in "$ON_PORT")
off_cookie=$(signed_in "$OFF_PORT")

warm -t2 -c"$CONNECTIONS" -H "Cookie: $on_cookie" "http://127.0.0.1:$ON_PORT/profile"
warm -t2 -c"$CONNECTIONS" -H "Cookie: $off_cookie" "http://127.0.0.1:$OFF_PORT/profile"

rps() { wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -H "Cookie: $2" "http://127.0.0.1:$1/profile" | awk '/^Requests\/sec/ { printf "%.0f", $2 }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

on=(); off=()
echo "| round | telemetry on (req/s) | telemetry off (req/s) |"
echo "| --- | --- | --- |"
for round in $(seq "$ROUNDS"); do
    # Alternate which goes first, so neither always meets a warmer or a busier machine.
    if ((round % 2)); then a=$(rps "$ON_PORT" "$on_cookie"); b=$(rps "$OFF_PORT" "$off_cookie"); else b=$(rps "$OFF_PORT" "$off_cookie"); a=$(rps "$ON_PORT" "$on_cookie"); fi
    on+=("$a"); off+=("$b")
    echo "| $round | $a | $b |"
done
on_median=$(printf '%s\n' "${on[@]}" | median)
off_median=$(printf '%s\n' "${off[@]}" | median)

commands() { rcli info commandstats | awk -F'[:=,]' '/^cmdstat_/ && $1 !~ /cmdstat_(info|ping|client|cluster|config|xpending|xreadgroup|xlen|xrange)/ { n += $3 } END { print n + 0 }'; }
before=$(commands)
for _ in $(seq 200); do curl -s -o /dev/null -H "Cookie: $on_cookie" "http://127.0.0.1:$ON_PORT/profile"; done
per_request=$(awk -v c=$(($(commands) - before)) 'BEGIN { printf "%.3f", c / 200 }')

scrapes=$(for _ in $(seq 21); do curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$ON_PORT/metrics"; done | median)

echo
echo "| measure | value |"
echo "| --- | --- |"
echo "| median req/s, telemetry on | $on_median |"
echo "| median req/s, telemetry off | $off_median |"
echo "| on / off | $(awk -v a="$on_median" -v b="$off_median" 'BEGIN { printf "%.3f", a / b }') |"
echo "| Redis commands per signed-in request, telemetry on | $per_request |"
echo "| median scrape of /metrics (21 scrapes) | $(awk -v s="$scrapes" 'BEGIN { printf "%.1f ms", s * 1000 }') |"
