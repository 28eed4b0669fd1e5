#!/usr/bin/env bash
# The main job, end to end, from a fresh clone: builds the runtime image, then runs the seed's acceptance steps
# with the image's launchers: demo feed -> live queue -> archive-tap -> archive queue -> tail and verify.
# Needs JDK 25 (JAVA_HOME, or the Temurin 25 path below). Leaves the demo bus in ./demo_bus.
set -euo pipefail
cd "$(dirname "$0")"
if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi

./mvnw -B -q install -DskipTests
bin=runtime-image/target/chronicle/bin
bus=demo_bus
live=$bus/live/market_data/queue/demo_feed
archive=$bus/archive/market_data/queue/demo_feed
rm -rf "$bus"

echo "== plug-ins"
$bin/chronicle plugins
echo "== demo feed: 4 symbols, 20000 events/s for 3 s"
$bin/chronicle feed --bus-root "$bus" --symbols 4 --rate 20000 --duration 3s
echo "== archive tap: live -> archive"
$bin/archive-tap --live "$live" --archive "$archive" --start earliest --exit-when-idle 1s
echo "== the archive's newest records, decoded"
$bin/chronicle tail "$archive" --limit 3
echo "== verify both queues"
$bin/chronicle verify "$live"
$bin/chronicle verify "$archive"
