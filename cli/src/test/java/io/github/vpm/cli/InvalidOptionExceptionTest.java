package io.github.vpm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvalidOptionExceptionTest {

    @Test
    void expectedNamesTheOptionAndQuotesTheValue() {
        assertThat(InvalidOptionException.expected("--port", "an integer", "eighty"))
                .hasMessage("--port: expected an integer, got \"eighty\"");
    }

    @Test
    void everyMessageIsOneLine() {
        assertThat(InvalidOptionException.expected("--x", "a number", "a\nb\u007f"))
                .hasMessage("--x: expected a number, got \"a\\u000ab\\u007f\"");
        assertThat(new InvalidOptionException("--x: bad\r\nvalue")).hasMessage("--x: bad\\u000d\\u000avalue");
    }

    @Test
    void isUncheckedWithTheExitStatusOfABadCommandLine() {
        assertThat(new InvalidOptionException("--x: bad")).isInstanceOf(IllegalArgumentException.class);
        assertThat(InvalidOptionException.EXIT_STATUS).isEqualTo(2);
    }
}
