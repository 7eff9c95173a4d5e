#!/usr/bin/env bash
# The HTTP benchmark (issue 8): the real server, the real WAR, generated District data, load from wrk.
#
# For the small (1%) and the full District, in one run: start WildFly on the generated database, sign in,
# and measure each target with 1 user (median and p95 latency) and with 20 users (throughput, p95,
# errors); then the heap after the load, the boot-plus-deployment time (median of BENCH_BOOTS starts on
# the full data), the same server's boot without the application (its floor) and, unless BENCH_SWEEP=false,
# the escalation sweep benchmark (./mvnw -Pbench-sweep).
# Prints a table with the full/small ratios and writes it to $BENCH_OUT/results-<db>.md.
#
#   BENCH_DB            h2 (default: H2 files in $BENCH_OUT/data-<scale>) or postgresql (databases
#                       bench_small and bench_full on the local cluster, made by prepare-test-database.sh)
#   BENCH_FULL_SCALE    1.0        BENCH_SMALL_SCALE  0.01      BENCH_SEED  42
#   BENCH_REUSE         true: a database generated before with the same scale is used again
#   BENCH_SECONDS       20: each measurement; BENCH_WARM 5: unmeasured load before it
#   BENCH_WARM_ALL      5: seconds of unmeasured load (4 users) on every target, once after the server started, so
#                       that the first targets are not measured on a cold JIT while the last ones run warm
#   BENCH_BOOTS         5          BENCH_SWEEP  true           BENCH_OUT  target/bench-http
#   BENCH_PASSWORD      demo: the generated users' password (the generator's -Dgen.password)
#   BENCH_HEAP          512m: the server's -Xmx, WildFly's default
#   BENCH_GEN_HEAP      6g, BENCH_GEN_H2CACHE 4194304 (KB): the generator's heap and H2 page cache
#   BENCH_TARGETS       an extended regular expression: only the targets whose name it matches (default: all)
#   BENCH_PG_USER       smu_bench, BENCH_PG_PASSWORD smu_bench: the owner of bench_small and bench_full
# Needs Debian's wrk (installed when missing and run as root), Java 17, Maven.
set -euo pipefail
cd "$(dirname "$0")/../../.."
root=$(pwd)

db=${BENCH_DB:-h2}
full_scale=${BENCH_FULL_SCALE:-1.0}
small_scale=${BENCH_SMALL_SCALE:-0.01}
seed=${BENCH_SEED:-42}
reuse=${BENCH_REUSE:-true}
seconds=${BENCH_SECONDS:-20}
warm=${BENCH_WARM:-5}
warm_all=${BENCH_WARM_ALL:-5}
boots=${BENCH_BOOTS:-5}
sweep=${BENCH_SWEEP:-true}
password=${BENCH_PASSWORD:-demo}
heap=${BENCH_HEAP:-512m}
out=$(mkdir -p "${BENCH_OUT:-target/bench-http}" && cd "${BENCH_OUT:-target/bench-http}" && pwd)
offset=300
port=$((8080 + offset))
base="http://127.0.0.1:$port"
wildfly_version=39.0.1.Final
server_parent="$out/server"
server_home="$server_parent/wildfly-$wildfly_version"
pg_user=${BENCH_PG_USER:-smu_bench}
pg_password=${BENCH_PG_PASSWORD:-smu_bench}
results="$out/results-$db.md"
log="$out/benchmark-$db.log"
: >"$log"

say() { printf '%s\n' "$*" | tee -a "$log" >&2; }

if ! command -v wrk >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
        say "Installing wrk from Debian"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >>"$log" 2>&1 \
            || { apt-get update -qq >>"$log" 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >>"$log" 2>&1; }
    else
        echo "wrk is missing: apt-get install wrk" >&2
        exit 1
    fi
fi

say "== Building the WAR"
./mvnw -B -q package -DskipTests -DskipITs >>"$log" 2>&1

# ------------------------------------------------------------------------------------------ the data
pg_url() { echo "jdbc:postgresql://localhost:5432/bench_$1"; }
h2_dir() { echo "$out/data-$1"; }

