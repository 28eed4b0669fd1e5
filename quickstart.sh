#!/usr/bin/env bash
# The main job, end to end, from a fresh clone: builds the runtime image, then runs `chronicle quickstart`, which
# runs the whole pipeline on the bundled samples in ./chronicle-quickstart (or the --dir you pass): the demo feed
# into a hot queue, the archive tap, the refinery with snapshots, the raw archiver, imports of the LOBSTER, Binance
# and Tardis samples, a tier manager pass to a compressed local cold tier, the book at T from that tier, the example
# backtest with its HTML report and a Parquet extract; then it prints what each step did and where the outputs are.
# Every command it ran, with its output, is in chronicle-quickstart/quickstart.log.
# Needs JDK 25 (JAVA_HOME, or the Temurin 25 path below). Extra arguments go to `chronicle quickstart`.
set -euo pipefail
cd "$(dirname "$0")"
if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi

echo "building the runtime image (runtime-image/target/chronicle) ..."
./mvnw -B -q install -DskipTests
exec runtime-image/target/chronicle/bin/chronicle quickstart "$@"
