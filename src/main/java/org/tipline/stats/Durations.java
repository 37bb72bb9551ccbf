package org.tipline.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.descriptive.Quantile;

/**
 * The durations of one kind (to acknowledge, or to close) of one cell, in seconds, as PostgreSQL gathered them from the
 * tips' routing metadata: those of life-safety tips apart from the others. Their median and 90th percentile are picked
 * here, by selection rather than sorting, and with PostgreSQL's own definition ({@code percentile_cont}: linear
 * interpolation between the two nearest ranks, Hyndman and Fan's type 7). PostgreSQL sorted every cell's rows, and all
 * rows again for the totals: about 0.8 s of CPU per duration for a year of the statistics benchmark, a third of a
 * whole report's, where picking them here takes some 40 ms.
 */
final class Durations {

    private static final Quantile PERCENTILE_CONT = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7)
            .withCopy(false);

    private final List<double[]> lifeSafety = new ArrayList<>();
    private final List<double[]> others = new ArrayList<>();

    void add(boolean ofLifeSafety, double[] seconds) {
        (ofLifeSafety ? lifeSafety : others).add(seconds);
    }

    /** Adds every duration of {@code cell}, as the totals do. */
    void addAll(Durations cell) {
        lifeSafety.addAll(cell.lifeSafety);
        others.addAll(cell.others);
    }

    /** The times of all these tips, then of the life-safety ones. */
    Tally.Times[] times() {
        return new Tally.Times[] {times(joined(lifeSafety, others)), times(joined(lifeSafety, List.of()))};
    }

    /** A new array: selection reorders it. */
    private static double[] joined(List<double[]> some, List<double[]> more) {
        int length = 0;
        for (List<double[]> parts : List.of(some, more)) {
            for (double[] part : parts) {
                length += part.length;
            }
        }
        double[] all = new double[length];
        int at = 0;
        for (List<double[]> parts : List.of(some, more)) {
            for (double[] part : parts) {
                System.arraycopy(part, 0, all, at, part.length);
                at += part.length;
            }
        }
        return all;
    }

    private static Tally.Times times(double[] seconds) {
        if (seconds.length == 0) {
            return new Tally.Times(0, null, null);
        }
        double[] percentiles = PERCENTILE_CONT.evaluate(seconds, 0.5, 0.9);
        return new Tally.Times(seconds.length, percentiles[0], percentiles[1]);
    }
}
