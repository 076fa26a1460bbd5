package io.github.vpm.job.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vpm.job.deadletter.DeadLetter;
import io.github.vpm.job.deadletter.DeadLetterSerializer;
import io.github.vpm.job.maximum.PressureMax;
import io.github.vpm.job.maximum.PressureMaxSerializer;
import io.github.vpm.job.reading.Reading;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecordSizeGuardTest {

    /** What Kafka's producer really adds to key and value (batch header 61 + record header at most 21). */
    private static final int KAFKA_OVERHEAD = 82;
    private static final int LIMIT = 16_384;
    private static final RecordSizeGuard GUARD = new RecordSizeGuard(LIMIT);

    private static Reading reading(String vehicleId, String sensorId) {
        return new Reading(vehicleId, sensorId, 850_000, 1_753_223_445_123L, -12.345678901234567);
    }

    private static long maximumSize(Reading reading) {
        return reading.vehicleId().getBytes(StandardCharsets.UTF_8).length
                + PressureMaxSerializer.toJson(PressureMax.of(reading)).length;
    }

    private static long size(DeadLetter letter) {
        return (letter.key() == null ? 0 : letter.key().length) + DeadLetterSerializer.toJson(letter).length;
    }

    private static byte[] bytes(int n, char c) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) c);
        return b;
    }

    @Test
    void everyOrdinaryMaximumFits() {
        assertThat(new RecordSizeGuard(RecordSizeGuard.DEFAULT_MAX_REQUEST_SIZE)
                .maximumFits(reading("\u0001".repeat(256), "\u0001".repeat(256)))).isTrue();
        assertThat(GUARD.maximumFits(reading("HONDA 231", "honda23100"))).isTrue();
    }

    @Test
    void measuresAMaximumExactlyWhenTheBoundIsTooHigh() {
        // 2 500 ASCII chars: the bound (6 bytes per char and more) is above 16 KiB, the record is not.
        Reading ascii = reading("v".repeat(2_500), "s".repeat(2_500));
        assertThat(maximumSize(ascii)).isLessThan(LIMIT / 2);
        assertThat(GUARD.maximumFits(ascii)).isTrue();
    }

    @Test
    void aMaximumFitsExactlyUpToTheLimit() {
        boolean sawBoth = false;
        for (int n = 7_900; n < 8_300; n++) {
            Reading r = reading("\u00e9".repeat(n / 2), "s".repeat(n)); // 2-byte chars in key and value
            boolean fits = GUARD.maximumFits(r);
            if (fits) {
                assertThat(maximumSize(r) + KAFKA_OVERHEAD).as("n=%d", n).isLessThanOrEqualTo(LIMIT);
            } else {
                assertThat(maximumSize(r) + RecordSizeGuard.KAFKA_OVERHEAD_BYTES).as("n=%d", n).isGreaterThan(LIMIT);
                sawBoth = true;
            }
        }
        assertThat(sawBoth).isTrue();
        assertThat(GUARD.maximumFits(reading("\u0001".repeat(3_000), "s"))).isFalse();
    }

    @Test
    void aDeadLetterThatFitsIsLeftAlone() {
        DeadLetter small = new DeadLetter("pressure: missing", "{}", "in", 1, 2L, new byte[] {'k'});
        assertThat(GUARD.fit(small)).isSameAs(small);
        // Bound above the limit, exact size below it.
        DeadLetter measured = DeadLetter.of("e", bytes(10_000, 'x'), "in", 1, 3L, bytes(2_000, 'k'));
        assertThat(GUARD.fit(measured)).isSameAs(measured);
    }

    @Test
    void aHugeKeyIsCutToWhatFits() {
        // As large as the broker's default message.max.bytes lets a key be beside a one-byte value.
        byte[] key = bytes(1_048_400, 'k');
        DeadLetter letter = DeadLetter.of("value: not valid JSON", "x".getBytes(StandardCharsets.UTF_8), "in", 0, 5L, key);
        DeadLetter fitted = new RecordSizeGuard(RecordSizeGuard.DEFAULT_MAX_REQUEST_SIZE).fit(letter);

        assertThat(fitted.error()).isEqualTo("record: too large for max.request.size (1048576 bytes), written as a"
                + " truncated dead letter; value: not valid JSON");
        assertThat(fitted.raw()).isEqualTo("x");
        assertThat(fitted.truncated()).isFalse();
        assertThat(fitted.rawBytes()).isEqualTo(1);
        assertThat(fitted.key().length).isBetween(1_048_000, 1_048_400 - 1);
        assertThat(fitted.key()).containsOnly((byte) 'k');
        assertThat(size(fitted) + KAFKA_OVERHEAD).isLessThanOrEqualTo(1_048_576);
        assertThat(size(fitted) + RecordSizeGuard.KAFKA_OVERHEAD_BYTES).isEqualTo(1_048_576);
        assertThat(fitted.partition()).isZero();
        assertThat(fitted.offset()).isEqualTo(5L);
        assertThat(fitted.topic()).isEqualTo("in");
    }

    @Test
    void rawIsCutFurtherWhenItsEscapesDoNotFit() {
        DeadLetter letter = DeadLetter.of("value: not valid JSON", bytes(400_000, '\u0001'), "in", 0, 5L, null);
        DeadLetter fitted = GUARD.fit(letter);
        assertThat(fitted.raw()).isNotEmpty().matches("\\u0001+");
        assertThat(fitted.raw().length()).isLessThan(LIMIT / 6).isGreaterThan(LIMIT / 6 - 1_200);
        assertThat(fitted.truncated()).isTrue();
        assertThat(fitted.rawBytes()).isEqualTo(400_000);
        assertThat(fitted.key()).isNull();
        assertThat(fitted.error()).startsWith("record: too large for max.request.size (16384 bytes)")
                .endsWith("; value: not valid JSON");
        assertThat(size(fitted) + KAFKA_OVERHEAD).isLessThanOrEqualTo(LIMIT);
    }

    @Test
    void keyAndRawShareTheRoomWhenBothAreHuge() {
        DeadLetter letter = DeadLetter.of("e", bytes(100_000, 'r'), "in", 0, 5L, bytes(100_000, 'k'));
        DeadLetter fitted = GUARD.fit(letter);
        assertThat(fitted.raw().length()).isGreaterThan(LIMIT / 2 - 400);
        assertThat(fitted.key().length).isGreaterThan(LIMIT / 2 - 400);
        assertThat(fitted.truncated()).isTrue();
        assertThat(size(fitted) + KAFKA_OVERHEAD).isLessThanOrEqualTo(LIMIT);
    }

    @Test
    void aLongOriginalErrorIsCutToo() {
        DeadLetter letter = new DeadLetter("\u00e9".repeat(20_000), "raw", "in", 0, 5L, bytes(20_000, 'k'));
        DeadLetter fitted = GUARD.fit(letter);
        assertThat(fitted.error()).endsWith("; " + "\u00e9".repeat(512));
        assertThat(size(fitted) + KAFKA_OVERHEAD).isLessThanOrEqualTo(LIMIT);
    }

    @Test
    void everyFittedDeadLetterFits() {
        Random random = new Random(42);
        char[] alphabet = {'a', '"', '\\', '\n', '\u0001', '\u00e9', '\u20ac', '\uFFFD', '\uD83D', '\uDE00'};
        for (int round = 0; round < 200; round++) {
            StringBuilder raw = new StringBuilder();
            int rawLength = random.nextInt(70_000);
            for (int i = 0; i < rawLength; i++) {
                char c = alphabet[random.nextInt(alphabet.length - 2)];
                raw.append(c);
                if (random.nextInt(50) == 0) {
                    raw.append("\uD83D\uDE00");
                }
            }
            byte[] value = raw.toString().getBytes(StandardCharsets.UTF_8);
            byte[] key = random.nextBoolean() ? null : bytes(random.nextInt(40_000), 'k');
            int limit = RecordSizeGuard.MIN_MAX_REQUEST_SIZE + random.nextInt(500_000);
            DeadLetter fitted = new RecordSizeGuard(limit).fit(DeadLetter.of("e", value, "in", 0, round, key));
            assertThat(size(fitted) + KAFKA_OVERHEAD).as("round %d", round).isLessThanOrEqualTo(limit);
            assertThat(fitted.rawBytes()).isEqualTo(value.length);
            assertThat(raw.toString()).startsWith(fitted.raw());
        }
    }

    @Test
    void refusesALimitTooSmallForATruncatedDeadLetter() {
        assertThatThrownBy(() -> new RecordSizeGuard(RecordSizeGuard.MIN_MAX_REQUEST_SIZE - 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