# the generated database of one scale ("small" or "full"), made unless reused
generate() {
    local name=$1 scale=$2
    if [ "$db" = h2 ]; then
        local dir
        dir=$(h2_dir "$name")
        if [ "$reuse" = true ] && [ -f "$dir/social-media.mv.db" ] && [ -f "$dir/scale" ] && [ "$(cat "$dir/scale")" = "$scale/$seed" ]; then
            say "== Reusing the $name District ($dir)"
            return
        fi
        say "== Generating the $name District (scale $scale) into $dir"
        # the full District's index builds need a 4 GB page cache on H2 (docs/performance.md, Data at district scale)
        ./mvnw -B -q -Pgenerate-data verify -Dgen.scale="$scale" -Dgen.seed="$seed" -Dgen.dir="$dir" \
            -Dgen.replace=true -Dgen.password="$password" -Dgen.heap="${BENCH_GEN_HEAP:-6g}" \
            -Dgen.h2cache="${BENCH_GEN_H2CACHE:-4194304}" | tee -a "$log" >&2
        echo "$scale/$seed" >"$dir/scale"
    else
        local marker="$out/pg-$name.scale"
        if [ "$reuse" = true ] && [ -f "$marker" ] && [ "$(cat "$marker")" = "$scale/$seed" ]; then
            say "== Reusing the $name District (database bench_$name)"
            return
        fi
        IT_PG_DATABASE="bench_$name" IT_PG_USER=$pg_user IT_PG_PASSWORD=$pg_password \
            bash src/test/postgresql/prepare-test-database.sh >>"$log" 2>&1
        say "== Generating the $name District (scale $scale) into PostgreSQL bench_$name"
        DB_URL=$(pg_url "$name") DB_USER=$pg_user DB_PASSWORD=$pg_password \
            ./mvnw -B -q -Pgenerate-data verify -Dgen.scale="$scale" -Dgen.seed="$seed" -Dgen.password="$password" | tee -a "$log" >&2
        echo "$scale/$seed" >"$marker"
    fi
}

# one SQL answer (a single value) from the generated database, before the server holds it
sql() {
    local name=$1 query=$2
    if [ "$db" = h2 ]; then
        local h2jar
        h2jar=$(find ~/.m2/repository/com/h2database/h2 -name 'h2-*.jar' | sort | tail -n 1)
        java -cp "$h2jar" org.h2.tools.Shell -url "jdbc:h2:file:$(h2_dir "$name")/social-media;MODE=LEGACY" \
            -user sa -password "${H2_PASSWORD:-sa}" -sql "$query" | sed -n 2p | awk -F'|' '{gsub(/ /,"",$1); print $1}'
    else
        PGPASSWORD=$pg_password psql -h localhost -U $pg_user -d "bench_$name" -At -c "$query"
    fi
}

# ------------------------------------------------------------------------------------------ the server
prepare_server() {
    say "== Configuring WildFly $wildfly_version in $server_parent ($db, no demo data)"
    rm -rf "$server_parent"
    local database=--h2
    [ "$db" = postgresql ] && database=
    # the production configuration (server-config/production.scripts)
    DB_URL=$(pg_url small) DB_USER=$pg_user DB_PASSWORD=$pg_password server-config/install.sh --production $database \
        --dist target/server-libs/wildfly-dist.zip --libs "$root/target/server-libs" --deploy target/ROOT.war "$server_home" >>"$log" 2>&1
}

server_pid=
boot_ms=
# starts the server on one scale's database; boot_ms: the milliseconds until /api/health answered UP
start_server() {
    local name=$1 started
    started=$(date +%s%N)
    (
        export JBOSS_HOME="$server_home" LAUNCH_JBOSS_IN_BACKGROUND=1
        export JAVA_OPTS="-Xms64m -Xmx$heap -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m -Djava.net.preferIPv4Stack=true"
        if [ "$db" = h2 ]; then
            export DATA_DIR
            DATA_DIR=$(h2_dir "$name")
        else
            export DB_URL DB_USER=$pg_user DB_PASSWORD=$pg_password
            DB_URL=$(pg_url "$name")
        fi
        # no mail leaves a benchmark: the relay finds no server and backs off
        export MAIL_HOST=127.0.0.1 MAIL_PORT=9
        exec "$server_home/bin/standalone.sh" -b 127.0.0.1 -Djboss.socket.binding.port-offset=$offset
    ) >>"$out/server-$name.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 600); do
        if curl -sf -o /dev/null "$base/api/health"; then
            boot_ms=$((($(date +%s%N) - started) / 1000000))
            return
        fi
        kill -0 "$server_pid" 2>/dev/null || { say "the server stopped while starting: $out/server-$name.log"; exit 1; }
        sleep 0.1
    done
    say "the server did not answer /api/health in 60 s: $out/server-$name.log"
    exit 1
}

