package org.tipline.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;
import org.tipline.auth.StaffScope;
import org.tipline.directory.DirectorySettings;
import org.tipline.directory.District;
import org.tipline.directory.School;
import org.tipline.directory.Staff;
import org.tipline.directory.StaffRole;

/**
 * The statistics a tip line publishes (issue 16): coordinators count their district, analysts every district and the
 * tips without a school. Counting is {@link StatsSql}'s, over metadata only; this class decides what may be counted and
 * what may be shown ({@link Suppression}, {@link FigureRules}).
 */
@ApplicationScoped
public class Statistics {

    private final Clock clock;
    private final DirectorySettings directory;
    private final StatsSql sql;

    Statistics(Clock clock, DirectorySettings directory, StatsSql sql) {
        this.clock = clock;
        this.directory = directory;
        this.sql = sql;
    }

    /** Today in the tip line's time zone: the default end of a query. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), directory.timeZone());
    }

    @Transactional
    public StatsReport report(StaffScope scope, StatsQuery query) {
        Optional<UUID> district = district(scope, query);
        ZoneId zone = district.map(id -> ZoneId.of(District.<District>findById(id).timeZone)).orElse(directory.timeZone());
        StatsSql.Range range = new StatsSql.Range(query.from().atStartOfDay(zone).toInstant(),
                query.to().plusDays(1).atStartOfDay(zone).toInstant(), district, query.school(), directory.timeZone());
        StatsSql.Counted counted = sql.count(range, query.groupBy());
        List<StatsSql.Row> rows = counted.rows();
        StatsSql.Row totalsRow = rows.get(rows.size() - 1);
        List<StatsSql.Row> cellRows = rows.subList(0, rows.size() - 1);
        boolean suppress = query.belowDistrict();

        Set<Integer> withheld = suppress
                ? Suppression.cells(cellRows.stream().map(row -> canonical(query.groupBy(), row.values())).toList(),
                        cellRows.stream().map(row -> row.tally().tips()).toList())
                : Set.of();
        List<StatsReport.Cell> cells = new ArrayList<>();
        for (int i = 0; i < cellRows.size(); i++) {
            StatsSql.Row row = cellRows.get(i);
            boolean hidden = withheld.contains(i);
            cells.add(new StatsReport.Cell(key(query.groupBy(), row.values()), hidden,
                    hidden ? FigureRules.withheld(row.tally()) : FigureRules.of(row.tally(), suppress)));
        }
        Tally totals = totalsRow.tally();
        boolean totalsHidden = suppress && Suppression.small(totals.tips());
        StatsSql.Peaks peaks = totalsHidden ? new StatsSql.Peaks(Optional.empty(), Optional.empty()) : counted.peaks();
        return new StatsReport(query.from(), query.to(), district.orElse(null), query.school().orElse(null),
                query.groupBy().stream().map(Dimension::key).toList(), suppress,
                totalsHidden ? FigureRules.withheld(totals) : FigureRules.of(totals, suppress),
                peaks.weekday().map(day -> DayOfWeek.of(day).name()).orElse(null), peaks.hour().orElse(null), cells,
                names(query.groupBy(), cells));
    }

    /** The annual report of the school year that starts on 1 August {@code year}. */
    @Transactional
    public AnnualReport annualReport(StaffScope scope, int startYear, Optional<UUID> district) {
        StatsQuery year = new StatsQuery(LocalDate.of(startYear, 8, 1), LocalDate.of(startYear + 1, 7, 31), district,
                Optional.empty(), List.of());
        StatsReport totals = report(scope, year);
        return new AnnualReport(startYear + "-" + String.format("%02d", (startYear + 1) % 100), year.from(), year.to(),
                totals.district(), totals.totals(),
                report(scope, year.withGroupBy(Dimension.MONTH, Dimension.CATEGORY)).cells(),
                report(scope, year.withGroupBy(Dimension.OUTCOME)).cells(),
                report(scope, year.withGroupBy(Dimension.CATEGORY)).cells(),
                new AnnualReport.Incidents(totals.totals().tips(), totals.totals().incidents()),
                report(scope, year.withGroupBy(Dimension.MONTH)).cells(),
                report(scope, year.withGroupBy(Dimension.CHANNEL)).cells(),
                totals.peakWeekday(), totals.peakHour());
    }

    /**
     * The district counted: the query's, which must be the coordinator's own; a coordinator who names none counts their
     * own. A school must be of that district. Anything else is the same 404 as an unknown id.
     */
    private static Optional<UUID> district(StaffScope scope, StatsQuery query) {
        Optional<UUID> district = query.district();
        if (scope.role() == StaffRole.COORDINATOR) {
            Staff coordinator = Staff.findById(scope.staffId());
            UUID own = coordinator.district.id;
            if (district.isPresent() && !district.get().equals(own)) {
                throw new OutOfScopeException();
            }
            district = Optional.of(own);
        } else if (!scope.seesEverything()) {
            throw new OutOfScopeException();
        }
        if (district.isPresent() && District.findById(district.get()) == null) {
            throw new OutOfScopeException();
        }
        if (query.school().isPresent()) {
            School school = School.findById(query.school().get());
            if (school == null || district.isPresent() && !school.district.id.equals(district.get())) {
                throw new OutOfScopeException();
            }
            district = Optional.of(school.district.id);
        }
        return district;
    }

    /** The key's values in the order of {@link Dimension}, whatever the order asked. */
    private static List<String> canonical(List<Dimension> dimensions, List<String> values) {
        return IntStream.range(0, dimensions.size()).boxed()
                .sorted(Comparator.comparing(dimensions::get))
                .map(values::get).toList();
    }

    private static Map<String, String> key(List<Dimension> dimensions, List<String> values) {
        Map<String, String> key = new LinkedHashMap<>();
        for (int i = 0; i < dimensions.size(); i++) {
            key.put(dimensions.get(i).key(), values.get(i));
        }
        return key;
    }

    private static Map<String, String> names(List<Dimension> dimensions, List<StatsReport.Cell> cells) {
        Map<String, String> names = new TreeMap<>();
        for (StatsReport.Cell cell : cells) {
            String school = cell.key().get(Dimension.SCHOOL.key());
            if (school != null && !school.equals("none")) {
                names.computeIfAbsent(school, id -> School.<School>findById(UUID.fromString(id)).name);
            }
            String district = cell.key().get(Dimension.DISTRICT.key());
            if (district != null && !district.equals("none")) {
                names.computeIfAbsent(district, id -> District.<District>findById(UUID.fromString(id)).name);
            }
        }
        return names;
    }
}
