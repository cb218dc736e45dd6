#!/usr/bin/env bash
# Does the forgotten-password answer take longer for a registered address than for an unknown one?
# Alternates ROUNDS requests for each (default 40) against the Release build and prints the median and the
# 90th percentile of each. Numbers to read, not a test.
#
#   bash bench/forgot.sh
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-40}
SITE_PORT=${SITE_PORT:-5104}
source bench/lib.sh

need_tools redis-server curl
mkdir -p "$OUT"
publish_site
start_redis "${REDIS_PORT:-6395}"
start_app "$OUT/site" SessionSite.dll "$SITE_PORT" Throttling__LinkRequestsPerAddress=1000 Throttling__LinkRequestsPerIp=100000 \
    Throttling__SignUpLimit=100000 Mail__PickupDirectory="$PWD/$OUT/mail"
site="http://127.0.0.1:$SITE_PORT"

jar=$(mktemp)
known="bench-known-$RANDOM@example.com"
token=$(form_token "$jar" "$site/signup")
curl -s -o /dev/null -c "$jar" -b "$jar" "$site/signup" --data-urlencode "Email=$known" --data-urlencode "DisplayName=Bench" \
    --data-urlencode "Password=a bench passphrase" --data-urlencode "ConfirmPassword=a bench passphrase" --data-urlencode "__RequestVerificationToken=$token"

token=$(form_token "$jar" "$site/password/forgot")
ask() { # ask EMAIL: prints the seconds the POST took
    curl -s -o /dev/null -w '%{time_total}\n' -c "$jar" -b "$jar" "$site/password/forgot" \
        --data-urlencode "Email=$1" --data-urlencode "__RequestVerificationToken=$token"
}
for _ in 1 2 3 4 5; do ask "$known" >/dev/null; ask "warmup-$RANDOM@example.com" >/dev/null; done

: >"$OUT/forgot-known.txt"
: >"$OUT/forgot-unknown.txt"
for _ in $(seq "$ROUNDS"); do
    ask "$known" >>"$OUT/forgot-known.txt"
    ask "nobody-$RANDOM$RANDOM@example.com" >>"$OUT/forgot-unknown.txt"
done

stats() { sort -n "$1" | awk '{ v[NR] = $1 * 1000 } END { printf "median %.2f ms, p90 %.2f ms (n=%d)", v[int((NR + 1) / 2)], v[int(NR * 0.9)], NR }'; }
echo "forgot-password answer, registered address: $(stats "$OUT/forgot-known.txt")"
echo "forgot-password answer, unknown address:    $(stats "$OUT/forgot-unknown.txt")"
