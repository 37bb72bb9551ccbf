package org.tipline.benchmark;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.tipline.auth.StaffAccess;
import org.tipline.auth.StaffScope;
import org.tipline.casework.QueueFilter;
import org.tipline.casework.TipQueue;
import org.tipline.directory.StaffRole;

/**
 * Queue benchmark (issue 5): seeds 1,000,000 tips across 50 schools, then measures the first page of
 * one SRO's queue over 1,000 requests, beside the same statements run bare over JDBC from this process.
 *
 * <p>Run: {@code ./mvnw -Pbenchmark verify -Dbenchmark.main=org.tipline.benchmark.QueueBenchmark}.
 */
public final class QueueBenchmark {

    private static final int TIPS = 1_000_000;
    private static final int SCHOOLS = 50;
    private static final int REQUESTS = 1_000;
    private static final int WARM_UP = 5_000;

    private QueueBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (BenchmarkApp app = BenchmarkApp.start(Path.of("target/benchmark"))) {
            long seedStart = System.nanoTime();
            Seeded seeded = seed(app);
            System.out.printf("Seeded %,d tips across %d schools in %.0f s (one SRO per school)%n", TIPS, SCHOOLS,
                    (System.nanoTime() - seedStart) / 1e9);
            // The service refuses tokens that live longer than its token lifetime (15 minutes); the run takes less.
            Instant issued = Instant.now();
            String token = Jwt.issuer("tipline").audience("tipline-staff").subject(seeded.sroId.toString())
                    .groups(Set.of("SRO")).issuedAt(issued).expiresAt(issued.plusSeconds(900))
                    .jws().algorithm(SignatureAlgorithm.ES256).sign(BenchmarkApp.signingKey);

            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(app.baseUri.resolve("/api/v1/staff/queue"))
                    .header("Authorization", "Bearer " + token).build();
            List<Long> service = timeRequests(client, request);
            // Where the time goes, step by step: an answer that does no work, a resource on a worker thread
            // without the database, and the token check alone (with its account lookup).
            List<Long> floor = timeRequests(client, HttpRequest.newBuilder(app.managementUri.resolve("/q/health/live")).build());
            List<Long> worker = timeRequests(client, HttpRequest.newBuilder(app.baseUri.resolve("/api/v1/categories")).build());
            List<Long> tokenCheck = timeRequests(client, HttpRequest.newBuilder(app.baseUri.resolve("/api/v1/staff/me"))
                    .header("Authorization", "Bearer " + token).build());
            List<Long> bare = bareQueries(app, seeded);
            System.out.printf("Queue, first page, one SRO (%d requests): p50 %.1f ms, p99 %.1f ms   [target p99 < 25 ms]%n",
                    REQUESTS, percentile(service, 0.50), percentile(service, 0.99));
            System.out.printf("Same three statements bare over JDBC: p50 %.1f ms, p99 %.1f ms   [target: service p99 <= 2 x bare p99 = %.1f ms]%n",
                    percentile(bare, 0.50), percentile(bare, 0.99), 2 * percentile(bare, 0.99));
            System.out.printf("For comparison: GET /q/health/live (management port, no work) p50 %.1f ms, p99 %.1f ms; GET /api/v1/categories "
                    + "(worker thread, no database) p50 %.1f ms, p99 %.1f ms; GET /api/v1/staff/me (token check) p50 %.1f ms, "
                    + "p99 %.1f ms%n", percentile(floor, 0.50), percentile(floor, 0.99), percentile(worker, 0.50),
                    percentile(worker, 0.99), percentile(tokenCheck, 0.50), percentile(tokenCheck, 0.99));
            explain(app, seeded);
        }
        System.exit(0);
    }

    /** Times {@link #REQUESTS} answers after {@link #WARM_UP} untimed ones; each must be a 200. */
    private static List<Long> timeRequests(HttpClient client, HttpRequest request) throws Exception {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < WARM_UP + REQUESTS; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri().getPath() + " answered " + response.statusCode());
            }
            if (i >= WARM_UP) {
                times.add(System.nanoTime() - start);
            }
        }
        return times;
    }

    private record Seeded(UUID sroId, UUID schoolId) {
    }

    /** Directory and tips in plain SQL; triggers off for the bulk load (the data is consistent by construction). */
    private static Seeded seed(BenchmarkApp app) throws Exception {
        try (Connection connection = app.database().getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("set session_replication_role = replica");
            sql.execute("insert into district (id, name, time_zone) values ('00000000-0000-0000-0000-0000000000d1', 'Queue District', 'America/Denver')");
            sql.execute("insert into agency (id, name, kind, on_call_email, supervisor_email) values "
                    + "('00000000-0000-0000-0000-0000000000a1', 'Queue Police', 'CITY_POLICE', 'oncall@q.local', 'sup@q.local')");
            sql.execute("insert into school (id, district_id, agency_id, name, level, city) select "
                    + "('00000000-0000-0000-0001-' || lpad(g::text, 12, '0'))::uuid, '00000000-0000-0000-0000-0000000000d1', "
                    + "'00000000-0000-0000-0000-0000000000a1', 'Queue School ' || g, 'HIGH', 'Queueville' from generate_series(1, " + SCHOOLS + ") g");
            sql.execute("insert into staff (id, email, display_name, role, agency_id, enabled, tokens_not_before) select "
                    + "('00000000-0000-0000-0002-' || lpad(g::text, 12, '0'))::uuid, 'sro' || g || '@q.local', 'SRO ' || g, 'SRO', "
                    + "'00000000-0000-0000-0000-0000000000a1', true, '2000-01-01' from generate_series(1, " + SCHOOLS + ") g");
            sql.execute("insert into assignment (staff_id, school_id, kind, is_primary) select "
                    + "('00000000-0000-0000-0002-' || lpad(g::text, 12, '0'))::uuid, ('00000000-0000-0000-0001-' || lpad(g::text, 12, '0'))::uuid, "
                    + "'SRO', true from generate_series(1, " + SCHOOLS + ") g");
            // Most tips are closed, as in a long-running deployment; 5 % are life-safety.
            sql.execute("insert into tip (id, reference, school_id, category, happening_now, status, urgency, submitted_at, "
                    + "ack_deadline, acknowledged_at, case_code_hash, body) select gen_random_uuid(), 'B-' || g, "
                    + "('00000000-0000-0000-0001-' || lpad((1 + g % " + SCHOOLS + ")::text, 12, '0'))::uuid, 'BULLYING', false, "
                    // g % 50 picks the school, so status and urgency vary with g / 50 to mix within each school.
                    + "case when (g / " + SCHOOLS + ") % 10 < 7 then 'CLOSED' when (g / " + SCHOOLS + ") % 10 = 7 then 'NEW' "
                    + "when (g / " + SCHOOLS + ") % 10 = 8 then 'ACKNOWLEDGED' else 'IN_PROGRESS' end, "
                    + "case when (g / " + SCHOOLS + ") % 20 = 0 then 'LIFE_SAFETY' else 'STANDARD' end, "
                    + "now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval + interval '1 day', null, "
                    + "sha256(g::text::bytea), '\\x01'::bytea from generate_series(1, " + TIPS + ") g");
            sql.execute("set session_replication_role = origin");
            // As autovacuum would soon after a bulk load: statistics, and the visibility map for index-only counts.
            sql.execute("vacuum analyze");
        }
        return new Seeded(UUID.fromString("00000000-0000-0000-0002-000000000001"),
                UUID.fromString("00000000-0000-0000-0001-000000000001"));
    }

    private static List<Long> bareQueries(BenchmarkApp app, Seeded seeded) throws Exception {
        List<Long> times = new ArrayList<>();
        TipQueue.Statements queue = queueStatements(seeded);
        try (Connection connection = app.database().getConnection();
                PreparedStatement account = connection.prepareStatement(StaffAccess.BY_ID);
                PreparedStatement page = connection.prepareStatement(queue.page());
                PreparedStatement count = connection.prepareStatement(queue.count())) {
            account.setObject(1, seeded.sroId);
            int next = queue.bind(page);
            page.setLong(next, 0);
            page.setInt(next + 1, 25);
            queue.bind(count);
            for (int i = 0; i < WARM_UP + REQUESTS; i++) {
                long start = System.nanoTime();
                try (ResultSet row = account.executeQuery()) {
                    row.next();
                    row.getArray(5).getArray();
                }
                try (ResultSet rows = page.executeQuery()) {
                    while (rows.next()) {
                        for (int column = 1; column <= 11; column++) {
                            rows.getObject(column);
                        }
                    }
                }
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                }
                if (i >= WARM_UP) {
                    times.add(System.nanoTime() - start);
                }
            }
        }
        return times;
    }

    /**
     * The statements the service runs for the SRO's first page, besides the token check's account and scope lookup
     * (StaffAccess.BY_ID): the page and its count. None runs in a transaction, in the service or here. The service
     * leaves the count out only on a last page.
     */
    private static TipQueue.Statements queueStatements(Seeded seeded) {
        StaffScope scope = new StaffScope(seeded.sroId, StaffRole.SRO, Set.of(seeded.schoolId));
        return TipQueue.statements(scope, QueueFilter.parse(null, null, null, null, null, null, null, null), Instant.now()).orElseThrow();
    }


    private static void explain(BenchmarkApp app, Seeded seeded) throws Exception {
        TipQueue.Statements queue = queueStatements(seeded);
        try (Connection connection = app.database().getConnection();
                PreparedStatement explain = connection.prepareStatement("explain (analyze, buffers) " + queue.page())) {
            int next = queue.bind(explain);
            explain.setLong(next, 0);
            explain.setInt(next + 1, 25);
            System.out.println("Plan of the page query:");
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    System.out.println("    " + rows.getString(1));
                }
            }
        }
    }

    private static double percentile(List<Long> nanos, double p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
