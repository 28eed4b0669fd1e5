package chronicle.feed.binance.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** {@link Utf8MessageBuffer}: the bytes {@code String.getBytes(UTF_8)} gives, however the message is split. */
@Timeout(30)
class Utf8MessageBufferTest {

    private static byte[] assemble(Utf8MessageBuffer buffer, CharSequence... parts) {
        buffer.clear();
        for (int i = 0; i < parts.length; i++) {
            buffer.append(parts[i], i == parts.length - 1);
        }
        return Arrays.copyOf(buffer.bytes(), buffer.length());
    }

    @Test
    void shouldCopyAsciiAndEncodeTheRest() {
        Utf8MessageBuffer buffer = new Utf8MessageBuffer(8);
        String text = "{\"s\":\"BTCUSDT\",\"x\":\"é€😀\"}";
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), assemble(buffer, text));
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), assemble(buffer, CharBuffer.wrap(text)));
    }

    @Test
    void shouldJoinASurrogatePairSplitBetweenParts() {
        Utf8MessageBuffer buffer = new Utf8MessageBuffer(8);
        String pair = "😀";
        assertArrayEquals("a😀b".getBytes(StandardCharsets.UTF_8),
                assemble(buffer, "a" + pair.charAt(0), CharBuffer.wrap(pair.charAt(1) + "b")));
        assertArrayEquals("a😀".getBytes(StandardCharsets.UTF_8),
                assemble(buffer, "a" + pair.charAt(0), "", String.valueOf(pair.charAt(1))));
    }

    @Test
    void shouldWriteALoneSurrogateAsAQuestionMark() {
        Utf8MessageBuffer buffer = new Utf8MessageBuffer(8);
        char high = "😀".charAt(0);
        char low = "😀".charAt(1);
        assertArrayEquals("a?".getBytes(StandardCharsets.US_ASCII), assemble(buffer, "a" + high));
        assertArrayEquals("?b".getBytes(StandardCharsets.US_ASCII), assemble(buffer, String.valueOf(high), "b"));
        assertArrayEquals("?b".getBytes(StandardCharsets.US_ASCII), assemble(buffer, low + "b"));
        assertArrayEquals("??".getBytes(StandardCharsets.US_ASCII), assemble(buffer, String.valueOf(low), String.valueOf(high)));
        assertArrayEquals("😀?".getBytes(StandardCharsets.UTF_8), assemble(buffer, String.valueOf(high), low + "" + low));
    }

    @Test
    void shouldAgreeWithTheJdkOnRandomTextSplitAnywhere() {
        SplittableRandom random = new SplittableRandom(7);
        char[] alphabet = {'a', '"', '{', 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x20AC, 0xFFFF, 0xD83D, 0xDE00, 0xDBFF, 0xDC00};
        Utf8MessageBuffer buffer = new Utf8MessageBuffer(4);
        for (int n = 0; n < 20_000; n++) {
            char[] chars = new char[random.nextInt(40)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String text = new String(chars);
            int cut = random.nextInt(chars.length + 1);
            CharSequence first = random.nextBoolean() ? text.substring(0, cut) : CharBuffer.wrap(chars, 0, cut).slice();
            byte[] got = assemble(buffer, first, text.substring(cut));
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), got, text);
        }
    }

    @Test
    void shouldReuseItsArrayOnceGrown() {
        Utf8MessageBuffer buffer = new Utf8MessageBuffer(4);
        String big = "x".repeat(1000);
        assemble(buffer, big);
        byte[] array = buffer.bytes();
        for (int i = 0; i < 100; i++) {
            assemble(buffer, big.substring(0, 500), big.substring(500));
            assertSame(array, buffer.bytes());
            assertEquals(1000, buffer.length());
        }
    }
}
