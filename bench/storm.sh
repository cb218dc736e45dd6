#!/usr/bin/env bash
# Sign-in storms: N concurrent sign-in loops (right and wrong passwords mixed, PBKDF2 at the production 210,000
# iterations) while wrk drives a signed-in /profile. Prints the signed-in page's rps, p50 and p99 with no storm
# and under each storm, the sign-ins completed per second, the "busy" (503) answers and every other 5xx, and
# whether the site logged a Redis timeout. Then passkey sign-in latency (bench/PasskeyBench: an ES256 key signing
# each assertion, no PBKDF2 on its path) calm and during a PASSKEY_STORM-way password storm. Numbers to read, not a test.
#
#   bash bench/storm.sh
#   STORMS="8 32 128" DURATION=10 bash bench/storm.sh
set -euo pipefail
cd "$(dirname "$0")/.."

STORMS=${STORMS:-"8 32 128"}
DURATION=${DURATION:-10}
SITE_PORT=${SITE_PORT:-5105}
PASSKEY_STORM=${PASSKEY_STORM:-128}
source bench/lib.sh

need_tools redis-server wrk curl
mkdir -p "$OUT"
publish_site
dotnet build bench/PasskeyBench -c Release -o "$OUT/passkeybench" --nologo -v quiet >/dev/null
start_redis "${REDIS_PORT:-6396}"
# Production hashing cost and bounds; throttles raised so the storm measures hashing, not the throttle. Passkeys need
# a host name as RP id, so the public base URL is localhost (the bench signs for that origin); their options limit is raised.
start_app "$OUT/site" SessionSite.dll "$SITE_PORT" Throttling__IpFailureLimit=100000 Throttling__SignUpLimit=100000 \
    Logging__LogLevel__Default=Warning Site__PublicBaseUrl="http://localhost:$SITE_PORT" Passkeys__OptionsRequestLimit=1000000
site_pid=${pids[-1]}
site="http://127.0.0.1:$SITE_PORT"
log="$OUT/SessionSite.log"

jar=$(mktemp)
email="storm-$RANDOM@example.com"
password="a storm passphrase $RANDOM"
token=$(form_token "$jar" "$site/signup")
curl -s -o /dev/null -c "$jar" -b "$jar" "$site/signup" --data-urlencode "Email=$email" --data-urlencode "DisplayName=Storm" \
    --data-urlencode "Password=$password" --data-urlencode "ConfirmPassword=$password" --data-urlencode "__RequestVerificationToken=$token"
signed_in="sessionsite=$(awk '$6 == "sessionsite" { print $7 }' "$jar"); sessionsite-antiforgery=$(awk '$6 == "sessionsite-antiforgery" { print $7 }' "$jar")"

storm_jar=$(mktemp)
export STORM_TOKEN STORM_COOKIE STORM_EMAIL="$email" STORM_PASSWORD="$password"
STORM_TOKEN=$(form_token "$storm_jar" "$site/signin" | sed 's/+/%2B/g; s/\//%2F/g; s/=/%3D/g')
STORM_COOKIE="sessionsite-antiforgery=$(awk '$6 == "sessionsite-antiforgery" { print $7 }' "$storm_jar")"

profile() { # prints rps p50 p99 non2xx for DURATION seconds of signed-in /profile at 16 connections
    local output
    output=$(wrk -t1 -c16 -d"${DURATION}s" --latency -H "Cookie: $signed_in" "$site/profile")
    echo "$(awk '/^Requests\/sec/ { print $2 }' <<<"$output") $(awk '$1 == "50%" { print $2 }' <<<"$output") $(awk '$1 == "99%" { print $2 }' <<<"$output") $(awk '/Non-2xx/ { print $NF }' <<<"$output")"
}

warm -t1 -c16 -H "Cookie: $signed_in" "$site/profile"
timeouts_before=$(grep -c "RedisTimeoutException" "$log" || true)

