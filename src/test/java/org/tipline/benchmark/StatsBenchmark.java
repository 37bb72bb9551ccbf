package org.tipline.benchmark;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Statistics benchmark (issue 16): seeds 1,000,000 tips over two years across 5 districts and 50 schools, the way
 * QueueBenchmark seeds its tips (plain SQL, triggers off), with the metadata statistics read: categories, channels,
 * urgencies, outcomes, acknowledgement and closing times, incident links and conversations. Then times
 * {@code GET /api/v1/stats} for one school year, state-wide, grouped by month x category, as an analyst.
 *
 * <p>Run: {@code ./mvnw -Pbenchmark verify -Dbenchmark.main=org.tipline.benchmark.StatsBenchmark}.
 */
public final class StatsBenchmark {

    private static final int TIPS = 1_000_000;
    private static final int SCHOOLS = 50;
    private static final int DISTRICTS = 5;
    private static final int WARM_UP = 2;
    private static final int REQUESTS = 10;
    private static final UUID ANALYST = UUID.fromString("00000000-0000-0000-0005-000000000001");
    private static final String QUERY = "/api/v1/stats?from=2025-08-01&to=2026-07-31&groupBy=month,category";

    private StatsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (BenchmarkApp app = BenchmarkApp.start(Path.of("target/benchmark"))) {
            long seedStart = System.nanoTime();
            seed(app);
            System.out.printf("Seeded %,d tips over two school years across %d districts and %d schools in %.0f s%n", TIPS,
                    DISTRICTS, SCHOOLS, (System.nanoTime() - seedStart) / 1e9);
            Instant issued = Instant.now();
            String token = Jwt.issuer("tipline").audience("tipline-staff").subject(ANALYST.toString()).groups(Set.of("ANALYST"))
                    .issuedAt(issued).expiresAt(issued.plusSeconds(900)).jws().algorithm(SignatureAlgorithm.ES256)
                    .sign(BenchmarkApp.signingKey);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(app.baseUri.resolve(QUERY)).header("Authorization", "Bearer " + token).build();
            List<Long> times = new ArrayList<>();
            String body = null;
            for (int i = 0; i < WARM_UP + REQUESTS; i++) {
                long start = System.nanoTime();
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(QUERY + " answered " + response.statusCode());
                }
                if (i >= WARM_UP) {
                    times.add(System.nanoTime() - start);
                }
                body = response.body();
            }
            Collections.sort(times);
            System.out.printf("GET %s as an analyst (%d requests after %d untimed): p50 %.0f ms, max %.0f ms   [target < 1000 ms]%n",
                    QUERY, REQUESTS, WARM_UP, times.get(times.size() / 2) / 1e6, times.get(times.size() - 1) / 1e6);
            System.out.println("Answer starts: " + body.substring(0, Math.min(300, body.length())));
        }
        System.exit(0);
    }

    /** Directory, incidents, tips and messages in plain SQL; triggers off for the bulk load. */
    private static void seed(BenchmarkApp app) throws Exception {
        String tipId = "('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid";
        try (Connection connection = app.database().getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("set session_replication_role = replica");
            sql.execute("insert into district (id, name, time_zone) select ('00000000-0000-0000-0004-' || lpad(d::text, 12, '0'))::uuid, "
                    + "'Stats District ' || d, case when d % 2 = 0 then 'America/Denver' else 'America/Chicago' end "
                    + "from generate_series(1, " + DISTRICTS + ") d");
            sql.execute("insert into agency (id, name, kind, on_call_email, supervisor_email) values "
                    + "('00000000-0000-0000-0000-0000000000a2', 'Stats Police', 'CITY_POLICE', 'oncall@s.local', 'sup@s.local')");
            sql.execute("insert into school (id, district_id, agency_id, name, level, city) select "
                    + "('00000000-0000-0000-0001-' || lpad(g::text, 12, '0'))::uuid, "
                    + "('00000000-0000-0000-0004-' || lpad((1 + g % " + DISTRICTS + ")::text, 12, '0'))::uuid, "
                    + "'00000000-0000-0000-0000-0000000000a2', 'Stats School ' || g, 'HIGH', 'Statsville' "
                    + "from generate_series(1, " + SCHOOLS + ") g");
            sql.execute("insert into staff (id, email, display_name, role, enabled, tokens_not_before) values ('" + ANALYST
                    + "', 'analyst@s.local', 'Analyst', 'ANALYST', true, '2000-01-01')");
            // One incident for every twenty tips; the tips g = 20k + 1 and 20k + 2 belong to incident k.
            sql.execute("insert into incident (id, created_at) select ('00000000-0000-0000-0003-' || lpad(k::text, 12, '0'))::uuid, "
                    + "now() from generate_series(0, " + TIPS / 20 + ") k");
            // A tip every 63 s back from the end of July 2026: two school years. 70 % closed, 5 % life-safety.
            sql.execute("insert into tip (id, reference, school_id, category, happening_now, status, urgency, channel, submitted_at, "
                    + "ack_deadline, acknowledged_at, outcome, closed_at, incident_id, case_code_hash, body) "
                    + "select " + tipId + ", 'S-' || g, ('00000000-0000-0000-0001-' || lpad((1 + g % " + SCHOOLS + ")::text, 12, '0'))::uuid, "
                    + "(array['SUICIDE_THREAT','SELF_HARM','PLANNED_SCHOOL_ATTACK','WEAPON','THREAT_OF_VIOLENCE','BULLYING','DRUGS',"
                    + "'ALCOHOL','SEXUAL_ABUSE','CHILD_ABUSE','DATING_VIOLENCE','SEXTING','DEPRESSION_ANXIETY','EATING_DISORDER',"
                    + "'FIGHTING','GANG_ACTIVITY','VANDALISM','OTHER'])[1 + (g * 7) % 18], false, "
                    + "case when (g / 50) % 10 < 7 then 'CLOSED' when (g / 50) % 10 = 7 then 'NEW' "
                    + "when (g / 50) % 10 = 8 then 'ACKNOWLEDGED' else 'IN_PROGRESS' end, "
                    + "case when g % 20 = 0 then 'LIFE_SAFETY' else 'STANDARD' end, "
                    + "(array['WEB','WEB','WEB','PHONE','EMAIL','TEXT','WALK_IN'])[1 + g % 7], s.at, s.at + interval '1 day', "
                    + "case when (g / 50) % 10 <> 7 then s.at + (g % 3600) * interval '1 second' end, "
                    + "case when (g / 50) % 10 < 7 then (array['INTERVENTION','REFERRED','UNFOUNDED','DUPLICATE','FALSE_REPORT',"
                    + "'INSUFFICIENT_INFO'])[1 + (g / 7) % 6] end, "
                    + "case when (g / 50) % 10 < 7 then s.at + (g % 86400) * interval '2 seconds' end, "
                    + "case when g % 20 in (1, 2) then ('00000000-0000-0000-0003-' || lpad((g / 20)::text, 12, '0'))::uuid end, "
                    + "sha256(g::text::bytea), '\\x01'::bytea "
                    + "from generate_series(1, " + TIPS + ") g, "
                    + "lateral (select timestamptz '2026-07-31 12:00:00+00' - g * interval '63 seconds' as at) s");
            // Conversations with one tip in twenty: staff write after an hour, the reporter answers in half of them.
            sql.execute("insert into tip_message (id, tip_id, direction, created_at, body) select gen_random_uuid(), " + tipId
                    + ", 'TO_REPORTER', timestamptz '2026-07-31 13:00:00+00' - g * interval '63 seconds', '\\x01'::bytea "
                    + "from generate_series(3, " + TIPS + ", 20) g");
            sql.execute("insert into tip_message (id, tip_id, direction, created_at, body) select gen_random_uuid(), " + tipId
                    + ", 'FROM_REPORTER', timestamptz '2026-07-31 14:00:00+00' - g * interval '63 seconds', '\\x01'::bytea "
                    + "from generate_series(3, " + TIPS + ", 40) g");
            // With triggers off, the columns V26's triggers keep and V29's copy are set the way the migrations set them.
            sql.execute("update tip t set submitted_local = tip_submitted_local(t.school_id, t.submitted_at)");
            sql.execute("update tip t set first_reply_at = m.first_to, last_reporter_at = m.last_from from (select tip_id, "
                    + "min(created_at) filter (where direction = 'TO_REPORTER') as first_to, max(created_at) filter "
                    + "(where direction = 'FROM_REPORTER') as last_from from tip_message group by tip_id) m where m.tip_id = t.id");
            sql.execute("insert into tip_stats select s.* from tip t, lateral tip_stats_of(t) s");
            sql.execute("set session_replication_role = origin");
            sql.execute("vacuum full tip");
            sql.execute("vacuum full tip_stats");
            sql.execute("vacuum analyze");
        }
    }
}
