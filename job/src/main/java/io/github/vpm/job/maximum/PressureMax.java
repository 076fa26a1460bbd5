package io.github.vpm.job.maximum;

import io.github.vpm.job.reading.Reading;
import java.util.Objects;

/** A vehicle's new all-time maximum and the reading that set it. A Flink POJO. */
public class PressureMax {

    public String vehicleId;
    public String sensorId;
    /** Pascals; any finite double (never -0.0: the decoder turns it into 0.0). */
    public double pressureMax;
    /** Event time of the reading that set the maximum, epoch milliseconds UTC. */
    public long timestamp;
    /** Degrees Celsius, or null. */
    public Double temperature;

    public PressureMax() {}

    public PressureMax(String vehicleId, String sensorId, double pressureMax, long timestamp, Double temperature) {
        this.vehicleId = vehicleId;
        this.sensorId = sensorId;
        this.pressureMax = pressureMax;
        this.timestamp = timestamp;
        this.temperature = temperature;
    }

    public static PressureMax of(Reading reading) {
        return new PressureMax(reading.vehicleId, reading.sensorId, reading.pressure, reading.timestamp,
                reading.temperature);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PressureMax)) {
            return false;
        }
        PressureMax that = (PressureMax) o;
        return Double.compare(pressureMax, that.pressureMax) == 0
                && timestamp == that.timestamp
                && Objects.equals(vehicleId, that.vehicleId)
                && Objects.equals(sensorId, that.sensorId)
                && Objects.equals(temperature, that.temperature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(vehicleId, sensorId, pressureMax, timestamp, temperature);
    }

    @Override
    public String toString() {
        return "PressureMax{vehicleId=" + vehicleId + ", sensorId=" + sensorId + ", pressureMax="
                + pressureMax + ", timestamp=" + timestamp + ", temperature=" + temperature + '}';
    }
}
