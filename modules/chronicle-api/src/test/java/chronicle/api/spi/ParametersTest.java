package chronicle.api.spi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class ParametersTest {

    private static final List<Parameter> DECLARED = List.of(
            new Parameter("spread", ParameterType.DECIMAL, "0.5", "quoted spread"),
            new Parameter("levels", ParameterType.INTEGER, "3", "levels quoted"),
            new Parameter("refresh", ParameterType.DURATION, "250ms", "requote interval"),
            new Parameter("hedge", ParameterType.BOOLEAN, "false", "hedge fills"));

    @Test
    void shouldDefaultWhatIsNotGivenAndReadWhatIs() {
        Parameters p = Parameters.parse("mm", DECLARED, List.of("levels=5", "refresh=2s"));
        assertEquals(new BigDecimal("0.5"), p.decimal("spread"));
        assertEquals(5, p.integer("levels"));
        assertEquals(Duration.ofSeconds(2), p.duration("refresh"));
        assertEquals(false, p.bool("hedge"));
        assertEquals("spread=0.5 levels=5 refresh=2s hedge=false", p.toString());
    }

    @Test
    void shouldNameAnUnknownParameterAndTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Parameters.parse("mm", DECLARED, List.of("sprad=1")));
        assertEquals("--param sprad: strategy 'mm' has no such parameter (it has: spread, levels, refresh, hedge)",
                e.getMessage());
    }

    @Test
    void shouldNameAnIllTypedValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Parameters.parse("mm", DECLARED, List.of("levels=many")));
        assertEquals("--param levels: 'many' is not a whole number, for example 10 (strategy 'mm')", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Parameters.parse("mm", DECLARED, List.of("refresh=soon")));
        assertTrue(e.getMessage().startsWith("--param refresh: 'soon' is not a duration"), e.getMessage());
    }

    @Test
    void shouldRefuseASettingWithoutEqualsAndATwiceGivenOne() {
        assertEquals("--param 'levels': write it as key=value", assertThrows(IllegalArgumentException.class,
                () -> Parameters.parse("mm", DECLARED, List.of("levels"))).getMessage());
        assertEquals("--param levels: given twice; give it once", assertThrows(IllegalArgumentException.class,
                () -> Parameters.parse("mm", DECLARED, List.of("levels=1", "levels=2"))).getMessage());
    }

    @Test
    void shouldRefuseADefaultThatIsNotOfItsType() {
        assertThrows(IllegalArgumentException.class,
                () -> new Parameter("size", ParameterType.INTEGER, "1.5", "order size"));
    }
}
