#!/usr/bin/env bash
# Compiles real open-source libraries (bench/libraries.conf) four ways and writes a markdown report:
#   a   plain javac, stopped after flow analysis
#   b   javac + Error Prone with every check disabled
#   c   javac + Error Prone + every oomguard check
#   pmd PMD 7 with its closest rules, on the same sources and classpath
# and, when asked for, b and c again in one long-lived JVM (bench/WarmJavac.java), javac warm:
#   m   Error Prone and oomguard loaded anew for each compile, as in a Maven build's modules
#   w   Error Prone and oomguard loaded once: everything warm
# and c with the JVM flags of the Maven plugin's analysis JVM:
#   p   c with the client JIT compiler only (io.oomguard.maven.fork.ForkCommand)
# and times the Maven plugin's cross-class index of the same sources:
#   i   io.oomguard.maven.index.ModuleIndex in its own JVM, as the plugin runs it before way c
# See bench/README.md. Needs bash, a JDK 17+, Maven, GNU time and Maven Central.
set -euo pipefail
# The whole script is one block, so that bash reads it all before running: editing it while a run
# is under way does not change that run.
{

usage() {
  cat <<'EOF'
Usage: bench/run.sh [--runs N] [--libs a,b] [--ways a,b,c,pmd,i] [--out FILE] [--jfr] [--smoke]
                    [--warm-rounds N] [--no-build] [--report DIR]

  --runs N       timed runs of each way per library (default 3); medians are reported
  --libs a,b     libraries from bench/libraries.conf (default: all)
  --ways list    which of a, b, c, f, pmd, i, m, w, wf, p to run (default: a,b,c,pmd,i); f = c
                 with every check answering "no finding" at once: Error Prone's dispatch floor;
                 m and w = b and c compiled in turn in one JVM, javac warm (see bench/README.md):
                 m loads Error Prone and oomguard anew for each compile, w once; wf = w with f in
                 place of c; p = c with the Maven plugin's analysis JVM flags
                 (-XX:TieredStopAtLevel=1)
  --warm-rounds N  rounds of b and c in each JVM of ways m, w and wf (default 10, at least 2); the
                 first half warm the JVM up and are left out of the report
  --out FILE     the report (default: bench/results/<date>.md; with --smoke, a temp file)
  --jfr          record JFR profiles of the first run of a, b and c per library
  --smoke        the CI leg: one small library, one run of way c; fails on a checker crash
  --no-build     use the jars already in checker/target (and maven-plugin/target for way i)
  --report DIR   only rewrite the report of an earlier run from its logs (DIR: the run's directory
                 under $OOMGUARD_BENCH_CACHE/runs)

Exit status: 0 fine; 1 a checker crash or a way that did not compile; 2 bad usage or setup;
3 Maven Central could not be reached.
Environment: OOMGUARD_BENCH_CACHE (default ~/.cache/oomguard-bench) holds sources and classpaths.
EOF
}

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
command_line="bench/run.sh $*"
rewritten_by=""  # set by --report: the command that rewrote an earlier run's report
runs=3
libs=""
ways="a,b,c,pmd,i"
warm_rounds=10
out=""
jfr=0
smoke=0
build=1
report_dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=${2:?--runs needs a number}; shift 2 ;;
    --libs) libs=${2:?--libs needs names}; shift 2 ;;
    --ways) ways=${2:?--ways needs a list}; shift 2 ;;
    --warm-rounds) warm_rounds=${2:?--warm-rounds needs a number}; shift 2 ;;
    --out) out=${2:?--out needs a file}; shift 2 ;;
    --jfr) jfr=1; shift ;;
    --smoke) smoke=1; shift ;;
    --no-build) build=0; shift ;;
    --report) report_dir=${2:?--report needs a run directory}; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "bench: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
