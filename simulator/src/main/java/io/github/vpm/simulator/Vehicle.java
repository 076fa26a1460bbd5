package io.github.vpm.simulator;

import java.util.List;

/** A vehicle such as "HONDA 231" with its sensors ("honda23100", "honda23101", ...). */
public record Vehicle(String id, List<Sensor> sensors) {

    public Vehicle {
        sensors = List.copyOf(sensors);
    }
}
