#!/usr/bin/env bash
# The field run: oomguard's Maven plugin, run as a user runs it (`mvn verify` with the plugin's
# `check` goal declared), over real open-source services and server frameworks taken from Maven
# Central (field/projects.conf), and the findings compared with the ledger (field/ledger.md).
# See field/README.md. Needs bash, a JDK 17+, Maven 3.8+ and Maven Central.
set -euo pipefail
# One block, so that bash reads the whole script before running it: editing it during a run does
# not change that run.
{

usage() {
  cat <<'EOF'
Usage: field/run.sh [--projects a,b] [--no-install] [--no-ledger] [--seed N]

  --projects a,b  projects of field/projects.conf to run (default: all); the ledger's rows of the
                  other projects are left as they are
  --no-install    use the oomguard already installed in ~/.m2 instead of installing this tree's
  --no-ledger     run and report, but do not rewrite field/ledger.md and field/last-run.md
  --seed N        the ledger's sampling seed, for a new ledger only (default 20261201); an
                  existing ledger keeps the seed written in it

Exit status: 0 every module analyzed; 1 some project or module failed to prepare or analyze (an
oomguard crash, a dying fork), as the summary says; 2 bad usage or setup; 3 Maven Central could
not be reached.
Environment: OOMGUARD_FIELD_CACHE (default ~/.cache/oomguard-field) holds sources, generated
reactors and the logs of each run.
EOF
}

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
projects=""
install=1
ledger=1
seed=20261201
while [ $# -gt 0 ]; do
  case "$1" in
    --projects) projects=${2:?--projects needs names}; shift 2 ;;
    --no-install) install=0; shift ;;
    --no-ledger) ledger=0; shift ;;
    --seed) seed=${2:?--seed needs a number}; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "field: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

# Bump when what prepare_project makes of a project changes (fetching, pom generation, pruning), so
# that cached reactors are made again.
PREP_VERSION=1
DEP=org.apache.maven.plugins:maven-dependency-plugin:3.8.1
HELP=org.apache.maven.plugins:maven-help-plugin:3.5.1
conf=$here/projects.conf
cache=${OOMGUARD_FIELD_CACHE:-$HOME/.cache/oomguard-field}
stamp=$(date +%Y%m%d-%H%M%S)
work=$cache/runs/$stamp
mkdir -p "$work"
started=$(date +%s)

log() { echo "field: [$(date +%H:%M:%S)] $*" >&2; }
fail() { log "$*"; exit 2; }

command -v java >/dev/null || fail "no java on PATH (JDK 17+ needed)"
command -v mvn >/dev/null || fail "no mvn on PATH (Maven 3.8+ needed)"
java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = //p')
[ "${java_major:-0}" -ge 17 ] 2>/dev/null || fail "JDK 17+ needed, found '$java_major'"

# Maven, offline first (everything may be cached), then online when the offline run failed for
# want of an artifact. A failure for want of a network ends the run with status 3.
network_failure() {
  grep -qE 'Could not transfer|UnknownHost|Unknown host|Connection (timed out|refused|reset)|Network is unreachable|No route to host|connect timed out|Read timed out' "$1"
}
offline_miss() {
  grep -qE 'offline mode|has not been downloaded from it before|Could not resolve|Cannot access|Could not find artifact|Failure to find|Plugin .* or one of its dependencies could not be resolved|Unresolveable build extension' "$1"
}
resolve() { # log -- mvn arguments...
  local out=$1
  shift 2
  if mvn -B -o -ntp "$@" >"$out" 2>&1; then return 0; fi
  offline_miss "$out" || return 1
  if mvn -B -ntp -Dmaven.wagon.http.retryHandler.count=3 "$@" >"$out" 2>&1; then return 0; fi
  if network_failure "$out"; then
    log "cannot download from Maven Central (network?); Maven said:"
    grep -E 'ERROR' "$out" | head -5 >&2
    exit 3
  fi
  return 1
}

