package io.github.vpm.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VehicleIdOrderTest {

    @Test
    void comparesDigitRunsAsNumbersAndLettersIgnoringCase() {
        List<String> ids = new ArrayList<>(List.of("HONDA 10", "honda 9", "HONDA 009", "HONDA 9", "HONDA 0",
                "HONDA 00", "HONDA 12345678901234567890123", "HONDA 12345678901234567890122", "audi 2b", "AUDI 2a",
                "AUDI 10a", "HONDA", "HONDA 9 x", "BMW 7"));
        ids.sort(VehicleIdOrder.INSTANCE);
        assertThat(ids).containsExactly("AUDI 2a", "audi 2b", "AUDI 10a", "BMW 7", "HONDA", "HONDA 0", "HONDA 00",
                "HONDA 009", "HONDA 9", "honda 9", "HONDA 9 x", "HONDA 10", "HONDA 12345678901234567890122",
                "HONDA 12345678901234567890123");
    }

    @Test
    void isATotalOrderConsistentWithEquals() {
        List<String> ids = List.of("a1", "A1", "a01", "a001", "a1b", "a10", "a9", "b", "", "1", "01", "0", "00");
        for (String x : ids) {
            for (String y : ids) {
                int xy = Integer.signum(VehicleIdOrder.INSTANCE.compare(x, y));
                int yx = Integer.signum(VehicleIdOrder.INSTANCE.compare(y, x));
                assertThat(xy).as("%s vs %s", x, y).isEqualTo(-yx);
                assertThat(xy == 0).as("%s vs %s", x, y).isEqualTo(x.equals(y));
            }
        }
    }
}
