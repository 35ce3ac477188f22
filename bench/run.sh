#!/usr/bin/env bash
# oomguard's benchmark: compiles open-source libraries (bench/libraries.conf) in several ways and
# reports what the checks cost, whether they crash, and what they find. This script fetches and
# launches; bench/Report.java reads the run's logs and writes the report. See bench/README.md.
set -euo pipefail
# One block, read whole before it runs: editing the script during a run does not change that run.
{

ALL_WAYS=(javac javac+errorprone javac+errorprone+oomguard dispatch-floor plugin-analysis pmd index
  warm-reload warm warm-dispatch-floor)
usage() {
  cat <<EOF
Usage: bench/run.sh [--runs N] [--libs a,b] [--ways a,b] [--warm-rounds N] [--no-build] [--smoke]
       bench/run.sh --report RUN-DIRECTORY

  --runs N         runs of each way per library, interleaved (default 3)
  --libs a,b       libraries of bench/libraries.conf (default: all)
  --ways a,b       of: ${ALL_WAYS[*]}
                   (default: javac,javac+errorprone,javac+errorprone+oomguard,pmd,index)
  --warm-rounds N  compiles of each argument set per warm JVM (default 10; the first half warm up)
  --no-build       measure the jars already in checker/target (and maven-plugin/target)
  --smoke          CI's leg: httpclient5, javac+errorprone+oomguard once; fails on a crash
  --report DIR     write the report of an earlier run again, from its directory

The report and findings.txt go into the run's directory, \$OOMGUARD_BENCH_CACHE/runs/<time>
(default ~/.cache/oomguard-bench). Exit status: 0 fine; 1 a checker crash, a failed way or findings
that disagree; 2 bad usage or setup; 3 Maven Central could not be reached.
EOF
}

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
command_line="bench/run.sh $*"
runs=3 libs="" ways=javac,javac+errorprone,javac+errorprone+oomguard,pmd,index
warm_rounds=10 build=1 smoke=0 report_dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=${2:?--runs needs a number}; shift 2 ;;
    --libs) libs=${2:?--libs needs names}; shift 2 ;;
    --ways) ways=${2:?--ways needs a list}; shift 2 ;;
    --warm-rounds) warm_rounds=${2:?--warm-rounds needs a number}; shift 2 ;;
    --no-build) build=0; shift ;;
    --smoke) smoke=1; shift ;;
    --report) report_dir=${2:?--report needs a run directory}; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "bench: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

log() { echo "bench: $*" >&2; }
fail() { log "$*"; exit 2; }
report() { # run directory: writes report.md and findings.txt there; 1 on a crash or failure
  local status=0
  java "$here/Report.java" "$1" || status=$?
  [ -s "$1/report.md" ] || fail "bench/Report.java wrote no report"
  log "report: $1/report.md"
  log "findings: $1/findings.txt"
  return $status
}
if [ -n "$report_dir" ]; then
  status=0
  report "$(cd "$report_dir" && pwd)" || status=$?
  exit $status
fi