# ---------------------------------------------------------------- oomguard

oomguard_version=$(java "$here/Reactor.java" version "$repo/pom.xml")
commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)
git -C "$repo" diff --quiet HEAD -- annotations checker maven-plugin pom.xml 2>/dev/null ||
  commit="$commit (with uncommitted changes)"
if [ "$install" = 1 ]; then
  log "installing oomguard $oomguard_version from $repo (mvn -B -q -DskipTests install)"
  (cd "$repo" && mvn -B -q -ntp -DskipTests install >"$work/install.log" 2>&1) ||
    { tail -40 "$work/install.log" >&2; fail "installing oomguard failed; see $work/install.log"; }
else
  log "using the oomguard $oomguard_version already installed in ~/.m2 (--no-install)"
fi

# ---------------------------------------------------------------- projects

all_projects=$(grep -vE '^[[:space:]]*(#|$)' "$conf" | grep -v '^release ' | while read -r p _; do echo "$p"; done | uniq)
if [ -z "$projects" ]; then projects=$(echo $all_projects | tr ' ' ,); fi
for p in ${projects//,/ }; do
  echo "$all_projects" | grep -qx -- "$p" || fail "unknown project '$p' (see $conf)"
done

project_lines() { # project -> its module lines, without the project name
  grep -vE '^[[:space:]]*(#|$)' "$conf" | while read -r p rest; do
    [ "$p" = "$1" ] && echo "$rest"
  done
  return 0
}
project_release() {
  grep -E "^release[[:space:]]+$1[[:space:]]" "$conf" | while read -r _ _ n; do echo "$n"; done | tail -1
}

# Fetches a project's modules (sources and effective pom), generates its reactor and drops the
# files that do not compile on this JDK, round by round, until the reactor compiles. Cached: done
# again only when the project's lines in projects.conf or the generator change.
prepare_project() { # project -> 0 ready, 1 failed (reason in $dir/failure.txt)
  local project=$1 dir=$cache/projects/$1 coordinate extras g a v
  local release
  release=$(project_release "$project")
  release=${release:-17}
  local wanted
  wanted="$(project_lines "$project") release=$release jdk=$java_major prep=$PREP_VERSION"
  if [ -f "$dir/ready" ] && [ "$(cat "$dir/wanted.txt" 2>/dev/null)" = "$wanted" ]; then
    java "$here/Reactor.java" generate "$dir" "$oomguard_version" "$release"
    return 0
  fi
  rm -rf "$dir"
  mkdir -p "$dir/download" "$dir/poms" "$dir/reactor"
  project_lines "$project" >"$dir/modules.txt"
  java "$here/Reactor.java" fetch-poms "$dir"
  log "$project: fetching the sources and poms of $(wc -l <"$dir/modules.txt") modules"
  if ! resolve "$dir/fetch.log" -- -f "$dir/fetch/pom.xml" dependency:copy; then
    echo "cannot fetch its modules: $(grep -m1 -E '^\[ERROR\]' "$dir/fetch.log" | cut -c1-300)" >"$dir/failure.txt"
    return 1
  fi
  while read -r coordinate extras; do
    IFS=: read -r g a v <<<"$coordinate"
    mkdir -p "$dir/poms/$a" "$dir/reactor/$a/src/main/java" "$dir/unpacked/$a"
    cp "$dir/download/$a-$v.pom" "$dir/poms/$a/pom.xml"
    (cd "$dir/unpacked/$a" && jar xf "$dir/download/$a-$v-sources.jar")
    # Only the Java sources; module-info.java and multi-release variants are never compiled.
    (cd "$dir/unpacked/$a" && find . -name '*.java' ! -name module-info.java ! -path './META-INF/*' -print0 |
      while IFS= read -r -d '' f; do mkdir -p "$dir/reactor/$a/src/main/java/$(dirname "$f")" && mv "$f" "$dir/reactor/$a/src/main/java/$f"; done)
    rm -rf "$dir/unpacked/$a"
  done <"$dir/modules.txt"
  # Each module's own pom, built as a project, gives its effective model: parents merged, versions
  # managed, properties filled in. One run for all of them, through an aggregator of the poms.
  log "$project: resolving the modules' effective poms"
  if ! resolve "$dir/fetch.log" -- -f "$dir/poms/pom.xml" "$HELP:effective-pom" -Doutput="$dir/poms/effective.xml"; then
    echo "cannot resolve its modules' poms: $(grep -m1 -E '^\[ERROR\]' "$dir/fetch.log" | cut -c1-300)" >"$dir/failure.txt"
    return 1
  fi
  java "$here/Reactor.java" generate "$dir" "$oomguard_version" "$release"
  : >"$dir/excluded.tsv"
  local round moved
  for round in $(seq 1 12); do
    log "$project: compiling the reactor (round $round)"
    if resolve "$dir/compile.log" -- -fae -f "$dir/reactor/pom.xml" compile; then
      echo "$wanted" >"$dir/wanted.txt"
      touch "$dir/ready"
      return 0
    fi
    if moved=$(java "$here/Reactor.java" prune "$dir" "$dir/compile.log"); then
      log "$project: left out $moved files that do not compile on JDK $java_major"
      continue
    fi
    cp "$dir/compile.log" "$dir/compile-failed.log"
    echo "the reactor does not compile, and not for a source file (see $dir/compile-failed.log): $(grep -m1 -E '^\[ERROR\]' "$dir/compile.log" | cut -c1-300)" >"$dir/failure.txt"
    return 1
  done
  echo "still does not compile after 12 rounds of leaving files out (see $dir/compile.log)" >"$dir/failure.txt"
  return 1
}

# Runs the analysis as a user would: `mvn verify` with the plugin's `check` goal in each module's
# pom. --fail-never, so that one module's failure does not hide the others: the ledger tool reads
# each module's outcome from its SARIF report and this log. oomguard's own logger at debug level,
# so that the analysis JVM's lines (an "internal error" of a check among them) reach the log.
analyze_project() { # project
  local project=$1 dir=$cache/projects/$1
  find "$dir/reactor" -path '*/target/oomguard' -prune -exec rm -rf {} +
  local args=(-fn -DskipTests -Dorg.slf4j.simpleLogger.log.io.oomguard=debug -f "$dir/reactor/pom.xml" verify)
  # --fail-never exits 0 whatever happened; offline misses show in the log.
  mvn -B -o -ntp "${args[@]}" >"$work/$project.log" 2>&1 || true
  if offline_miss "$work/$project.log"; then
    mvn -B -ntp "${args[@]}" >"$work/$project.log" 2>&1 || true
  fi
}

ledger_args=()
for project in ${projects//,/ }; do
  t0=$(date +%s)
  if prepare_project "$project"; then
    log "$project: analyzing ($(cat "$cache/projects/$project/modules.txt" | wc -l) modules)"
    analyze_project "$project"
    echo "ok $(( $(date +%s) - t0 ))" >"$work/$project.status"
  else
    log "$project: FAILED to prepare: $(cat "$cache/projects/$project/failure.txt")"
    { echo "failed $(( $(date +%s) - t0 ))"; cat "$cache/projects/$project/failure.txt"; } >"$work/$project.status"
  fi
  ledger_args+=(--project "$project=$cache/projects/$project")
done

elapsed=$(( $(date +%s) - started ))
status=0
java "$here/Ledger.java" update --ledger "$here/ledger.md" --summary "$here/last-run.md" \
  --run "$work" --seed "$seed" --elapsed "$elapsed" --commit "$commit" --jdk "$java_major" \
  $([ "$ledger" = 1 ] || echo --dry-run) "${ledger_args[@]}" || status=$?
log "run directory: $work (Maven logs, findings with their messages)"
exit $status
}
