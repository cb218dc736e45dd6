#!/usr/bin/env bash
# A million sessions: loads Redis (compose's settings) with USERS x SESSIONS sessions in the production format
# (bench/scale-data.py, pipelined), proves the format by opening a generated session through the site, then
# measures Redis memory per session and in all, signed-in /profile against the same page with an almost empty
# Redis, /sessions for users with 1... 1,000 sessions, "sign out all other sessions" for users with 1... 1,000
# sessions, and the index cleanup when half of a user's 1,000 sessions have expired. Numbers to read, not a test.
#
#   bash bench/scale.sh                      # 100,000 users x 10 sessions
#   USERS=10000 SESSIONS=10 bash bench/scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."

USERS=${USERS:-100000}
SESSIONS=${SESSIONS:-10}
DURATION=${DURATION:-10}
SITE_PORT=${SITE_PORT:-5109}
TIMED=${TIMED:-20} # users per row of the one-request timings (sign out others, index cleanup)
source bench/lib.sh

need_tools redis-server wrk curl python3
mkdir -p "$OUT"
publish_site
start_redis "${REDIS_PORT:-6400}"
start_app "$OUT/site" SessionSite.dll "$SITE_PORT"
site="http://127.0.0.1:$SITE_PORT"

wrk_line() { # wrk_line COOKIE PATH: rps p50 p99 non2xx
    local output
    output=$(wrk -t1 -c16 -d"${DURATION}s" --latency -H "Cookie: $1" "$site$2")
    echo "$(awk '/^Requests\/sec/ { print $2 }' <<<"$output") $(awk '$1 == "50%" { print $2 }' <<<"$output") $(awk '$1 == "99%" { print $2 }' <<<"$output") $(awk '/Non-2xx/ { print $NF }' <<<"$output")"
}
used() { rcli info memory | awk -F: '/^used_memory:/ { print $2 + 0 }'; }

# The near-empty case: one generated user.
python3 bench/scale-data.py 1 1 2>"$OUT/scale-small.txt" | rcli --pipe >/dev/null
small=$(awk '$1 == "sample" { print $2 }' "$OUT/scale-small.txt")
warm -t1 -c16 -H "Cookie: sessionsite=$small" "$site/profile"
read -r e_rps e_p50 e_p99 e_bad <<<"$(wrk_line "sessionsite=$small" /profile)"
before=$(used)

started=$SECONDS
python3 bench/scale-data.py "$USERS" "$SESSIONS" 2>"$OUT/scale-cookies.txt" | rcli --pipe >/dev/null
load_seconds=$((SECONDS - started))
after=$(used)
sample=$(awk '$1 == "sample" { print $2 }' "$OUT/scale-cookies.txt")
heavy100=$(awk '$1 == "heavy100" { print $2 }' "$OUT/scale-cookies.txt")
heavy1000=$(awk '$1 == "heavy1000" { print $2 }' "$OUT/scale-cookies.txt")
proof=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: sessionsite=$sample" "$site/profile")
user_id=${sample%%.*}
one_key=$(rcli --scan --pattern "{user:$user_id}:s:*" | head -n 1)
entry=$(rcli memory usage "$one_key")
index=$(rcli memory usage "{user:$user_id}:sessions")
account=$(rcli memory usage "{user:$user_id}:account")
total=$((USERS * SESSIONS + 1100))

wrk -t1 -c16 -d3s -H "Cookie: sessionsite=$sample" "$site/profile" >/dev/null
read -r l_rps l_p50 l_p99 l_bad <<<"$(wrk_line "sessionsite=$sample" /profile)"