if [ "$smoke" = 1 ]; then libs=${libs:-httpclient5} runs=1 ways=javac+errorprone+oomguard; fi
case "$runs" in '' | *[!0-9]* | 0) fail "--runs must be a positive number" ;; esac
case "$warm_rounds" in '' | *[!0-9]* | 0 | 1) fail "--warm-rounds must be 2 or more" ;; esac
has_way() { case ",$ways," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }
for way in ${ways//,/ }; do
  [[ " ${ALL_WAYS[*]} " == *" $way "* ]] || fail "unknown way '$way' (${ALL_WAYS[*]})"
done
ordered_ways=""  # the ways asked for, in the order each run runs them
for way in "${ALL_WAYS[@]}"; do if has_way "$way"; then ordered_ways=${ordered_ways:+$ordered_ways,}$way; fi; done

EP_VERSION=2.42.0
PMD_VERSION=7.27.0
DEP=org.apache.maven.plugins:maven-dependency-plugin:3.8.1
HELP=org.apache.maven.plugins:maven-help-plugin:3.5.1
PMD_RULES=category/java/performance.xml/InsufficientStringBufferDeclaration,category/java/performance.xml/AvoidInstantiatingObjectsInLoops,category/java/errorprone.xml/CloseResource
cache=${OOMGUARD_BENCH_CACHE:-$HOME/.cache/oomguard-bench}
conf=$here/libraries.conf
started=$(date '+%Y-%m-%d %H:%M %Z')
work=$cache/runs/$(date +%Y%m%d-%H%M%S)
mkdir -p "$work"

# ---------------------------------------------------------------- tools

command -v javac >/dev/null || fail "no javac on PATH (a JDK 17+ is needed)"
command -v mvn >/dev/null || fail "no mvn on PATH (Maven 3.8+ is needed)"
java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
[ "${java_major:-0}" -ge 17 ] 2>/dev/null || fail "JDK 17+ needed, found '$java_major'"

# GNU time gives user, system and peak RSS; bash's `time` gives no memory.
TIME=/usr/bin/time
if ! "$TIME" -f '%e' -o /dev/null true 2>/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  log "installing GNU time (apt-get install time)"
  { apt-get install -y -q time || { apt-get update -q && apt-get install -y -q time; }; } >&2 || true
fi
"$TIME" -f '%e' -o /dev/null true 2>/dev/null || fail "GNU time is needed at /usr/bin/time (apt-get install time)"

# Maven, quiet, offline first (everything may be cached), then online with retries. A download
# that fails for want of a network ends the run with status 3, so CI can tell it from a crash.
mvn_log=$work/maven.log
resolve() {
  if mvn -B -o -ntp "$@" >"$mvn_log" 2>&1; then return 0; fi
  if mvn -B -ntp -Dmaven.wagon.http.retryHandler.count=3 -Dmaven.wagon.rto=120000 "$@" >"$mvn_log" 2>&1; then
    return 0
  fi
  if grep -qE 'Could not transfer|UnknownHost|Unknown host|Connection (timed out|refused|reset)|Network is unreachable|No route to host|connect timed out|Read timed out' "$mvn_log"; then
    log "cannot download from Maven Central (network?); Maven said:"
    grep -E 'ERROR' "$mvn_log" | head -5 >&2
    exit 3
  fi
  log "Maven failed: mvn $*"
  tail -30 "$mvn_log" >&2
  exit 2
}

classpath_exists() {
  local entry IFS=:
  for entry in $1; do [ -e "$entry" ] || return 1; done
}

# A classpath of the given artifacts and their runtime dependencies, resolved once and cached.
tool_classpath() { # name group:artifact:version...
  local name=$1 dir=$cache/tools/$1 coordinate g a v
  shift
  if [ -s "$dir/classpath.txt" ] && classpath_exists "$(cat "$dir/classpath.txt")"; then
    cat "$dir/classpath.txt"
    return
  fi
  mkdir -p "$dir"
  {
    echo '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
    echo "<groupId>bench.tools</groupId><artifactId>$name</artifactId><version>1</version>"
    echo '<packaging>pom</packaging><dependencies>'
    for coordinate in "$@"; do
      IFS=: read -r g a v <<<"$coordinate"
      echo "<dependency><groupId>$g</groupId><artifactId>$a</artifactId><version>$v</version></dependency>"
    done
    echo '</dependencies></project>'
  } >"$dir/pom.xml"
  resolve -f "$dir/pom.xml" "$DEP:build-classpath" -Dmdep.outputFile="$dir/classpath.txt" -Dmdep.includeScope=runtime
  cat "$dir/classpath.txt"
}

# The commit measured (read before the build, so later commits during a long run do not show).
commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)
git -C "$repo" diff --quiet HEAD -- checker annotations maven-plugin 2>/dev/null ||
  commit="$commit (with uncommitted changes)"

# The checker under test (and for the index the Maven plugin, with its classpath), from this tree.
modules=annotations,checker
goals=(clean package)
if has_way index; then
  modules=$modules,maven-plugin
  # In the same reactor run, so that the checker resolves to the jar just built; every module
  # writes the file, the plugin (built last) wins.
  goals+=("$DEP:build-classpath" "-Dmdep.outputFile=$work/plugin-classpath.txt" -Dinvoker.skip)
