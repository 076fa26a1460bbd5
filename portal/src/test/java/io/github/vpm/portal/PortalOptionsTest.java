package io.github.vpm.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vpm.cli.InvalidOptionException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortalOptionsTest {

    @Test
    void defaultsMatchTheContract() {
        PortalOptions o = PortalOptions.parse(Map.of());
        assertThat(o.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(o.topic()).isEqualTo("vehicle_pressure_max");
        assertThat(o.bind()).isEqualTo("0.0.0.0");
        assertThat(o.port()).isEqualTo(8088);
        assertThat(o.history()).isEqualTo(PortalOptions.DEFAULT_HISTORY);
        assertThat(o.maxVehicles()).isEqualTo(1_000_000);
        assertThat(o.help()).isFalse();
    }

    @Test
    void environmentSuppliesBrokersAndTheCommandLineWins() {
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:9092");
        assertThat(PortalOptions.parse(env).bootstrapServers()).isEqualTo("broker:9092");
        assertThat(PortalOptions.parse(env, "--bootstrap-servers", "a:1,b:2").bootstrapServers()).isEqualTo("a:1,b:2");
    }

    @Test
    void readsEveryOption() {
        PortalOptions o = PortalOptions.parse(Map.of(), "--topic", "maxima", "--bind", "127.0.0.1", "--port", "0",
                "--history", "5", "--bootstrap-servers", "localhost:19092", "--max-vehicles", "1000");
        assertThat(o).isEqualTo(new PortalOptions("localhost:19092", "maxima", "127.0.0.1", 0, 5, 1000, false));
    }

    @Test
    void helpStopsParsing() {
        assertThat(PortalOptions.parse(Map.of(), "--help", "--port", "nonsense").help()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--port|abc|--port: expected an integer",
        "--port|70000|--port: expected 0..65535",
        "--port|-1|--port: expected 0..65535",
        "--history|0|--history: expected 1..",
        "--history|many|--history: expected an integer",
        "--max-vehicles|0|--max-vehicles: expected 1..100000000",
        "--max-vehicles|100000001|--max-vehicles: expected 1..100000000",
        "--max-vehicles|lots|--max-vehicles: expected an integer",
        "--bootstrap-servers|localhost|--bootstrap-servers: expected host:port",
        "--bootstrap-servers|host:port|--bootstrap-servers: expected an integer",
        "--topic|' '|--topic: must not be empty",
        "--bind|''|--bind: must not be empty",
        "--colour|blue|--colour: unknown option",
    })
    void badValuesFailWithOneLineNamingTheOption(String option, String value, String message) {
        assertThatThrownBy(() -> PortalOptions.parse(Map.of(), option, value))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageStartingWith(message)
                .hasMessageNotContaining("\n");
    }

    @Test
    void missingValueNamesTheOption() {
        assertThatThrownBy(() -> PortalOptions.parse(Map.of(), "--port"))
                .hasMessage("--port: missing value");
    }

    @Test
    void strayArgumentIsRejected() {
        assertThatThrownBy(() -> PortalOptions.parse(Map.of(), "8088"))
                .hasMessage("unexpected argument \"8088\": options look like --name value");
    }
}
