package io.github.vpm.job.reading;

import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * One valid sensor reading. Between tasks (the keyBy) it travels with the hand-written {@link
 * ReadingSerializer}, never Kryo; public fields and a no-arg constructor keep it a plain value.
 */
@TypeInfo(ReadingTypeInfo.Factory.class)
public class Reading {

    public String vehicleId;
    public String sensorId;
    /** Pascals; any finite double (never -0.0: the decoder turns it into 0.0). */
    public double pressure;
    /** Event time, epoch milliseconds UTC (parsed once from the payload). */
    public long timestamp;
    /** Degrees Celsius, or null when absent. */
    public Double temperature;

    public Reading() {}

    public Reading(String vehicleId, String sensorId, double pressure, long timestamp, Double temperature) {
        this.vehicleId = vehicleId;
        this.sensorId = sensorId;
        this.pressure = pressure;
        this.timestamp = timestamp;
        this.temperature = temperature;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Reading)) {
            return false;
        }
        Reading that = (Reading) o;
        return Double.compare(pressure, that.pressure) == 0
                && timestamp == that.timestamp
                && Objects.equals(vehicleId, that.vehicleId)
                && Objects.equals(sensorId, that.sensorId)
                && Objects.equals(temperature, that.temperature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(vehicleId, sensorId, pressure, timestamp, temperature);
    }

    @Override
    public String toString() {
        return "Reading{vehicleId=" + vehicleId + ", sensorId=" + sensorId + ", pressure=" + pressure
                + ", timestamp=" + timestamp + ", temperature=" + temperature + '}';
    }
}