fi
if [ "$build" = 1 ]; then
  log "building the checker (mvn -pl $modules -am ${goals[*]})"
  (cd "$repo" && { mvn -B -q -ntp -o -DskipTests -pl "$modules" -am "${goals[@]}" ||
    mvn -B -q -ntp -DskipTests -pl "$modules" -am "${goals[@]}"; } >"$work/build.log" 2>&1) ||
    { tail -40 "$work/build.log" >&2; fail "building the checker failed"; }
elif has_way index; then
  (cd "$repo" && resolve -pl maven-plugin -am "$DEP:build-classpath" "-Dmdep.outputFile=$work/plugin-classpath.txt")
fi
built_jar() { ls "$repo/$1"/target/"$2"-*.jar 2>/dev/null | grep -v -- '-sources\|-javadoc\|-tests' | head -1; }
checker_jar=$(built_jar checker oomguard-checker)
annotations_jar=$(built_jar annotations oomguard-annotations)
[ -n "$checker_jar" ] && [ -n "$annotations_jar" ] || fail "no checker jar; build it or drop --no-build"
# Measure copies, so that a build in the tree during a long run does not change what is measured.
cp "$checker_jar" "$annotations_jar" "$work/"
checker_jar=$work/${checker_jar##*/} annotations_jar=$work/${annotations_jar##*/}
oomguard_cp=$checker_jar:$annotations_jar
# Every oomguard check, as registered with the service loader in the jar.
check_classes=$(unzip -p "$checker_jar" META-INF/services/com.google.errorprone.bugpatterns.BugChecker |
  grep '^io\.oomguard\.checker\.checks\.' | sort)
[ -n "$check_classes" ] || fail "no oomguard checks registered in $checker_jar"
checks=$(sed 's/.*\.//' <<<"$check_classes")
enable_checks=""
for check in $checks; do enable_checks="$enable_checks -Xep:$check:WARN"; done
if has_way index; then
  plugin_jar=$(built_jar maven-plugin oomguard-maven-plugin)
  [ -n "$plugin_jar" ] && [ -s "$work/plugin-classpath.txt" ] || fail "no Maven plugin jar or classpath for the index"
  cp "$plugin_jar" "$work/"
  # The plugin's classpath names the checker jar in checker/target: use the copy instead.
  index_cp="$work/${plugin_jar##*/}:$(tr ':' '\n' <"$work/plugin-classpath.txt" |
    sed "s|^$repo/checker/target/oomguard-checker-.*\.jar\$|$checker_jar|" | paste -sd:)"
fi

ep_cp=$(tool_classpath "error-prone-$EP_VERSION" "com.google.errorprone:error_prone_core:$EP_VERSION")
if has_way pmd; then
  pmd_cp=$(tool_classpath "pmd-$PMD_VERSION" "net.sourceforge.pmd:pmd-java:$PMD_VERSION" "net.sourceforge.pmd:pmd-cli:$PMD_VERSION")
fi

# The dispatch floor: a no-op stand-in for each check (bench/DispatchFloor.java), which checks
# itself against the jar's checks and prints the service-loader lines that register it.
floor_cp=$work/dispatch-floor
if has_way dispatch-floor || has_way warm-dispatch-floor; then
  mkdir -p "$floor_cp/META-INF/services"
  javac -nowarn -cp "$ep_cp" -d "$floor_cp" "$here/DispatchFloor.java" || fail "could not build bench/DispatchFloor.java"
  # shellcheck disable=SC2086
  java -cp "$floor_cp:$ep_cp:$oomguard_cp" DispatchFloor $check_classes \
    >"$floor_cp/META-INF/services/com.google.errorprone.bugpatterns.BugChecker" ||
    fail "bench/DispatchFloor.java no longer stands in for the checks one for one; update it"
fi

# The agent that prints each javac run's cpu by thread kind (bench/ThreadCpu.java), and the
# warm ways' compiler loop (bench/WarmJavac.java).
helpers=$work/helpers
mkdir -p "$helpers/empty-processor-path"
javac -d "$helpers" "$here/ThreadCpu.java" "$here/WarmJavac.java" || fail "could not build the bench's helpers"
printf 'Premain-Class: ThreadCpu\n' >"$helpers/manifest.txt"
jar cfm "$helpers/thread-cpu.jar" "$helpers/manifest.txt" -C "$helpers" ThreadCpu.class
thread_agent=-J-javaagent:$helpers/thread-cpu.jar=$(getconf CLK_TCK)

