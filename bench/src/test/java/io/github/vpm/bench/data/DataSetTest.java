package io.github.vpm.bench.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DataSetTest {

    private static List<DataSet.Record> records(DataSet data) {
        List<DataSet.Record> out = new ArrayList<>();
        data.generate(out::add);
        return out;
    }

    @Test
    void aFleetHasThreeReadingsPerVehicleAndAMaximumForEveryVehicle() {
        DataSet fleet = DataSet.fleet(10_000, 3, 4, 0.001, 42, 0);
        List<DataSet.Record> records = new ArrayList<>();
        DataSet.Expected expected = fleet.generate(records::add);

        assertThat(fleet.readings()).isEqualTo(30_000);
        assertThat(records).hasSize(30_000);
        assertThat(expected.maxima()).hasSize(10_000).containsKeys("VEHICLE 0", "VEHICLE 9999");
        assertThat(records.stream().filter(r -> !r.valid()).count()).isEqualTo(expected.deadLetters());
        // Invalid readings only among the later two thirds: ~0.1 % of 20 000
        assertThat(expected.deadLetters()).isBetween(5L, 50L);
    }

    @Test
    void aFleetFirstReportsEveryVehicleOnceAndValid() {
        int vehicles = 1_000;
        List<DataSet.Record> records = records(DataSet.fleet(vehicles, 3, 4, 0.5, 7, 0));
        Set<String> firstPass = new HashSet<>();
        for (DataSet.Record r : records.subList(0, vehicles)) {
            assertThat(r.valid()).isTrue();
            firstPass.add(new String(r.key()).replaceAll("-s\\d+$", ""));
        }
        assertThat(firstPass).hasSize(vehicles);
        // Scattered, not VEHICLE 0, 1, 2...: neighbours in time are not neighbours in id.
        assertThat(new String(records.get(1).key())).doesNotStartWith("vehicle1-");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 10, 1_000, 999_983, 1_000_000, 10_000_000})
    void theStrideVisitsEveryVehicleOnce(int vehicles) {
        long stride = DataSet.coprimeStride(vehicles);
        assertThat(gcd(stride, vehicles)).isEqualTo(1);
        if (vehicles <= 1_000) {
            Set<Long> seen = new HashSet<>();
            for (long i = 0; i < vehicles; i++) {
                seen.add(i * stride % vehicles);
            }
            assertThat(seen).hasSize(vehicles);
        }
    }

    @Test
    void theDefaultSetIsUnchangedByTheFleetMode() {
        // The default set's bytes are part of the published figures: the same seed, the same records.
        List<DataSet.Record> a = records(new DataSet(1_000, 100, 4, 0.01, 42, 0));
        List<DataSet.Record> b = records(new DataSet(1_000, 100, 4, 0.01, 42, 0));
        assertThat(a).hasSize(1_000);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).value()).isEqualTo(b.get(i).value());
        }
        assertThat(new String(a.get(0).key())).isEqualTo(firstKeyOfTheDefaultGenerator());
    }

    /** The first sensor of seed 42 over 100 vehicles x 4 sensors, as the generator always drew it. */
    private static String firstKeyOfTheDefaultGenerator() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        int vehicle = random.nextInt(100);
        int sensor = random.nextInt(4);
        return DataSet.sensorId(vehicle, sensor);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
