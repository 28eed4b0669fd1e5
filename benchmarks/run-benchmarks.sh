#!/usr/bin/env bash
# Runs the JMH suite (ours and OpenHFT Chronicle Queue side by side, in one run) after conditioning the machine.
#
#   benchmarks/run-benchmarks.sh                 # the side-by-side suite with the documented settings
#   benchmarks/run-benchmarks.sh --targets       # the target suite (docs/BENCHMARKS.md, "How to run"): four JMH runs,
#                                                # about 10-11 minutes
#   benchmarks/run-benchmarks.sh --paced         # the helper-mode comparison: appends of 64 B and tail reads (ours,
#                                                # Chronicle Queue), then paced one-way latency with our writer's
#                                                # helper in invoker and in thread mode; about 6 minutes
#   benchmarks/run-benchmarks.sh Append -prof gc # any JMH arguments instead (regex, -f, -wi, -i, -prof ...)
#
# Build first: JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -q -B install -DskipTests
# Environment: JAVA_HOME (JDK 25), BENCH_DIR (where the queues go; default /tmp), JAVA_OPTS (extra host JVM
# options, e.g. -Dbench.append.queue=trial: the forks inherit them; do not pass -jvmArgs/-jvmArgsAppend to JMH,
# which would replace the per-benchmark flags of the @Fork annotations), RESULTS (default
# benchmarks/results/local, git-ignored; outside target/ so that mvn clean keeps it). See docs/BENCHMARKS.md.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
java_home=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java=$java_home/bin/java
jar=$here/target/benchmarks.jar
bench_dir=${BENCH_DIR:-/tmp}
results=${RESULTS:-$here/results/local}

if ! "$java" -version 2>&1 | grep -q 'version "2[5-9]'; then
  echo "JDK 25 needed: set JAVA_HOME (found: $("$java" -version 2>&1 | head -1))" >&2
  exit 1
fi
[[ -f $jar ]] || { echo "$jar missing: build first (see the top of this script)" >&2; exit 1; }
mkdir -p "$results" "$bench_dir"

# Conditioning: on these VMs never-touched memory is about 5x slower to fault in for the first seconds after the
# machine idles. Write (and then delete, dropping the dirty pages) about 15 s of data first.
echo "conditioning: writing and deleting ~15 s of data under $bench_dir" >&2
cond=$bench_dir/chronicle-bench-condition.$$
timeout 15 dd if=/dev/zero of="$cond" bs=1M count=12288 status=none || true
rm -f "$cond"

stamp=$(date -u +%Y%m%dT%H%M%SZ)

# run_jmh NAME JMH-ARGS...: one JMH run, its JSON and log named after the time stamp and NAME.
run_jmh() {
  local out=$results/jmh-$stamp${1:+-$1}
  shift
  echo "load before the run: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out.log"
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  "$java" --sun-misc-unsafe-memory-access=allow -Dbench.dir="$bench_dir" ${JAVA_OPTS:-} -jar "$jar" "$@" \
      -rf json -rff "$out.json" 2>&1 | tee -a "$out.log"
  echo "load after the run: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out.log"
  echo "results: $out.json, log: $out.log" >&2
}

if [[ ${1:-} == --targets ]]; then
  # 1 + 7: appends (ours on fresh queues, ours on a steady queue with retention and recycling, Chronicle Queue, the
  #        raw mapped-file loop on fresh and on resident pages) and the archive tap, in one run: the ratios ours / raw
  #        and tap / ours-append are taken within it.
  run_jmh targets-append 'chronicle\.benchmarks\.(Raw)?AppendBenchmark\.|chronicle\.benchmarks\.ArchiveTapBenchmark\.' \
      -p pages=fresh,resident -f 1 -wi 10 -w 1s -i 5 -r 1s
  # 2: tail reads over 10 M records of 64 bytes, ours and Chronicle Queue.
  run_jmh targets-read 'chronicle\.benchmarks\.TailReadBenchmark\.' -p records=10000000 -f 1 -wi 10 -w 1s -i 5 -r 1s
  # 3: one-way latency at 100 k and 1 M records/s, ours and Chronicle Queue (5 x 1 s warm-up, 10 x 1 s measured):
  #    each system in its own fork (Paced), then both in one JVM, alternating every 10 ms (Interleaved); and the
  #    wake-up of a parked reader in another process, one record a millisecond (WakeUp).
  run_jmh targets-latency 'chronicle\.benchmarks\.(Paced|Interleaved|WakeUp)LatencyBenchmark\.' -f 1
  # 4, 5, 6: seek, roll, recovery (ours only; iterations as annotated in each class).
  #          Rolls into new files and into recycled ones (a queue with retention).
  run_jmh targets-ops 'chronicle\.benchmarks\.(Seek|Roll|Recovery)Benchmark\.' -p files=new,recycled -f 1
  exit 0
fi

if [[ ${1:-} == --paced ]]; then
  # Appends of 64 B into fresh queues and tail reads, ours against Chronicle Queue (the ratios of the dedicated-thread
  # mode, the default), then the paced latency of both, ours with its helper in invoker and in thread mode.
  run_jmh paced-append 'chronicle\.benchmarks\.AppendBenchmark\.(ours|chronicleQueue)$' -p payloadSize=64 \
      -f 1 -wi 10 -w 1s -i 5 -r 1s
  run_jmh paced-read 'chronicle\.benchmarks\.TailReadBenchmark\.' -p records=10000000 -f 1 -wi 10 -w 1s -i 5 -r 1s
  run_jmh paced-latency 'chronicle\.benchmarks\.PacedLatencyBenchmark\.' -f 1
  exit 0
fi

if [[ $# -eq 0 ]]; then
  # The side-by-side suite (10 trials, about 3 minutes); the target suite's benchmarks run with --targets.
  set -- 'chronicle\.benchmarks\.(Append|TailRead|PingLatency)Benchmark\.' -f 1 -wi 10 -w 1s -i 5 -r 1s
fi
run_jmh "" "$@"
