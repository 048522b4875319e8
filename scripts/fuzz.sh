#!/usr/bin/env bash
# Fuzzes Kizuna's readers with Jazzer, one target at a time, and prints what each ran and found.
#
#   scripts/fuzz.sh [-n EXECUTIONS] [-t MAX_TIME] [-l] [FILTER]
#
#   -n EXECUTIONS  stop a target after this many executions (default 1000000)
#   -t MAX_TIME    ... or after this long, whichever comes first (default 10m; Jazzer's syntax: 30s, 10m, 1h)
#   -l             list the targets and exit
#   FILTER         only the targets whose "module Class#method" contains it (default: all)
#
# A target is a @FuzzTest method (see the READMEs of cs-core, cs-metrics, cs-health, cs-playbooks, examples and
# examples/backend-service). Each runs in fuzzing mode (JAZZER_FUZZ=1) with a limit of 2 seconds per input: an input
# that throws what its reader does not document, that reads back different from what was written, or that runs over
# 2 s is a finding. (Jazzer passes JUnit's junit.jupiter.execution.timeout.default to libFuzzer as its per-input
# -timeout; JUnit's own timeouts are switched off, or JUnit would report the whole fuzzing run, which lasts minutes,
# as having timed out.) A finding is what Jazzer reports as one (a Java exception, a timeout, out of memory); a run
# that ends without a "Done N runs" line or with a failing build is reported as a failure. Jazzer writes a finding
# to the module's src/test/resources/<package>/<Class>Inputs/<method>/; commit it, and the normal build
# (./mvnw -B verify) replays it from then on. The corpus the fuzzer grows goes to <module>/.cifuzz-corpus/
# (git-ignored) and is reused by the next run. Logs: target/fuzz/<module>.<Class>.<method>.log.
# Exit status: 0 when no target found anything, 1 otherwise.
set -uo pipefail
cd "$(dirname "$0")/.."

executions=1000000
max_time=10m
list=false
while getopts "n:t:lh" opt; do
    case "$opt" in
        n) executions="$OPTARG" ;;
        t) max_time="$OPTARG" ;;
        l) list=true ;;
        *) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
filter="${1:-}"

# Every @FuzzTest method: "module Class method", from the test sources.
targets() {
    grep -rl --include='*FuzzTest.java' '@FuzzTest' --exclude-dir=target . | sort | while read -r file; do
        module="${file#./}"
        module="${module%%/src/test/java/*}"
        class="${file#*/src/test/java/}"
        class="${class%.java}"
        class="${class//\//.}"
        awk '/@FuzzTest/ { pending = 1 }
             pending && match($0, /void [A-Za-z0-9_]+\(/) {
                 name = substr($0, RSTART + 5, RLENGTH - 6); print name; pending = 0 }' "$file" \
            | while read -r method; do echo "$module $class $method"; done
    done
}

selected=$(targets | while read -r m c t; do
    case "$m $c#$t" in *"$filter"*) echo "$m $c $t" ;; esac
done)
if [ -z "$selected" ]; then
    echo "fuzz: no target matches '$filter'; scripts/fuzz.sh -l lists them" >&2
    exit 2
fi
if $list; then
    echo "$selected" | awk '{ printf "%-28s %s#%s\n", $1, $2, $3 }'
    exit 0
fi

mkdir -p target/fuzz
echo "Building once (tests skipped)..."
./mvnw -B -q -o package -DskipTests || ./mvnw -B -q package -DskipTests || exit 1

found=0
printf '%-28s %-52s %12s %8s  %s\n' module target executions seconds result
while read -r module class method; do
    log="target/fuzz/${module//\//.}.${class##*.}.${method}.log"
    # cs-health runs its tests twice (the second time without SIMD loops): fuzz in the first execution only.
    goals="package"
    [ "$module" = cs-health ] && goals="test-compile surefire:test@default-test"
    JAZZER_FUZZ=1 JAZZER_MAX_EXECUTIONS="$executions" JAZZER_MAX_DURATION="$max_time" \
        ./mvnw -B -o -pl "$module" -am $goals -Dtest="${class}#${method}" -Dsurefire.failIfNoSpecifiedTests=false \
        -Djunit.jupiter.execution.timeout.default=2s -Djunit.jupiter.execution.timeout.mode=disabled > "$log" 2>&1
    status=$?
    runs=$(grep -Eo 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1)
    count=$(echo "$runs" | awk '{ print $2 }')
    seconds=$(echo "$runs" | awk '{ print $5 }')
    if grep -Eq '== Java Exception|libFuzzer: timeout|libFuzzer: out-of-memory|Test unit written to' "$log"; then
        result="FINDING: see $log"
        found=1
    elif [ $status -eq 0 ] && [ -n "$runs" ]; then
        result="ok"
    else
        result="build or test failure: see $log"
        found=1
    fi
    printf '%-28s %-52s %12s %8s  %s\n' "$module" "${class##*.}#${method}" "${count:-?}" "${seconds:-?}" "$result"
done <<< "$selected"
exit $found
