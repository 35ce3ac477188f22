#!/usr/bin/env bash
# What oomguard costs a real build, as its users feel it: `mvn -o clean verify` and then `mvn -o
# verify` with nothing changed, each with the plugin's check goal and with -Doomguard.skip=true,
# in paired runs (the two ways of a pair back to back, their order alternating), on the field
# run's prepared reactors (field/run.sh prepares them in ~/.cache/oomguard-field). CPU is user +
# sys of Maven and every JVM it forks (GNU time). bench/BuildCost.java turns the times into paired
# ratios with 95% intervals. See bench/README.md.
set -euo pipefail
{
usage() { echo "usage: bench/build-cost.sh [--projects a,b] [--pairs N]" >&2; exit 2; }
projects=eureka,rocketmq pairs=3
while [ $# -gt 0 ]; do
  case $1 in
    --projects) projects=${2:?}; shift 2 ;;
    --pairs) pairs=${2:?}; shift 2 ;;
    *) usage ;;
  esac
done
repo=$(cd "$(dirname "$0")/.." && pwd)
cache=${OOMGUARD_FIELD_CACHE:-$HOME/.cache/oomguard-field}
[ -x /usr/bin/time ] || { echo "build-cost: needs GNU time (/usr/bin/time)" >&2; exit 2; }
out=$HOME/.cache/oomguard-bench/build-cost/$(date -u +%Y%m%d-%H%M%S)
mkdir -p "$out"
times=$out/times.tsv
printf 'project\tbuild\tway\tpair\tuser\tsys\twall\n' >"$times"
run() { # project build way pair -- mvn arguments
  local project=$1 build=$2 way=$3 pair=$4; shift 5
  local log=$out/$project-$build-$way-$pair.log
  /usr/bin/time -f '%U %S %e' -o "$out/time.txt" mvn -B -o -ntp -fn -DskipTests "$@" >"$log" 2>&1
  if grep -q 'BUILD FAILURE' "$log"; then echo "build-cost: $log: the build failed" >&2; exit 1; fi
  read -r user sys wall <"$out/time.txt"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$project" "$build" "$way" "$pair" "$user" "$sys" "$wall" \
    >>"$times"
}
one_way() { # project way pair
  local pom=$cache/projects/$1/reactor/pom.xml skip=false
  [ -f "$pom" ] || { echo "build-cost: no prepared reactor $pom; run field/run.sh --projects $1" >&2; exit 2; }
  [ "$2" = without ] && skip=true
  run "$1" clean-verify "$2" "$3" -- -f "$pom" -Doomguard.skip=$skip clean verify
  run "$1" verify-again "$2" "$3" -- -f "$pom" -Doomguard.skip=$skip verify
}
echo "build-cost: $projects, $pairs pairs; logs in $out" >&2
for project in ${projects//,/ }; do
  for pair in $(seq 1 "$pairs"); do
    echo "build-cost: $project pair $pair of $pairs" >&2
    if [ $((pair % 2)) = 1 ]; then
      one_way "$project" without "$pair"; one_way "$project" with "$pair"
    else
      one_way "$project" with "$pair"; one_way "$project" without "$pair"
    fi
  done
done
java "$repo/bench/BuildCost.java" "$times" | tee "$out/report.md"
exit
}
