package io.github.vpm.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The JSON the portal serves: vehicles (with or without history), the feed status and errors.
 * Pressures come in pascals (as on the wire) and converted to kPa and bar; times as ISO-8601
 * instants plus epoch milliseconds for the page's charts.
 */
public final class VehicleJson {

    private final ObjectMapper mapper;

    public VehicleJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectNode vehicle(VehicleMaximum v, boolean withHistory) {
        MaximumUpdate latest = v.latest();
        ObjectNode node = mapper.createObjectNode();
        node.put("vehicleId", v.vehicleId());
        node.put("pressureMax", v.pressureMax());
        node.put("pressureMaxKpa", v.kilopascals());
        node.put("pressureMaxBar", v.bar());
        node.put("sensorId", latest.sensorId());
        if (latest.temperature() == null) {
            node.putNull("temperature");
        } else {
            node.put("temperature", latest.temperature());
        }
        node.put("timestamp", latest.timestamp().toString());
        node.put("timestampMillis", latest.timestamp().toEpochMilli());
        node.put("updates", v.updates());
        node.put("receivedAt", v.receivedAt().toString());
        if (withHistory) {
            ArrayNode history = node.putArray("history");
            for (PressurePoint p : v.history()) {
                ObjectNode point = history.addObject();
                point.put("timestamp", p.timestamp().toString());
                point.put("timestampMillis", p.timestamp().toEpochMilli());
                point.put("pressureMax", p.pressureMax());
                point.put("pressureMaxKpa", Pressure.kilopascals(p.pressureMax()));
                point.put("sensorId", p.sensorId());
            }
        }
        return node;
    }

    public ObjectNode vehicles(List<VehicleMaximum> vehicles, boolean withHistory) {
        ObjectNode node = mapper.createObjectNode();
        node.put("count", vehicles.size());
        ArrayNode array = node.putArray("vehicles");
        vehicles.forEach(v -> array.add(vehicle(v, withHistory)));
        return node;
    }

    public ObjectNode status(FeedStatus.Snapshot s, int vehicles, int historyLimit) {
        ObjectNode node = mapper.createObjectNode();
        node.put("state", s.state().name());
        node.put("detail", s.detail());
        node.put("since", s.since().toString());
        node.put("topic", s.topic());
        node.put("bootstrapServers", s.bootstrapServers());
        node.put("recordsRead", s.recordsRead());
        node.put("malformedRecords", s.malformedRecords());
        node.put("vehicles", vehicles);
        node.put("historyLimit", historyLimit);
        return node;
    }

    /** A vehicle id that was removed (tombstone) or never existed, for the event stream. */
    public ObjectNode removed(String vehicleId) {
        ObjectNode node = mapper.createObjectNode();
        node.put("vehicleId", vehicleId);
        return node;
    }

    public ObjectNode error(int status, String message) {
        ObjectNode node = mapper.createObjectNode();
        node.put("status", status);
        node.put("error", message);
        return node;
    }

    public byte[] bytes(ObjectNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e); // a tree of plain values always writes
        }
    }

    public String text(ObjectNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