stop_server() {
    [ -n "$server_pid" ] || return 0
    local jvm
    jvm=$(jvm_pid || true)
    kill "$server_pid" 2>/dev/null || true
    # a server that ran out of heap may never finish its shutdown
    for _ in $(seq 1 600); do
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$server_pid" 2>/dev/null; then
        say "   the server did not stop within 60 s: killed"
        [ -n "$jvm" ] && kill -9 "$jvm" 2>/dev/null
        kill -9 "$server_pid" 2>/dev/null || true
    fi
    wait "$server_pid" 2>/dev/null || true
    server_pid=
}
trap stop_server EXIT

# the server's JVM (standalone.sh's child)
jvm_pid() { pgrep -f "jboss.home.dir=$server_home" | head -n 1; }

# MiB of heap in use, after a full collection when $1 = gc
heap_used() {
    local pid
    pid=$(jvm_pid)
    # a JVM that ran out of heap does not answer: say so rather than wait
    [ "${1:-}" = gc ] && { timeout 30 jcmd "$pid" GC.run >/dev/null 2>&1 || { echo "no-answer"; return; }; }
    timeout 30 jcmd "$pid" GC.heap_info 2>/dev/null | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); print int(v / 1024); exit } }'
}

# signs in through the login form as a browser without script does; the session cookie
sign_in() {
    local user=$1 jar="$out/cookies-$1" view_state
    rm -f "$jar"
    view_state=$(curl -sf -c "$jar" "$base/login.xhtml" | grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//')
    curl -sf -o /dev/null -b "$jar" -c "$jar" --data-urlencode login=login --data-urlencode "login:username=$user" \
        --data-urlencode "login:password=$password" --data-urlencode "login:signIn=Sign in" \
        --data-urlencode "jakarta.faces.ViewState=$view_state" "$base/login.xhtml"
    awk '$6 == "JSESSIONID" { print $7 }' "$jar"
}

# ------------------------------------------------------------------------------------------ the targets
# name | who (anonymous, anonymous+gzip (Accept-Encoding: gzip, as browsers and most HTTP libraries send),
# a session "user", or "basic:user" for the API) | method | path | JSON body
targets() {
    local account=$1 class=$2 today
    today=$(date -u +%Y-%m-%d)
    cat <<EOF
static resource (the floor)|anonymous|GET|/resources/css/app.css|
reviewer queue page|superintendent|GET|/review/queue.xhtml|
accounts table page, first page|superintendent|GET|/accounts/index.xhtml|
accounts table page, one issue|superintendent|GET|/accounts/index.xhtml?issue=FEWER_THAN_TWO_ADMINS|
accounts table page, site admin's reach|siteadmin|GET|/accounts/index.xhtml|
grants table page, first page|superintendent|GET|/accounts/grants.xhtml|
grants table page, expiring soon|superintendent|GET|/accounts/grants.xhtml?expiringSoon=true|
auditor's page|auditor|GET|/audit/index.xhtml|
oversight dashboard page|superintendent|GET|/oversight/dashboard.xhtml|
accounts JSON, by school descending|basic:superintendent|GET|/api/accounts?sort=unit&ascending=false|
grants JSON, by holder|basic:superintendent|GET|/api/grants?sort=holder|
audit search JSON, one person|basic:auditor|GET|/api/audit?actor=employee1|
audit search JSON, one action today|basic:auditor|GET|/api/audit?action=LOGIN&from=$today&to=$today|
consent check, class of 35|basic:siteadmin|POST|/api/consent-checks|{"accountId":$account,"items":["PHOTO","FIRST_NAME"],"classId":"$class"}
public directory JSON|anonymous|GET|/api/directory|
public directory JSON, gzip accepted|anonymous+gzip|GET|/api/directory|
report: requests, District|basic:superintendent|GET|/api/reports/requests|
report: accounts, District (a page of 100)|basic:superintendent|GET|/api/reports/accounts|
report: consent coverage, District (a page of 100)|basic:superintendent|GET|/api/reports/consent-coverage|
report: accounts, District (a page of 10)|basic:superintendent|GET|/api/reports/accounts?size=10|
report: consent coverage, District (a page of 10)|basic:superintendent|GET|/api/reports/consent-coverage?size=10|
report: takedowns, District|basic:superintendent|GET|/api/reports/takedowns|
EOF
}

# the targets measured: all, or those BENCH_TARGETS names
chosen() {
    targets "$@" | grep -E "^(${BENCH_TARGETS:-.*})" || true
}

# wrk against one target; prints "p50 p95 p99 rps requests httpErrors socketErrors"
load() {
    local connections=$1 duration=$2 who=$3 method=$4 path=$5 body=$6 header=()
    case "$who" in
        anonymous) ;;
        anonymous+gzip) header=(-H "Accept-Encoding: gzip") ;;
        basic:*) header=(-H "Authorization: Basic $(printf '%s:%s' "${who#basic:}" "$password" | base64 -w0)") ;;
        *) header=(-H "Cookie: JSESSIONID=${sessions[$who]}") ;;
    esac
    local threads=$((connections < 2 ? 1 : 2))
    BENCH_METHOD=$method BENCH_BODY=$body wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 10s \
        -s src/bench/scripts/wrk-report.lua "${header[@]}" "$base$path" | tee -a "$log" | awk '/^RESULT/ { $1 = ""; print }'
}

