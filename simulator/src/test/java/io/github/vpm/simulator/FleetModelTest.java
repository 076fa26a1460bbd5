package io.github.vpm.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FleetModelTest {

    @Test
    void idsLookLikeTheContractExample() {
        FleetModel fleet = FleetModel.generate(10, 4, 42);
        assertThat(fleet.vehicles()).hasSize(10);
        assertThat(fleet.sensors()).hasSize(40);
        for (Vehicle vehicle : fleet.vehicles()) {
            assertThat(vehicle.id()).matches("[A-Z]+ \\d{3}");
            assertThat(vehicle.sensors()).hasSize(4);
            String prefix = vehicle.id().toLowerCase(Locale.ROOT).replace(" ", "");
            for (int i = 0; i < 4; i++) {
                Sensor sensor = vehicle.sensors().get(i);
                assertThat(sensor.id()).isEqualTo(prefix + "0" + i);
                assertThat(sensor.vehicleId()).isEqualTo(vehicle.id());
                assertThat(sensor.basePressure()).isBetween(800_000L, 900_000L);
                assertThat(sensor.baseTemperature()).isBetween(10.0, 40.0);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameFleet() {
        assertThat(FleetModel.generate(25, 3, 7).vehicles()).isEqualTo(FleetModel.generate(25, 3, 7).vehicles());
        assertThat(FleetModel.generate(25, 3, 7).vehicles()).isNotEqualTo(FleetModel.generate(25, 3, 8).vehicles());
    }

    @Test
    void idsStayUniqueInLargeFleets() {
        FleetModel fleet = FleetModel.generate(5_000, 12, 1);
        Set<String> vehicles = new HashSet<>();
        Set<String> sensors = new HashSet<>();
        fleet.vehicles().forEach(v -> vehicles.add(v.id()));
        fleet.sensors().forEach(s -> sensors.add(s.id()));
        assertThat(vehicles).hasSize(5_000);
        assertThat(sensors).hasSize(60_000);
        assertThat(fleet.sensors().get(11).id()).endsWith("11");
    }

    @Test
    void sensorIndexesWidenBeyondOneHundredSensors() {
        List<Sensor> sensors = FleetModel.generate(1, 150, 1).sensors();
        assertThat(sensors.get(0).id()).endsWith("000");
        assertThat(sensors.get(149).id()).endsWith("149");
    }
}
