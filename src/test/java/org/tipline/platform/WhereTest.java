package org.tipline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WhereTest {

    @Test
    void shouldRenderNamedParametersAsPositionalOnesInClauseOrder() {
        Where where = new Where().and("t.school_id in (:scope)", "scope", java.util.List.of("S1", "S2"))
                .andIf(Optional.empty(), "t.status = :status", "status")
                .and("t.created_at > :since::timestamptz", "since", "T")
                .andIf(Optional.of("K"), "t.kind = :kind", "kind");
        Where.Positional positional = where.positional();
        assertThat(positional.sql())
                .isEqualTo("1 = 1 and t.school_id in (?, ?) and t.created_at > ?::timestamptz and t.kind = ?");
        assertThat(positional.values()).containsExactly("S1", "S2", "T", "K");
    }
}
