package chronicle.storage.spi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class TierSettingsTest {

    private final TierSettings settings = new TierSettings("warm", Map.of("root", "\"/mnt/x\"", "n", "250",
            "neg", "-1", "text", "\"12\"", "yes", "true", "bad", "{"));

    @Test
    void shouldReadJsonTextsAndDefaults() throws IOException {
        assertEquals("/mnt/x", settings.requiredText("root"));
        assertEquals(250, settings.number("n", 5, 0));
        assertEquals(5, settings.number("absent", 5, 0));
        assertTrue(settings.flag("yes", false));
        assertFalse(settings.flag("absent", false));
        assertEquals("tiers.warm.root", settings.path("root"));
    }

    @Test
    void shouldNameTheSettingInEveryError() {
        assertEquals("tier \"warm\": setting tiers.warm.neg must be a whole number of at least 0, not -1",
                assertThrows(IOException.class, () -> settings.number("neg", 5, 0)).getMessage());
        assertEquals("tier \"warm\": setting tiers.warm.text must be a whole number of at least 0, not \"12\"",
                assertThrows(IOException.class, () -> settings.number("text", 5, 0)).getMessage());
        assertEquals("tier \"warm\": setting tiers.warm.n must be true or false, not 250",
                assertThrows(IOException.class, () -> settings.flag("n", true)).getMessage());
        assertEquals("tier \"warm\": setting tiers.warm.bad is not valid JSON: {",
                assertThrows(IOException.class, () -> settings.requiredText("bad")).getMessage());
        assertEquals("tier \"warm\": setting tiers.warm.other is missing",
                assertThrows(IOException.class, () -> settings.requiredText("other")).getMessage());
    }
}
