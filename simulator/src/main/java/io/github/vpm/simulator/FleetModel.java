package io.github.vpm.simulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The simulated fleet: vehicle ids like "HONDA 231", sensor ids like "honda23100" (make, number, sensor
 * index), all derived from the seed so a restarted simulator reports for the same vehicles.
 */
public final class FleetModel {

    private static final List<String> MAKES = List.of(
            "HONDA", "TOYOTA", "FORD", "VOLVO", "SKODA", "MAZDA", "RENAULT", "FIAT", "KIA", "SEAT");

    /** Normal operating pressure of the fleet's tyres, pascals (contract example: 850 000). */
    static final long NOMINAL_PRESSURE = 850_000;

    private final List<Vehicle> vehicles;
    private final List<Sensor> sensors;

    private FleetModel(List<Vehicle> vehicles) {
        this.vehicles = List.copyOf(vehicles);
        this.sensors = vehicles.stream().flatMap(v -> v.sensors().stream()).toList();
    }

    public static FleetModel generate(int vehicleCount, int sensorsPerVehicle, long seed) {
        if (vehicleCount < 1 || sensorsPerVehicle < 1) {
            throw new IllegalArgumentException("a fleet needs at least one vehicle and one sensor per vehicle");
        }
        // Its own stream, so the fleet does not shift when the reading generator draws differently.
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int digits = numberDigits(vehicleCount);
        long low = pow10(digits - 1);
        int indexDigits = Math.max(2, String.valueOf(sensorsPerVehicle - 1).length());
        Set<String> taken = new HashSet<>();
        List<Vehicle> vehicles = new ArrayList<>(vehicleCount);
        while (vehicles.size() < vehicleCount) {
            String make = MAKES.get(random.nextInt(MAKES.size()));
            long number = random.nextLong(low, low * 10);
            String vehicleId = make + " " + number;
            if (!taken.add(vehicleId)) {
                continue;
            }
            String sensorPrefix = make.toLowerCase(Locale.ROOT) + number;
            List<Sensor> sensors = new ArrayList<>(sensorsPerVehicle);
            for (int i = 0; i < sensorsPerVehicle; i++) {
                String sensorId = sensorPrefix + String.format("%0" + indexDigits + "d", i);
                long basePressure = NOMINAL_PRESSURE + random.nextLong(-30_000, 30_001);
                double baseTemperature = 15.0 + random.nextDouble() * 20.0;
                sensors.add(new Sensor(sensorId, vehicleId, basePressure, baseTemperature));
            }
            vehicles.add(new Vehicle(vehicleId, sensors));
        }
        return new FleetModel(vehicles);
    }

    public List<Vehicle> vehicles() {
        return vehicles;
    }

    /** All sensors, vehicle by vehicle. */
    public List<Sensor> sensors() {
        return sensors;
    }

    /**
     * Vehicle numbers have a fixed width (3 digits for small fleets, like "HONDA 231") wide enough that
     * random draws rarely collide; fixed widths also keep "make + number + index" sensor ids unique.
     */
    private static int numberDigits(int vehicleCount) {
        int digits = 3;
        while (9 * pow10(digits - 1) * MAKES.size() < 4L * vehicleCount) {
            digits++;
        }
        return digits;
    }

    private static long pow10(int exponent) {
        long p = 1;
        for (int i = 0; i < exponent; i++) {
            p *= 10;
        }
        return p;
    }
}
