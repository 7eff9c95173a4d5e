#!/usr/bin/env bash
# Runs a profile's main class (bench-*, generate-data, audit-verify) in a JVM of its own:
#   java-main.sh JAVA_HOME ARGUMENT...
# An argument that still holds "${" names a Maven property that nobody set (no -Dbench.due=... on the
# command line): it is left out, so that the code's own default applies. The defaults live in the code.
set -euo pipefail
java="$1/bin/java"
shift
args=()
for arg in "$@"; do
    case "$arg" in
        *'${'*) ;;
        *) args+=("$arg") ;;
    esac
done
exec "$java" "${args[@]}"
