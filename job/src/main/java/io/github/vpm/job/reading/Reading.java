package io.github.vpm.job.reading;

import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * One valid sensor reading. Between tasks (the keyBy) it travels with the hand-written {@link
 * ReadingSerializer}, never Kryo or Flink's record serializer (see ReadingSerializer for why).
 *
 * @param pressure    pascals; any finite double (never -0.0: the decoder turns it into 0.0)
 * @param timestamp   event time, epoch milliseconds UTC (parsed once from the payload)
 * @param temperature degrees Celsius, or null when absent
 */
@TypeInfo(ReadingTypeInfo.Factory.class)
public record Reading(String vehicleId, String sensorId, double pressure, long timestamp, Double temperature) {
}
