#!/usr/bin/env bash
# Configures a WildFly home with this folder's CLI scripts, in one jboss-cli session: embedded (offline,
# the server stopped; nothing is downloaded) or against the running server (-c, online). The production
# install (docs/operations.md) and the build's servers (the run server, the H2 and PostgreSQL test
# servers, the HTTP benchmark) all use it.
#
#   install.sh [OPTION]... JBOSS_HOME [SCRIPT[,SCRIPT...]]...
#
#   --production     the scripts of production.scripts first, in its order ("SCRIPT if VAR": only when
#                    VAR is set); offline it implies --fresh. Stops at once when DB_URL, DB_USER or
#                    DB_PASSWORD (or CREDENTIAL_STORE) is missing
#   --h2             with --production: configure-datasource-h2.cli in place of the PostgreSQL one
#                    (the dev run and the H2 test server)
#   --env-file FILE  read VAR=value lines (the systemd EnvironmentFile) into the environment first
#   --libs DIR       the folder holding eclipselink.jar and postgresql.jar (-Dserver.libs for the
#                    scripts that add modules; the build copies them to target/server-libs)
#   --deploy WAR     copy the WAR into standalone/deployments afterwards (atomically: the deployment
#                    scanner never sees half a file)
#   --fresh          offline: start from the distribution's standalone.xml (standalone.xml.dist), so the
#                    scripts describe the whole configuration and a second run gives the same server
#   --dist ZIP       a wildfly-dist zip, unpacked as JBOSS_HOME when that folder does not exist yet
#   --config FILE    the configuration to write, in standalone/configuration (default standalone.xml; a
#                    cluster node: standalone-ha.xml, its balancer: standalone-load-balancer.xml)
#   --list           print the scripts it would apply, in order, and stop (nothing changes)
#   -c, --controller HOST:PORT
#                    online: configure the server running at that management address (default
#                    localhost:9990; run as the user that runs the server), then restart it and wait
#                    until the WAR is deployed
#   SCRIPT           file names relative to this folder (e.g. configure-web.cli, dev/configure-demo-data.cli),
#                    run after the production ones, as separate arguments or comma-separated
# The scripts read ${env.X} placeholders when the server starts; configure-single-sign-on.cli also
# resolves its own when it runs, and "if VAR" lines look at VAR: run this with the server's environment
# (--env-file).
set -euo pipefail
usage() { sed -n '7,30p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
fail() { echo "install.sh: $*" >&2; exit 1; }

config_dir="$(cd "$(dirname "$0")" && pwd)"
dist="" fresh=false libs="" war="" config="standalone.xml" production=false h2=false controller="" env_file="" list_only=false
while [ $# -gt 0 ]; do
    case "$1" in
        --dist) dist="$2"; shift 2 ;;
        --fresh) fresh=true; shift ;;
        --libs) libs="$2"; shift 2 ;;
        --deploy) war="$2"; shift 2 ;;
        --config) config="$2"; shift 2 ;;
        --production) production=true; shift ;;
        --h2) h2=true; shift ;;
        --list) list_only=true; shift ;;
        --env-file) env_file="$2"; shift 2 ;;
        -c) controller="localhost:9990"; shift ;;
        --controller) controller="$2"; shift 2 ;;
        --controller=*) controller="${1#*=}"; shift ;;
        --) shift; break ;;
        -*) usage ;;
        *) break ;;
    esac
