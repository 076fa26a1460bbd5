package io.github.vpm.job.maximum;

import io.github.vpm.job.reading.Reading;

/**
 * A vehicle's new all-time maximum and the reading that set it. A record, which Flink serializes
 * as a POJO (never Kryo).
 *
 * @param pressureMax pascals; any finite double (never -0.0: the decoder turns it into 0.0)
 * @param timestamp   event time of the reading that set the maximum, epoch milliseconds UTC
 * @param temperature degrees Celsius, or null
 */
public record PressureMax(String vehicleId, String sensorId, double pressureMax, long timestamp, Double temperature) {

    public static PressureMax of(Reading reading) {
        return new PressureMax(reading.vehicleId(), reading.sensorId(), reading.pressure(), reading.timestamp(),
                reading.temperature());
    }
}