echo "## A million sessions, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "$USERS users x $SESSIONS sessions (+ users of 100 and 1,000), loaded in ${load_seconds}s; Redis $(redis-server --version | awk '{ print $3 }' | cut -d= -f2) with hash-max-listpack-value 1024. Format proved: a generated session opens /profile with HTTP $proof."
echo
echo "| measure | value | target |"
echo "| --- | ---: | --- |"
echo "| one session entry (MEMORY USAGE) | $entry B | <= 400 B: $([ "$entry" -le 400 ] && echo met || echo 'not met') |"
echo "| one index of $SESSIONS members / one account hash | $index B / $account B | |"
awk -v b="$before" -v a="$after" -v n="$total" 'BEGIN { printf "| all of it (used_memory growth), per session | %.0f MB, %.0f B | <= 460 MB for the million: %s |\n", (a - b) / 1e6, (a - b) / n, ((a - b) / 1e6 <= 460 ? "met" : "not met") }'
awk -v e="$e_rps" -v l="$l_rps" 'BEGIN { printf "| signed-in /profile req/s, near-empty vs loaded | %s vs %s (%.1f%%) | within 5%%: %s |\n", e, l, (l - e) / e * 100, ((l - e) / e * 100 >= -5 ? "met" : "not met") }'
echo "| signed-in /profile p50 / p99, near-empty vs loaded | $e_p50 / $e_p99 vs $l_p50 / $l_p99 | |"
for pair in "1 sessionsite=$small" "$SESSIONS sessionsite=$sample" "100 sessionsite=$heavy100" "1000 sessionsite=$heavy1000"; do
    read -r n cookie <<<"$pair"
    read -r rps p50 p99 bad <<<"$(wrk_line "$cookie" /sessions)"
    target=""
    [ "$n" = 100 ] && target="p99 <= 50 ms: $(awk -v p="$p99" 'BEGIN { v = p + 0; if (p ~ /us$/) v /= 1000; else if (p ~ /[^m]s$/) v *= 1000; print (v <= 50 ? "met" : "not met") }')"
    echo "| /sessions for a user with $n sessions: req/s, p50, p99 | $rps, $p50, $p99 | $target |"
done

# One-request timings: each of these ends or prunes sessions, so every sample is a fresh generated user.
: >"$OUT/scale-codes.txt"
python3 bench/scale-data.py --timing "$TIMED" 2>"$OUT/scale-timing.txt" | rcli --pipe >/dev/null
jar_for() { # jar_for COOKIE: a cookie jar holding just that session, so antiforgery cookies can join it
    local jar="$OUT/scale-jar"
    printf '127.0.0.1\tFALSE\t/\tFALSE\t0\tsessionsite\t%s\n' "$1" >"$jar"
    echo "$jar"
}
ms() { awk '{ printf "%.1f\n", $2 * 1000; print $1 >> "'"$OUT/scale-codes.txt"'" }'; } # "code seconds" -> ms
p50_max() { sort -n | awk '{ v[NR] = $1 } END { printf "%s / %s ms", v[int((NR + 1) / 2)], v[NR] }'; }
left() { rcli zcard "{user:${1%%.*}}:sessions"; }
for n in 1 100 1000; do
    times=() remaining=()
    for cookie in $(awk -v l="others$n" '$1 == l { print $2 }' "$OUT/scale-timing.txt"); do
        jar=$(jar_for "$cookie")
        token=$(form_token "$jar" "$site/sessions/revoke-others")
        times+=("$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" "$site/sessions/revoke-others" | ms)")
        remaining+=("$(left "$cookie")")
    done
    echo "| sign out all other sessions, a user with $n sessions: p50 / max of $TIMED (sessions left: $(printf '%s\n' "${remaining[@]}" | sort -u | paste -sd,)) | $(printf '%s\n' "${times[@]}" | p50_max) | |"
done
first=() second=() remaining=()
for cookie in $(awk '$1 == "halfgone1000" { print $2 }' "$OUT/scale-timing.txt"); do
    first+=("$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Cookie: sessionsite=$cookie" "$site/sessions" | ms)")
    remaining+=("$(left "$cookie")")
    second+=("$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Cookie: sessionsite=$cookie" "$site/sessions" | ms)")
done
echo "| index cleanup: first /sessions after 500 of 1,000 expired, p50 / max of $TIMED (index left: $(printf '%s\n' "${remaining[@]}" | sort -u | paste -sd,)) | $(printf '%s\n' "${first[@]}" | p50_max) | |"
echo "| the same page again, nothing left to clean | $(printf '%s\n' "${second[@]}" | p50_max) | |"
echo
echo "HTTP answers of those one-request timings: $(sort "$OUT/scale-codes.txt" | uniq -c | awk '{ printf "%s%s x %s", sep, $2, $1; sep = ", " }') (302 = signed out others, 200 = the page)."
