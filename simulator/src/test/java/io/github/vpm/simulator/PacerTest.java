package io.github.vpm.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Drives the pacer with a fake clock: pure logic, no sleeping, no wall-clock assertions. */
class PacerTest {

    private long now = 1_000_000_000L;

    private void advanceMillis(long millis) {
        now += TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Test
    void startsWithOnePermitThenAccruesAtTheRate() {
        Pacer pacer = new Pacer(10, () -> now);
        assertThat(pacer.acquire(100)).isEqualTo(1);
        assertThat(pacer.acquire(100)).isZero();
        assertThat(pacer.nanosUntilNextPermit()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
        advanceMillis(50);
        assertThat(pacer.acquire(100)).isZero();
        assertThat(pacer.nanosUntilNextPermit()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
        advanceMillis(50);
        assertThat(pacer.nanosUntilNextPermit()).isZero();
        assertThat(pacer.acquire(100)).isEqualTo(1);
    }

    @Test
    void sustainsTheRateOverTime() {
        Pacer pacer = new Pacer(100_000, () -> now);
        long total = 0;
        for (int ms = 0; ms < 10_000; ms++) { // ten simulated seconds, one wake-up per millisecond
            total += pacer.acquire(1_000);
            advanceMillis(1);
        }
        total += pacer.acquire(1_000);
        assertThat(total).isBetween(1_000_000L, 1_000_001L);
    }

    @Test
    void handsOutBatchesAtHighRatesInsteadOfOnePerWakeUp() {
        Pacer pacer = new Pacer(100_000, () -> now);
        pacer.acquire(1);
        advanceMillis(5);
        assertThat(pacer.acquire(10_000)).isEqualTo(500);
    }

    @Test
    void neverGrantsMoreThanAsked() {
        Pacer pacer = new Pacer(100_000, () -> now);
        advanceMillis(50);
        assertThat(pacer.acquire(100)).isEqualTo(100);
        assertThat(pacer.acquire(10_000)).isEqualTo(4_901); // 50 ms at 100/ms plus the initial permit
    }

    @Test
    void makesUpForHiccupsButNotForLongStalls() {
        Pacer hiccup = new Pacer(1_000, () -> now);
        advanceMillis(300);
        assertThat(hiccup.acquire(Integer.MAX_VALUE)).isEqualTo(301);
        Pacer pacer = new Pacer(1_000, () -> now);
        advanceMillis(60_000);
        assertThat(pacer.acquire(Integer.MAX_VALUE)).isEqualTo(1_000); // a second's worth
        Pacer slow = new Pacer(1, () -> now);
        advanceMillis(60_000);
        assertThat(slow.acquire(Integer.MAX_VALUE)).isEqualTo(2);
    }

    @Test
    void resetDropsAccruedPermits() {
        Pacer pacer = new Pacer(1_000, () -> now);
        advanceMillis(50);
        pacer.reset();
        assertThat(pacer.acquire(1_000)).isEqualTo(1);
        assertThat(pacer.acquire(1_000)).isZero();
    }

    @Test
    void fractionsCarryOverSoOddRatesAreExact() {
        Pacer pacer = new Pacer(3, () -> now);
        pacer.acquire(1);
        long total = 0;
        for (int i = 0; i < 3_000; i++) {
            advanceMillis(100);
            total += pacer.acquire(10);
        }
        assertThat(total).isBetween(899L, 900L); // 300 s at 3/s
    }
}
