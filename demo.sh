#!/usr/bin/env bash
# The main job, end to end, from a fresh clone: builds the runtime image, then runs the whole data path
# with the image's launchers: demo feed -> live queue -> archive-tap -> archive queue -> tail and verify ->
# snapshotter -> warm start -> the book of demo BTC-USD at a time T; then imports the LOBSTER and Binance samples
# and prints a book of the imported day. Markets are named (the feed registers venue demo, symbols BTC-USD, ...).
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
echo "== demo feed: 4 symbols of venue demo (BTC-USD, ETH-USD, SOL-USD, XRP-USD), 20000 events/s for 3 s"
$bin/chronicle feed --bus-root "$bus" --symbols 4 --rate 20000 --duration 3s
echo "== archive tap: live -> archive (carries the names to $bus/archive/ids.json)"
$bin/archive-tap --live "$live" --archive "$archive" --start earliest --exit-when-idle 1s
echo "== the archive's newest records, decoded"
$bin/chronicle tail "$archive" --limit 3
echo "== verify both queues"
$bin/chronicle verify "$live"
$bin/chronicle verify "$archive"
echo "== snapshots of demo BTC-USD every 100 ms of stream time, then a warm start"
$bin/snapshotter --archive "$archive" --venue demo --symbol BTC-USD --interval 100ms --exit-when-idle 1s
$bin/warm-start --archive "$archive" --venue demo --symbol BTC-USD
echo "== the book of demo BTC-USD one second into the feed"
first=$($bin/chronicle tail "$archive" --from-seq 0 --limit 1 --json | sed 's/.*"ts":\([0-9]*\).*/\1/')
$bin/chronicle book --archive "$archive" --venue demo --symbol BTC-USD --at $((first + 1000000000)) --depth 5
echo "== import the LOBSTER sample (AAPL, 2012-06-21) and the Binance capture (NKNUSDT) into the archive"
lobster=plugins/import-lobster/src/test/resources/lobster
binance=plugins/import-binance/src/test/resources/binance
$bin/chronicle import --vendor lobster --input $lobster/AAPL_2012-06-21_34200000_57600000_message_10.csv \
    --archive "$bus/archive" --venue nasdaq --symbol AAPL
$bin/chronicle import --vendor binance --input $binance/BINANCE.http.0.0 $binance/BINANCE.ws.1.0 \
    --archive "$bus/archive" --venue binance --symbol NKNUSDT
$bin/chronicle imports "$bus/archive"
echo "== the AAPL book ten seconds after the open (09:30:10 New York)"
$bin/chronicle book --archive "$bus/archive" --venue nasdaq --symbol AAPL --at 2012-06-21T13:30:10Z --depth 5
