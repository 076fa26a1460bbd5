package io.github.vpm.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BrokerKeystoreTest {

    @Test
    void listenerNamesAreTheNamesBeforeEachAddress() {
        assertThat(BrokerKeystore.listenerNames("SASL_SSL://192.168.56.10:9092")).containsExactly("SASL_SSL");
        assertThat(BrokerKeystore.listenerNames("INTERNAL://:9093, EXTERNAL://[::1]:9094"))
                .containsExactly("INTERNAL", "EXTERNAL");
    }

    @Test
    void noListenersSettingHasNoNames() {
        assertThat(BrokerKeystore.listenerNames(null)).isEmpty();
        assertThat(BrokerKeystore.listenerNames(" ")).isEmpty();
    }
}
