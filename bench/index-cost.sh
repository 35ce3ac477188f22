#!/usr/bin/env bash
# The cost of the Maven plugin's cross-class index (JavaParser) on a library's sources, next to the
# analysis it feeds. Run bench/run.sh for the library first: it unpacks the sources and records
# the analysis time (way c) that the index is compared with. Each run is a fresh JVM started the
# way the plugin starts it (io.oomguard.maven.fork.IndexCommand: -XX:TieredStopAtLevel=1
# -XX:+UseSerialGC); --default-jvm runs it with the JVM's default flags instead, for comparison.
#   bench/index-cost.sh [--runs N] [--default-jvm] [library]   (default: undertow-core, 3 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3
lib=undertow-core
jvm_flags="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"   # as IndexCommand.JVM_FLAGS
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --default-jvm) jvm_flags=""; shift ;;
    -h|--help) sed -n 2,9p "$0"; exit 0 ;;
    *) lib=$1; shift ;;
  esac
done
cache=${OOMGUARD_BENCH_CACHE:-$HOME/.cache/oomguard-bench}
src=$(ls -d "$cache"/libs/"$lib"-*/src 2>/dev/null | head -1)
[ -n "$src" ] || { echo "no sources for $lib under $cache/libs: run bench/run.sh --libs $lib first" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }

mvn -B -q -DskipTests -pl maven-plugin -am package >/dev/null
cp_file=$(mktemp)
mvn -B -q -pl maven-plugin dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
classpath="maven-plugin/target/classes:$(cat "$cp_file")"

out=$(mktemp)
echo "index of $lib ($src), $runs run(s), each in a fresh JVM${jvm_flags:+ with $jvm_flags}:"
for i in $(seq "$runs"); do
  # shellcheck disable=SC2086 # the flags are words
  /usr/bin/time -f "wall=%e cpu=%U+%S rss=%MKB" java $jvm_flags -cp "$classpath" \
    io.oomguard.maven.index.ModuleIndex --out "$out" --level JAVA_17 "$src" 2>&1
done
rm -f "$out" "$cp_file"
