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

    static MaximumUpdate update(String vehicle, double pascals, int secondsAfterT0) {
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
        assertThat(v.history()).extracting(PressurePoint::pressureMax).containsExactly(300_000.0, 400_000.0, 500_000.0);
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
    void keepsFractionalPressuresExactly() {
        view.apply(new MaximumUpdate("v", "s", 823_456.7891234, null, T0));
        VehicleMaximum v = view.vehicle("v").orElseThrow();
        assertThat(v.pressureMax()).isEqualTo(823_456.7891234);
        assertThat(v.history()).extracting(PressurePoint::pressureMax).containsExactly(823_456.7891234);
        assertThat(v.kilopascals()).isCloseTo(823.4567891234, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aFullViewEvictsTheVehicleUpdatedLongestAgoAndCountsIt() {
        MaximaView small = new MaximaView(3, 3, Clock.fixed(T0, ZoneOffset.UTC));
        List<String> heard = new ArrayList<>();
        small.addListener(heard::add);
        small.apply(update("A", 1, 0));
        small.apply(update("B", 1, 0));
        small.apply(update("C", 1, 0));
        small.apply(update("A", 2, 1)); // A is now the most recently updated; B the oldest
        small.apply(update("B", 1, 0)); // an exact repeat is no update: B stays the oldest
        assertThat(small.evicted()).isZero();
        heard.clear();

        small.apply(update("D", 1, 0));
        assertThat(small.size()).isEqualTo(3);
        assertThat(small.evicted()).isEqualTo(1);
        assertThat(small.vehicle("B")).isEmpty();
        assertThat(small.vehicles(false)).extracting(VehicleMaximum::vehicleId).containsExactly("A", "C", "D");
        assertThat(heard).containsExactly("B", "D");

        small.apply(update("E", 1, 0));
        assertThat(small.vehicles(false)).extracting(VehicleMaximum::vehicleId).containsExactly("A", "D", "E");
        assertThat(small.evicted()).isEqualTo(2);
        assertThat(small.page(PageRequest.FIRST_PAGE, false).total()).isEqualTo(3);
    }

    @Test
    void aRemovedVehicleFreesItsPlaceWithoutAnEviction() {
        MaximaView small = new MaximaView(3, 2, Clock.fixed(T0, ZoneOffset.UTC));
        small.apply(update("A", 1, 0));
        small.apply(update("B", 1, 0));
        small.remove("A");
        small.apply(update("C", 1, 0));
        assertThat(small.evicted()).isZero();
        assertThat(small.vehicles(false)).extracting(VehicleMaximum::vehicleId).containsExactly("B", "C");
    }

    @Test
    void pagesInIdOrderWithTheTotalCount() {
        for (int i = 1; i <= 250; i++) {
            view.apply(update("CAR " + i, i, i));
        }
        VehiclePage first = view.page(PageRequest.parse("limit=100"), false);
        assertThat(first.matching()).isEqualTo(250);
        assertThat(first.total()).isEqualTo(250);
        assertThat(first.vehicles()).hasSize(100);
        assertThat(first.vehicles().get(0).vehicleId()).isEqualTo("CAR 1");
        assertThat(first.vehicles().get(99).vehicleId()).isEqualTo("CAR 100");
        VehiclePage last = view.page(PageRequest.parse("offset=200&limit=100"), true);
        assertThat(last.vehicles()).extracting(VehicleMaximum::vehicleId).startsWith("CAR 201").endsWith("CAR 250")
                .hasSize(50);
        assertThat(last.vehicles().get(0).history()).hasSize(1);
        assertThat(view.page(PageRequest.parse("offset=1000"), false).vehicles()).isEmpty();
        assertThat(view.page(PageRequest.parse("offset=1000"), false).matching()).isEqualTo(250);
        assertThat(view.page(PageRequest.parse("order=desc&limit=2"), false).vehicles())
                .extracting(VehicleMaximum::vehicleId).containsExactly("CAR 250", "CAR 249");
    }

    @Test
    void filtersCaseInsensitivelyOnVehicleAndSensorIdsAndCountsTheMatches() {
        for (int i = 1; i <= 30; i++) {
            view.apply(update((i % 3 == 0 ? "Honda " : "BMW ") + i, i, i));
        }
        view.apply(new MaximumUpdate("TRUCK 1", "HONDA-PART-7", 5, null, T0));
        VehiclePage honda = view.page(PageRequest.parse("filter=hOnDa&limit=4"), false);
        assertThat(honda.matching()).isEqualTo(11);
        assertThat(honda.total()).isEqualTo(31);
        assertThat(honda.vehicles()).extracting(VehicleMaximum::vehicleId)
                .containsExactly("Honda 3", "Honda 6", "Honda 9", "Honda 12");
        assertThat(view.page(PageRequest.parse("filter=honda&offset=8&limit=4"), false).vehicles())
                .extracting(VehicleMaximum::vehicleId).containsExactly("Honda 27", "Honda 30", "TRUCK 1");
        assertThat(view.page(PageRequest.parse("filter=%20bmw%202"), false).vehicles())
                .extracting(VehicleMaximum::vehicleId).containsExactly("BMW 2", "BMW 20", "BMW 22", "BMW 23", "BMW 25",
                        "BMW 26", "BMW 28", "BMW 29");
        assertThat(view.page(PageRequest.parse("filter=nothing"), false).matching()).isZero();
    }

    @Test
    void pagesByPressureOrTimeHighestAndNewestFirstWithTiesInIdOrder() {
        view.apply(update("A", 500.25, 3));
        view.apply(update("B", 900, 1));
        view.apply(update("C", 500.25, 2));
        view.apply(update("D", 100, 4));
        assertThat(view.page(PageRequest.parse("sort=pressure"), false).vehicles())
                .extracting(VehicleMaximum::vehicleId).containsExactly("B", "A", "C", "D");
        assertThat(view.page(PageRequest.parse("sort=pressure&order=asc&offset=1&limit=2"), false).vehicles())
                .extracting(VehicleMaximum::vehicleId).containsExactly("A", "C");
        assertThat(view.page(PageRequest.parse("sort=time&limit=3"), false).vehicles())
                .extracting(VehicleMaximum::vehicleId).containsExactly("D", "A", "C");
        VehiclePage filtered = view.page(PageRequest.parse("sort=pressure&filter=a"), false);
        assertThat(filtered.matching()).isEqualTo(1);
    }

    @Test
    void summaryFindsTheHighestAndTheLatestMaximumAndFollowsChanges() {
        assertThat(view.summary().top()).isEmpty();
        view.apply(update("A", 500, 3));
        view.apply(update("B", 900, 1));
        assertThat(view.summary().top().orElseThrow().vehicleId()).isEqualTo("B");
        assertThat(view.summary().latest().orElseThrow().vehicleId()).isEqualTo("A");
        view.remove("B");
        assertThat(view.summary().top().orElseThrow().vehicleId()).isEqualTo("A");
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

    @Test
    void deepPagesAndFiltersFollowVehiclesComingAndGoingAndChanging() {
        MaximaView big = new MaximaView(3, 20_000, Clock.fixed(T0, ZoneOffset.UTC));
        int n = MaximaView.TREE_WALK_LIMIT + 5_000; // beyond the tree walk: pages come from the id-ordered array
        for (int i = 1; i <= n; i++) {
            big.apply(update("CAR " + i, i, i));
        }
        PageRequest deep = PageRequest.parse("offset=" + (n - 2) + "&limit=5");
        assertThat(big.page(deep, false).vehicles()).extracting(VehicleMaximum::vehicleId)
                .containsExactly("CAR " + (n - 1), "CAR " + n);
        assertThat(big.page(PageRequest.parse("order=desc&offset=" + (n - 2)), false).vehicles())
                .extracting(VehicleMaximum::vehicleId).containsExactly("CAR 2", "CAR 1");

        // A new maximum of a shown vehicle shows at once (the order is unchanged).
        big.apply(update("CAR " + n, 999_999, n + 1));
        assertThat(big.page(deep, false).vehicles().get(1).pressureMax()).isEqualTo(999_999);
        // A new vehicle and a removed one move the pages.
        big.apply(update("CAR " + (n + 1), 1, n + 2));
        assertThat(big.page(deep, false).vehicles()).extracting(VehicleMaximum::vehicleId)
                .containsExactly("CAR " + (n - 1), "CAR " + n, "CAR " + (n + 1));
        big.remove("CAR " + (n - 1));
        assertThat(big.page(deep, false).vehicles()).extracting(VehicleMaximum::vehicleId)
                .containsExactly("CAR " + n, "CAR " + (n + 1));
        VehiclePage filtered = big.page(PageRequest.parse("filter=car%20" + (n - 1) + "&limit=10"), false);
        assertThat(filtered.matching()).isZero();
        assertThat(big.page(PageRequest.parse("filter=CAR%201500&order=desc"), false).vehicles())
                .extracting(VehicleMaximum::vehicleId)
                .containsExactly("CAR 15001", "CAR 15000", "CAR 1500");
        assertThat(big.page(PageRequest.parse("sort=pressure&limit=1"), false).vehicles())
                .extracting(VehicleMaximum::vehicleId).containsExactly("CAR " + n);
        assertThat(big.page(PageRequest.parse("limit=1"), false).total()).isEqualTo(n);
    }

    @Test
    void theFilterMatchesAsStringRegionMatchesIgnoringCaseDoes() {
        for (String haystack : List.of("HONDA 231", "honda231", "Straße 5", "STRASSE 5", "İstanbul 1", "istanbul 2",
                "\uD801\uDC00 deseret", "\uD801\uDC28 deseret", "ǅ digraph", "ǆ digraph", "")) {
            for (String needle : List.of("h", "HONDA", "a 2", "ß", "e 5", "i", "İ", "ı", "\uD801\uDC28", "\uD801\uDC00",
                    "Ǆ", "ǅ", "x", "5", "honda231x")) {
                boolean expected = false;
                for (int i = 0; i + needle.length() <= haystack.length(); i++) {
                    expected |= haystack.regionMatches(true, i, needle, 0, needle.length());
                }
                assertThat(MaximaView.containsIgnoreCase(haystack, needle)).as("%s in %s", needle, haystack)
                        .isEqualTo(expected);
            }
        }
    }
}
