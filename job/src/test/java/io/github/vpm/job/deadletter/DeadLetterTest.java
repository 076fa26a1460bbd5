package io.github.vpm.job.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link DeadLetter#of}: raw is the value as UTF-8 text, cut to 64 KiB on a character boundary. */
class DeadLetterTest {

    private static final int LIMIT = 65_536;

    private static DeadLetter of(byte[] value) {
        return DeadLetter.of("e", value, "in", 2, 9L, new byte[] {'k'});
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static int utf8Length(String text) {
        return utf8(text).length;
    }

    @Test
    void keepsAValueOfExactly64KiBWhole() {
        DeadLetter letter = of(utf8("a".repeat(LIMIT)));
        assertThat(letter.raw()).isEqualTo("a".repeat(LIMIT));
        assertThat(letter.rawBytes()).isEqualTo(LIMIT);
        assertThat(letter.truncated()).isFalse();
        assertThat(letter.topic()).isEqualTo("in");
        assertThat(letter.partition()).isEqualTo(2);
        assertThat(letter.offset()).isEqualTo(9L);
        assertThat(letter.key()).containsExactly('k');
    }

    @Test
    void cutsOneByteMoreToExactly64KiB() {
        DeadLetter letter = of(utf8("a".repeat(LIMIT + 1)));
        assertThat(letter.raw()).isEqualTo("a".repeat(LIMIT));
        assertThat(letter.rawBytes()).isEqualTo(LIMIT + 1);
        assertThat(letter.truncated()).isTrue();
    }

    @Test
    void neverCutsAMultiByteCharacterOnTheBoundary() {
        // é is 2 bytes, € 3: the character that would cross 65 536 bytes is left out whole.
        assertThat(of(utf8("a".repeat(LIMIT - 1) + "é")).raw()).isEqualTo("a".repeat(LIMIT - 1));
        assertThat(of(utf8("a".repeat(LIMIT - 2) + "€")).raw()).isEqualTo("a".repeat(LIMIT - 2));
        DeadLetter fits = of(utf8("a".repeat(LIMIT - 3) + "€"));
        assertThat(fits.raw()).isEqualTo("a".repeat(LIMIT - 3) + "€");
        assertThat(fits.truncated()).isFalse();
        DeadLetter cut = of(utf8("a".repeat(LIMIT - 3) + "€x"));
        assertThat(cut.raw()).isEqualTo("a".repeat(LIMIT - 3) + "€");
        assertThat(cut.truncated()).isTrue();
    }

    @Test
    void neverSplitsASurrogatePair() {
        String emoji = "\uD83D\uDE00"; // 4 bytes of UTF-8, two chars
        DeadLetter cut = of(utf8("a".repeat(LIMIT - 2) + emoji));
        assertThat(cut.raw()).isEqualTo("a".repeat(LIMIT - 2));
        assertThat(cut.truncated()).isTrue();
        assertThat(cut.rawBytes()).isEqualTo(LIMIT + 2);

        DeadLetter whole = of(utf8("a".repeat(LIMIT - 4) + emoji));
        assertThat(whole.raw()).endsWith(emoji).hasSize(LIMIT - 2);
        assertThat(whole.truncated()).isFalse();

        DeadLetter many = of(utf8(emoji.repeat(LIMIT)));
        assertThat(many.raw()).isEqualTo(emoji.repeat(LIMIT / 4));
        assertThat(Character.isHighSurrogate(many.raw().charAt(many.raw().length() - 1))).isFalse();
    }

    @Test
    void anEmptyOrNullValueIsAnEmptyRaw() {
        for (byte[] value : new byte[][] {null, new byte[0]}) {
            DeadLetter letter = of(value);
            assertThat(letter.raw()).isEmpty();
            assertThat(letter.rawBytes()).isZero();
            assertThat(letter.truncated()).isFalse();
        }
    }

    @Test
    void invalidUtf8CountsAsTheThreeBytesOfTheReplacementCharacterItBecomes() {
        byte[] binary = new byte[30_000];
        Arrays.fill(binary, (byte) 0xFF);
        DeadLetter cut = of(binary);
        assertThat(cut.raw()).isEqualTo("\uFFFD".repeat(LIMIT / 3)); // 21 845 x 3 = 65 535 bytes
        assertThat(utf8Length(cut.raw())).isEqualTo(65_535);
        assertThat(cut.rawBytes()).isEqualTo(30_000);
        assertThat(cut.truncated()).isTrue();

        DeadLetter whole = of(Arrays.copyOf(binary, LIMIT / 3));
        assertThat(whole.raw()).isEqualTo("\uFFFD".repeat(LIMIT / 3));
        assertThat(whole.truncated()).isFalse();
    }

    @Test
    void controlBytesAreKeptAsCharacters() {
        byte[] controls = new byte[400_000];
        Arrays.fill(controls, (byte) 0x01);
        DeadLetter letter = of(controls);
        assertThat(letter.raw()).isEqualTo("\u0001".repeat(LIMIT));
        assertThat(letter.rawBytes()).isEqualTo(400_000);
        assertThat(letter.truncated()).isTrue();
    }

    /** Decoding only the beginning of a large value gives what decoding all of it and cutting would. */
    @Test
    void decodingOnlyTheBeginningMatchesDecodingEverything() {
        Random random = new Random(20250722L);
        byte[] alphabet = {'a', '"', 0x01, (byte) 0x80, (byte) 0xBF, (byte) 0xC2, (byte) 0xC3, (byte) 0xE2,
            (byte) 0x82, (byte) 0xAC, (byte) 0xED, (byte) 0xA0, (byte) 0xF0, (byte) 0x9F, (byte) 0x98,
            (byte) 0xF4, (byte) 0x90, (byte) 0xF5, (byte) 0xFF};
        for (int round = 0; round < 150; round++) {
            int length = round % 3 == 0 ? LIMIT / 3 - 8 + random.nextInt(16) : LIMIT - 16 + random.nextInt(64);
            byte[] value = new byte[length];
            for (int i = 0; i < length; i++) {
                // Mostly valid text with malformed bytes mixed in, densest near the cut.
                value[i] = i > length - 40 || random.nextInt(8) == 0
                        ? alphabet[random.nextInt(alphabet.length)] : (byte) ('a' + random.nextInt(26));
            }
            String full = new String(value, StandardCharsets.UTF_8);
            String expected = referenceCut(full);
            DeadLetter letter = of(value);
            assertThat(letter.raw()).as("round %d", round).isEqualTo(expected);
            assertThat(letter.truncated()).as("round %d", round).isEqualTo(!expected.equals(full));
            assertThat(letter.rawBytes()).isEqualTo(length);
        }
    }

    /** Longest prefix of whole code points of at most 64 KiB, measured with the JDK's encoder. */
    private static String referenceCut(String full) {
        int end = 0;
        int bytes = 0;
        while (end < full.length()) {
            int next = full.offsetByCodePoints(end, 1);
            bytes += utf8Length(full.substring(end, next));
            if (bytes > LIMIT) {
                break;
            }
            end = next;
        }
        return full.substring(0, end);
    }
}
