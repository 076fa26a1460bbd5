package io.github.vpm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortalBenchTest {

    @Test
    void defaultsAreAMillionVehiclesThreeRuns() {
        PortalBench.Options o = PortalBench.Options.parse("--portal");
        assertThat(o.vehicles()).isEqualTo(1_000_000);
        assertThat(o.runs()).isEqualTo(3);
        assertThat(o.requests()).isEqualTo(500);
        assertThat(o.warmup()).isEqualTo(100);
        assertThat(o.heap()).isEqualTo("2g");
        assertThat(o.jar()).isEqualTo(Path.of("portal/target/vpm-portal.jar"));
        assertThat(o.out()).isEqualTo(Path.of("bench/target/portal"));
    }

    @Test
    void optionsMayComeAroundPortal() {
        PortalBench.Options o = PortalBench.Options.parse("--vehicles", "100_000", "--portal", "--runs", "1",
                "--portal-heap", "512m");
        assertThat(o.vehicles()).isEqualTo(100_000);
        assertThat(o.runs()).isEqualTo(1);
        assertThat(o.heap()).isEqualTo("512m");
    }

    @Test
    void badValuesNameTheOption() {
        assertThatThrownBy(() -> PortalBench.Options.parse("--portal", "--vehicles", "0"))
                .hasMessageStartingWith("--vehicles:");
        assertThatThrownBy(() -> PortalBench.Options.parse("--portal", "--portal-heap", "lots"))
                .hasMessageStartingWith("--portal-heap:");
        assertThatThrownBy(() -> PortalBench.Options.parse("--portal", "--systems", "job"))
                .hasMessageContaining("--systems");
        assertThatThrownBy(() -> PortalBench.Options.parse("--portal", "--help"))
                .isInstanceOf(BenchOptions.UsageRequested.class);
    }

    @Test
    void theLastLineHasTheMediansInTheDocumentedShape() {
        PortalBench.Run a = run(400, 20_000, 1.0, 9.0, 200, 400);
        PortalBench.Run b = run(410, 24_000, 2.0, 11.0, 250, 500);
        PortalBench.Run c = run(420, 22_000, 3.0, 10.0, 300, 450);
        assertThat(PortalBench.line(List.of(a, b, c))).isEqualTo("portal: vehicles=1000000 heap_mb=410"
                + " first_page_ms=22000 vehicle_p50_ms=2.00 vehicle_p99_ms=10.00 filtered_p50_ms=250.00"
                + " filtered_p99_ms=450.00");
    }

    @Test
    void idsAndFiltersAreWhatAUserTypes() {
        assertThat(PortalBench.vehicleId(0)).isEqualTo("HONDA 0");
        assertThat(PortalBench.vehicleId(1_234)).isEqualTo("FORD 1234");
        assertThat(PortalBench.filterFor(1_234)).isEqualTo("ford 1234");
    }

    private static PortalBench.Run run(double heap, long firstPage, double vehicleP50, double vehicleP99,
                                       double filteredP50, double filteredP99) {
        PortalBench.Percentiles any = new PortalBench.Percentiles(1, 2, 3);
        return new PortalBench.Run(1_000_000, heap, 1_000, firstPage, firstPage + 500,
                new PortalBench.Percentiles(vehicleP50, vehicleP99, 50), new PortalBench.Percentiles(filteredP50,
                filteredP99, 900), any, any);
    }
}