# javac must open its internals to Error Prone: the list the build uses.
jvm_flags=($(cat "$repo/.mvn/jvm.config"))
javac_jvm_flags=("${jvm_flags[@]/#/-J}")

# ---------------------------------------------------------------- libraries

all_libs=$(grep -v '^#' "$conf" | cut -d' ' -f1 | grep .)
libs=${libs:-$(paste -sd, <<<"$all_libs")}
for lib in ${libs//,/ }; do grep -qx -- "$lib" <<<"$all_libs" || fail "unknown library '$lib' (see $conf)"; done

# The flags every way shares: stop after flow analysis, no annotation processing, no class files.
javac_flags() { # classes-dir classpath
  printf '%s\n' -XDcompilePolicy=simple -XDshould-stop.ifNoError=FLOW -XDshould-stop.ifError=FLOW \
    -proc:none -implicit:none -d "$1" -encoding UTF-8 -Xmaxerrs 100000 -Xmaxwarns 100000 -cp "$2"
}

# Fetches a library's sources and compile classpath, then drops the files plain javac on this JDK
# cannot compile (multi-release variants, module-info, classes needing absent optional
# dependencies) until the rest compiles; every way then compiles exactly that set.
prepare_library() { # name coordinate [compile-only coordinates...] -> sets lib_dir
  local name=$1 coordinate=$2 g a v
  shift 2
  IFS=: read -r g a v <<<"$coordinate"
  lib_dir=$cache/libs/$name-$v-jdk$java_major
  local wanted="$coordinate $*"
  if [ -f "$lib_dir/ready" ] && [ "$(cat "$lib_dir/wanted.txt" 2>/dev/null)" = "$wanted" ] &&
    classpath_exists "$(cat "$lib_dir/classpath.txt")"; then
    return
  fi
  rm -rf "$lib_dir"
  mkdir -p "$lib_dir/download" "$lib_dir/project" "$lib_dir/src"
  log "$name: downloading $coordinate sources and pom"
  resolve "$DEP:copy" -Dartifact="$g:$a:$v:jar:sources" -DoutputDirectory="$lib_dir/download"
  resolve "$DEP:copy" -Dartifact="$g:$a:$v:pom" -DoutputDirectory="$lib_dir/download"
  log "$name: resolving its compile classpath"
  cp "$lib_dir/download/$a-$v.pom" "$lib_dir/project/pom.xml"
  resolve -f "$lib_dir/project/pom.xml" "$HELP:effective-pom" -Doutput="$lib_dir/project/effective.xml"
  java "$here/ClasspathPom.java" "$name" "$lib_dir/project/effective.xml" "$@" >"$lib_dir/classpath-pom.xml"
  resolve -f "$lib_dir/classpath-pom.xml" "$DEP:build-classpath" \
    -Dmdep.outputFile="$lib_dir/classpath.txt" -Dmdep.includeScope=compile
  [ -f "$lib_dir/classpath.txt" ] || : >"$lib_dir/classpath.txt"
  echo "$wanted" >"$lib_dir/wanted.txt"
  (cd "$lib_dir/src" && jar xf "$lib_dir/download/$a-$v-sources.jar")
  find "$lib_dir/src" -name '*.java' ! -name module-info.java ! -path '*/META-INF/*' | sort >"$lib_dir/sources.txt"
  find "$lib_dir/src" -name '*.java' \( -name module-info.java -o -path '*/META-INF/*' \) |
    sed "s|^$lib_dir/src/||" >"$lib_dir/excluded-always.txt"
  : >"$lib_dir/excluded.tsv"
  local round classes=$lib_dir/prune-classes prune_log=$lib_dir/prune.log prune_args
  for round in 1 2 3 4 5 6 7 8; do
    rm -rf "$classes" && mkdir -p "$classes"
    log "$name: checking the sources compile with plain javac (round $round, $(wc -l <"$lib_dir/sources.txt") files)"
    mapfile -t prune_args < <(javac_flags "$classes" "$(cat "$lib_dir/classpath.txt")")
    if javac "${prune_args[@]}" @"$lib_dir/sources.txt" >"$prune_log" 2>&1; then
      touch "$lib_dir/ready"
      rm -rf "$classes"
      return
    fi
    # path<TAB>first error, for every file with an error
    sed -n 's/^\(\/.*\.java\):[0-9]*: error: /\1\t/p' "$prune_log" | sort -s -t$'\t' -k1,1 -u >"$lib_dir/round.tsv"
    [ -s "$lib_dir/round.tsv" ] || { tail -30 "$prune_log" >&2; fail "$name: plain javac fails without naming a source file; see $prune_log"; }
    cat "$lib_dir/round.tsv" >>"$lib_dir/excluded.tsv"
    cut -f1 "$lib_dir/round.tsv" | sort | comm -23 "$lib_dir/sources.txt" - >"$lib_dir/sources.next"
    mv "$lib_dir/sources.next" "$lib_dir/sources.txt"
  done
  fail "$name: still does not compile after 8 rounds of excluding files; see $prune_log"
}

# ---------------------------------------------------------------- running

# One timed run; appends `lib way run wall user sys rss_kb exit` to times.tsv.
timed() { # lib way run -- command...
  local lib=$1 way=$2 run=$3 status=0
  shift 4
  "$TIME" -f '%e %U %S %M' -o "$work/time.txt" "$@" >"$work/$lib/$way-$run.log" 2>&1 || status=$?
  echo "$lib $way $run $(tail -1 "$work/time.txt") $status" >>"$work/times.tsv"
}

run_way() { # lib way run
  local lib=$1 way=$2 run=$3 classes=$work/$1/classes cp javac_args
  cp=$(cat "$lib_dir/classpath.txt")
  rm -rf "$classes" && mkdir -p "$classes"
  mapfile -t javac_args < <(javac_flags "$classes" "$cp")
  javac_args=(javac "${javac_jvm_flags[@]}" "$thread_agent" "${javac_args[@]}")
  local ep=(-processorpath "$ep_cp" "-Xplugin:ErrorProne -XepDisableAllChecks")
  local oomguard=(-J-Doomguard.strict=true -processorpath "$ep_cp:$oomguard_cp" "-Xplugin:ErrorProne -XepDisableAllChecks$enable_checks")
  case "$way" in
    javac) timed "$lib" "$way" "$run" -- "${javac_args[@]}" @"$lib_dir/sources.txt" ;;
    javac+errorprone) timed "$lib" "$way" "$run" -- "${javac_args[@]}" "${ep[@]}" @"$lib_dir/sources.txt" ;;
    javac+errorprone+oomguard) timed "$lib" "$way" "$run" -- "${javac_args[@]}" "${oomguard[@]}" @"$lib_dir/sources.txt" ;;
    dispatch-floor) # the stand-ins bear the checks' names, so the same flags enable them
      timed "$lib" "$way" "$run" -- "${javac_args[@]}" -processorpath "$ep_cp:$floor_cp" \
        "-Xplugin:ErrorProne -XepDisableAllChecks$enable_checks" @"$lib_dir/sources.txt" ;;
    plugin-analysis) # the analysis JVM's flag (io.oomguard.maven.fork.ForkCommand)
      timed "$lib" "$way" "$run" -- "${javac_args[@]}" -J-XX:TieredStopAtLevel=1 "${oomguard[@]}" @"$lib_dir/sources.txt" ;;
    pmd)
      timed "$lib" "$way" "$run" -- java -cp "$pmd_cp" net.sourceforge.pmd.cli.PmdCli check \
        --file-list "$lib_dir/sources.txt" --aux-classpath "$cp" -R "$PMD_RULES" --use-version java-17 \
        -f text -r "$work/$lib/pmd-$run.txt" --no-cache --no-progress --no-fail-on-violation ;;
    index) # the index JVM's flags (io.oomguard.maven.fork.IndexCommand); all the library's sources
      timed "$lib" "$way" "$run" -- java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$index_cp" \
        io.oomguard.maven.index.ModuleIndex --out "$work/$lib/index-$run.tsv" "$lib_dir/src" ;;
    warm*) warm_way "$lib" "$way" "$run" "$classes" "$cp" ;;
  esac
  rm -rf "$classes"
}

