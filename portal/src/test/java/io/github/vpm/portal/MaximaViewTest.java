package io.github.vpm.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaximaViewTest {

    private static final Instant T0 = Instant.parse("2025-07-22T22:30:45.123Z");
    private final MaximaView view = new MaximaView(3, Clock.fixed(T0, ZoneOffset.UTC));

    static MaximumUpdate update(String vehicle, long pascals, int secondsAfterT0) {
        return new MaximumUpdate(vehicle, vehicle.toLowerCase().replace(" ", "") + "00", pascals, 25.5,
                T0.plusSeconds(secondsAfterT0));
    }

    @Test
    void listsVehiclesInNaturalIdOrder() {
        for (String id : List.of("HONDA 231", "bmw 7", "HONDA 10", "HONDA 9", "audi 100", "AUDI 20")) {
            view.apply(update(id, 1000, 0));
        }
        assertThat(view.vehicles(false)).extracting(VehicleMaximum::vehicleId)
                .containsExactly("AUDI 20", "audi 100", "bmw 7", "HONDA 9", "HONDA 10", "HONDA 231");
    }

    @Test
    void keepsTheLatestUpdateAndABoundedHistoryOldestFirst() {
        for (int i = 1; i <= 5; i++) {
            view.apply(update("HONDA 231", 100_000L * i, i));
        }
        VehicleMaximum v = view.vehicle("HONDA 231").orElseThrow();
        assertThat(v.pressureMax()).isEqualTo(500_000);
        assertThat(v.updates()).isEqualTo(5);
        assertThat(v.receivedAt()).isEqualTo(T0);
        assertThat(v.history()).extracting(PressurePoint::pressureMax).containsExactly(300_000L, 400_000L, 500_000L);
        assertThat(v.history()).extracting(PressurePoint::timestamp)
                .containsExactly(T0.plusSeconds(3), T0.plusSeconds(4), T0.plusSeconds(5));
    }

    @Test
    void listsCarryNoHistory() {
        view.apply(update("HONDA 231", 1, 0));
        assertThat(view.vehicles(false)).singleElement().satisfies(v -> assertThat(v.history()).isEmpty());
        assertThat(view.vehicles(true)).singleElement().satisfies(v -> assertThat(v.history()).hasSize(1));
    }

    @Test
    void convertsPascalsToKilopascalsAndBar() {
        view.apply(update("HONDA 231", 950_000, 0));
        VehicleMaximum v = view.vehicle("HONDA 231").orElseThrow();
        assertThat(v.kilopascals()).isEqualTo(950.0);
        assertThat(v.bar()).isEqualTo(9.5);
        assertThat(Pressure.kilopascals(850_123)).isEqualTo(850.123);
        assertThat(Pressure.bar(850_123)).isEqualTo(8.50123);
        assertThat(Pressure.bar(0)).isZero();
        assertThat(Pressure.kilopascals(10_000_000)).isEqualTo(10_000.0);
        assertThat(Pressure.bar(10_000_000)).isEqualTo(100.0);
    }

    @Test
    void lastRecordWinsLikeCompaction() {
        view.apply(update("v", 900, 1));
        view.apply(update("v", 800, 2));
        assertThat(view.vehicle("v").orElseThrow().pressureMax()).isEqualTo(800);
    }

    @Test
    void anExactRepeatChangesNothingAndNotifiesNobody() {
        List<String> heard = new ArrayList<>();
        view.addListener(heard::add);
        assertThat(view.apply(update("v", 900, 1))).isTrue();
        assertThat(view.apply(update("v", 900, 1))).isFalse();
        assertThat(view.vehicle("v").orElseThrow().updates()).isEqualTo(1);
        assertThat(heard).containsExactly("v");
    }

    @Test
    void removeForgetsAVehicleAndNotifies() {
        List<String> heard = new ArrayList<>();
        view.apply(update("v", 900, 1));
        view.addListener(heard::add);
        assertThat(view.remove("v")).isTrue();
        assertThat(view.remove("v")).isFalse();
        assertThat(view.vehicle("v")).isEmpty();
        assertThat(view.size()).isZero();
        assertThat(heard).containsExactly("v");
    }

    @Test
    void concurrentReadersSeeConsistentSnapshots() throws InterruptedException {
        MaximaView shared = new MaximaView(10);
        Thread writer = new Thread(() -> {
            for (int i = 1; i <= 5_000; i++) {
                shared.apply(update("v" + (i % 50), i, i));
            }
        });
        writer.start();
        while (writer.isAlive()) {
            for (VehicleMaximum v : shared.vehicles(true)) {
                assertThat(v.history()).hasSizeLessThanOrEqualTo(10)
                        .last().extracting(PressurePoint::pressureMax).isEqualTo(v.pressureMax());
            }
        }
        writer.join();
        assertThat(shared.size()).isEqualTo(50);
    }
}
