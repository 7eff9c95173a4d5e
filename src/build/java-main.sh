#!/usr/bin/env bash
# Runs a profile's main class (bench-*, generate-data, audit-verify) in a JVM of its own:
#   java-main.sh JAVA_HOME ARGUMENT...
# The benchmarks' and the generator's settings are the -Dbench.* and -Dgen.* given to Maven: they are
# passed on from Maven's command line (MAVEN_CMD_LINE_ARGS, which bin/mvn exports), so the pom need not
# name each one, and a setting nobody gives keeps the code's own default. An argument that still holds
# "${" names a Maven property that nobody set: it is left out for the same reason.
set -euo pipefail
java="$1/bin/java"
shift
args=()
for arg in ${MAVEN_CMD_LINE_ARGS:-}; do
    case "$arg" in
        -Dbench.*|-Dgen.*) args+=("$arg") ;;
    esac
done
for arg in "$@"; do
    case "$arg" in
        *'${'*) ;;
        *) args+=("$arg") ;;
    esac
done
exec "$java" "${args[@]}"
