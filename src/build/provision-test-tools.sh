#!/usr/bin/env bash
# The first step of the test build (phase validate): makes sure this machine has what the integration
# tests drive from outside the JVM, so that ./mvnw -B verify passes on a fresh Debian or Ubuntu machine.
#   - Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver) for the browser tests
#   - Debian's postgresql with a cluster, for the PostgreSQL run of the tests (not with -Dit.postgresql=false)
# Missing packages are installed with apt-get when the build runs as root or with passwordless sudo.
# Otherwise it stops at once, before anything is compiled, and names the one command that fixes it
# (this script, run with sudo). It does nothing when tests are skipped.
#   provision-test-tools.sh [SKIP_TESTS SKIP_ITS MAVEN_TEST_SKIP IT_POSTGRESQL]
# The build passes the values of -DskipTests, -DskipITs, -Dmaven.test.skip (nothing happens when one is
# "true") and -Dit.postgresql ("false": no PostgreSQL needed); an unset one arrives as "${name}", which
# counts as not set. By hand, no arguments: check and install all.
# SMU_PROVISION=check in the environment: never install, only check (and fail when something is missing).
set -euo pipefail

for skip in "${1:-false}" "${2:-false}" "${3:-false}"; do
    if [ "$skip" = true ]; then exit 0; fi
done
postgresql=true
if [ "${4:-true}" = false ]; then postgresql=false; fi

script="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
here="$(pwd)"
relative="${script#"$here"/}"

has_cluster() {
    [ -n "$(pg_lsclusters --no-header 2>/dev/null | head -n 1)" ]
}

packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
[ -x /usr/bin/chromedriver ] || packages+=(chromium-driver)
if $postgresql && ! command -v pg_lsclusters >/dev/null 2>&1; then packages+=(postgresql); fi
needs_cluster=false
if $postgresql && [ ${#packages[@]} -eq 0 ] && ! has_cluster; then needs_cluster=true; fi

can_install=true
as_root=()
if [ "${SMU_PROVISION:-}" = check ]; then
    can_install=false
elif [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then as_root=(sudo -n); else can_install=false; fi
fi

why_not="this build runs neither as root nor with passwordless sudo"
if [ "${SMU_PROVISION:-}" = check ]; then why_not="SMU_PROVISION=check forbids installing"; fi

# fail REASON: the one command that installs what is missing
fail() {
    echo "" >&2
    echo "ERROR: $1" >&2
    echo "  Fix it with this one command:  sudo bash $relative" >&2
    echo "  (it runs apt-get update and apt-get install -y ${packages[*]:-postgresql}, and creates a" >&2
    echo "  PostgreSQL cluster when there is none)." >&2
    case " ${packages[*]:-postgresql} " in
        *" postgresql "*) echo "  Or run the tests on H2 only: ./mvnw -B verify -Dit.postgresql=false" >&2 ;;
    esac
    echo "" >&2
    exit 1
}

if [ ${#packages[@]} -gt 0 ]; then
    if ! $can_install; then
        fail "the tests need Debian packages that are missing here: ${packages[*]} ($why_not)"
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "ERROR: the tests need ${packages[*]} (Debian's package names), and this machine has no apt-get." >&2
        echo "  Install Chromium as /usr/bin/chromium, its driver as /usr/bin/chromedriver, and PostgreSQL, or skip the" >&2
        echo "  PostgreSQL run with -Dit.postgresql=false." >&2
        exit 1
    fi
    echo "Installing the test tools from Debian: ${packages[*]}"
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}"
    if $postgresql && ! has_cluster; then needs_cluster=true; fi
fi

# Debian's postgresql creates a cluster on installation, unless its image turned that off.
if $needs_cluster; then
    if ! $can_install; then
        fail "PostgreSQL is installed but has no cluster ($why_not)"
    fi
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    echo "Creating the PostgreSQL cluster $version/main"
    "${as_root[@]}" pg_createcluster "$version" main
fi

# src/test/postgresql/prepare-test-database.sh acts as the postgres system user (peer authentication).
if $postgresql && [ "$(id -u)" != 0 ] && [ "$(id -un)" != postgres ] && ! sudo -n -u postgres true 2>/dev/null; then
    echo "" >&2
    echo "ERROR: the PostgreSQL run of the tests creates its database as the postgres system user, which this" >&2
    echo "  build cannot become (it runs neither as root nor with passwordless sudo). Run it as root or with" >&2
    echo "  sudo, or run the tests on H2 only with this one command:  ./mvnw -B verify -Dit.postgresql=false" >&2
    echo "" >&2
    exit 1
fi
echo "Test tools present: /usr/bin/chromium, /usr/bin/chromedriver$($postgresql && echo ", PostgreSQL $(pg_lsclusters --no-header | awk 'NR == 1 { print $1 "/" $2 }')")"
