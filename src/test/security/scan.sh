#!/usr/bin/env bash
# A real scanner against the application on this machine, signed in: Debian's wapiti crawls and
# attacks every page and form a role can reach, and sqlmap tries the API's query parameters.
# Run the application first, on a throw-away database (the scan submits every form it finds with
# attack values, as the signed-in role):
#   DATA_DIR=/tmp/scan-data ./mvnw -Prun package         # another terminal; http://localhost:8080
#   bash src/test/security/scan.sh
# Needs: apt-get install wapiti sqlmap. Settings (environment):
#   BASE_URL       default http://localhost:8080
#   SCAN_USERS     roles' demo users to scan as, default "sysadmin auditor clerk employee1"
#   SCAN_PASSWORD  default demo (the demo users' password)
#   SCAN_MINUTES   wapiti's time per user, default 10
#   SCAN_OUT       default target/security-scan/<today> (raw output; its summary goes to docs/security/scans.md)
# Pages accept HTTP Basic like the API (PortalAuthenticationMechanism), which is how the scanners sign in.
set -euo pipefail
BASE_URL=${BASE_URL:-http://localhost:8080}
SCAN_USERS=${SCAN_USERS:-"sysadmin auditor clerk employee1"}
SCAN_PASSWORD=${SCAN_PASSWORD:-demo}
SCAN_MINUTES=${SCAN_MINUTES:-10}
SCAN_OUT=${SCAN_OUT:-target/security-scan/$(date -u +%F)}
for tool in wapiti sqlmap curl; do
    command -v "$tool" > /dev/null || { echo "Install Debian's wapiti and sqlmap first: apt-get install wapiti sqlmap" >&2; exit 2; }
done
curl -fsS "$BASE_URL/api/health" > /dev/null || { echo "Nothing answers at $BASE_URL/api/health: start the application first" >&2; exit 2; }
mkdir -p "$SCAN_OUT"
{
    echo "date: $(date -u +%FT%TZ)"
    echo "application: $(git rev-parse --short HEAD 2>/dev/null || echo unknown) at $BASE_URL"
    echo "wapiti: $(wapiti --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -1)"
    echo "sqlmap: $(sqlmap --version 2>/dev/null | grep -o '^[0-9][0-9.]*[0-9]' | head -1)"
    echo "users: $SCAN_USERS"
} > "$SCAN_OUT/scan-info.txt"

for user in $SCAN_USERS; do
    # (no -x exclusions: wapiti 3.0.4's pattern matching fails on Debian 12's Python 3.11; the test-only
    # endpoints are linked from no page, and answer 404 on a server without the test clock)
    wapiti -u "$BASE_URL/" --scope folder -a "$user%$SCAN_PASSWORD" --auth-type basic \
        --max-scan-time $((SCAN_MINUTES * 60)) --max-attack-time $((SCAN_MINUTES * 30)) \
        --flush-session -f json -o "$SCAN_OUT/wapiti-$user.json" > "$SCAN_OUT/wapiti-$user.log" 2>&1 || true
    [ -s "$SCAN_OUT/wapiti-$user.json" ] || { echo "wapiti wrote no report for $user: see $SCAN_OUT/wapiti-$user.log" >&2; exit 3; }
done

# sqlmap on the query parameters of the searches (the parameters that reach a WHERE clause); SCAN_SQLMAP=false skips it
[ "${SCAN_SQLMAP:-true}" = true ] && for target in "auditor|/api/accounts?text=lincoln&status=ACTIVE&sort=handle" \
              "auditor|/api/grants?holder=admin&status=ACTIVE&sort=endsOn" \
              "auditor|/api/audit?actor=clerk&action=LOGIN&objectType=Student&from=2026-01-01" \
              "clerk|/api/students?text=a"; do
    user=${target%%|*}; path=${target#*|}
    sqlmap -u "$BASE_URL$path" --auth-type=Basic --auth-cred="$user:$SCAN_PASSWORD" --batch --level=2 --risk=1 \
        --output-dir="$SCAN_OUT/sqlmap" 2>&1 | grep -E "is vulnerable|might be injectable|all tested parameters do not appear|injectable" \
        >> "$SCAN_OUT/sqlmap-summary.txt" || true
done

# the findings by severity, from wapiti's JSON reports (level 3 high, 2 medium, 1 low)
python3 - "$SCAN_OUT" <<'PY'
import json, pathlib, sys
out = pathlib.Path(sys.argv[1])
lines, serious = [], 0
for report in sorted(out.glob("wapiti-*.json")):
    data = json.loads(report.read_text())
    for kind, findings in sorted(data.get("vulnerabilities", {}).items()) + sorted(data.get("anomalies", {}).items()):
        for f in findings:
            level = f.get("level", 0)
            serious += level >= 2
            lines.append(f"{report.stem}\t{level}\t{kind}\t{f.get('method','')} {f.get('path','')}\t{f.get('info','')[:160]}")
(out / "findings.tsv").write_text("report\tlevel\tkind\trequest\tinfo\n" + "\n".join(lines) + "\n")
print(f"{len(lines)} findings, {serious} of medium or high severity; details in {out}/findings.tsv")
sys.exit(1 if serious else 0)
PY
