package example.strategy.twap;

import chronicle.api.spi.Parameters;
import chronicle.api.spi.Strategies;
import chronicle.api.spi.StrategyFactory;
import chronicle.pluginhost.api.PluginHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The factory as the host sees it: found by the plug-in host through the module's {@code provides} line,
 * parameters checked, bad values refused with one line.
 */
@Timeout(10)
class TwapStrategyFactoryTest {

    private final TwapStrategyFactory factory = new TwapStrategyFactory();

    @Test
    void shouldBeFoundByThePluginHostAndCreatedFromSettings(@TempDir Path emptyPluginsDir) {
        PluginHost host = PluginHost.of(emptyPluginsDir);
        assertEquals("twap", Strategies.names(host));
        Strategies.Created created = Strategies.create(host, "twap", List.of("slices=4"));
        assertInstanceOf(TwapStrategy.class, created.strategy());
        assertEquals("quantity=1 slices=4 interval=1m", created.parameters().toString());
        assertEquals("example.strategy.twap",
                host.find(StrategyFactory.class, "twap").orElseThrow().instance().getClass().getModule().getName());
    }

    @Test
    void shouldReadTypedValues() {
        Parameters p = parse("quantity=2.5", "slices=4", "interval=90s");
        assertEquals("2.5", p.decimal("quantity").toPlainString());
        assertEquals(4, p.integer("slices"));
        assertEquals(90, p.duration("interval").toSeconds());
    }

    @Test
    void shouldRefuseValuesItsTypesAllowButTheStrategyCannotUse() {
        assertEquals("--param quantity: must be positive, for example 1",
                assertThrows(IllegalArgumentException.class, () -> factory.create(parse("quantity=0"))).getMessage());
        assertEquals("--param slices: must be from 1 to 100000, for example 10",
                assertThrows(IllegalArgumentException.class, () -> factory.create(parse("slices=0"))).getMessage());
        assertEquals("--param interval: must be positive, for example 1m",
                assertThrows(IllegalArgumentException.class, () -> factory.create(parse("interval=0s"))).getMessage());
    }

    @Test
    void shouldLeaveTypeErrorsToTheHostsCheck() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("slices=many"));
        assertEquals("--param slices: 'many' is not a whole number, for example 10 (strategy 'twap')", e.getMessage());
    }

    private Parameters parse(String... given) {
        return Parameters.parse(factory.name(), factory.parameters(), List.of(given));
    }
}
