package io.github.vpm.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReadingGeneratorTest {

    private static final Instant START = Instant.parse("2025-07-22T22:30:45.123Z");

    private static ReadingGenerator generator(long seed, double spikeProbability) {
        FleetModel fleet = FleetModel.generate(10, 4, seed);
        return new ReadingGenerator(fleet, seed, spikeProbability, ReadingClock.fixed(START, 100));
    }

    private static List<String> encoded(ReadingGenerator generator, int n) {
        ReadingJson json = new ReadingJson();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(json.encode(generator.next()));
        }
        return out;
    }

    @Test
    void everyReadingIsValidPerTheContractAndInTheSeedFormat() {
        ReadingGenerator generator = generator(42, 0.01);
        ReadingJson json = new ReadingJson();
        for (int i = 0; i < 20_000; i++) {
            Reading reading = generator.next();
            String value = json.encode(reading);
            assertThat(ContractRules.violation(value)).as(value).isNull();
            JsonNode node = ContractRules.parse(value);
            assertThat(node.get("timestamp").asText()).matches(ContractRules.SIMULATOR_TIMESTAMP);
            assertThat(ContractRules.parseTimestamp(node.get("timestamp").asText()).toEpochMilli())
                    .isEqualTo(reading.epochMillis());
            assertThat(node.get("pressure").isIntegralNumber()).as(value).isTrue();
            assertThat(node.get("pressure").asDouble()).isEqualTo(reading.pressure());
            assertThat(node.get("temperature").asDouble()).isEqualTo(reading.temperature());
            assertThat(node.get("sensorId").asText()).isEqualTo(reading.sensorId());
            assertThat(node.get("vehicleId").asText()).isEqualTo(reading.vehicleId());
            assertThat(node.size()).isEqualTo(5);
        }
    }

    @Test
    void normalReadingsStayAroundTheOperatingPointWithRealisticTemperatures() {
        ReadingGenerator generator = generator(7, 0.0);
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        Set<Double> distinct = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            Reading r = generator.next();
            assertThat(r.spike()).isFalse();
            assertThat(r.pressure()).isBetween(700_000.0, 1_000_000.0);
            assertThat(r.pressure()).as("whole pascals by default").isEqualTo(Math.rint(r.pressure()));
            assertThat(r.temperature()).isBetween(-10.0, 50.0);
            min = Math.min(min, r.pressure());
            max = Math.max(max, r.pressure());
            distinct.add(r.pressure());
        }
        // Values move (noise and drift), but not wildly.
        assertThat(distinct.size()).isGreaterThan(1000);
        assertThat(max - min).isBetween(5_000.0, 300_000.0);
    }

    @Test
    void eachSensorDriftsSlowlyBetweenItsReadings() {
        FleetModel fleet = FleetModel.generate(2, 2, 3);
        ReadingGenerator generator = new ReadingGenerator(fleet, 3, 0.0, ReadingClock.fixed(START, 10));
        double[] last = new double[4];
        double[] lastTemperature = new double[4];
        for (int i = 0; i < 4_000; i++) {
            Reading r = generator.next();
            int s = i % 4;
            assertThat(r.sensorId()).isEqualTo(fleet.sensors().get(s).id());
            if (i >= 4) {
                assertThat(Math.abs(r.pressure() - last[s])).as("pressure step").isLessThan(10_000.0);
                assertThat(Math.abs(r.temperature() - lastTemperature[s])).as("temperature step").isLessThan(1.0);
            }
            last[s] = r.pressure();
            lastTemperature[s] = r.temperature();
        }
    }

    @Test
    void theSameSeedGivesTheSameReadings() {
        assertThat(encoded(generator(1234, 0.05), 5_000)).isEqualTo(encoded(generator(1234, 0.05), 5_000));
    }

    @Test
    void differentSeedsGiveDifferentReadings() {
        assertThat(encoded(generator(1, 0.0), 100)).isNotEqualTo(encoded(generator(2, 0.0), 100));
    }

    @Test
    void valuesDoNotDependOnTheClock() {
        FleetModel fleet = FleetModel.generate(3, 2, 9);
        ReadingGenerator fixed = new ReadingGenerator(fleet, 9, 0.1, ReadingClock.fixed(START, 5));
        ReadingGenerator wall = new ReadingGenerator(fleet, 9, 0.1, ReadingClock.wallClock());
        for (int i = 0; i < 1_000; i++) {
            Reading a = fixed.next();
            Reading b = wall.next();
            assertThat(b).isEqualTo(new Reading(b.epochMillis(), a.pressure(), a.temperatureTenths(),
                    a.sensorId(), a.vehicleId(), a.spike()));
        }
    }

    @Test
    void aFixedStartTimeAdvancesByOneOverTheRate() {
        FleetModel fleet = FleetModel.generate(1, 1, 1);
        ReadingGenerator generator = new ReadingGenerator(fleet, 1, 0.0, ReadingClock.fixed(START, 4));
        assertThat(generator.next().epochMillis()).isEqualTo(START.toEpochMilli());
        assertThat(generator.next().epochMillis()).isEqualTo(START.toEpochMilli() + 250);
        assertThat(generator.next().epochMillis()).isEqualTo(START.toEpochMilli() + 500);
        assertThat(generator.generated()).isEqualTo(3);
    }

    @Test
    void spikesAreWellAboveNormalButInsideTheValidRange() {
        ReadingGenerator generator = generator(5, 1.0);
        for (int i = 0; i < 10_000; i++) {
            Reading r = generator.next();
            assertThat(r.spike()).isTrue();
            assertThat(r.pressure()).isBetween(1_200_000.0, (double) ContractRules.PRESSURE_MAX);
        }
    }

    @Test
    void spikesOccurAtRoughlyTheConfiguredProbability() {
        ReadingGenerator generator = generator(11, 0.01);
        int spikes = 0;
        for (int i = 0; i < 100_000; i++) {
            Reading r = generator.next();
            if (r.spike()) {
                spikes++;
                assertThat(r.pressure()).isGreaterThan(1_200_000.0);
            } else {
                assertThat(r.pressure()).isLessThan(1_000_000.0);
            }
        }
        // Expected 1000; a deterministic seed, so the bound only guards against a wrong formula.
        assertThat(spikes).isBetween(800, 1200);
    }

    @Test
    void fractionalPressuresAreValidReadBackExactlyAndRoundToTheWholeValues() {
        FleetModel fleet = FleetModel.generate(10, 4, 42);
        ReadingGenerator whole = new ReadingGenerator(fleet, 42, 0.01, ReadingClock.fixed(START, 100));
        ReadingGenerator fine = new ReadingGenerator(fleet, 42, 0.01, ReadingClock.fixed(START, 100), 7);
        ReadingJson json = new ReadingJson(7);
        int withFraction = 0;
        for (int i = 0; i < 20_000; i++) {
            Reading w = whole.next();
            Reading f = fine.next();
            String value = json.encode(f);
            assertThat(ContractRules.violation(value)).as(value).isNull();
            JsonNode pressure = ContractRules.parse(value).get("pressure");
            assertThat(value).contains("\"pressure\": " + json.pressure(f) + ",");
            assertThat(json.pressure(f)).matches("\\d+\\.\\d{7}");
            assertThat(pressure.asDouble()).as(value).isEqualTo(f.pressure());
            assertThat(Math.abs(f.pressure() - w.pressure())).as("same values, more digits").isLessThanOrEqualTo(0.5);
            if (f.pressure() != Math.rint(f.pressure())) {
                withFraction++;
            }
        }
        assertThat(withFraction).isGreaterThan(19_000);
    }

    @Test
    void anUnsupportedPrecisionIsRefused() {
        FleetModel fleet = FleetModel.generate(1, 1, 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new ReadingGenerator(fleet, 1, 0.0, ReadingClock.fixed(START, 1), 9))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noSpikesWhenTheProbabilityIsZero() {
        ReadingGenerator generator = generator(11, 0.0);
        for (int i = 0; i < 100_000; i++) {
            assertThat(generator.next().spike()).isFalse();
        }
    }
}
