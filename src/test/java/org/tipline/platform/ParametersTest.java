package org.tipline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 12: parameters PostgreSQL or JPA cannot take are refused while parsing, naming the parameter. */
class ParametersTest {

    @Test
    void shouldTakeOrdinaryTextAndRefuseUnstorableText() {
        assertThat(Parameters.optionalText("actor", "system", 200)).contains("system");
        assertThat(Parameters.optionalText("actor", "Zoë 🚨", 200)).contains("Zoë 🚨");
        assertThat(Parameters.optionalText("actor", "", 200)).isEmpty();
        assertThat(Parameters.optionalText("actor", null, 200)).isEmpty();
        for (String bad : new String[] { "\u0000", "a\u0000b", "\ud800", "a\udc00", "\udc00\ud800", "x".repeat(201) }) {
            assertThatThrownBy(() -> Parameters.optionalText("actor", bad, 200))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("'actor'");
        }
    }

    @Test
    void shouldKeepTheFirstRowOfAPageWithinInt() {
        assertThat(Parameters.pageNumber("page", null, 50)).isZero();
        assertThat(Parameters.pageNumber("page", "3", 50)).isEqualTo(3);
        assertThat(Parameters.pageNumber("page", Integer.toString(Integer.MAX_VALUE / 200), 200)).isEqualTo(Integer.MAX_VALUE / 200);
        for (String bad : new String[] { Integer.toString(Integer.MAX_VALUE / 200 + 1), "2147483647", "-1", "9999999999999" }) {
            assertThatThrownBy(() -> Parameters.pageNumber("page", bad, 200))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("'page'");
        }
    }

    @Test
    void shouldTakeInstantsOnlyWithinTheDatabaseRange() {
        assertThat(Parameters.optionalInstant("from", "2026-11-29T15:00:00Z")).contains(Instant.parse("2026-11-29T15:00:00Z"));
        assertThat(Parameters.optionalInstant("from", "0001-01-01T00:00:00Z")).isPresent();
        assertThat(Parameters.optionalInstant("from", "9999-12-31T23:59:59.999999999Z")).isPresent();
        assertThat(Parameters.optionalInstant("from", "")).isEqualTo(Optional.empty());
        for (String bad : new String[] { "+300000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
                "0000-12-31T23:59:59Z", "+1000000000-12-31T23:59:59Z" }) {
            assertThatThrownBy(() -> Parameters.optionalInstant("from", bad))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("'from'");
        }
    }
}
