package chronicle.framework.api;

import chronicle.api.strategy.Liquidity;
import chronicle.api.strategy.OrderEvent;
import chronicle.api.strategy.OrderEventType;
import chronicle.api.strategy.Context;
import chronicle.bus.api.BusLayout;
import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueReader;
import chronicle.core.api.StartPosition;
import chronicle.protocol.api.NewOrder;
import chronicle.protocol.api.OrderCodes;
import chronicle.protocol.api.OrderMessageType;
import chronicle.protocol.api.Side;
import chronicle.protocol.api.StrategyIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A strategy on the framework, end to end through real queues: books from a live queue written by the demo feed's
 * generator, an order on its orders queue, the router handing it to a venue, the venue's reports back as
 * OrderEvents, and the position and open orders those reports leave.
 */
@Timeout(60)
@SuppressWarnings("try") // resources held open for the test body: a market, a router, an application
class LiveAppTest {

    @TempDir
    Path bus;

    static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void shouldReceiveBooksSendAnOrderThroughTheRouterAndGetItsFillBack() throws Exception {
        List<String> routerLog = new CopyOnWriteArrayList<>();
        FillingVenue venue = new FillingVenue();
        OneOrderStrategy strategy = new OneOrderStrategy();
        try (DemoMarket market = new DemoMarket(bus, 2_000);
             Router router = Router.builder(bus).strategies(List.of("alpha")).venue(venue).log(routerLog::add)
                     .scanInterval(Duration.ofMillis(50)).build().start()) {
            market.live();
            try (ChronicleApp app = ChronicleApp.builder("alpha").bus(bus).subscribe(DemoMarket.VENUE,
                    DemoMarket.SYMBOL).strategy(strategy).stopOnSignals(false).build().start()) {
                assertTrue(app.awaitRunning(Duration.ofSeconds(20)), "the strategy starts once its book exists");
                waitFor("the fill", () -> strategy.events.stream().anyMatch(e -> e.type() == OrderEventType.FILLED));
                assertTrue(strategy.books > 0);
            }
            assertEquals(List.of("new alpha " + strategy.orderId + " BID 1 @ " + strategy.bidAtOrder),
                    venue.received, "exactly the strategy's order reached the venue");
        }
        assertTrue(strategy.seen.getFirst().startsWith("start [Instrument[index=0, venue=demo, symbol=BTC-USD"),
                strategy.seen.toString());
        assertTrue(strategy.seen.getFirst().contains("priceExponent=-2, sizeExponent=-4"), strategy.seen.toString());
        assertEquals("sent " + strategy.orderId + " open 1", strategy.seen.get(1), "open as soon as sent");
        assertEquals("stop", strategy.seen.getLast(), "onStop is called on close");
        assertEquals(Context.UNKNOWN_ORDER, strategy.unknownCancel);
        assertEquals(Context.INVALID, strategy.invalidSend);

        List<OrderEventType> types = strategy.events.stream().map(OrderEvent::type).toList();
        assertEquals(List.of(OrderEventType.ACCEPTED, OrderEventType.FILLED), types);
        OrderEvent fill = strategy.events.get(1);
        assertEquals(strategy.orderId, fill.orderId());
        assertEquals(Side.BID, fill.side());
        assertEquals(strategy.bidAtOrder, fill.lastPrice());
        assertEquals(1, fill.lastQuantity());
        assertEquals(Liquidity.MAKER, fill.liquidity());
        assertEquals(0.5, fill.fee());
        assertEquals(42, fill.tag(), "the tag comes back from the strategy's own record of the order");
        assertEquals(1, strategy.positionAfterFill, "a filled buy of 1 is a position of +1");
        assertEquals(0, strategy.openOrdersAfterFill, "a filled order is no longer open");

        assertOrderOnQueue(strategy);
        Heartbeat beat = Heartbeat.read(new BusLayout(bus, bus).strategyHeartbeat("alpha"));
        assertEquals(Heartbeat.State.STOPPED, beat.state());
        assertEquals(ProcessHandle.current().pid(), beat.pid());
        assertEquals(1, beat.ordersSent());
        assertEquals(2, beat.reportsReceived());
        assertTrue(beat.events() >= strategy.books, "every book update counted");
        assertTrue(routerLog.stream().anyMatch(l -> l.contains("routing the orders of strategy 'alpha'")),
                routerLog.toString());
    }

    private void assertOrderOnQueue(OneOrderStrategy strategy) {
        Path orders = new BusLayout(bus, bus).strategyOrders("alpha");
        List<String> records = new ArrayList<>();
        try (ChronicleQueue queue = ChronicleQueue.openExisting(orders);
             QueueReader reader = queue.createReader(StartPosition.earliest())) {
            reader.poll((type, seq, ts, buffer, offset, length) -> {
                NewOrder order = new NewOrder().wrap(buffer, offset);
                records.add(OrderMessageType.of(type) + " " + seq + " " + length + " " + order.clientOrderId() + " "
                        + (order.strategyId() == StrategyIds.of("alpha")) + " " + order.sideCode() + " "
                        + order.typeCode() + " " + order.timeInForceCode() + " " + order.price() + " "
                        + order.quantity() + " " + order.tag());
            }, 10);
        }
        assertEquals(List.of("NEW_ORDER 0 64 1 true " + Side.BID.code() + " " + OrderCodes.TYPE_LIMIT + " "
                + OrderCodes.TIF_GTC + " " + strategy.bidAtOrder + " 1 42"), records);
        assertEquals(1, strategy.orderId, "the first order's id is its sequence plus one");
    }

    @Test
    void shouldCreateTheOrderQueuesForTheOwnerOnly() throws Exception {
        OneOrderStrategy strategy = new OneOrderStrategy();
        try (DemoMarket market = new DemoMarket(bus, 500);
             ChronicleApp app = ChronicleApp.builder("solo").bus(bus).subscribe(DemoMarket.VENUE, DemoMarket.SYMBOL)
                     .strategy(strategy).stopOnSignals(false).build().start()) {
            assertTrue(app.awaitRunning(Duration.ofSeconds(20)));
            BusLayout layout = new BusLayout(bus, bus);
            assertEquals("rwx------", mode(layout.strategyDir("solo")));
            assertEquals("rwx------", mode(layout.strategyOrders("solo")));
            try (var files = Files.list(layout.strategyOrders("solo"))) {
                for (Path file : files.toList()) {
                    assertEquals(Files.isDirectory(file) ? "rwx------" : "rw-------", mode(file), file.toString());
                }
            }
            assertEquals("rw-------", mode(layout.strategyHeartbeat("solo")));
        }
    }

    static String mode(Path path) throws java.io.IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