# The warm ways: one JVM (bench/WarmJavac.java) compiles the library with javac+errorprone's
# arguments and those of oomguard (or of the floor) in turn; its per-compile times go to warm.tsv
# as `lib way run round variant exit wall cpu javac-thread-cpu`. warm-reload puts Error Prone and
# the checks on the processor path, which javac loads with a class loader of its own for each
# compile, as for each module of a Maven build. warm and warm-dispatch-floor leave that path
# empty, so javac finds the plugin through that loader's parent, the JVM's class path, where it
# is loaded once and stays JIT-compiled.
warm_way() { # lib way run classes classpath
  local lib=$1 way=$2 run=$3 second=oomguard checks_cp=$oomguard_cp jvm_cp processor_path variant
  if [ "$way" = warm-dispatch-floor ]; then second=floor checks_cp=$floor_cp; fi
  if [ "$way" = warm-reload ]; then
    jvm_cp=$helpers processor_path=$ep_cp:$checks_cp
  else
    jvm_cp=$helpers:$ep_cp:$checks_cp processor_path=$helpers/empty-processor-path
  fi
  for variant in errorprone "$second"; do
    {
      javac_flags "$4" "$5"
      printf '%s\n' -processorpath "$processor_path"
      if [ "$variant" = errorprone ]; then echo "-Xplugin:ErrorProne -XepDisableAllChecks"; else echo "-Xplugin:ErrorProne -XepDisableAllChecks$enable_checks"; fi
      echo "@$lib_dir/sources.txt"
    } >"$work/$lib/$way-$run-$variant.args"
  done
  timed "$lib" "$way" "$run" -- java "${jvm_flags[@]}" -Doomguard.strict=true -cp "$jvm_cp" WarmJavac "$warm_rounds" \
    errorprone="$work/$lib/$way-$run-errorprone.args" "$second=$work/$lib/$way-$run-$second.args"
  sed -n "s/^bench-warm: \([0-9]*\) \([a-z]*\) /$lib $way $run \1 \2 /p" "$work/$lib/$way-$run.log" >>"$work/warm.tsv"
}

