package io.github.vpm.portal.ops;

import java.util.List;
import java.util.Objects;

/** One chart of the operations page: a fixed id, a title, the unit of its values and its queries. */
public record OpsPanel(String id, String title, Unit unit, List<OpsQuery> queries) {

    /** How the page formats the values. */
    public enum Unit {
        PER_SECOND("/s"), RECORDS("records"), MILLISECONDS("ms"), BYTES("bytes"), MS_PER_SECOND("ms/s"),
        PARTITIONS("partitions");

        private final String symbol;

        Unit(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    public OpsPanel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(unit, "unit");
        queries = List.copyOf(queries);
        if (queries.isEmpty()) {
            throw new IllegalArgumentException("panel " + id + " has no query");
        }
    }
}