done
[ $# -ge 1 ] || usage
[ -z "$dist" ] || dist="$(realpath "$dist")"
[ -z "$libs" ] || libs="$(realpath "$libs")"
[ -z "$war" ] || { [ -f "$war" ] || fail "no WAR at $war"; war="$(realpath "$war")"; }
home="$1"; shift
configuration="$home/standalone/configuration"
online=false
[ -z "$controller" ] || online=true

# systemd's EnvironmentFile syntax: VAR=value, optionally quoted; # comments; no shell expansion
# (a password may hold $ or spaces)
if [ -n "$env_file" ]; then
    [ -r "$env_file" ] || fail "cannot read $env_file (run as the server's user, who may read it)"
    while IFS= read -r line || [ -n "$line" ]; do
        line="${line#"${line%%[![:space:]]*}"}"
        case "$line" in ''|'#'*|';'*) continue ;; esac
        key="${line%%=*}" value="${line#*=}"
        key="${key%"${key##*[![:space:]]}"}"
        [[ "$key" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] && [ "$key" != "$line" ] || fail "$env_file: not VAR=value: $line"
        value="${value#"${value%%[![:space:]]*}"}"
        if [[ "$value" =~ ^\"(.*)\"$ || "$value" =~ ^\'(.*)\'$ ]]; then value="${BASH_REMATCH[1]}"; fi
        export "$key=$value"
    done <"$env_file"
fi

# a file written by root in a home owned by the server's user would stop that user's server later
if [ "$(id -u)" = 0 ] && [ -d "$home" ] && [ "$(stat -c %u "$home")" != 0 ]; then
    fail "$home belongs to $(stat -c %U "$home"): run this as that user (sudo -u $(stat -c %U "$home") ...)"
fi

set_in_env() { local v="${!1:-}"; [ -n "$v" ] && [ "$v" != false ]; }
scripts=()
if $production; then
    if ! $h2; then
        missing=()
        for v in DB_URL DB_USER; do set_in_env "$v" || missing+=("$v"); done
        set_in_env CREDENTIAL_STORE || set_in_env DB_PASSWORD || missing+=("DB_PASSWORD (or CREDENTIAL_STORE)")
        [ ${#missing[@]} -eq 0 ] || fail "not set: ${missing[*]} (the server would start without its database; give --env-file)"
    fi
    # production.scripts: one script a line, "SCRIPT [if VAR...]", # comments
    while read -r name keyword vars; do
        case "$name" in ''|'#'*) continue ;; esac
        if [ -n "$keyword" ]; then
            [ "$keyword" = if ] || fail "production.scripts: expected 'SCRIPT if VAR...': $name $keyword $vars"
            wanted=true
            for v in $vars; do set_in_env "$v" || wanted=false; done
            $wanted || continue
        fi
        if $h2 && [ "$name" = configure-datasource-postgresql.cli ]; then name=configure-datasource-h2.cli; fi
        scripts+=("$name")
    done <"$config_dir/production.scripts"
    $online || fresh=true
fi
for list in "$@"; do
    IFS=',' read -r -a named <<<"$list"
    for name in "${named[@]}"; do [ -z "$name" ] || scripts+=("$name"); done
done
if $list_only; then printf '%s\n' "${scripts[@]}"; exit 0; fi
for name in "${scripts[@]}"; do
    [ -f "$config_dir/$name" ] || fail "no script $config_dir/$name"
    # checked before anything changes: a module script stopped half-way leaves no module
    for jar in $(grep -o '${server.libs}/[A-Za-z0-9._-]*' "$config_dir/$name" | sed 's|.*/||'); do
        [ -n "$libs" ] && [ -f "$libs/$jar" ] || fail "$name needs $jar: give --libs DIR, the folder holding it"
    done
done

if [ ! -d "$home" ]; then
    [ -n "$dist" ] || fail "$home does not exist (give --dist wildfly-dist.zip to unpack it)"
    # unpacked next to the target and moved into place, so that an interrupted unpacking never looks
    # like a server; the zip holds one folder, wildfly-<version>
    parent="$(dirname "$home")"
    mkdir -p "$parent"
    unpacked="$(mktemp -d "$parent/.unpack.XXXXXX")"
    trap 'rm -rf "$unpacked"' EXIT
    echo "Unpacking $(basename "$dist") into $home"
    if command -v unzip >/dev/null 2>&1; then
        unzip -q "$dist" -d "$unpacked"
    else
        # only a JDK on this machine: jar keeps no file modes
        (cd "$unpacked" && jar xf "$dist")
        chmod +x "$unpacked"/*/bin/*.sh
    fi
    mv "$unpacked"/* "$home"
    for shipped in standalone.xml standalone-ha.xml standalone-load-balancer.xml; do
        cp "$configuration/$shipped" "$configuration/$shipped.dist"
    done
fi
[ -x "$home/bin/jboss-cli.sh" ] || fail "$home is not a WildFly home (no bin/jboss-cli.sh)"

if $online; then
    $fresh && ! $production && fail "--fresh works offline only (the server stopped)"
else
    # the embedded server would rewrite standalone.xml under a running one
    if pgrep -f -- "-Djboss.home.dir=($(cd "$home" && pwd)|$(realpath "$home")) " >/dev/null 2>&1; then
        fail "a server is running from $home: stop it first, or configure it online with -c"
    fi
fi

# a failed run puts the configuration back as it was
$online || cp "$configuration/$config" "$configuration/$config.before-install"
if $fresh; then
    if [ ! -f "$configuration/$config.dist" ]; then
        if [ -n "$dist" ]; then
            extracted="$(mktemp -d)"
            entry="$(jar tf "$dist" | grep -m 1 "^[^/]*/standalone/configuration/$config\$")"
            (cd "$extracted" && jar xf "$dist" "$entry")
            cp "$extracted/$entry" "$configuration/$config.dist"
            rm -rf "$extracted"
        else
            # the first run on a server unpacked by hand: its configuration is the distribution's
            echo "Keeping $configuration/$config as $config.dist (the distribution's configuration)"
            cp "$configuration/$config" "$configuration/$config.dist"
        fi
    fi
    cp "$configuration/$config.dist" "$configuration/$config"
fi

# the committed scripts run unchanged against a live server (jboss-cli.sh -c); offline they share one
# embedded session
cli="$(mktemp "${TMPDIR:-/tmp}/install-cli.XXXXXX")"
trap 'rm -f "$cli"; [ -z "${unpacked:-}" ] || rm -rf "$unpacked"' EXIT
$online || echo "embed-server --server-config=$config --std-out=discard" >"$cli"
for name in "${scripts[@]}"; do
    echo "echo == $name" >>"$cli"
    cat "$config_dir/$name" >>"$cli"
    echo >>"$cli"
done
$online || echo "stop-embedded-server" >>"$cli"
cli_args=(--file="$cli")
$online && cli_args=(-c --controller="$controller" "${cli_args[@]}")
[ -z "$libs" ] || cli_args+=("-Dserver.libs=$libs")
echo "Configuring $home $($online && echo "online at $controller" || echo offline)"
if ! JBOSS_HOME="$home" "$home/bin/jboss-cli.sh" "${cli_args[@]}"; then
    if $online; then
        fail "a script failed (above): the server has the changes of the scripts before it; fix the cause and run this again"
    fi
    mv "$configuration/$config.before-install" "$configuration/$config"
    fail "a script failed (above): $config is as it was before this run"
fi
$online || rm -f "$configuration/$config.before-install"

if [ -n "$war" ]; then
    deployments="$home/standalone/deployments"
    name="$(basename "$war")"
    cp "$war" "$deployments/.$name.new"
    rm -f "$deployments/$name".{failed,undeployed,skipdeploy,pending}
    mv "$deployments/.$name.new" "$deployments/$name"
    echo "Deployed $name to $deployments"
fi

if $online; then
    # modules (EclipseLink, the PostgreSQL driver) are read when the JVM starts: a restart, not a reload
    echo "Restarting the server at $controller"
    JBOSS_HOME="$home" "$home/bin/jboss-cli.sh" -c --controller="$controller" --command=":shutdown(restart=true)" >/dev/null
    state=""
    for _ in $(seq 1 90); do
        sleep 2
        state="$(JBOSS_HOME="$home" "$home/bin/jboss-cli.sh" -c --controller="$controller" \
            --command=":read-attribute(name=server-state)" 2>/dev/null | sed -n 's/.*"result" => "\(.*\)".*/\1/p')" || true
        [ "$state" = running ] && break
    done
    [ "$state" = running ] || fail "the server did not come back within 180 s (state: ${state:-no answer}); see standalone/log/server.log"
    if [ -n "$war" ]; then
        status=""
        for _ in $(seq 1 90); do
            status="$(JBOSS_HOME="$home" "$home/bin/jboss-cli.sh" -c --controller="$controller" \
                --command="/deployment=$(basename "$war"):read-attribute(name=status)" 2>/dev/null | sed -n 's/.*"result" => "\(.*\)".*/\1/p')" || true
            [ "$status" = OK ] || [ "$status" = FAILED ] && break
            sleep 2
        done
        [ "$status" = OK ] || fail "$(basename "$war") is not deployed (status: ${status:-none}); see standalone/log/server.log"
        echo "The server runs and $(basename "$war") is deployed"
    fi
fi
