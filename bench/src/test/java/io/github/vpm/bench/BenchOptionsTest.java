package io.github.vpm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BenchOptionsTest {

    @Test
    void defaultsAreTheFullPlaintextSet() {
        BenchOptions o = BenchOptions.parse();
        assertThat(o.readings()).isEqualTo(5_000_000);
        assertThat(o.runs()).isEqualTo(3);
        assertThat(o.systems()).containsExactly("ceiling", "kafka-streams", "job", "job-at-least-once");
        assertThat(o.latency()).isTrue();
        assertThat(o.out()).isEqualTo(Path.of("bench/results"));
        assertThat(o.security()).containsExactly(Security.PLAINTEXT);
    }

    @Test
    void quickIsASmallSetAndExplicitOptionsStillWin() {
        BenchOptions o = BenchOptions.parse("--quick", "--runs", "2", "--security", "sasl_ssl");
        assertThat(o.readings()).isEqualTo(50_000);
        assertThat(o.runs()).isEqualTo(2);
        assertThat(o.latencySeconds()).isEqualTo(5);
        assertThat(o.out()).isEqualTo(Path.of("bench/target/quick"));
        assertThat(o.security()).containsExactly(Security.SASL_SSL);
    }

    @Test
    void securityTakesPlaintextSaslSslOrBoth() {
        assertThat(BenchOptions.parse("--security", "plaintext").security()).containsExactly(Security.PLAINTEXT);
        assertThat(BenchOptions.parse("--security", "sasl_ssl").security()).containsExactly(Security.SASL_SSL);
        // both: plaintext first, so the comparison's order (and the report's) is fixed
        assertThat(BenchOptions.parse("--security", "both").security())
                .containsExactly(Security.PLAINTEXT, Security.SASL_SSL);
        assertThat(BenchOptions.parse("--no-latency", "--security", "both", "--systems", "job,ceiling"))
                .satisfies(o -> {
                    assertThat(o.latency()).isFalse();
                    assertThat(o.systems()).isEqualTo(List.of("job", "ceiling"));
                    assertThat(o.security()).hasSize(2);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"SASL_SSL", "ssl", "sasl-ssl", "", "plaintext,sasl_ssl", " both"})
    void aBadSecurityValueNamesTheOptionAndTheChoices(String value) {
        assertThatThrownBy(() -> BenchOptions.parse("--security", value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--security: expected plaintext, sasl_ssl or both, got \"" + value + "\"");
    }

    @Test
    void securityWithoutAValueIsIncomplete() {
        assertThatThrownBy(() -> BenchOptions.parse("--quick", "--security"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown or incomplete option: --security");
    }

    @Test
    void otherBadValuesNameTheirOption() {
        assertThatThrownBy(() -> BenchOptions.parse("--runs", "0")).hasMessage("--runs: must be at least 1, got 0");
        assertThatThrownBy(() -> BenchOptions.parse("--readings", "many"))
                .hasMessage("--readings: expected an integer, got \"many\"");
        assertThatThrownBy(() -> BenchOptions.parse("--systems", "job,flink"))
                .hasMessageStartingWith("--systems: unknown system \"flink\"");
        assertThatThrownBy(() -> BenchOptions.parse("--secure", "both")).hasMessage("unknown option: --secure");
    }

    @Test
    void helpIsAskedFor() {
        assertThatThrownBy(() -> BenchOptions.parse("--security", "both", "--help"))
                .isInstanceOf(BenchOptions.UsageRequested.class);
        assertThat(BenchOptions.usage()).contains("[--security plaintext|sasl_ssl|both]");
    }

    @Test
    void scaleDefaultsToTheIssuesThreeFleets() {
        BenchOptions o = BenchOptions.parse("--scale");
        BenchOptions.Scale scale = o.scale().orElseThrow();
        assertThat(scale.vehicles()).containsExactly(10_000, 1_000_000, 10_000_000);
        assertThat(scale.runsFor(10_000)).isEqualTo(3);
        assertThat(scale.runsFor(1_000_000)).isEqualTo(3);
        assertThat(scale.runsFor(10_000_000)).isEqualTo(1); // the largest set runs once
        assertThat(o.latency()).isFalse();
        assertThat(o.out()).isEqualTo(Path.of("bench/target/scale"));
        assertThat(BenchOptions.parse().scale()).isEmpty();
    }

    @Test
    void scaleTakesChosenFleetsAndRunsForEverySize() {
        BenchOptions o = BenchOptions.parse("--scale", "--scale-vehicles", "10_000, 1000000,10000000", "--runs", "2",
                "--security", "sasl_ssl");
        assertThat(o.scale()).hasValueSatisfying(scale -> {
            assertThat(scale.vehicles()).containsExactly(10_000, 1_000_000, 10_000_000);
            assertThat(scale.runs()).isEqualTo(Optional.of(2));
            assertThat(scale.runsFor(10_000_000)).isEqualTo(2);
        });
        assertThat(o.runs()).isEqualTo(2);
        assertThat(o.security()).containsExactly(Security.SASL_SSL);
    }

    @Test
    void badScaleOptionsNameTheirOption() {
        assertThatThrownBy(() -> BenchOptions.parse("--scale", "--scale-vehicles", "10000,many"))
                .hasMessage("--scale-vehicles: expected vehicle counts like 10000,1000000, got \"10000,many\"");
        assertThatThrownBy(() -> BenchOptions.parse("--scale", "--scale-vehicles", "10000,"))
                .hasMessageStartingWith("--scale-vehicles: expected vehicle counts");
        assertThatThrownBy(() -> BenchOptions.parse("--scale", "--scale-vehicles", "0"))
                .hasMessage("--scale-vehicles: each size must be 1..100000000, got 0");
        assertThatThrownBy(() -> BenchOptions.parse("--scale", "--scale-vehicles", "200000000"))
                .hasMessage("--scale-vehicles: each size must be 1..100000000, got 200000000");
        assertThatThrownBy(() -> BenchOptions.parse("--scale-vehicles", "10000"))
                .hasMessage("--scale-vehicles: only with --scale");
        assertThatThrownBy(() -> BenchOptions.parse("--scale", "--readings", "10"))
                .hasMessageStartingWith("--readings: not with --scale");
        assertThatThrownBy(() -> BenchOptions.parse("--scale", "--systems", "job"))
                .hasMessageStartingWith("--systems: not with --scale");
        assertThatThrownBy(() -> BenchOptions.parse("--scale", "--quick"))
                .hasMessageStartingWith("--quick: not with --scale");
        assertThatThrownBy(() -> BenchOptions.parse("--scale", "--security", "both"))
                .hasMessage("--security: both is not possible with --scale (one broker per scale run)");
        assertThatThrownBy(() -> BenchOptions.parse("--scale", "--runs", "0"))
                .hasMessage("--runs: must be at least 1, got 0");
        assertThat(BenchOptions.usage()).contains("bench/run --scale [--scale-vehicles 10000,1000000,10000000]");
    }

    @Test
    void sustainableAloneSearchesTheMillionVehicleFleetWithTheIssuesDefaults() {
        BenchOptions o = BenchOptions.parse("--sustainable");
        assertThat(o.scale()).isEmpty();
        assertThat(o.latency()).isFalse();
        assertThat(o.out()).isEqualTo(Path.of("bench/target/sustainable"));
        assertThat(o.sustainable()).hasValue(new BenchOptions.Sustainable(1_000_000, 2_000, 1.5, 5, 15, 2, 1,
                1_000_000, 2_000));
        assertThat(BenchOptions.parse().sustainable()).isEmpty();
    }

    @Test
    void scaleAlsoSearchesTheSustainableRateAndTakesItsOptions() {
        BenchOptions o = BenchOptions.parse("--scale", "--scale-vehicles", "10000", "--runs", "1",
                "--sustainable-vehicles", "10_000", "--sustainable-step-seconds", "3");
        assertThat(o.scale()).isPresent();
        assertThat(o.out()).isEqualTo(Path.of("bench/target/scale"));
        assertThat(o.sustainable()).hasValueSatisfying(s -> {
            assertThat(s.vehicles()).isEqualTo(10_000);
            assertThat(s.stepSeconds()).isEqualTo(3);
        });
        assertThat(BenchOptions.parse("--scale", "--sustainable").sustainable()).isPresent();
    }

    @Test
    void sustainableTakesEveryOption() {
        BenchOptions o = BenchOptions.parse("--sustainable", "--sustainable-vehicles", "10000", "--sustainable-start",
                "500", "--sustainable-factor", "2", "--sustainable-warmup", "0", "--sustainable-step-seconds", "4",
                "--sustainable-refine", "0", "--sustainable-retries", "0", "--sustainable-max", "8000",
                "--sustainable-bound-ms", "1100",
                "--security", "sasl_ssl", "--out", "x");
        assertThat(o.sustainable()).hasValue(new BenchOptions.Sustainable(10_000, 500, 2.0, 0, 4, 0, 0, 8_000, 1_100));
        assertThat(o.security()).containsExactly(Security.SASL_SSL);
        assertThat(o.out()).isEqualTo(Path.of("x"));
    }

    @Test
    void badSustainableOptionsNameTheirOption() {
        assertThatThrownBy(() -> BenchOptions.parse("--sustainable", "--sustainable-vehicles", "0"))
                .hasMessage("--sustainable-vehicles: must be at least 1, got 0");
        assertThatThrownBy(() -> BenchOptions.parse("--sustainable", "--sustainable-vehicles", "200000000"))
                .hasMessage("--sustainable-vehicles: must be at most 100000000, got 200000000");
        assertThatThrownBy(() -> BenchOptions.parse("--sustainable", "--sustainable-start", "fast"))
                .hasMessage("--sustainable-start: expected an integer, got \"fast\"");
        assertThatThrownBy(() -> BenchOptions.parse("--sustainable", "--sustainable-factor", "1"))
                .hasMessage("--sustainable-factor: expected 1.05..10, got 1");
        assertThatThrownBy(() -> BenchOptions.parse("--sustainable", "--sustainable-factor", "x1.5"))
                .hasMessage("--sustainable-factor: expected a number, got \"x1.5\"");
        assertThatThrownBy(() -> BenchOptions.parse("--sustainable", "--sustainable-step-seconds", "0"))
                .hasMessage("--sustainable-step-seconds: must be at least 1, got 0");
        assertThatThrownBy(() -> BenchOptions.parse("--sustainable", "--sustainable-refine", "-1"))
                .hasMessage("--sustainable-refine: must be at least 0, got -1");
        assertThatThrownBy(() -> BenchOptions.parse("--sustainable", "--sustainable-retries", "11"))
                .hasMessage("--sustainable-retries: must be at most 10, got 11");
        assertThatThrownBy(() -> BenchOptions.parse("--sustainable", "--sustainable-max", "1000"))
                .hasMessage("--sustainable-max: must be at least the start rate 2000, got 1000");
        assertThatThrownBy(() -> BenchOptions.parse("--sustainable", "--sustainable-bound-ms", "0"))
                .hasMessage("--sustainable-bound-ms: must be at least 1, got 0");
        assertThatThrownBy(() -> BenchOptions.parse("--sustainable-start", "1000"))
                .hasMessage("--sustainable-start: only with --sustainable or --scale");
        assertThatThrownBy(() -> BenchOptions.parse("--sustainable", "--runs", "2"))
                .hasMessageStartingWith("--runs: not with --sustainable");
        assertThatThrownBy(() -> BenchOptions.parse("--sustainable", "--vehicles", "2"))
                .hasMessageStartingWith("--vehicles: not with --sustainable");
        assertThatThrownBy(() -> BenchOptions.parse("--sustainable", "--quick"))
                .hasMessageStartingWith("--quick: not with --sustainable");
        assertThatThrownBy(() -> BenchOptions.parse("--sustainable", "--security", "both"))
                .hasMessage("--security: both is not possible with --sustainable (one broker)");
        assertThat(BenchOptions.usage()).contains("bench/run --sustainable [--sustainable-vehicles N]")
                .contains("sustainable: job=J kafka-streams=K job/kafka-streams=X.XX");
    }
}
