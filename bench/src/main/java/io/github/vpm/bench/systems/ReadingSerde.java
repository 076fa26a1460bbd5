package io.github.vpm.bench.systems;

import io.github.vpm.job.reading.Reading;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A compact binary serde for the peer's repartition topic (what Flink's POJO serializer is to the job). */
public final class ReadingSerde implements Serde<Reading> {

    @Override
    public Serializer<Reading> serializer() {
        return (topic, r) -> {
            byte[] vehicle = r.vehicleId().getBytes(StandardCharsets.UTF_8);
            byte[] sensor = r.sensorId().getBytes(StandardCharsets.UTF_8);
            ByteBuffer b = ByteBuffer.allocate(4 + vehicle.length + 4 + sensor.length + 8 + 8 + 1 + 8);
            b.putInt(vehicle.length).put(vehicle).putInt(sensor.length).put(sensor)
                    .putDouble(r.pressure()).putLong(r.timestamp());
            if (r.temperature() == null) {
                b.put((byte) 0);
            } else {
                b.put((byte) 1).putDouble(r.temperature());
            }
            return b.array();
        };
    }

    @Override
    public Deserializer<Reading> deserializer() {
        return (topic, bytes) -> {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            String vehicle = string(b);
            String sensor = string(b);
            double pressure = b.getDouble();
            long timestamp = b.getLong();
            Double temperature = b.get() == 0 ? null : b.getDouble();
            return new Reading(vehicle, sensor, pressure, timestamp, temperature);
        };
    }

    private static String string(ByteBuffer b) {
        int length = b.getInt();
        String s = new String(b.array(), b.position(), length, StandardCharsets.UTF_8);
        b.position(b.position() + length);
        return s;
    }
}
