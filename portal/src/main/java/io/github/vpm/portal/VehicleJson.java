package io.github.vpm.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/**
 * The JSON the portal serves: vehicles (with or without history), the feed status and errors.
 * Pressures come in pascals (as on the wire) and converted to kPa and bar; times as ISO-8601
 * instants plus epoch milliseconds for the page's charts. A pressure is written as the job writes it:
 * integral without a fraction, any other with its fraction.
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
        Pressure.put(node, "pressureMax", v.pressureMax());
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
                Pressure.put(point, "pressureMax", p.pressureMax());
                point.put("pressureMaxKpa", Pressure.kilopascals(p.pressureMax()));
                point.put("sensorId", p.sensorId());
            }
        }
        return node;
    }

    /**
     * One page: {@code count} is how many vehicles match the filter (every vehicle without one),
     * {@code total} how many the portal holds, {@code vehicles} at most {@code limit} of them from
     * {@code offset} on; the request comes back as {@code filter}, {@code sort} and {@code order}.
     */
    public ObjectNode page(VehiclePage page, Function<VehicleMaximum, ObjectNode> vehicleJson) {
        PageRequest request = page.request();
        ObjectNode node = mapper.createObjectNode();
        node.put("count", page.matching());
        node.put("total", page.total());
        node.put("offset", request.offset());
        node.put("limit", request.limit());
        node.put("filter", request.filter());
        node.put("sort", request.sort().parameter());
        node.put("order", request.descending() ? "desc" : "asc");
        ArrayNode array = node.putArray("vehicles");
        page.vehicles().forEach(v -> array.add(vehicleJson.apply(v)));
        return node;
    }

    /** The highest and the latest maximum of all vehicles (null when there are none). */
    public void putSummary(ObjectNode node, MaximaView.Summary summary) {
        if (summary.top().isPresent()) {
            node.set("top", vehicle(summary.top().get(), false));
        } else {
            node.putNull("top");
        }
        if (summary.latest().isPresent()) {
            node.set("latest", vehicle(summary.latest().get(), false));
        } else {
            node.putNull("latest");
        }
    }

    public ObjectNode status(FeedStatus.Snapshot s, MaximaView view) {
        ObjectNode node = mapper.createObjectNode();
        node.put("state", s.state().name());
        node.put("detail", s.detail());
        node.put("since", s.since().toString());
        node.put("topic", s.topic());
        node.put("bootstrapServers", s.bootstrapServers());
        node.put("recordsRead", s.recordsRead());
        node.put("malformedRecords", s.malformedRecords());
        node.put("vehicles", view.size());
        node.put("maxVehicles", view.maxVehicles());
        node.put("evictedVehicles", view.evicted());
        node.put("historyLimit", view.historyLimit());
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