# the first answer must be the page or JSON itself, not a login page or an error
check_target() {
    local who=$1 method=$2 path=$3 body=$4 args=(-s -o "$out/check.body" -w '%{http_code}' -X "$method")
    case "$who" in
        anonymous) ;;
        anonymous+gzip) args+=(--compressed) ;;
        basic:*) args+=(-u "${who#basic:}:$password") ;;
        *) args+=(-H "Cookie: JSESSIONID=${sessions[$who]}") ;;
    esac
    [ -n "$body" ] && args+=(-H "Content-Type: application/json" --data "$body")
    local status
    status=$(curl "${args[@]}" "$base$path")
    if [ "$status" != 200 ] || grep -q 'id="login"' "$out/check.body"; then
        say "$method $path as $who answered $status, not the page: $(head -c 300 "$out/check.body")"
        exit 1
    fi
}

declare -A sessions
declare -A figures

measure_scale() {
    local name=$1 account class
    account=$(sql "$name" "SELECT MIN(g.account_id) FROM account_grant g JOIN staff_user s ON s.id = g.holder_id JOIN district_account a ON a.id = g.account_id JOIN org_unit u ON u.id = a.unit_id WHERE s.username = 'siteadmin' AND g.status = 'ACTIVE' AND a.status = 'ACTIVE' AND u.kind = 'SCHOOL' AND EXISTS (SELECT 1 FROM school_class c WHERE c.school_id = a.unit_id AND c.active = TRUE)")
    class=$(sql "$name" "SELECT MIN(c.sourced_id) FROM school_class c JOIN district_account a ON a.unit_id = c.school_id WHERE a.id = $account AND c.active = TRUE AND (SELECT COUNT(*) FROM enrollment e WHERE e.class_id = c.id AND e.active = TRUE) = 35")
    say "== The $name District: consent check on account $account, class $class"
    start_server "$name"
    say "   up in $boot_ms ms; waiting 20 s for the first timer sweeps"
    sleep 20
    for user in superintendent siteadmin auditor; do
        sessions[$user]=$(sign_in "$user")
        [ -n "${sessions[$user]}" ] || { say "cannot sign in as $user"; exit 1; }
    done
    say "   warming up: ${warm_all} s on every target"
    while IFS='|' read -r target who method path body; do
        check_target "$who" "$method" "$path" "$body"
        [ "$warm_all" -gt 0 ] && load 4 "$warm_all" "$who" "$method" "$path" "$body" >/dev/null
    done < <(chosen "$account" "$class")
    while IFS='|' read -r target who method path body; do
        load 1 "$warm" "$who" "$method" "$path" "$body" >/dev/null
        figures["$name|$target|1"]=$(load 1 "$seconds" "$who" "$method" "$path" "$body")
        load 20 "$warm" "$who" "$method" "$path" "$body" >/dev/null
        figures["$name|$target|20"]=$(load 20 "$seconds" "$who" "$method" "$path" "$body")
        say "   $target: 1 user ${figures["$name|$target|1"]} / 20 users ${figures["$name|$target|20"]}"
    done < <(chosen "$account" "$class")
    figures["$name|heap"]="$(heap_used) $(heap_used gc)"
    say "   heap after the load: ${figures["$name|heap"]} MiB (in use / after a full GC), -Xmx$heap"
    stop_server
}