case "$out" in /* | '') ;; *) out=$PWD/$out ;; esac
if [ "$smoke" = 1 ]; then
  libs=${libs:-httpclient5}
  runs=1
  ways=c
fi
case "$runs" in '' | *[!0-9]* | 0) echo "bench: --runs must be a positive number" >&2; exit 2 ;; esac
case "$warm_rounds" in '' | *[!0-9]* | 0 | 1) echo "bench: --warm-rounds must be a number, 2 or more" >&2; exit 2 ;; esac
for way in ${ways//,/ }; do
  case "$way" in a | b | c | f | pmd | i | m | w | wf | p) ;; *) echo "bench: unknown way '$way' (a, b, c, f, pmd, i, m, w, wf, p)" >&2; exit 2 ;; esac
done

EP_VERSION=2.42.0
PMD_VERSION=7.27.0
DEP=org.apache.maven.plugins:maven-dependency-plugin:3.8.1
HELP=org.apache.maven.plugins:maven-help-plugin:3.5.1
PMD_RULES=category/java/performance.xml/InsufficientStringBufferDeclaration,category/java/performance.xml/AvoidInstantiatingObjectsInLoops,category/java/errorprone.xml/CloseResource
CRASH='An unhandled exception was thrown by the Error Prone static analysis plugin'
cache=${OOMGUARD_BENCH_CACHE:-$HOME/.cache/oomguard-bench}
conf=$here/libraries.conf
if [ -n "$report_dir" ]; then
  work=$(cd "$report_dir" && pwd)
else
  work=$cache/runs/$(date +%Y%m%d-%H%M%S)
  mkdir -p "$work"
fi

log() { echo "bench: $*" >&2; }
fail() { log "$*"; exit 2; }
has_way() { case ",$ways," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }

# Everything up to the report is skipped with --report, which rewrites the report of an earlier
# run from its logs and meta.sh.
if [ -z "$report_dir" ]; then

# ---------------------------------------------------------------- tools

command -v java >/dev/null || fail "no java on PATH (JDK 17+ needed)"
command -v javac >/dev/null || fail "no javac on PATH (a JDK, not a JRE, is needed)"
command -v mvn >/dev/null || fail "no mvn on PATH (Maven 3.8+ needed)"
java_major=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
[ "${java_major:-0}" -ge 17 ] 2>/dev/null || fail "JDK 17+ needed, found '$java_major'"

# GNU time gives user, system and peak RSS; bash's `time` gives no memory.
TIME=/usr/bin/time
if ! "$TIME" -f '%e %U %S %M' -o /dev/null true 2>/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing GNU time (apt-get install time)"
    { apt-get install -y -q time || { apt-get update -q && apt-get install -y -q time; }; } >&2 ||
      fail "could not install GNU time; install the 'time' package"
  fi
  "$TIME" -f '%e %U %S %M' -o /dev/null true 2>/dev/null ||
    fail "GNU time is needed at /usr/bin/time (Debian/Ubuntu: apt-get install time)"
fi

# Maven, quiet, offline first (everything may be cached), then online with retries. A download
# that fails for want of a network ends the run with status 3, so CI can tell it from a crash.
mvn_log=$work/maven.log
resolve() {
  if mvn -B -o -ntp "$@" >"$mvn_log" 2>&1; then return 0; fi
  if mvn -B -ntp -Dmaven.wagon.http.retryHandler.count=3 -Dmaven.wagon.rto=120000 \
    "$@" >"$mvn_log" 2>&1; then
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

# A pom <dependency> element per group:artifact:version argument.
dependency_elements() {
  local coordinate g a v
  for coordinate in "$@"; do
    IFS=: read -r g a v <<<"$coordinate"
    echo "<dependency><groupId>$g</groupId><artifactId>$a</artifactId><version>$v</version></dependency>"
  done
}

# A classpath of the given artifacts and their runtime dependencies, resolved once and cached.
tool_classpath() {
  local name=$1
  shift
  local dir=$cache/tools/$name
  local cp=$dir/classpath.txt
  if [ -s "$cp" ] && classpath_exists "$(cat "$cp")"; then
    echo "$cp"
    return
  fi
  mkdir -p "$dir"
  {
    echo '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
    echo "<groupId>bench.tools</groupId><artifactId>$name</artifactId><version>1</version>"
    echo '<packaging>pom</packaging><dependencies>'
    dependency_elements "$@"
    echo '</dependencies></project>'
  } >"$dir/pom.xml"
  resolve -f "$dir/pom.xml" "$DEP:build-classpath" -Dmdep.outputFile="$cp" -Dmdep.includeScope=runtime
  echo "$cp"
}

classpath_exists() {
  local entry
  local IFS=:
  for entry in $1; do [ -e "$entry" ] || return 1; done
}

# The commit measured (read before the build, so later commits during a long run do not show).
commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)
git -C "$repo" diff --quiet HEAD -- checker annotations maven-plugin 2>/dev/null ||
  commit="$commit (with uncommitted changes)"

# The checker under test (and for way i the Maven plugin, with its classpath), built from this tree.
modules=annotations,checker
build_goals=(clean package)
if has_way i; then
  modules=$modules,maven-plugin
  # In the same reactor run as the package, so that the checker resolves to the jar just built;
  # every module writes the file, the plugin (built last) wins.
  build_goals+=("$DEP:build-classpath" "-Dmdep.outputFile=$work/plugin-classpath.txt" -Dinvoker.skip)
fi
if [ "$build" = 1 ]; then
  log "building the checker (mvn -pl $modules -am ${build_goals[*]})"
  (cd "$repo" && mvn -B -q -ntp -o -DskipTests -pl "$modules" -am "${build_goals[@]}" >"$work/build.log" 2>&1) ||
    (cd "$repo" && mvn -B -q -ntp -DskipTests -pl "$modules" -am "${build_goals[@]}" >"$work/build.log" 2>&1) ||
    { tail -40 "$work/build.log" >&2; fail "building the checker failed"; }
elif has_way i; then
  (cd "$repo" && resolve -pl maven-plugin -am "$DEP:build-classpath" "-Dmdep.outputFile=$work/plugin-classpath.txt")
fi
checker_jar=$(ls "$repo"/checker/target/oomguard-checker-*.jar 2>/dev/null | grep -v -- '-sources\|-javadoc\|-tests' | head -1)
annotations_jar=$(ls "$repo"/annotations/target/oomguard-annotations-*.jar 2>/dev/null | grep -v -- '-sources\|-javadoc\|-tests' | head -1)
[ -n "$checker_jar" ] && [ -n "$annotations_jar" ] || fail "no checker jar; build it or drop --no-build"
# Run on copies, so that a build in the tree during a long run does not change what is measured.
cp "$checker_jar" "$annotations_jar" "$work/"
checker_jar=$work/$(basename "$checker_jar")
annotations_jar=$work/$(basename "$annotations_jar")
# Every oomguard check, as registered with the service loader in the jar.
checks=$(unzip -p "$checker_jar" META-INF/services/com.google.errorprone.bugpatterns.BugChecker |
  awk -F. '/^io\.oomguard\.checker\.checks\./ {print $NF}' | sort)
[ -n "$checks" ] || fail "no oomguard checks registered in $checker_jar"
index_cp=""
if has_way i; then
  plugin_jar=$(ls "$repo"/maven-plugin/target/oomguard-maven-plugin-*.jar 2>/dev/null | grep -v -- '-sources\|-javadoc\|-tests' | head -1)
  [ -n "$plugin_jar" ] && [ -s "$work/plugin-classpath.txt" ] || fail "no Maven plugin jar or classpath for way i"
  cp "$plugin_jar" "$work/"
  # The plugin's classpath names the checker jar in checker/target: use the copy instead.
  index_cp="$work/$(basename "$plugin_jar"):$(tr ':' '\n' <"$work/plugin-classpath.txt" |
    sed "s|^$repo/checker/target/oomguard-checker-.*\.jar\$|$checker_jar|" | paste -sd:)"
fi
enable_checks=""
for check in $checks; do enable_checks="$enable_checks -Xep:$check:WARN"; done

ep_cp_file=$(tool_classpath "error-prone-$EP_VERSION" "com.google.errorprone:error_prone_core:$EP_VERSION") || exit $?
ep_cp=$(cat "$ep_cp_file")
pmd_cp=""
if has_way pmd; then
  pmd_cp_file=$(tool_classpath "pmd-$PMD_VERSION" "net.sourceforge.pmd:pmd-java:$PMD_VERSION" \
    "net.sourceforge.pmd:pmd-cli:$PMD_VERSION") || exit $?
  pmd_cp=$(cat "$pmd_cp_file")
fi

# javac must open its internals to Error Prone; the same list the build uses (jvm_flags for the
# warm ways' own JVM).
jvm_access=()
jvm_flags=()
for flag in $(cat "$repo/.mvn/jvm.config"); do jvm_access+=("-J$flag") jvm_flags+=("$flag"); done

# ---------------------------------------------------------------- libraries

all_libs=$(awk '!/^#/ && NF >= 2 {print $1}' "$conf")
if [ -z "$libs" ]; then libs=$(echo $all_libs | tr ' ' ,); fi
for lib in ${libs//,/ }; do
  echo "$all_libs" | grep -qx -- "$lib" || fail "unknown library '$lib' (see $conf)"
done

# The flags every way shares: stop after flow analysis, no annotation processing, no class files.
javac_flags() { # classes dir, classpath
  printf '%s\n' -XDcompilePolicy=simple -XDshould-stop.ifNoError=FLOW -XDshould-stop.ifError=FLOW \
    -proc:none -implicit:none -d "$1" -encoding UTF-8 -Xmaxerrs 100000 -Xmaxwarns 100000 \
    -cp "$2"
}

# Fetches a library's sources and compile classpath, then drops the files plain javac on this JDK
# cannot compile (multi-release variants, module-info, classes needing absent optional
# dependencies) until the rest compiles; every way then compiles exactly that set.
prepare_library() { # name coordinate [extra compile-only coordinates...] -> sets lib_dir
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
  # The library's own pom, built as a project, gives its effective model (parents merged, versions
  # managed); its dependencies less the test and system ones, declared directly in a throwaway pom,
  # make the library's compile classpath, provided and optional dependencies included (a consumer
  # of the library would not get those). Test dependencies are dropped rather than resolved: some
  # are never published.
  cp "$lib_dir/download/$a-$v.pom" "$lib_dir/project/pom.xml"
  log "$name: resolving its compile classpath"
  resolve -f "$lib_dir/project/pom.xml" "$HELP:effective-pom" -Doutput="$lib_dir/project/effective.xml"
  {
    echo '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
    echo "<groupId>bench.libs</groupId><artifactId>$name</artifactId><version>1</version>"
    echo '<packaging>pom</packaging><dependencies>'
    awk '/^  <dependencies>$/ { inside = 1; next }
         /^  <\/dependencies>$/ { inside = 0 }
         !inside { next }
         /^    <dependency>$/ { block = ""; drop = 0 }
         { block = block $0 "\n" }
         /<scope>(test|system)<\/scope>/ { drop = 1 }
         /^    <\/dependency>$/ { if (!drop) printf "%s", block }' "$lib_dir/project/effective.xml"
    dependency_elements "$@"
    echo '</dependencies></project>'
  } >"$lib_dir/classpath-pom.xml"
  resolve -f "$lib_dir/classpath-pom.xml" "$DEP:build-classpath" \
    -Dmdep.outputFile="$lib_dir/classpath.txt" -Dmdep.includeScope=compile
  [ -f "$lib_dir/classpath.txt" ] || : >"$lib_dir/classpath.txt"
  echo "$wanted" >"$lib_dir/wanted.txt"
  (cd "$lib_dir/src" && jar xf "$lib_dir/download/$a-$v-sources.jar")
  find "$lib_dir/src" -name '*.java' ! -name module-info.java ! -path '*/META-INF/*' | sort >"$lib_dir/sources.txt"
  : >"$lib_dir/excluded.tsv"
  {
    echo "module-info.java and META-INF/versions/** (multi-release) are never compiled:"
    find "$lib_dir/src" -name '*.java' \( -name module-info.java -o -path '*/META-INF/*' \) | sed "s|^$lib_dir/src/||"
  } >"$lib_dir/excluded-always.txt"
  local round classes="$lib_dir/prune-classes" prune_log="$lib_dir/prune.log"
  for round in 1 2 3 4 5 6 7 8; do
    rm -rf "$classes" && mkdir -p "$classes"
    log "$name: checking the sources compile with plain javac (round $round, $(wc -l <"$lib_dir/sources.txt") files)"
    local prune_args
    mapfile -t prune_args < <(javac_flags "$classes" "$(cat "$lib_dir/classpath.txt")")
    if javac "${prune_args[@]}" @"$lib_dir/sources.txt" >"$prune_log" 2>&1; then
      touch "$lib_dir/ready"
      rm -rf "$classes"
      return
    fi
    # path<TAB>first error of every file with an error
    awk '/^\/.*\.java:[0-9]+: error: / {
           split($0, parts, ".java:"); file = parts[1] ".java"
           if (!(file in seen)) { seen[file] = 1; message = $0; sub(/^[^ ]* error: /, "", message); print file "\t" message }
         }' "$prune_log" >"$lib_dir/round.tsv"
    if [ ! -s "$lib_dir/round.tsv" ]; then
      tail -30 "$prune_log" >&2
      fail "$name: plain javac fails without naming a source file; see $prune_log"
    fi
    cat "$lib_dir/round.tsv" >>"$lib_dir/excluded.tsv"
    cut -f1 "$lib_dir/round.tsv" | sort >"$lib_dir/round-files.txt"
    comm -23 "$lib_dir/sources.txt" "$lib_dir/round-files.txt" >"$lib_dir/sources.next"
    mv "$lib_dir/sources.next" "$lib_dir/sources.txt"
  done
  fail "$name: still does not compile after 8 rounds of excluding files; see $prune_log"
}

# ---------------------------------------------------------------- running

# One timed run; appends `lib way run wall user sys rss_kb exit` to times.tsv.
timed() { # lib way run log -- command...
  local lib=$1 way=$2 run=$3 out_log=$4 status=0
  shift 5
  "$TIME" -f '%e %U %S %M' -o "$work/time.txt" "$@" >"$out_log" 2>&1 || status=$?
  echo "$lib $way $run $(tail -1 "$work/time.txt") $status" >>"$work/times.tsv"
  return 0
}

run_way() { # lib way run
  local lib=$1 way=$2 run=$3 dir=$work/$1 cp classes
  cp=$(cat "$lib_dir/classpath.txt")
  classes=$dir/classes-$way
  rm -rf "$classes" && mkdir -p "$classes"
  local javac_args profile=()
  mapfile -t javac_args < <(javac_flags "$classes" "$cp")
  # Each thread's cpu, printed when the JVM exits (bench/ThreadCpu.java), for the report's thread table.
  javac_args=("$thread_agent" "${javac_args[@]}")
  if [ "$jfr" = 1 ] && [ "$run" = 1 ] && [ "$way" != pmd ]; then
    profile=("-J-XX:StartFlightRecording=filename=$dir/$way.jfr,settings=profile")
  fi
  case "$way" in
    a)
      timed "$lib" a "$run" "$dir/a-$run.log" -- javac "${jvm_access[@]}" "${profile[@]}" "${javac_args[@]}" @"$lib_dir/sources.txt" ;;
    b)
      timed "$lib" b "$run" "$dir/b-$run.log" -- javac "${jvm_access[@]}" "${profile[@]}" "${javac_args[@]}" \
        -processorpath "$ep_cp" "-Xplugin:ErrorProne -XepDisableAllChecks" @"$lib_dir/sources.txt" ;;
    c)
      timed "$lib" c "$run" "$dir/c-$run.log" -- javac "${jvm_access[@]}" "${profile[@]}" "${javac_args[@]}" \
        -J-Doomguard.strict=true -processorpath "$ep_cp:$checker_jar:$annotations_jar" \
        "-Xplugin:ErrorProne -XepDisableAllChecks$enable_checks" @"$lib_dir/sources.txt" ;;
    f)
      # c, but every check returns "no finding" at once (io.oomguard.checker.Guard): what is left
      # is Error Prone calling the checks and the JVM loading and compiling that path.
      timed "$lib" f "$run" "$dir/f-$run.log" -- javac "${jvm_access[@]}" "${profile[@]}" "${javac_args[@]}" \
        -J-Doomguard.dispatchOnly=true -processorpath "$ep_cp:$checker_jar:$annotations_jar" \
        "-Xplugin:ErrorProne -XepDisableAllChecks$enable_checks" @"$lib_dir/sources.txt" ;;
    pmd)
      timed "$lib" pmd "$run" "$dir/pmd-$run.log" -- java -cp "$pmd_cp" net.sourceforge.pmd.cli.PmdCli check \
        --file-list "$lib_dir/sources.txt" --aux-classpath "$cp" -R "$PMD_RULES" --use-version java-17 \
        -f text -r "$dir/pmd-$run.txt" --no-cache --no-progress --no-fail-on-violation ;;
    p)
      # c in the Maven plugin's analysis JVM: its flags (io.oomguard.maven.fork.ForkCommand).
      timed "$lib" p "$run" "$dir/p-$run.log" -- javac "${jvm_access[@]}" "${profile[@]}" "${javac_args[@]}" \
        -J-XX:TieredStopAtLevel=1 -J-Doomguard.strict=true -processorpath "$ep_cp:$checker_jar:$annotations_jar" \
        "-Xplugin:ErrorProne -XepDisableAllChecks$enable_checks" @"$lib_dir/sources.txt" ;;
    m | w | wf)
      warm_way "$lib" "$way" "$run" "$classes" "$cp" ;;
    i)
      # The JVM flags of io.oomguard.maven.fork.IndexCommand; all of the library's sources.
      timed "$lib" i "$run" "$dir/i-$run.log" -- java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
        -cp "$index_cp" io.oomguard.maven.index.ModuleIndex --out "$dir/i-$run.tsv" \
        "$lib_dir/src" ;;
  esac
  rm -rf "$classes"
}

# Ways m, w and wf: one JVM (bench/WarmJavac.java) compiles the library with b's and c's
# arguments in turn, --warm-rounds times each; its per-compile times go to warm.tsv as
# `lib way run round b|c exit wall cpu javac` (javac: the cpu of javac's own thread; runs before
# 4a03bd4 have no such column), and the JVM's whole run to times.tsv (its exit is 1 when
# a compile failed). m puts Error Prone and oomguard on the processor path, which javac loads
# with a class loader of its own for each compile, as javac inside Maven's JVM does for each
# module: javac is warm, the checks start cold every time. w leaves the processor path empty, so
# that javac finds the plugin through that class loader's parent, the JVM's class path, where
# Error Prone and oomguard are loaded once and stay JIT-compiled from one compile to the next.
# wf is w with the checks answering at once (f's -Doomguard.dispatchOnly, which holds for the
# whole JVM): its "c" compiles are f's, so that f/b is read warm, on javac's thread.
warm_way() { # lib way run classes classpath
  local lib=$1 way=$2 run=$3 classes=$4 cp=$5 dir=$work/$1 jvm_cp processor_path variant
  local dispatch_only=false
  [ "$way" = wf ] && dispatch_only=true
  if [ "$way" = m ]; then
    jvm_cp=$warm_dir
    processor_path=$ep_cp:$checker_jar:$annotations_jar
  else
    jvm_cp=$warm_dir:$ep_cp:$checker_jar:$annotations_jar
    processor_path=$warm_dir/empty-processor-path
  fi
  for variant in b c; do
    {
      javac_flags "$classes" "$cp"
      printf '%s\n' -processorpath "$processor_path"
      if [ "$variant" = b ]; then
        echo "-Xplugin:ErrorProne -XepDisableAllChecks"
      else
        echo "-Xplugin:ErrorProne -XepDisableAllChecks$enable_checks"
      fi
      echo "@$lib_dir/sources.txt"
    } >"$dir/$way-$run-$variant.args"
  done
  timed "$lib" "$way" "$run" "$dir/$way-$run.log" -- java "${jvm_flags[@]}" -Doomguard.strict=true \
    -Doomguard.dispatchOnly=$dispatch_only -cp "$jvm_cp" WarmJavac "$warm_rounds" b="$dir/$way-$run-b.args" c="$dir/$way-$run-c.args"
  # timed sent WarmJavac's standard output and error to the log; its lines of times go to warm.tsv.
  sed -n "s/^bench-warm: \([0-9]*\) \([bc]\) \([0-9]*\) /$lib $way $run \1 \2 \3 /p" \
    "$dir/$way-$run.log" >>"$work/warm.tsv"
}

# The agent that prints each javac run's cpu by thread kind (javac's, the JIT's, the GC's).
agent_dir=$work/thread-cpu
mkdir -p "$agent_dir"
printf 'Premain-Class: ThreadCpu\n' >"$agent_dir/manifest.txt"
javac -d "$agent_dir" "$repo/bench/ThreadCpu.java" \
  && jar cfm "$agent_dir/thread-cpu.jar" "$agent_dir/manifest.txt" -C "$agent_dir" ThreadCpu.class \
  || fail "could not build bench/ThreadCpu.java"
thread_agent=-J-javaagent:$agent_dir/thread-cpu.jar=$(getconf CLK_TCK)
warm_dir=$work/warm-javac
if has_way m || has_way w || has_way wf; then
  mkdir -p "$warm_dir/empty-processor-path"
  javac -d "$warm_dir" "$repo/bench/WarmJavac.java" || fail "could not build bench/WarmJavac.java"
fi

# javac leaves javac.<date>.args where it runs when it fails hard; keep those out of the tree.
cd "$work"
machine="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
: >"$work/times.tsv"
: >"$work/warm.tsv"
for lib in ${libs//,/ }; do
  read -r -a entry < <(awk -v name="$lib" '$1 == name' "$conf")
  prepare_library "${entry[@]}"
  mkdir -p "$work/$lib"
  sed "s|^$lib_dir/src/||" "$lib_dir/sources.txt" >"$work/$lib/sources.txt"
  xargs cat <"$lib_dir/sources.txt" | wc -l >"$work/$lib/lines.txt"
  for run in $(seq 1 "$runs"); do
    for way in a b c f p pmd i m w wf; do
      has_way "$way" || continue
      log "$lib: way $way, run $run of $runs"
      run_way "$lib" "$way" "$run"
    done
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
declare -p command_line commit load_before load_after machine runs libs checks java_major warm_rounds >"$work/meta.sh"
else
  command_line_now=$command_line
  # shellcheck source=/dev/null
  . "$work/meta.sh"
  rewritten_by=$command_line_now
fi

# ---------------------------------------------------------------- report

# median of a column of times.tsv for lib and way (wall = 4, cpu = user + sys, rss = 7)
stat() { # lib way what
  awk -v lib="$1" -v way="$2" -v what="$3" '
    $1 == lib && $2 == way {
      n++
      if (what == "wall") v[n] = $4; else if (what == "cpu") v[n] = $5 + $6; else v[n] = $7
    }
    END {
      if (n == 0) { print "-"; exit }
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
      m = (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
      if (what == "max_rss") printf "%.0f", v[n] / 1024; else printf "%.1f", m
    }' "$work/times.tsv"
}
# median over the runs of one kind of thread's cpu (javac, jit, gc, other) in the logs of lib and
# way, as bench/ThreadCpu.java prints it; "-" for runs made without it
thread_stat() { # lib way kind
  local logs=("$work/$1/$2"-*.log)
  [ -e "${logs[0]}" ] || { echo -; return; }
  awk -v kind="$3" '/^bench-threads: / {
      for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == kind) v[++n] = kv[2] }
    }
    END {
      if (n == 0) { print "-"; exit }
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
      printf "%.1f", (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
    }' "${logs[@]}"
}
# awk functions for the paired tables: interval(x, n) sets MEAN and HALF, the mean of x[1..n] and
# the half-width of its 95% confidence interval (Student's t, two-sided, n - 1 degrees of freedom)
INTERVAL_AWK='
  function t95(df) {
    split("12.706 4.303 3.182 2.776 2.571 2.447 2.365 2.306 2.262 2.228 2.201 2.179 2.160 2.145 2.131 2.120 2.110 2.101 2.093 2.086 2.080 2.074 2.069 2.064 2.060 2.056 2.052 2.048 2.045 2.042", T, " ")
    return df <= 30 ? T[df] : 1.960 + 2.37 / df
  }
  function interval(x, n,    i, sd) {
    MEAN = 0; for (i = 1; i <= n; i++) MEAN += x[i]; MEAN /= n
    sd = 0; for (i = 1; i <= n; i++) sd += (x[i] - MEAN) ^ 2; sd = sqrt(sd / (n - 1))
    HALF = t95(n - 1) * sd / sqrt(n)
  }'
ratio() { awk -v x="$1" -v y="$2" 'BEGIN { if (x == "-" || y == "-" || y == 0) print "-"; else printf "%.2f", x / y }'; }
minus() { awk -v x="$1" -v y="$2" 'BEGIN { if (x == "-" || y == "-") print "-"; else printf "%.1f", x - y }'; }
plus() { awk -v x="$1" -v y="$2" 'BEGIN { if (x == "-" || y == "-") print "-"; else printf "%.1f", x + y }'; }
strip_src() { sed "s|$cache/libs/[^/]*/src/||g"; }
# how many oomguard findings the logs (or standard input) hold
count_findings() { cat "$@" | grep -cE "warning: \[($(echo $checks | tr ' ' '|'))\]" || true; }
last_of() { ls "$@" 2>/dev/null | sort -V | tail -1 || true; }
# the logs of every way that runs the checks in javac (where a crash would be), one per line
checker_logs() { local way; for way in c b f p m w wf; do compgen -G "$1/$way-*.log" || true; done; }

