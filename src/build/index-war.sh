#!/usr/bin/env bash
# WildFly builds an annotation index of every jar in WEB-INF/lib at each deployment, unless the jar
# carries META-INF/jandex.idx. Writing them here, into the WAR's copies of the libraries, takes about
# 0.75 s off every start (docs/performance.md). WEB-INF/classes keeps no index: WildFly indexes it at
# deployment, so classes added to the WAR later (Arquillian's in-container tests add theirs) are never
# missed. The build runs it right after war:war, before anything copies the WAR.
#   index-war.sh WAR JANDEX_JAR JAVA_HOME   (Jandex: the version of WildFly's module io.smallrye.jandex,
#                                           since the server must read the index format it writes)
set -euo pipefail
war="$(realpath "$1")" jandex="$(realpath "$2")" bin="$3/bin"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
mapfile -t libs < <("$bin/jar" tf "$war" | grep '^WEB-INF/lib/[^/]*\.jar$')
[ ${#libs[@]} -gt 0 ] || exit 0
"$bin/jar" xf "$war" "${libs[@]}"
for lib in "${libs[@]}"; do
    "$bin/java" -cp "$jandex" org.jboss.jandex.Main -m "$lib" >/dev/null
done
"$bin/jar" uf "$war" "${libs[@]}"
