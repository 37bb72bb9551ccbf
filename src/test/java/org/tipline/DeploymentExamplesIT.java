package org.tipline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tipline.support.InvitationMails;
import org.tipline.support.PackagedApp;
import org.tipline.support.Proofs;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment examples start: the packaged application runs with exactly the environment that
 * {@code docker/compose.yaml}, or the Secrets of {@code docker/k8s/secret.example.yaml} with the Deployment's own
 * {@code env}, give it, read from those files, with the placeholders replaced by what {@code generate-keys} prints and
 * only the addresses moved to this machine ({@link #LOCAL}). On the compose environment, an operator's first run goes
 * from an empty database to a district: bootstrap, the printed invitation, a password, TOTP, sign-in, the API.
 */
class DeploymentExamplesIT {

    private static final Path WORK = Path.of("target/deployment-examples");
    private static final Path DOCKER = Path.of("docker");
    /** What the test sets itself: where the database, the mail server and the listeners are here. Nothing else. */
    private static final Set<String> LOCAL = Set.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_MAILER_HOST", "QUARKUS_MAILER_PORT", "QUARKUS_HTTP_HOST",
            "QUARKUS_HTTP_PORT", "QUARKUS_MANAGEMENT_HOST", "QUARKUS_MANAGEMENT_PORT");
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::([-?])([^}]*))?}");
    private static final Pattern LINK = Pattern.compile("^(https?://\\S+)/invitation#([A-Za-z0-9_-]{43})$", Pattern.MULTILINE);

    private static EmbeddedPostgres database;

    @BeforeAll
    static void startDatabase() throws Exception {
        database = PackagedApp.startDatabase();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void shouldStartWithTheComposeEnvironmentAndTakeAnOperatorFromAnEmptyDatabaseToATipAtAnImportedSchool() throws Exception {
        Map<String, String> dotEnv = dotEnv(PackagedApp.run(Map.of(), WORK, "generate-keys", "--format", "env"));
        dotEnv.put("TIPLINE_ROUTING_ANALYST_DESK_EMAIL", "analyst-desk@compose.example.org");
        Map<String, String> compose = composeEnvironment(dotEnv);
        assertThat(compose).containsKeys("TIPLINE_AUTH_SIGNING_KEY", "TIPLINE_AUTH_VERIFICATION_KEY");
        int port = PackagedApp.freePort();
        int managementPort = PackagedApp.freePort();
        Map<String, String> environment = local(compose, emptyDatabase("compose"), port, managementPort);

        PackagedApp.CommandResult bootstrap = PackagedApp.run(environment, WORK, "bootstrap", "--admin-email", "Ops@Example.org");
        // A failed bootstrap printed no link: its output says why.
        assertThat(bootstrap.status()).as(bootstrap.out() + bootstrap.err()).isZero();
        Matcher link = LINK.matcher(bootstrap.out());
        assertThat(link.find()).as("a link on a line of its own").isTrue();
        String token = link.group(2);
        assertThat(link.group(1)).isEqualTo(compose.get("TIPLINE_NOTIFY_CONSOLE_BASE_URL"));
        assertThat(bootstrap.out().split(Pattern.quote(token), -1)).as("printed once, by no log line").hasSize(2);
        assertThat(bootstrap.err()).doesNotContain(token);
        PackagedApp.CommandResult again = PackagedApp.run(environment, WORK, "bootstrap", "--admin-email", "other@example.org");
        assertThat(again.status()).isEqualTo(TiplineMain.REFUSED);
        assertThat(again.err()).contains("An administrator exists already");

        Path log = WORK.resolve("compose.log");
        GreenMail mail = new GreenMail(new ServerSetup(Integer.parseInt(environment.get("QUARKUS_MAILER_PORT")), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try (PackagedApp app = PackagedApp.startWithEnvironment(environment, port, managementPort, log, "-Xmx256m")) {
            String password = "the operator's own password";
            api(app).body(Map.of("token", token, "password", password)).post("/api/v1/invitations/accept").then()
                    .statusCode(204);
            String accessToken = signInWithTotp(app, "ops@example.org", password);
            String name = "Albany County School District #1";
            String id = api(app).auth().oauth2(accessToken).body(Map.of("name", name, "timeZone", "America/Denver"))
                    .post("/api/v1/admin/districts").then().statusCode(201).extract().path("id");

            Response district = given().baseUri(app.baseUri.toString()).auth().oauth2(accessToken)
                    .get("/api/v1/admin/districts/" + id);
            assertThat(district.statusCode()).isEqualTo(200);
            assertThat(district.<String>path("name")).isEqualTo(name);
            assertThat(district.<String>path("timeZone")).isEqualTo("America/Denver");
            assertThat(given().baseUri(app.baseUri.toString()).auth().oauth2(accessToken).get("/api/v1/admin/districts")
                    .<List<String>>path("name")).containsExactly(name);

            ImportedDirectory directory = new ImportedDirectory(name, "albany");
            importDirectory(app, accessToken, directory);
            tipReachesTheImportedOfficer(app, mail, directory);
        } finally {
            mail.stop();
        }
        assertThat(Files.readString(log)).doesNotContain(token);
    }

    @Test
    void shouldStartWithTheEnvironmentOfTheKubernetesExamples() throws Exception {
        Map<String, Object> deployment = yaml(DOCKER.resolve("k8s/deployment.yaml")).get(0);
        Map<String, Object> container = first(path(deployment, "spec", "template", "spec").get("containers"));
        Map<String, Map<String, Object>> secrets = new HashMap<>();
        for (Map<String, Object> secret : yaml(DOCKER.resolve("k8s/secret.example.yaml"))) {
            secrets.put((String) path(secret, "metadata").get("name"), secret);
        }
        Map<String, Object> generated = yaml(PackagedApp.run(Map.of(), WORK, "generate-keys", "--format", "secret").out()).get(0);
        // The generated Secret replaces the example's placeholders: the same name and exactly the same variables.
        String keysName = (String) path(generated, "metadata").get("name");
        assertThat(secrets).containsKey(keysName);
        assertThat(stringData(generated).keySet()).isEqualTo(stringData(secrets.get(keysName)).keySet());
        secrets.put(keysName, generated);

        Map<String, String> kubernetes = new LinkedHashMap<>();
        for (Map<String, Object> source : list(container.get("envFrom"))) {
            String name = (String) path(source, "secretRef").get("name");
            assertThat(secrets).as("the Secret %s of envFrom is in secret.example.yaml", name).containsKey(name);
            kubernetes.putAll(stringData(secrets.get(name)));
        }
        for (Map<String, Object> variable : list(container.get("env"))) {
            kubernetes.put((String) variable.get("name"), String.valueOf(variable.get("value")));
        }
        assertThat(kubernetes).containsKeys("TIPLINE_AUTH_SIGNING_KEY", "TIPLINE_AUTH_VERIFICATION_KEY",
                "TIPLINE_ROUTING_ANALYST_DESK_EMAIL", "QUARKUS_DATASOURCE_JDBC_URL");
        int port = PackagedApp.freePort();
        int managementPort = PackagedApp.freePort();

        try (PackagedApp app = PackagedApp.startWithEnvironment(local(kubernetes, emptyDatabase("kubernetes"), port,
                managementPort), port, managementPort, WORK.resolve("kubernetes.log"), "-Xmx256m")) {
            assertThat(given().baseUri(app.managementUri.toString()).get("/q/health/ready").statusCode()).isEqualTo(200);
            assertThat(given().baseUri(app.baseUri.toString()).get("/api/v1/schools").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void shouldApplyTheIngressAndTheDisruptionBudgetWithTheDeployment() throws Exception {
        Map<String, Object> kustomization = yaml(DOCKER.resolve("k8s/kustomization.yaml")).get(0);
        Map<String, Map<String, Object>> resources = new HashMap<>();
        for (Object file : list(kustomization.get("resources"))) {
            Map<String, Object> resource = yaml(DOCKER.resolve("k8s").resolve((String) file)).get(0);
            resources.put((String) resource.get("kind"), resource);
        }

        assertThat(resources).containsOnlyKeys("Deployment", "Service", "Ingress", "PodDisruptionBudget");
        Map<String, Object> labels = path(resources.get("Deployment"), "spec", "template", "metadata", "labels");
        assertThat(path(resources.get("PodDisruptionBudget"), "spec", "selector", "matchLabels")).isEqualTo(labels);
        assertThat(path(resources.get("Service"), "spec", "selector")).isEqualTo(labels);
        Map<String, Object> rule = first(path(resources.get("Ingress"), "spec").get("rules"));
        Map<String, Object> backend = path(first(path(rule, "http").get("paths")), "backend", "service");
        assertThat(backend.get("name")).isEqualTo(path(resources.get("Service"), "metadata").get("name"));
        assertThat(list(path(resources.get("Service"), "spec").get("ports"))).extracting(p -> p.get("targetPort"))
                .containsExactly(8080);
    }

    // ---- the operator's directory ------------------------------------------------------------------------------

    /**
     * Each file as an operator brings it: a dry run that answers every row and stores nothing, the import, and the
     * same file again, which changes nothing. Then a file with three bad rows is refused whole, naming all three.
     */
    private static void importDirectory(PackagedApp app, String token, ImportedDirectory directory) {
        directory.files().forEach((kind, csv) -> {
            int rows = ImportedDirectory.rows(kind);
            int before = exportedRows(app, token, kind);
            Response dryRun = importFile(app, token, kind, csv, true);
            assertThat(dryRun.statusCode()).as(kind + ": " + dryRun.asString()).isEqualTo(200);
            assertThat(dryRun.<Boolean>path("dryRun")).isTrue();
            assertThat(dryRun.<Integer>path("created")).as(kind).isEqualTo(rows);
            assertThat(dryRun.<List<Object>>path("rows")).hasSize(rows);
            assertThat(exportedRows(app, token, kind)).as("a dry run of " + kind + " changes nothing").isEqualTo(before);

            Response applied = importFile(app, token, kind, csv, false);
            assertThat(applied.statusCode()).as(kind + ": " + applied.asString()).isEqualTo(200);
            assertThat(applied.<Integer>path("created")).as(kind).isEqualTo(rows);
            assertThat(exportedRows(app, token, kind)).as(kind).isEqualTo(before + rows);

            Response again = importFile(app, token, kind, csv, false);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(List.of(again.<Integer>path("created"), again.<Integer>path("updated"), again.<Integer>path("unchanged")))
                    .as("the second import of " + kind + " changes nothing").containsExactly(0, 0, rows);
            assertThat(exportedRows(app, token, kind)).isEqualTo(before + rows);
        });

        int schools = exportedRows(app, token, "schools");
        Response refused = importFile(app, token, "schools", directory.schoolsWithThreeBadRows(), false);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.<List<String>>path("errors.field")).containsExactly("row 3: name", "row 4: level", "row 5: district");
        assertThat(exportedRows(app, token, "schools")).as("the good row is not imported either").isEqualTo(schools);
    }

    private static Response importFile(PackagedApp app, String token, String kind, String csv, boolean dryRun) {
        return given().baseUri(app.baseUri.toString()).auth().oauth2(token).contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8)).queryParam("dryRun", dryRun).post("/api/v1/admin/import/" + kind);
    }

    /** Rows of the export, without its header. */
    private static int exportedRows(PackagedApp app, String token, String kind) {
        Response export = given().baseUri(app.baseUri.toString()).auth().oauth2(token).get("/api/v1/admin/export/" + kind);
        assertThat(export.statusCode()).isEqualTo(200);
        return (int) export.asString().lines().filter(line -> !line.isBlank()).count() - 1;
    }

    /**
     * A student's tip at an imported school: mailed to the officer the assignments file named, who accepts the
     * invitation the staff import mailed, signs in and finds it in their queue.
     */
    private static void tipReachesTheImportedOfficer(PackagedApp app, GreenMail mail, ImportedDirectory directory)
            throws Exception {
        int school = 7;
        String officer = directory.officerOf(school);
        List<Map<String, Object>> schools = given().baseUri(app.baseUri.toString()).get("/api/v1/schools").then()
                .statusCode(200).extract().path("");
        String schoolId = schools.stream().filter(s -> directory.schoolName(school).equals(s.get("name")))
                .map(s -> (String) s.get("id")).findFirst().orElseThrow();
        String proof = Proofs.solved(app.baseUri.toString(), "tip");
        String reference = api(app).header("Tipline-Proof", proof).body(Map.of("schoolId", schoolId, "category",
                "WEAPON", "description", "A classmate showed a gun in the parking lot.", "happeningNow", false))
                .post("/api/v1/tips").then().statusCode(201).extract().path("reference");

        String notice = mailTo(mail, officer, "New tip " + reference);
        assertThat(notice).contains(directory.schoolName(school)).doesNotContain("gun");
        Matcher invitation = Pattern.compile("/invitation#([A-Za-z0-9_-]{43})").matcher(mailTo(mail, officer, "/invitation#"));
        assertThat(invitation.find()).isTrue();
        String password = "the officer's own password";
        api(app).body(Map.of("token", invitation.group(1), "password", password)).post("/api/v1/invitations/accept").then()
                .statusCode(204);
        String officerToken = signInWithTotp(app, officer, password);
        Response queue = given().baseUri(app.baseUri.toString()).auth().oauth2(officerToken).get("/api/v1/staff/queue");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.<List<String>>path("items.reference")).containsExactly(reference);
    }

    /** The text of the first mail to {@code recipient} that contains {@code text}, waiting for the outbox to send it. */
    private static String mailTo(GreenMail mail, String recipient, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : mail.getReceivedMessages()) {
                String body = InvitationMails.text(message);
                if (Arrays.stream(message.getAllRecipients()).anyMatch(to -> to.toString().equalsIgnoreCase(recipient))
                        && body.contains(text)) {
                    return body;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no mail to " + recipient + " contains " + text);
    }

    // ---- the environments ----------------------------------------------------------------------------------

    /** The tipline service's environment in compose.yaml, interpolated from {@code dotEnv} as compose does. */
    private static Map<String, String> composeEnvironment(Map<String, String> dotEnv) throws Exception {
        Map<String, Object> service = path(yaml(DOCKER.resolve("compose.yaml")).get(0), "services", "tipline");
        Map<String, String> environment = new LinkedHashMap<>();
        path(service, "environment").forEach((name, value) -> environment.put(name, interpolate(String.valueOf(value), dotEnv)));
        return environment;
    }

    private static String interpolate(String value, Map<String, String> dotEnv) {
        Matcher matcher = INTERPOLATION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String given = dotEnv.get(matcher.group(1));
            String replacement;
            if (given != null && !given.isEmpty()) {
                replacement = given;
            } else if ("-".equals(matcher.group(2))) {
                replacement = matcher.group(3);
            } else {
                throw new AssertionError("compose would stop: " + matcher.group(1) + " is not set (" + matcher.group(3) + ")");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** A compose {@code .env} file: NAME='literal value' a line. */
    private static Map<String, String> dotEnv(PackagedApp.CommandResult generated) {
        assertThat(generated.status()).as(generated.err()).isZero();
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : generated.out().split("\n")) {
            int equals = line.indexOf('=');
            String value = line.substring(equals + 1);
            assertThat(value).startsWith("'").endsWith("'");
            values.put(line.substring(0, equals), value.substring(1, value.length() - 1));
        }
        return values;
    }

    /** The deployment's environment with the addresses of this machine ({@link #LOCAL}), and PATH. */
    private static Map<String, String> local(Map<String, String> deployment, String jdbcUrl, int port, int managementPort)
            throws Exception {
        Map<String, String> environment = new LinkedHashMap<>(deployment);
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        environment.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        environment.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        environment.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        environment.put("QUARKUS_MAILER_PORT", String.valueOf(PackagedApp.freePort()));
        environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        environment.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        environment.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        Map<String, String> kept = environment.entrySet().stream().filter(e -> !LOCAL.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<String, String> notLocal = deployment.entrySet().stream().filter(e -> !LOCAL.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(kept).as("everything but the addresses as the example sets it").isEqualTo(notLocal);
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        return environment;
    }

    private static String emptyDatabase(String name) throws Exception {
        try (Connection connection = database.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        return database.getJdbcUrl("postgres", name);
    }

    // ---- the operator's first sign-in --------------------------------------------------------------------------

    private static io.restassured.specification.RequestSpecification api(PackagedApp app) {
        return given().baseUri(app.baseUri.toString()).contentType("application/json");
    }

    /** Password, then TOTP enrolment as the prod profile asks for it, then a sign-in with a code. */
    private static String signInWithTotp(PackagedApp app, String email, String password) throws Exception {
        Response first = api(app).body(Map.of("email", email, "password", password)).post("/api/v1/auth/login");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.<Boolean>path("totpEnrolmentRequired")).isTrue();
        String enrolment = first.path("accessToken");
        byte[] secret = base32(api(app).auth().oauth2(enrolment).post("/api/v1/staff/me/totp").then().statusCode(200)
                .extract().path("secret"));
        long step = Instant.now().getEpochSecond() / 30;
        api(app).auth().oauth2(enrolment).body(Map.of("code", totp(secret, step))).post("/api/v1/staff/me/totp/confirm")
                .then().statusCode(204);
        Thread.sleep(1100); // the enrolment revoked the tokens of this second
        // Each step's code is good once; the next step's is within the window.
        Response signedIn = api(app).body(Map.of("email", email, "password", password, "totp", totp(secret, step + 1)))
                .post("/api/v1/auth/login");
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.<Boolean>path("totpEnrolmentRequired")).isFalse();
        return signedIn.path("accessToken");
    }

    /** RFC 6238 with SHA-1, six digits, 30-second steps, as authenticator apps compute it. */
    private static String totp(byte[] secret, long step) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret, "HmacSHA1"));
        byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        return String.format("%06d", binary % 1_000_000);
    }

    private static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.replace("=", "").toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    // ---- YAML ----------------------------------------------------------------------------------------------

    private static List<Map<String, Object>> yaml(Path file) throws Exception {
        return yaml(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> yaml(String text) {
        List<Map<String, Object>> documents = new java.util.ArrayList<>();
        new Yaml().loadAll(text).forEach(document -> documents.add((Map<String, Object>) document));
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> path(Map<String, Object> node, String... names) {
        Map<String, Object> current = node;
        for (String name : names) {
            assertThat(current).as("has " + name).containsKey(name);
            current = (Map<String, Object>) current.get(name);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object node) {
        return (List<Map<String, Object>>) node;
    }

    private static Map<String, Object> first(Object node) {
        return list(node).get(0);
    }

    private static Map<String, String> stringData(Map<String, Object> secret) {
        Map<String, String> data = new LinkedHashMap<>();
        path(secret, "stringData").forEach((name, value) -> data.put(name, String.valueOf(value)));
        return data;
    }
}