if [ -z "$out" ]; then
  if [ "$smoke" = 1 ]; then out=$work/report.md; else out=$repo/bench/results/$(date +%Y-%m-%d).md; fi
fi
mkdir -p "$(dirname "$out")"
findings_out=${out%.md}-findings.txt
crashes=0
broken=0
{
  echo "# oomguard benchmark, $(date '+%Y-%m-%d %H:%M %Z')"
  echo
  echo "Produced by \`$command_line\` at commit $commit${rewritten_by:+ (report rewritten by \`$rewritten_by\`)}."
  echo
  echo "- JDK: $(java -version 2>&1 | head -1); Error Prone $EP_VERSION; PMD $PMD_VERSION"
  echo "- machine: $machine; load average (1, 5, 15 min) before: $load_before, after: $load_after"
  echo "- $runs run(s) of each way per library; times are medians in seconds; cpu = user + sys"
  echo "  (all threads: javac, JIT, GC); rss = the largest peak resident set of any run, MiB"
  echo "- checks enabled in c: $(echo $checks | tr ' ' ,)"
  echo "- ways: a = javac to flow; b = a + Error Prone, all checks off; c = b + every oomguard check;"
  echo "  pmd = PMD 7 (InsufficientStringBufferDeclaration, AvoidInstantiatingObjectsInLoops, CloseResource)"
  echo
  echo "| library | files | lines | a wall | a cpu | b wall | b cpu | c wall | c cpu | pmd wall | pmd cpu | c/a cpu | c/b cpu | c/a wall | c/b wall | (c−a) cpu | (c−a)/pmd cpu | rss a/b/c/pmd | crashes |"
  echo "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|--:|"
  all_files=0 all_lines=0
  for lib in ${libs//,/ }; do
    dir=$work/$lib
    files=$(wc -l <"$dir/sources.txt")
    lines=$(cat "$dir/lines.txt")
    for way in a b c pmd; do
      eval "${way}_wall=$(stat "$lib" $way wall) ${way}_cpu=$(stat "$lib" $way cpu) ${way}_rss=$(stat "$lib" $way max_rss)"
    done
    mapfile -t lib_logs < <(checker_logs "$dir")
    lib_crashes=$(cat "${lib_logs[@]}" /dev/null | grep -c "$CRASH" || true)
    crashes=$((crashes + lib_crashes))
    delta=$(minus "$c_cpu" "$a_cpu")
    echo "| $lib | $files | $lines | $a_wall | $a_cpu | $b_wall | $b_cpu | $c_wall | $c_cpu | $pmd_wall | $pmd_cpu | $(ratio "$c_cpu" "$a_cpu") | $(ratio "$c_cpu" "$b_cpu") | $(ratio "$c_wall" "$a_wall") | $(ratio "$c_wall" "$b_wall") | $delta | $(ratio "$delta" "$pmd_cpu") | $a_rss/$b_rss/$c_rss/$pmd_rss | $lib_crashes |"
    all_files=$(plus "$all_files" "$files") all_lines=$(plus "$all_lines" "$lines")
    for value in a_wall a_cpu b_wall b_cpu c_wall c_cpu pmd_wall pmd_cpu; do
      eval "all_$value=\$(plus \"\${all_$value:-0}\" \"\$$value\")"
    done
  done
  if [ "$(wc -w <<<"${libs//,/ }")" -gt 1 ]; then
    # The sums of the medians: per-library ratios on a shared machine are noisy (see README).
    delta=$(minus "$all_c_cpu" "$all_a_cpu")
    echo "| **all** (sums) | ${all_files%.0} | ${all_lines%.0} | $all_a_wall | $all_a_cpu | $all_b_wall | $all_b_cpu | $all_c_wall | $all_c_cpu | $all_pmd_wall | $all_pmd_cpu | $(ratio "$all_c_cpu" "$all_a_cpu") | $(ratio "$all_c_cpu" "$all_b_cpu") | $(ratio "$all_c_wall" "$all_a_wall") | $(ratio "$all_c_wall" "$all_b_wall") | $delta | $(ratio "$delta" "$all_pmd_cpu") | | $crashes |"
  fi
  if [ "$runs" -gt 1 ] && grep -q '^[^ ]* b ' "$work/times.tsv" && grep -q '^[^ ]* c ' "$work/times.tsv"; then
    echo
    echo "## Run to run (sums over the libraries)"
    echo
    echo "Run k of a library runs its ways one right after the other, so they share the machine's state:"
    echo "each row (run k of every library) is a paired sample, and the spread of its ratios is what the"
    echo "single figures above can be trusted to."
    echo
    echo "| run | a cpu | b cpu | c cpu | pmd cpu | c/a cpu | c/b cpu | (c−a)/pmd cpu |"
    echo "|---|--:|--:|--:|--:|--:|--:|--:|"
    awk -v libs=",$libs," -v runs="$runs" '
      index(libs, "," $1 ",") { cpu[$3, $2] += $5 + $6 }
      function r(x, y) { return (x == "" || y == "" || y == 0) ? "" : x / y }
      function cell(x) { return x == "" ? "-" : sprintf("%.2f", x) }
      function sum(x) { return x == "" ? "-" : sprintf("%.1f", x) }
      function range(v, n,    i, j, t, lo, hi, m) {
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
        if (n == 0) return "-"
        m = (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
        return sprintf("%.2f (%.2f–%.2f)", m, v[1], v[n])
      }
      END {
        for (k = 1; k <= runs; k++) {
          a = cpu[k, "a"]; b = cpu[k, "b"]; c = cpu[k, "c"]; p = cpu[k, "pmd"]
          ca = r(c, a); cb = r(c, b); cp = (a == "" || c == "") ? "" : r(c - a, p)
          if (ca != "") CA[++nca] = ca
          if (cb != "") CB[++ncb] = cb
          if (cp != "") CP[++ncp] = cp
          printf "| %d | %s | %s | %s | %s | %s | %s | %s |\n", k, sum(a), sum(b), sum(c), sum(p), cell(ca), cell(cb), cell(cp)
        }
        printf "| median (range) | | | | | %s | %s | %s |\n", range(CA, nca), range(CB, ncb), range(CP, ncp)
      }' "$work/times.tsv"
  fi
  if [ "$runs" -gt 1 ] && grep -q '^[^ ]* b ' "$work/times.tsv" && grep -q '^[^ ]* c ' "$work/times.tsv"; then
    echo
    echo "## Paired ratios and the targets"
    echo
    echo "Every run of every library is one pair (its ways ran back to back). The ratios are averaged"
    echo "over all pairs, each library weighing the same (unlike the sums above): geometric means with a"
    echo "95% confidence interval (Student's t over the logarithms; the marginal cost, a difference, by"
    echo "its arithmetic mean). A target is **met** when the whole interval is within it, **not met** when"
    echo "the whole interval is outside, and **undecided** when the interval contains it: then the"
    echo "machine's noise is larger than the distance to the target."
    echo
    echo "| ratio (cpu) | pairs | mean | 95% interval | target | verdict |"
    echo "|---|--:|--:|--:|--:|---|"
    awk -v libs=",$libs," "$INTERVAL_AWK"'
      index(libs, "," $1 ",") { cpu[$1, $3, $2] = $5 + $6; seen[$1, $3] = 1 }
      function verdict(lo, hi, target) { return hi <= target ? "met" : lo > target ? "not met" : "undecided" }
      function row(name, logs, n, target,    m, h) {
        if (n < 2) { printf "| %s | %d | - | - | ≤ %.2f | too few pairs |\n", name, n, target; return }
        interval(logs, n); m = MEAN; h = HALF
        if (logs["log"]) printf "| %s | %d | %.3f | %.3f–%.3f | ≤ %.2f | %s |\n", name, n, exp(m), exp(m - h), exp(m + h), target, verdict(exp(m - h), exp(m + h), target)
        else printf "| %s | %d | %.3f | %.3f–%.3f | ≤ %.2f | %s |\n", name, n, m, m - h, m + h, target, verdict(m - h, m + h, target)
      }
      END {
        CB["log"] = CA["log"] = 1
        for (k in seen) {
          split(k, key, SUBSEP); l = key[1]; r = key[2]
          a = cpu[l, r, "a"]; b = cpu[l, r, "b"]; c = cpu[l, r, "c"]; p = cpu[l, r, "pmd"]
          if (b > 0 && c > 0) CB[++ncb] = log(c / b)
          if (a > 0 && c > 0) CA[++nca] = log(c / a)
          if (a > 0 && c > 0 && p > 0) CP[++ncp] = (c - a) / p
        }
        row("c/b", CB, ncb, 1.05)
        if (nca) row("c/a", CA, nca, 1.25)
        if (ncp) row("(c−a)/pmd", CP, ncp, 0.25)
      }' "$work/times.tsv"
  fi
  if [ "$(thread_stat "${libs%%,*}" b javac)" != - ] && [ "$(thread_stat "${libs%%,*}" c javac)" != - ]; then
    echo
    echo "## Where the cpu goes: javac's thread and the JIT"
    echo
    echo "Each javac run reports its threads' cpu (user + sys, from /proc, by bench/ThreadCpu.java): *javac*"
    echo "is the compiler's own thread, where parsing, attribution, flow analysis, Error Prone and the"
    echo "checks run; *jit* is the JIT compiler threads, which compile the hot methods of all of them."
    echo "The medians over the runs. A short javac run spends much of its cpu in the JIT, and what"
    echo "oomguard adds there is its own methods and those of javac, Error Prone and the JDK that its"
    echo "checks make hot: the c − b jit column."
    echo
    echo "| library | b cpu | b javac | b jit | c cpu | c javac | c jit | c/b javac | c − b cpu | c − b javac | c − b jit |"
    echo "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
    t_all_bc=0 t_all_bj=0 t_all_bt=0 t_all_cc=0 t_all_cj=0 t_all_ct=0
    for lib in ${libs//,/ }; do
      bc=$(stat "$lib" b cpu) bj=$(thread_stat "$lib" b javac) bt=$(thread_stat "$lib" b jit)
      cc=$(stat "$lib" c cpu) cj=$(thread_stat "$lib" c javac) ct=$(thread_stat "$lib" c jit)
      echo "| $lib | $bc | $bj | $bt | $cc | $cj | $ct | $(ratio "$cj" "$bj") | $(minus "$cc" "$bc") | $(minus "$cj" "$bj") | $(minus "$ct" "$bt") |"
      t_all_bc=$(plus "$t_all_bc" "$bc") t_all_bj=$(plus "$t_all_bj" "$bj") t_all_bt=$(plus "$t_all_bt" "$bt")
      t_all_cc=$(plus "$t_all_cc" "$cc") t_all_cj=$(plus "$t_all_cj" "$cj") t_all_ct=$(plus "$t_all_ct" "$ct")
    done
    if [ "$(wc -w <<<"${libs//,/ }")" -gt 1 ]; then
      echo "| **all** (sums) | $t_all_bc | $t_all_bj | $t_all_bt | $t_all_cc | $t_all_cj | $t_all_ct | $(ratio "$t_all_cj" "$t_all_bj") | $(minus "$t_all_cc" "$t_all_bc") | $(minus "$t_all_cj" "$t_all_bj") | $(minus "$t_all_ct" "$t_all_bt") |"
    fi
    if [ "$runs" -gt 1 ]; then
      echo
      echo "Paired as in the table of the targets (geometric means over every (library, run) pair, 95%"
      echo "intervals), for reading only: the target is on all threads."
      echo
      echo "| c/b on | pairs | mean | 95% interval |"
      echo "|---|--:|--:|--:|"
      for lib in ${libs//,/ }; do
        for log in "$work/$lib"/[bc]-*.log; do
          [ -e "$log" ] || continue
          name=${log##*/} && name=${name%.log}
          sed -n "s/^bench-threads: /$lib ${name#*-} ${name%%-*} /p" "$log"
        done
      done | awk "$INTERVAL_AWK"'
        { for (i = 4; i <= NF; i++) { split($i, kv, "="); v[$1, $2, $3, kv[1]] = kv[2] }; seen[$1, $2] = 1 }
        function row(name, kind,    k, key, n, x) {
          n = 0
          for (k in seen) {
            split(k, key, SUBSEP)
            if (v[key[1], key[2], "b", kind] > 0 && v[key[1], key[2], "c", kind] > 0)
              x[++n] = log(v[key[1], key[2], "c", kind] / v[key[1], key[2], "b", kind])
          }
          if (n < 2) { printf "| %s | %d | - | - |\n", name, n; return }
          interval(x, n)
          printf "| %s | %d | %.3f | %.3f–%.3f |\n", name, n, exp(MEAN), exp(MEAN - HALF), exp(MEAN + HALF)
        }
        END { row("javac'"'"'s thread", "javac"); row("the JIT threads", "jit") }'
    fi
  fi
  if grep -q '^[^ ]* p ' "$work/times.tsv"; then
    echo
    echo "## The Maven plugin's analysis JVM (way p)"
    echo
    echo "Way c with the JVM flags the plugin's \`check\` goal gives its analysis JVM"
    echo "(\`-XX:TieredStopAtLevel=1\`, io.oomguard.maven.fork.ForkCommand): what the analysis costs a"
    echo "build that uses the plugin. Medians, seconds; findings of the last run (they must agree)."
    echo
    echo "| library | c wall | c cpu | p wall | p cpu | p/c wall | p/c cpu | p/b cpu | p findings (c) |"
    echo "|---|--:|--:|--:|--:|--:|--:|--:|--:|"
    p_libs=0 all_pc_cw=0 all_pc_cc=0 all_pc_pw=0 all_pc_pc=0
    for lib in ${libs//,/ }; do
      p_cpu=$(stat "$lib" p cpu) p_wall=$(stat "$lib" p wall) c_cpu=$(stat "$lib" c cpu) c_wall=$(stat "$lib" c wall)
      [ "$p_cpu" != - ] || continue
      last_p=$(last_of "$work/$lib"/p-*.log) last_c=$(last_of "$work/$lib"/c-*.log)
      p_findings=$(count_findings "$last_p")
      c_findings=-
      [ -z "$last_c" ] || c_findings=$(count_findings "$last_c")
      echo "| $lib | $c_wall | $c_cpu | $p_wall | $p_cpu | $(ratio "$p_wall" "$c_wall") | $(ratio "$p_cpu" "$c_cpu") | $(ratio "$p_cpu" "$(stat "$lib" b cpu)") | $p_findings ($c_findings) |"
      p_libs=$((p_libs + 1))
      all_pc_cw=$(plus "$all_pc_cw" "$c_wall") all_pc_cc=$(plus "$all_pc_cc" "$c_cpu")
      all_pc_pw=$(plus "$all_pc_pw" "$p_wall") all_pc_pc=$(plus "$all_pc_pc" "$p_cpu")
    done
    if [ "$p_libs" -gt 1 ]; then
      echo "| **all** (sums) | $all_pc_cw | $all_pc_cc | $all_pc_pw | $all_pc_pc | $(ratio "$all_pc_pw" "$all_pc_cw") | $(ratio "$all_pc_pc" "$all_pc_cc") | | |"
    fi
  fi
  if [ -s "$work/warm.tsv" ]; then
    echo
    echo "## Warm JVMs (ways m, w and wf)"
    echo
    echo "b and c compiled in turn, $warm_rounds times each, in one JVM per library and run"
    echo "(bench/WarmJavac.java), so that javac is warm, as in a build that keeps its JVM: Maven runs javac"
    echo "inside its own JVM, module after module. *m*: Error Prone and oomguard are loaded anew for each"
    echo "compile from the processor path, as javac does for each module of a Maven build; *w*: they are"
    echo "loaded once, and everything is warm; *wf*: as w, with f (every check answering at once) in place"
    echo "of c, in a JVM of its own, so that its c columns are f's and its c/b is Error Prone's dispatch"
    echo "floor, f/b, warm. The first half of the rounds warm the JVM up and are left"
    echo "out; times are medians over the rest, in seconds: *cpu* of all the JVM's threads during the"
    echo "compile, *javac* of javac's own thread, where Error Prone and the checks run (the other threads"
    echo "are the JIT, which keeps compiling even in a warm JVM, and the garbage collector)."
    echo "The paired c/b is over every (library, run, round) pair left, as in the table of the targets,"
    echo "which are stated for the cold ways: these rows are for reading. Findings: oomguard's in the last"
    echo "warm c compile, then in the last cold c run (they must agree; for wf, 0)."
    echo
    echo "| library | way | b wall | b cpu | b javac | c wall | c cpu | c javac | c/b cpu | c/b javac | c findings (cold c) |"
    echo "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
    for lib in ${libs//,/ }; do
      for way in m w wf; do
        grep -q "^$lib $way " "$work/warm.tsv" || continue
        medians=$(awk -v lib="$lib" -v way="$way" -v half=$((warm_rounds / 2)) '
          function median(v, n,    i, j, t) {
            if (n == 0) return "-"
            for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
            return sprintf("%.2f", (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2)
          }
          $1 == lib && $2 == way && $4 > half && $6 == 0 {
            if ($5 == "b") { bw[++nb] = $7; bc[nb] = $8; if (NF >= 9) bj[++nbj] = $9 }
            else { cw[++nc] = $7; cc[nc] = $8; if (NF >= 9) cj[++ncj] = $9 }
          }
          END {
            print median(bw, nb), median(bc, nb), median(bj, nbj), median(cw, nc), median(cc, nc), median(cj, ncj)
          }' "$work/warm.tsv")
        read -r wb_wall wb_cpu wb_javac wc_wall wc_cpu wc_javac <<<"$medians"
        last_warm=$(last_of "$work/$lib/$way"-*.log)
        # the diagnostics of the last warm c compile: from its header line to the next header
        warm_findings=$(awk '/^bench-warm: [0-9]+ [bc]$/ { c = ($3 == "c"); if (c) body = ""; next }
          c { body = body $0 "\n" } END { printf "%s", body }' "$last_warm" | count_findings)
        last_c=$(last_of "$work/$lib"/c-*.log)
        cold_findings=-
        [ -z "$last_c" ] || cold_findings=$(count_findings "$last_c")
        [ "$way" = wf ] && cold_findings="must be 0"
        echo "| $lib | $way | $wb_wall | $wb_cpu | $wb_javac | $wc_wall | $wc_cpu | $wc_javac | $(ratio "$wc_cpu" "$wb_cpu") | $(ratio "$wc_javac" "$wb_javac") | $warm_findings ($cold_findings) |"
      done
    done
    echo
    echo "| c/b, warm | pairs | mean | 95% interval |"
    echo "|---|--:|--:|--:|"
    awk -v half=$((warm_rounds / 2)) "$INTERVAL_AWK"'
      $4 > half && $6 == 0 {
        cpu[$2, $1, $3, $4, $5] = $8; javac[$2, $1, $3, $4, $5] = $9; pair[$2, $1, $3, $4] = 1
      }
      function row(way, name, onJavac,    k, key, n, x, b, c) {
        n = 0
        for (k in pair) {
          split(k, key, SUBSEP)
          if (key[1] != way) continue
          b = onJavac ? javac[k, "b"] : cpu[k, "b"]; c = onJavac ? javac[k, "c"] : cpu[k, "c"]
          if (b > 0 && c > 0) x[++n] = log(c / b)
        }
        if (n == 0) return
        if (n < 2) { printf "| %s | %d | - | - |\n", name, n; return }
        interval(x, n)
        printf "| %s | %d | %.3f | %.3f–%.3f |\n", name, n, exp(MEAN), exp(MEAN - HALF), exp(MEAN + HALF)
      }
      END {
        row("m", "m: checks loaded per compile, cpu", 0); row("m", "m: checks loaded per compile, javac", 1)
        row("w", "w: everything warm, cpu", 0); row("w", "w: everything warm, javac", 1)
        row("wf", "wf: the dispatch floor f/b, cpu", 0); row("wf", "wf: the dispatch floor f/b, javac", 1)
      }' "$work/warm.tsv"
  fi
  if grep -q '^[^ ]* f ' "$work/times.tsv"; then
    echo
    echo "## Error Prone's dispatch floor (way f)"
    echo
    echo "Way c with \`-Doomguard.dispatchOnly=true\`: every check is registered and called as in c, and"
    echo "returns \"no finding\" at once. f − b is what Error Prone calling the checks and the JVM loading"
    echo "them costs; c − f is the checks' own work."
    echo
    echo "| library | b cpu | f cpu | c cpu | f/b cpu | c/f cpu | c/b cpu | f findings (must be 0) |"
    echo "|---|--:|--:|--:|--:|--:|--:|--:|"
    f_libs=0 all_fb=0 all_ff=0 all_fc=0
    for lib in ${libs//,/ }; do
      f_cpu=$(stat "$lib" f cpu) b_cpu=$(stat "$lib" b cpu) c_cpu=$(stat "$lib" c cpu)
      [ "$f_cpu" != - ] || continue
      f_findings=$(count_findings "$work/$lib"/f-*.log)
      echo "| $lib | $b_cpu | $f_cpu | $c_cpu | $(ratio "$f_cpu" "$b_cpu") | $(ratio "$c_cpu" "$f_cpu") | $(ratio "$c_cpu" "$b_cpu") | $f_findings |"
      f_libs=$((f_libs + 1))
      all_fb=$(plus "$all_fb" "$b_cpu") all_ff=$(plus "$all_ff" "$f_cpu") all_fc=$(plus "$all_fc" "$c_cpu")
    done
    if [ "$f_libs" -gt 1 ]; then
      echo "| **all** (sums) | $all_fb | $all_ff | $all_fc | $(ratio "$all_ff" "$all_fb") | $(ratio "$all_fc" "$all_ff") | $(ratio "$all_fc" "$all_fb") | |"
    fi
  fi
  if grep -q '^[^ ]* i ' "$work/times.tsv"; then
    echo
    echo "## Cross-class index (way i)"
    echo
    echo "The Maven plugin's JavaParser index of all the library's sources (\`ModuleIndex\`, in a JVM of"
    echo "its own with the plugin's flags), which the plugin builds before the analysis that way c measures."
    echo "Bodies: method bodies parsed because the search from the entry points reached them, of all."
    echo
    echo "| library | i wall | i cpu | i rss | entry points | hot methods | bodies parsed | i/c cpu | i/c wall |"
    echo "|---|--:|--:|--:|--:|--:|--:|--:|--:|"
    i_libs=0 all_i_cpu=0 all_i_wall=0 all_ic_cpu=0 all_ic_wall=0
    for lib in ${libs//,/ }; do
      last_i=$(last_of "$work/$lib"/i-*.log)
      [ -n "$last_i" ] || continue
      summary=$(grep -m1 '^oomguard index:' "$last_i" || true)
      entry_points=$(sed -n 's/.* \([0-9]*\) entry points.*/\1/p' <<<"$summary")
      hot=$(sed -n 's/.* \([0-9]*\) hot methods.*/\1/p' <<<"$summary")
      bodies=$(sed -n 's/.* \([0-9]* of [0-9]*\) method bodies parsed.*/\1/p' <<<"$summary")
      i_cpu=$(stat "$lib" i cpu) i_wall=$(stat "$lib" i wall)
      c_cpu=$(stat "$lib" c cpu) c_wall=$(stat "$lib" c wall)
      echo "| $lib | $i_wall | $i_cpu | $(stat "$lib" i max_rss) | ${entry_points:--} | ${hot:--} | ${bodies:--} | $(ratio "$i_cpu" "$c_cpu") | $(ratio "$i_wall" "$c_wall") |"
      i_libs=$((i_libs + 1))
      all_i_cpu=$(plus "$all_i_cpu" "$i_cpu") all_i_wall=$(plus "$all_i_wall" "$i_wall")
      all_ic_cpu=$(plus "$all_ic_cpu" "$c_cpu") all_ic_wall=$(plus "$all_ic_wall" "$c_wall")
    done
    if [ "$i_libs" -gt 1 ]; then
      echo "| **all** (sums) | $all_i_wall | $all_i_cpu | | | | | $(ratio "$all_i_cpu" "$all_ic_cpu") | $(ratio "$all_i_wall" "$all_ic_wall") |"
    fi
  fi
  echo
  echo "## Findings per check (way c, last run), PMD violations and PMD processing errors"
  echo
  echo "| library | $(echo $checks | sed 's/ / | /g') | PMD | PMD errors |"
  echo "|---|$(for check in $checks; do printf -- '--:|'; done)--:|--:|"
  for lib in ${libs//,/ }; do
    dir=$work/$lib
    row="| $lib |"
    last_c=$(last_of "$dir"/c-*.log)
    for check in $checks; do
      if [ -n "$last_c" ]; then row="$row $(grep -c "warning: \[$check\]" "$last_c" || true) |"; else row="$row - |"; fi
    done
    last_pmd=$(last_of "$dir"/pmd-*.txt)
    if [ -n "$last_pmd" ]; then
      row="$row $(grep -cE '\.java:[0-9]+:	' "$last_pmd" || true) | $(grep -cE '\.java	-	' "$last_pmd" || true) |"
    else
      row="$row - | - |"
    fi
    echo "$row"
  done
  echo
  echo "Every finding, file:line relative to the library's sources jar: \`$(basename "$findings_out")\`."
  echo
  echo "## Ways that did not finish cleanly"
  echo
  any=0
  while read -r lib way run wall user sys rss status; do
    if [ "$status" != 0 ] && [ "$way" != pmd ]; then
      any=1
      broken=$((broken + 1))
      echo "- $lib, way $way, run $run: exit $status; first errors:"
      echo '```'
      grep -E ': error: |^error: ' "$work/$lib/$way-$run.log" | head -5 | strip_src
      echo '```'
    fi
  done <"$work/times.tsv"
  [ "$any" = 0 ] && echo "None."
  echo
  echo "## Checker crashes"
  echo
  if [ "$crashes" = 0 ]; then echo "None."; fi
  for lib in ${libs//,/ }; do
    mapfile -t lib_logs < <(checker_logs "$work/$lib")
    for crash_log in "${lib_logs[@]}"; do
      grep -q "$CRASH" "$crash_log" || continue
      echo "### $lib ($(basename "$crash_log"))"
      echo '```'
      # The crash diagnostic runs from its file:line: error: line to the next diagnostic.
      awk -v crash="$CRASH" '
        /^\/.*\.java:[0-9]+: (error|warning): / { inside = 0 }
        /^[0-9]+ (errors?|warnings?)$/ { inside = 0 }
        index($0, crash) { inside = 1; print prev }
        inside { print; if (++shown > 60) { inside = 0; shown = 0; print "..." } }
        { prev = $0 }' "$crash_log" | strip_src
      echo '```'
      break
    done
  done
  echo
  echo "## Excluded sources"
  echo
  echo "Files plain javac cannot compile on JDK $java_major with the library's own classpath are left"
  echo "out of every way, with the first error that excluded them (one round of exclusions can make"
  echo "a file that used an excluded one fail in the next round)."
  for lib in ${libs//,/ }; do
    coordinate=$(awk -v name="$lib" '$1 == name {print $2}' "$conf")
    IFS=: read -r g a v <<<"$coordinate"
    dir=$cache/libs/$lib-$v-jdk$java_major
    echo
    echo "- **$lib** ($coordinate): $(grep -c . "$dir/excluded.tsv" || true) file(s) excluded;" \
      "$(($(wc -l <"$dir/excluded-always.txt") - 1)) module-info/multi-release file(s) never compiled"
    sed "s|^$dir/src/||" "$dir/excluded.tsv" | awk -F'\t' '{ printf "  - `%s`: %s\n", $1, $2 }'
  done
  if [ "$jfr" = 1 ]; then
    echo
    echo "JFR recordings: $work/<library>/<way>.jfr"
  fi
} >"$out"

{
  for lib in ${libs//,/ }; do
    last_c=$(last_of "$work/$lib"/c-*.log)
    [ -n "$last_c" ] || continue
    grep -E "^/.*\.java:[0-9]+: warning: \[($(echo $checks | tr ' ' '|'))\]" "$last_c" | strip_src | sed "s|^|$lib: |" || true
  done
} >"$findings_out"

log "report: $out"
log "findings: $findings_out"
log "logs: $work"
if [ "$smoke" = 1 ]; then cat "$out"; fi
if [ "$crashes" -gt 0 ]; then
  log "$crashes checker crash(es); see the report"
  exit 1
fi
if [ "$broken" -gt 0 ]; then
  log "$broken run(s) of javac failed; see the report"
  exit 1
fi
exit 0
}
