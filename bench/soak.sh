#!/usr/bin/env bash
# Bounded soak: many simulated users sign up, browse, open a second session, revoke it and sign out against
# the Release build, for SOAK_SECONDS (default 60). Reports requests, responses by status, and site memory.
#
#   bash bench/soak.sh
#   SOAK_SECONDS=300 WORKERS=16 bash bench/soak.sh
set -euo pipefail
cd "$(dirname "$0")/.."

SOAK_SECONDS=${SOAK_SECONDS:-60}
WORKERS=${WORKERS:-8}
SITE_PORT=${SITE_PORT:-5103}
source bench/lib.sh

need_tools redis-server
mkdir -p "$OUT"
publish_site
start_redis "${REDIS_PORT:-6394}"
start_app "$OUT/site" SessionSite.dll "$SITE_PORT" Throttling__SignUpLimit=100000 Throttling__IpFailureLimit=100000 \
    PasswordHashing__IterationCount=10000
site_pid=${pids[-1]}
site="http://127.0.0.1:$SITE_PORT"
rss() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$site_pid/status"; }

# hit LOG JAR [curl args...]: one request, its status appended to LOG.
hit() {
    local log=$1 jar=$2
    shift 2
    curl -s -o /dev/null -w '%{http_code}\n' -c "$jar" -b "$jar" "$@" >>"$log"
}

user_story() {
    local log=$1 first second email password token handle
    first=$(mktemp)
    second=$(mktemp)
    email="soak-$RANDOM$RANDOM$RANDOM@example.com"
    password="soak password $RANDOM$RANDOM"

    token=$(form_token "$first" "$site/signup")
    hit "$log" "$first" "$site/signup" --data-urlencode "Email=$email" --data-urlencode "DisplayName=Soak" \
        --data-urlencode "Password=$password" --data-urlencode "ConfirmPassword=$password" --data-urlencode "__RequestVerificationToken=$token"
    for _ in 1 2 3 4 5; do hit "$log" "$first" "$site/profile"; hit "$log" "$first" "$site/"; done

    token=$(form_token "$second" "$site/signin")
    hit "$log" "$second" "$site/signin" --data-urlencode "Email=$email" --data-urlencode "Password=$password" \
        --data-urlencode "__RequestVerificationToken=$token"
    hit "$log" "$second" "$site/profile"

    # Revoke the second session from the first: its handle and the form's token from the sessions page.
    local page
    page=$(curl -s -c "$first" -b "$first" "$site/sessions")
    echo 200 >>"$log"
    handle=$(sed -n 's/.*action="\/sessions\/\([^"]*\)\/revoke".*/\1/p' <<<"$page" | head -n 1)
    token=$(sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' <<<"$page" | head -n 1)
    hit "$log" "$first" "$site/sessions/$handle/revoke" --data-urlencode "__RequestVerificationToken=$token"
    hit "$log" "$second" "$site/profile"

    token=$(form_token "$first" "$site/profile")
    hit "$log" "$first" "$site/signout" --data-urlencode "__RequestVerificationToken=$token"
    rm -f "$first" "$second"
}

worker() {
    local log=$1 deadline=$2
    while (($(date +%s) < deadline)); do user_story "$log"; done
}

rss_start=$(rss)
deadline=$(($(date +%s) + SOAK_SECONDS))
logs=()
for i in $(seq "$WORKERS"); do
    logs+=("$OUT/soak-$i.log")
    : >"$OUT/soak-$i.log"
    worker "$OUT/soak-$i.log" "$deadline" &
done
wait_for=()
for job in $(jobs -p); do [[ " ${pids[*]} " == *" $job "* ]] || wait_for+=("$job"); done
wait "${wait_for[@]}"
rss_end=$(rss)

total=$(cat "${logs[@]}" | wc -l)
echo "## SessionSite soak, $(date -u '+%Y-%m-%d %H:%M UTC'): ${SOAK_SECONDS}s, ${WORKERS} workers"
echo
echo "Requests: $total ($(awk -v t="$total" -v s="$SOAK_SECONDS" 'BEGIN { printf "%.0f", t / s }')/s)."
echo "Responses by status: $(cat "${logs[@]}" | sort | uniq -c | awk '{ printf "%s×%s ", $2, $1 }')"
echo "5xx responses: $(cat "${logs[@]}" | grep -c '^5' || true)"
echo "Site memory (RSS): ${rss_start} MiB at start, ${rss_end} MiB at the end."
echo "Redis keys left: $(rcli dbsize) (sessions revoked or signed out leave none; accounts stay)."