prepare_server
generate small "$small_scale"
generate full "$full_scale"
measure_scale small
measure_scale full

say "== Boot plus deployment on the full District, $boots starts"
boot_times=()
for _ in $(seq 1 "$boots"); do
    start_server full
    boot_times+=("$boot_ms")
    stop_server
done
boot_median=$(printf '%s\n' "${boot_times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
say "   ${boot_times[*]} ms; median $boot_median ms"

# the floor of the boot: the same configured server without the application, until it logs "started"
say "== Boot of the same server without the application, $boots starts"
bare_times=()
mv "$server_home/standalone/deployments/ROOT.war" "$out/ROOT.war.aside"
for _ in $(seq 1 "$boots"); do
    bare_log="$out/server-bare.log"
    : >"$bare_log"
    started=$(date +%s%N)
    (
        export JBOSS_HOME="$server_home" LAUNCH_JBOSS_IN_BACKGROUND=1
        export JAVA_OPTS="-Xms64m -Xmx$heap -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m -Djava.net.preferIPv4Stack=true"
        export DB_URL DB_USER=$pg_user DB_PASSWORD=$pg_password DATA_DIR
        DB_URL=$(pg_url full)
        DATA_DIR=$(h2_dir full)
        exec "$server_home/bin/standalone.sh" -b 127.0.0.1 -Djboss.socket.binding.port-offset=$offset
    ) >>"$bare_log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 600); do
        grep -q WFLYSRV0025 "$bare_log" && break
        sleep 0.05
    done
    bare_times+=($((($(date +%s%N) - started) / 1000000)))
    stop_server
done
mv "$out/ROOT.war.aside" "$server_home/standalone/deployments/ROOT.war"
bare_median=$(printf '%s\n' "${bare_times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
say "   ${bare_times[*]} ms; median $bare_median ms"

sweep_lines=""
if [ "$sweep" = true ]; then
    say "== The escalation sweep (./mvnw -Pbench-sweep verify)"
    sweep_lines=$(./mvnw -B -Pbench-sweep verify 2>&1 | tee -a "$log" | grep -E '^(Escalation sweep|stored|[0-9]+ |ratio|\(the row)' || true)
fi

# ------------------------------------------------------------------------------------------ the table
ratio() { awk -v f="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.2f", f / s; else print "-" }'; }
{
    echo "## HTTP benchmark, $db, $(date -u +%Y-%m-%d) (scales $small_scale and $full_scale, seed $seed, ${seconds} s per figure)"
    echo
    # ratios are full-scale cost over small-scale cost: p95 full/small, throughput small/full
    echo "| target | 1 user p50 ms small / full (ratio) | 1 user p95 ms small / full (ratio) | 20 users req/s small / full (ratio) | 20 users p95 ms small / full | errors full |"
    echo "|---|---|---|---|---|---|"
    while IFS='|' read -r target _; do
        read -r s50 s95 _ _ _ _ _ <<<"${figures["small|$target|1"]}"
        read -r f50 f95 _ _ _ fe1 fs1 <<<"${figures["full|$target|1"]}"
        read -r _ s95c _ srps _ _ _ <<<"${figures["small|$target|20"]}"
        read -r _ f95c _ frps _ fe20 fs20 <<<"${figures["full|$target|20"]}"
        echo "| $target | $s50 / $f50 ($(ratio "$f50" "$s50")) | $s95 / $f95 ($(ratio "$f95" "$s95")) | $srps / $frps ($(ratio "$srps" "$frps")) | $s95c / $f95c | $((fe1 + fs1 + fe20 + fs20)) |"
    done < <(chosen 0 x)
    echo
    echo "Heap in use after the load, MiB (then after a full GC), -Xmx$heap: small ${figures["small|heap"]}, full ${figures["full|heap"]}"
    echo
    echo "Boot plus deployment on the full District (until /api/health answers): ${boot_times[*]} ms; median $boot_median ms"
    echo
    echo "Boot of the same server without the application (until it logs WFLYSRV0025): ${bare_times[*]} ms; median $bare_median ms"
    if [ -n "$sweep_lines" ]; then
        echo
        echo "Escalation sweep (./mvnw -Pbench-sweep verify):"
        echo
        echo '```'
        echo "$sweep_lines"
        echo '```'
    fi
} | tee "$results"
say "Written to $results; the server logs and wrk's output are in $out"
