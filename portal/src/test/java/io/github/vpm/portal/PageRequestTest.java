package io.github.vpm.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vpm.portal.PageRequest.Sort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageRequestTest {

    @Test
    void noQueryIsTheFirstPageInIdOrder() {
        assertThat(PageRequest.parse(null)).isEqualTo(PageRequest.FIRST_PAGE);
        assertThat(PageRequest.parse("")).isEqualTo(new PageRequest("", Sort.VEHICLE, false, 0, 100));
    }

    @Test
    void readsEveryParameterPercentDecoded() {
        assertThat(PageRequest.parse("filter=HONDA%202%2B&sort=time&order=asc&offset=300&limit=1000"))
                .isEqualTo(new PageRequest("HONDA 2+", Sort.TIME, false, 300, 1000));
        assertThat(PageRequest.parse("sort=pressure").descending()).isTrue();
        assertThat(PageRequest.parse("filter=+a+&unknown=1").filter()).isEqualTo("a");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "limit=0|limit: expected an integer 1..1000",
        "limit=1001|limit: expected an integer 1..1000",
        "limit=all|limit: expected an integer 1..1000",
        "offset=-1|offset: expected an integer 0..",
        "offset=99999999999|offset: expected an integer 0..",
        "sort=colour|sort: expected vehicle, pressure or time",
        "order=up|order: expected asc or desc",
        "filter=%zz|malformed query string",
    })
    void badParametersFailWithOneLineNamingThem(String query, String message) {
        assertThatThrownBy(() -> PageRequest.parse(query))
                .isInstanceOf(PageRequest.InvalidPageRequestException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void anOverlongFilterIsRefused() {
        assertThatThrownBy(() -> PageRequest.parse("filter=" + "x".repeat(513)))
                .hasMessage("filter: at most 512 characters");
    }
}
