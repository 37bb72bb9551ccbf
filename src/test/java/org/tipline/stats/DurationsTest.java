package org.tipline.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The percentiles {@link Durations} picks are PostgreSQL's {@code percentile_cont}, which the statistics computed until
 * the service picked them: compared to the last bit on the same numbers, in PostgreSQL itself.
 */
@QuarkusTest
class DurationsTest {

    @Inject
    DataSource database;

    @Test
    void shouldPickWhatPercentileContComputes() throws Exception {
        Random random = new Random(16);
        for (int length : new int[] {1, 2, 3, 4, 10, 11, 999, 5000}) {
            double[] seconds = new double[length];
            for (int i = 0; i < length; i++) {
                // Fractions of seconds as the durations have them, and ties as whole minutes give.
                seconds[i] = i % 3 == 0 ? 60 * random.nextInt(30) : random.nextDouble() * 86_400;
            }
            Durations durations = new Durations();
            durations.add(false, seconds.clone());

            Tally.Times times = durations.times()[0];

            double[] expected = percentileCont(seconds);
            assertThat(times.count()).isEqualTo(length);
            assertThat(new double[] {times.median(), times.p90()}).as("%d durations", length).containsExactly(expected);
        }
    }

    @Test
    void shouldCountLifeSafetyTipsInBothAndTheOthersInAllOnly() throws Exception {
        Durations cell = new Durations();
        cell.add(true, new double[] {300, 100});
        cell.add(false, new double[] {50, 1000, 200});
        Durations totals = new Durations();
        totals.addAll(cell);
        totals.add(false, new double[] {400});

        Tally.Times[] ofCell = cell.times();
        Tally.Times[] all = totals.times();

        assertThat(ofCell[0]).isEqualTo(new Tally.Times(5, 200.0, 720.0));
        assertThat(ofCell[1]).isEqualTo(new Tally.Times(2, 200.0, 280.0));
        assertThat(all[0]).isEqualTo(new Tally.Times(6, 250.0, 700.0));
        assertThat(all[1]).isEqualTo(ofCell[1]);
        assertThat(new Durations().times()).containsExactly(new Tally.Times(0, null, null), new Tally.Times(0, null, null));
    }

    private double[] percentileCont(double[] seconds) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select percentile_cont(array[0.5, 0.9]) within group (order by v) from unnest(?::float8[]) v")) {
            statement.setArray(1, connection.createArrayOf("float8", Arrays.stream(seconds).boxed().toArray()));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return Arrays.stream((Double[]) row.getArray(1).getArray()).mapToDouble(Double::doubleValue).toArray();
            }
        }
    }
}
