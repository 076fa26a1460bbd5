package io.github.vpm.job.maximum;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.github.vpm.job.reading.JsonNumbers;
import io.github.vpm.job.reading.Timestamps;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes maxima as the contract's JSON, {@code {"timestamp":"yyyy-MM-dd HH:mm:ss.SSSZ","pressureMax":..,
 * "temperature":..|null,"sensorId":..,"vehicleId":..}} in UTF-8, with one Jackson generator and one
 * buffer kept for every record. A generator per record (and the return of its buffers to Jackson's
 * pool when it closes) took about a sixth of the keyed task's sampled time at 1M vehicles (JFR,
 * BENCHMARKS.md). Not thread-safe: one per writing thread.
 */
public final class PressureMaxJson {

    /** Thread-safe and expensive to build: one per JVM. */
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final ByteArrayBuilder buffer = new ByteArrayBuilder(256);
    private final char[] timestampChars = new char[Timestamps.SEED_LENGTH];
    private final JsonGenerator json;

    public PressureMaxJson() {
        try {
            json = JSON.createGenerator(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen writing to memory", e);
        }
        // One generator writes one root object after another; no separator between them.
        json.setRootValueSeparator(null);
    }

    /** The JSON of {@code max}, as a fresh array. */
    public byte[] write(PressureMax max) {
        Timestamps.formatSeed(max.timestamp(), timestampChars);
        try {
            json.writeStartObject();
            json.writeFieldName("timestamp");
            json.writeString(timestampChars, 0, timestampChars.length);
            json.writeFieldName("pressureMax");
            // Written as text so the contract's form is exact: 950000, 823456.7891234 (JsonNumbers).
            json.writeNumber(JsonNumbers.format(max.pressureMax()));
            json.writeFieldName("temperature");
            if (max.temperature() == null) {
                json.writeNull();
            } else {
                json.writeNumber(max.temperature());
            }
            json.writeStringField("sensorId", max.sensorId());
            json.writeStringField("vehicleId", max.vehicleId());
            json.writeEndObject();
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen writing to memory", e);
        }
        byte[] bytes = buffer.toByteArray();
        buffer.reset();
        return bytes;
    }
}
