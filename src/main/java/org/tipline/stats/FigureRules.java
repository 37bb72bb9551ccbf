package org.tipline.stats;

import static org.tipline.stats.Suppression.small;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a cell's {@link Tally} into published figures: rates and rounded times, with what suppression withholds. */
final class FigureRules {

    private static final List<String> ALL = List.of("tips", "incidents", "lifeSafety", "lifeSafetyShare", "closed", "outcomes",
            "falseReportRate", "misuseRate", "conversations", "replyRate", "acknowledge", "close", "lifeSafetyAcknowledge",
            "lifeSafetyClose");

    private FigureRules() {
    }

    /** Every figure withheld: a suppressed cell. */
    static StatsReport.Figures withheld(Tally tally) {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        tally.outcomes().keySet().forEach(name -> outcomes.put(name, null));
        StatsReport.Times none = new StatsReport.Times(null, null, null);
        return new StatsReport.Figures(null, null, null, null, null, outcomes, null, null, null, null, none, none, none, none, ALL);
    }

    /** The figures of a published cell; with {@code suppress}, small counts and what they would give away are withheld. */
    static StatsReport.Figures of(Tally t, boolean suppress) {
        List<String> withheld = new ArrayList<>();
        Long incidents = hide(suppress && small(t.incidents()), "incidents", t.incidents(), withheld);
        boolean lifeSafetyHidden = suppress && (small(t.lifeSafety()) || small(t.tips() - t.lifeSafety()));
        Long lifeSafety = hide(lifeSafetyHidden, "lifeSafety", t.lifeSafety(), withheld);
        Double lifeSafetyShare = hide(lifeSafetyHidden, "lifeSafetyShare", rate(t.lifeSafety(), t.tips()), withheld);

        Set<String> hiddenOutcomes = suppress ? Suppression.outcomes(t.outcomes(), t.closed()) : Set.of();
        boolean closedHidden = suppress && (small(t.closed()) || hiddenOutcomes.contains("closed"));
        Long closed = hide(closedHidden, "closed", t.closed(), withheld);
        Map<String, Long> outcomes = new LinkedHashMap<>();
        t.outcomes().forEach((name, count) -> outcomes.put(name, hiddenOutcomes.contains(name) ? null : count));
        hiddenOutcomes.stream().filter(name -> !name.equals("closed")).forEach(name -> withheld.add("outcomes." + name));
        Double falseReports = hide(closedHidden || hiddenOutcomes.contains("UNFOUNDED"), "falseReportRate",
                rate(t.outcomes().get("UNFOUNDED"), t.closed()), withheld);
        Double misuse = hide(closedHidden || hiddenOutcomes.contains("FALSE_REPORT"), "misuseRate",
                rate(t.outcomes().get("FALSE_REPORT"), t.closed()), withheld);

        boolean conversationsHidden = suppress && small(t.conversations());
        Long conversations = hide(conversationsHidden, "conversations", t.conversations(), withheld);
        Double replyRate = hide(conversationsHidden || suppress && (small(t.replied()) || small(t.conversations() - t.replied())),
                "replyRate", rate(t.replied(), t.conversations()), withheld);

        return new StatsReport.Figures(t.tips(), incidents, lifeSafety, lifeSafetyShare, closed, outcomes, falseReports, misuse,
                conversations, replyRate, times("acknowledge", t.acknowledge(), suppress, withheld),
                times("close", t.close(), suppress, withheld),
                times("lifeSafetyAcknowledge", t.lifeSafetyAcknowledge(), suppress, withheld),
                times("lifeSafetyClose", t.lifeSafetyClose(), suppress, withheld), withheld);
    }

    /** A share rounded to four decimals; null when there is nothing to divide by. */
    static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }

    private static StatsReport.Times times(String name, Tally.Times times, boolean suppress, List<String> withheld) {
        if (suppress && small(times.count())) {
            withheld.add(name);
            return new StatsReport.Times(null, null, null);
        }
        return new StatsReport.Times(times.count(), seconds(times.median()), seconds(times.p90()));
    }

    private static Long seconds(Double value) {
        return value == null ? null : Math.round(value);
    }

    private static <T> T hide(boolean hidden, String name, T value, List<String> withheld) {
        if (hidden) {
            withheld.add(name);
            return null;
        }
        return value;
    }
}