echo "## Sign-in storms, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); site, Redis and both wrk processes share it. PBKDF2 210,000 iterations; PasswordHashing:MaxConcurrent default (cores - 1), QueueLimit 16. ${DURATION}s per row; signed-in /profile at 16 connections."
echo
echo "| storm (concurrent sign-ins) | /profile req/s | p50 | p99 | /profile non-2xx | sign-ins completed /s | right / wrong answered | busy (503) | throttled (429) | other |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
read -r rps p50 p99 bad <<<"$(profile)"
echo "| none | $rps | $p50 | $p99 | ${bad:-0} | | | | | |"
for n in $STORMS; do
    storm_out=$(mktemp)
    wrk -t2 -c"$n" -d"$((DURATION + 4))s" --timeout 10s -s bench/signin-storm.lua "$site" >"$storm_out" 2>&1 &
    storm_pid=$!
    sleep 2
    read -r rps p50 p99 bad <<<"$(profile)"
    wait "$storm_pid"
    counts=$(grep '^STORM' "$storm_out")
    right=$(sed -n 's/.*signed-in=\([0-9]*\).*/\1/p' <<<"$counts")
    wrong=$(sed -n 's/.* wrong=\([0-9]*\).*/\1/p' <<<"$counts")
    busy=$(sed -n 's/.* busy=\([0-9]*\).*/\1/p' <<<"$counts")
    other=$(sed -n 's/.* other=\([0-9]*\).*/\1/p' <<<"$counts")
    throttled=$(sed -n 's/.* throttled=\([0-9]*\).*/\1/p' <<<"$counts")
    per_second=$(awk -v r="$right" -v w="$wrong" -v d="$((DURATION + 4))" 'BEGIN { printf "%.1f", (r + w) / d }')
    echo "| $n | $rps | $p50 | $p99 | ${bad:-0} | $per_second | $right / $wrong | $busy | $throttled | $other |"
done
echo
timeouts=$(( $(grep -c "RedisTimeoutException" "$log" || true) - timeouts_before ))
echo "Redis timeouts logged by the site during the storms: $timeouts"
# Hashes run at nice 10 on their own threads; no other thread of the site may have inherited that.
lowered=$(for t in /proc/"$site_pid"/task/*; do
    nice=$(sed 's/.*) //' "$t/stat" | awk '{ print $17 }')
    if [ "$nice" != 0 ]; then echo "$(cat "$t/comm") (nice $nice)"; fi
done | sort | uniq -c | awk '{ $1 = $1 " x"; print }' | paste -sd, -)
echo "Site threads below normal priority after the storms: ${lowered:-none}"

# Passkey sign-ins, one at a time, 5 s of warm-up then DURATION seconds measured (options + assertion, ms).
passkey() {
    dotnet "$OUT/passkeybench/PasskeyBench.dll" "$site" "http://localhost:$SITE_PORT" "$DURATION" 5 "$passkey_file" |
        sed -n 's/^PASSKEY count=\([0-9]*\) p50=\([0-9.]*\) p99=\([0-9.]*\) failed=\([0-9]*\)$/\1 \2 \3 \4/p'
}
passkey_file=$(mktemp -u)
echo
echo "| passkey sign-ins (one at a time) | completed | p50 | p99 | refused or failed |"
echo "| --- | ---: | ---: | ---: | ---: |"
read -r count p50 p99 failed <<<"$(passkey)"
echo "| calm | $count | $p50 ms | $p99 ms | $failed |"
storm_out=$(mktemp)
wrk -t2 -c"$PASSKEY_STORM" -d"$((DURATION + 9))s" --timeout 10s -s bench/signin-storm.lua "$site" >"$storm_out" 2>&1 &
storm_pid=$!
sleep 2
read -r count p50 p99 failed <<<"$(passkey)"
wait "$storm_pid"
echo "| during a $PASSKEY_STORM-way password storm | $count | $p50 ms | $p99 ms | $failed |"
