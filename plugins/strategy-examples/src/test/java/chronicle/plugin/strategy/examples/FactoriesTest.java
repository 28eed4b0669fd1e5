package chronicle.plugin.strategy.examples;

import chronicle.api.spi.Parameter;
import chronicle.api.spi.Parameters;
import chronicle.api.spi.StrategyFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both strategies are found as services, make instances from their defaults, and refuse bad parameters. */
@Timeout(10)
class FactoriesTest {

    @Test
    void bothStrategiesAreServicesWithTypedDefaults() {
        FactoriesTest.class.getModule().addUses(StrategyFactory.class);
        List<String> names = ServiceLoader.load(StrategyFactory.class).stream().map(p -> p.get().name()).sorted()
                .toList();
        assertEquals(List.of("market-maker", "spread"), names);
        for (StrategyFactory f : List.of(new SpreadStrategyFactory(), new MarketMakerFactory())) {
            assertNotNull(f.create(Parameters.parse(f.name(), f.parameters(), List.of())));
            assertTrue(f.parameters().stream().map(Parameter::name).toList().contains("quantity"));
        }
    }

    @Test
    void badParametersAreRefusedWithOneLineNamingThem() {
        MarketMakerFactory f = new MarketMakerFactory();
        IllegalArgumentException typed = assertThrows(IllegalArgumentException.class,
                () -> Parameters.parse(f.name(), f.parameters(), List.of("requote=soon")));
        assertTrue(typed.getMessage().startsWith("--param requote: 'soon' is not a duration"), typed.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> f.create(Parameters.parse(f.name(), f.parameters(), List.of("requote=0s"))));
        assertTrue(zero.getMessage().contains("requote"), zero.getMessage());
        assertEquals(1, (int) Quotes.mantissa(new java.math.BigDecimal("0.01"), -2));
        assertEquals(50, Quotes.mantissa(new java.math.BigDecimal("0.5"), -2));
    }
}
