package chronicle.framework.api;

import chronicle.api.strategy.OrderEvent;
import chronicle.api.strategy.OrderEventType;
import chronicle.api.strategy.RejectReason;
import chronicle.bus.api.BusLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static chronicle.framework.api.LiveAppTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The router serves registered strategies only, and never reads an orders queue that strangers may write to. */
@Timeout(60)
@SuppressWarnings("try") // resources held open for the test body: a market, a router, an application
class RouterRefusalTest {

    @TempDir
    Path bus;

    @Test
    void shouldRefuseTheOrdersOfAStrategyThatIsNotRegistered() throws Exception {
        List<String> routerLog = new CopyOnWriteArrayList<>();
        FillingVenue venue = new FillingVenue();
        OneOrderStrategy strategy = new OneOrderStrategy();
        try (DemoMarket market = new DemoMarket(bus, 1_000);
             Router router = Router.builder(bus).strategies(List.of("beta")).venue(venue).log(routerLog::add)
                     .scanInterval(Duration.ofMillis(50)).build().start();
             ChronicleApp app = ChronicleApp.builder("alpha").bus(bus).subscribe(DemoMarket.VENUE, DemoMarket.SYMBOL)
                     .strategy(strategy).stopOnSignals(false).build().start()) {
            market.live();
            waitFor("the rejection", () -> !strategy.events.isEmpty());
            OrderEvent event = strategy.events.getFirst();
            assertEquals(OrderEventType.REJECTED, event.type());
            assertEquals(RejectReason.REFUSED, event.rejectReason());
            assertEquals("strategy 'alpha' is not registered with the router", event.rejectText());
            assertEquals(strategy.orderId, event.orderId());
            waitFor("the strategy's view", () -> strategy.seen.size() >= 2);
        }
        assertEquals(List.of(), venue.received, "nothing of an unregistered strategy reaches the venue");
        String line = routerLog.stream().filter(l -> l.contains("'alpha'")).findFirst().orElseThrow();
        assertTrue(line.contains("is not registered with this router") && line.contains("--strategies beta,alpha"),
                line);
    }

    @Test
    void shouldRefuseAnOrdersQueueThatOthersMayWriteUntilItIsFixed() throws Exception {
        List<String> routerLog = new CopyOnWriteArrayList<>();
        FillingVenue venue = new FillingVenue();
        OneOrderStrategy strategy = new OneOrderStrategy();
        BusLayout layout = new BusLayout(bus, bus);
        Path orders = layout.strategyOrders("alpha");
        try (DemoMarket market = new DemoMarket(bus, 1_000);
             ChronicleApp app = ChronicleApp.builder("alpha").bus(bus).subscribe(DemoMarket.VENUE, DemoMarket.SYMBOL)
                     .strategy(strategy).stopOnSignals(false).build().start()) {
            Files.setPosixFilePermissions(orders, PosixFilePermissions.fromString("rwxrwxrwx"));
            market.live();
            waitFor("the order", () -> strategy.orderId > 0);
            try (Router router = Router.builder(bus).strategies(List.of("alpha")).venue(venue).log(routerLog::add)
                    .scanInterval(Duration.ofMillis(50)).build().start()) {
                waitFor("the refusal", () -> !routerLog.isEmpty());
                Thread.sleep(300);
                assertEquals(List.of("router: refusing the orders of strategy 'alpha': " + orders
                        + " may be written by other users (mode rwxrwxrwx, group " + group(orders) + "): run "
                        + "'chmod -R go-w " + orders + "', or give the router and the application the same --group "
                        + "if a group is meant to write"), routerLog, "one line, not one per scan");
                assertEquals(List.of(), venue.received);
                assertEquals(List.of(), strategy.events, "an order in an unsafe queue is not answered either");

                Files.setPosixFilePermissions(orders, PosixFilePermissions.fromString("rwx------"));
                waitFor("the fill once the queue is safe", () -> strategy.events.size() == 2);
                assertEquals(1, venue.received.size());
                assertEquals(1, router.attached());

                Files.setPosixFilePermissions(orders, PosixFilePermissions.fromString("rwxrwx---"));
                waitFor("the router letting go of a queue that became unsafe", () -> router.attached() == 0);
                List<String> refusals = routerLog.stream()
                        .filter(l -> l.startsWith("router: refusing the orders of strategy 'alpha': ")).toList();
                assertEquals(2, refusals.size(), routerLog.toString());
                assertTrue(refusals.get(1).contains(orders + " may be written by other users (mode rwxrwx---"),
                        refusals.get(1));
            }
        }
    }

    private static String group(Path path) throws java.io.IOException {
        return Files.readAttributes(path, java.nio.file.attribute.PosixFileAttributes.class).group().getName();
    }
}