# javac leaves javac.<date>.args where it runs when it fails hard; keep those out of the tree.
cd "$work"
: >"$work/times.tsv"
: >"$work/warm.tsv"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for lib in ${libs//,/ }; do
  read -r -a entry < <(grep "^$lib " "$conf")
  prepare_library "${entry[@]}"
  mkdir -p "$work/$lib"
  cp "$lib_dir/excluded.tsv" "$work/$lib/"
  grep '\.java$' "$lib_dir/excluded-always.txt" >"$work/$lib/excluded-always.txt" || true
  printf '%s\n' "coordinate=${entry[1]}" "files=$(wc -l <"$lib_dir/sources.txt")" \
    "lines=$(xargs cat <"$lib_dir/sources.txt" | wc -l)" "source_root=$lib_dir/src" >"$work/$lib/library.txt"
  for run in $(seq 1 "$runs"); do
    for way in ${ordered_ways//,/ }; do
      log "$lib: $way, run $run of $runs"
      run_way "$lib" "$way" "$run"
    done
  done
done
printf '%s\n' "started=$started" "command=$command_line" \
  "commit=$commit" "jdk=$(java -version 2>&1 | head -1)" "java_major=$java_major" "error_prone=$EP_VERSION" \
  "pmd=$PMD_VERSION" "machine=$(nproc) cores, $((($(sed -n 's/^MemTotal: *\([0-9]*\) kB/\1/p' /proc/meminfo) + 524288) / 1048576)) GiB" \
  "load_before=$load_before" "load_after=$(cut -d' ' -f1-3 /proc/loadavg)" "runs=$runs" \
  "warm_rounds=$warm_rounds" "libs=$libs" "ways=$ordered_ways" "checks=$(paste -sd, <<<"$checks")" >"$work/meta.txt"

status=0
report "$work" || status=$?
log "logs: $work"
if [ "$smoke" = 1 ]; then cat "$work/report.md"; fi
exit $status
}
