package org.tipline.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Small-cell suppression of breakdowns below district level: a count from 1 to 4 is withheld (shown as {@code <5}),
 * and so are enough others that no published total gives it back.
 *
 * <p>Between cells: every line of the table (the cells that differ in one dimension only) has a total someone can
 * learn (the coarser breakdown, or this answer's totals). A line with exactly one withheld cell would give it back by
 * subtraction, so the smallest other cell of that line is withheld too; this repeats until no line has exactly one.
 * Within a cell: a withheld outcome count is protected the same way against the cell's closed count; a rate is withheld
 * when its numerator, its denominator or their difference is withheld or small; a time when fewer than 5 tips have it.
 */
final class Suppression {

    static final long THRESHOLD = 5;

    private Suppression() {
    }

    static boolean small(long count) {
        return count > 0 && count < THRESHOLD;
    }

    /**
     * The indexes of the cells to withhold, given each cell's key (one value per dimension) and its tip count. The same
     * table asked with its dimensions in another order must withhold the same cells, or two answers together would
     * show more than either: so keys are given in one order of the dimensions, and ties go by key.
     */
    static Set<Integer> cells(List<List<String>> keys, List<Long> tips) {
        Set<Integer> withheld = new TreeSet<>();
        for (int i = 0; i < tips.size(); i++) {
            if (small(tips.get(i))) {
                withheld.add(i);
            }
        }
        int dimensions = keys.isEmpty() ? 0 : keys.get(0).size();
        boolean changed = !withheld.isEmpty();
        while (changed) {
            changed = false;
            for (int dimension = 0; dimension < dimensions; dimension++) {
                for (List<Integer> line : lines(keys, dimension).values()) {
                    changed |= protect(line, tips, withheld, Comparator.comparing(i -> String.join("|", keys.get(i))));
                }
            }
        }
        return withheld;
    }

    /** Withholds the smallest other cell of a line that has exactly one withheld cell; whether it did. */
    private static boolean protect(List<Integer> line, List<Long> counts, Set<Integer> withheld, Comparator<Integer> ties) {
        if (line.stream().filter(withheld::contains).count() != 1) {
            return false;
        }
        return line.stream().filter(i -> !withheld.contains(i) && counts.get(i) > 0)
                .min(Comparator.comparing(counts::get).thenComparing(ties))
                .map(withheld::add).orElse(false);
    }

    /** The cells grouped by their key without {@code dimension}: each group is one line of the table. */
    private static Map<List<String>, List<Integer>> lines(List<List<String>> keys, int dimension) {
        Map<List<String>, List<Integer>> lines = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            List<String> rest = new ArrayList<>(keys.get(i));
            rest.remove(dimension);
            lines.computeIfAbsent(rest, k -> new ArrayList<>()).add(i);
        }
        return lines;
    }

    /**
     * The outcome counts to withhold in a cell whose closed count is {@code closed}: the small ones and, when only one
     * is, the smallest other (or, with no other, the closed count itself: the name "closed" is then in the answer).
     */
    static Set<String> outcomes(Map<String, Long> outcomes, long closed) {
        List<String> names = new ArrayList<>(outcomes.keySet());
        List<Long> counts = new ArrayList<>(outcomes.values());
        Set<Integer> withheld = new TreeSet<>();
        for (int i = 0; i < counts.size(); i++) {
            if (small(counts.get(i))) {
                withheld.add(i);
            }
        }
        Set<String> result = new TreeSet<>();
        if (withheld.size() == 1 && !protect(IntStream.range(0, counts.size()).boxed().toList(), counts, withheld,
                Comparator.comparing(names::get))) {
            result.add("closed");
        }
        withheld.forEach(i -> result.add(names.get(i)));
        return result;
    }
}
