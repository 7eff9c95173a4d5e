#!/usr/bin/env bash
# Configures a WildFly home with this folder's CLI scripts, in the order given, in one embedded (offline)
# jboss-cli session: no server needs to run and nothing is downloaded. The build uses it for its three
# servers (the run server, the H2 test server, the PostgreSQL test server); it works the same by hand.
#
#   install.sh [--dist ZIP] [--fresh] [--libs DIR] [--deploy WAR] [--config FILE] JBOSS_HOME SCRIPT[,SCRIPT...]...
#
#   --dist ZIP    a wildfly-dist zip, unpacked as JBOSS_HOME when that folder does not exist yet
#   --fresh       start from the distribution's copy of the configuration (kept as e.g. standalone.xml.dist
#                 on unpacking), so that the scripts describe the whole configuration and a second run
#                 changes nothing
#   --libs DIR    the folder holding eclipselink.jar and postgresql.jar (-Dserver.libs for the scripts
#                 that add modules; the build copies them to target/server-libs)
#   --deploy WAR  copy the WAR into standalone/deployments afterwards
#   --config FILE the configuration to write, in standalone/configuration (default standalone.xml; a
#                 cluster node: standalone-ha.xml, its balancer: standalone-load-balancer.xml)
#   SCRIPT        file names relative to this folder (e.g. configure-web.cli, dev/configure-demo-data.cli),
#                 as separate arguments or comma-separated
# The scripts read ${env.X} placeholders when the server starts; configure-single-sign-on.cli also
# resolves OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET from this script's environment.
set -euo pipefail
usage() { sed -n '6,18p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

config_dir="$(cd "$(dirname "$0")" && pwd)"
dist="" fresh=false libs="" war="" config="standalone.xml"
while [ $# -gt 0 ]; do
    case "$1" in
        --dist) dist="$2"; shift 2 ;;
        --fresh) fresh=true; shift ;;
        --libs) libs="$2"; shift 2 ;;
        --deploy) war="$2"; shift 2 ;;
        --config) config="$2"; shift 2 ;;
        --) shift; break ;;
        -*) usage ;;
        *) break ;;
    esac
done
[ $# -ge 1 ] || usage
[ -z "$dist" ] || dist="$(realpath "$dist")"
home="$1"; shift
configuration="$home/standalone/configuration"

if [ ! -d "$home" ]; then
    [ -n "$dist" ] || { echo "install.sh: $home does not exist (give --dist wildfly-dist.zip to unpack it)" >&2; exit 1; }
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

if $fresh; then
    if [ ! -f "$configuration/$config.dist" ]; then
        # a server unpacked by other means: its pristine configuration comes from the zip
        [ -n "$dist" ] || { echo "install.sh: --fresh needs $configuration/$config.dist or --dist" >&2; exit 1; }
        extracted="$(mktemp -d)"
        entry="$(jar tf "$dist" | grep -m 1 "^[^/]*/standalone/configuration/$config\$")"
        (cd "$extracted" && jar xf "$dist" "$entry")
        cp "$extracted/$entry" "$configuration/$config.dist"
        rm -rf "$extracted"
    fi
    cp "$configuration/$config.dist" "$configuration/$config"
fi

# the committed scripts run unchanged against a live server (jboss-cli.sh -c); here they share one
# embedded session
cli="$(mktemp "${TMPDIR:-/tmp}/install-cli.XXXXXX")"
trap 'rm -f "$cli"; [ -z "${unpacked:-}" ] || rm -rf "$unpacked"' EXIT
echo "embed-server --server-config=$config --std-out=discard" >"$cli"
for list in "$@"; do
    IFS=',' read -r -a scripts <<<"$list"
    for name in "${scripts[@]}"; do
        [ -n "$name" ] || continue
        cat "$config_dir/$name" >>"$cli"
        echo >>"$cli"
    done
done
echo "stop-embedded-server" >>"$cli"
properties=()
[ -z "$libs" ] || properties+=("-Dserver.libs=$libs")
JBOSS_HOME="$home" "$home/bin/jboss-cli.sh" --file="$cli" "${properties[@]}"

if [ -n "$war" ]; then
    cp "$war" "$home/standalone/deployments/"
fi
