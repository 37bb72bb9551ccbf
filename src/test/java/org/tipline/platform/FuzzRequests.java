package org.tipline.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the fuzz test's requests for the operations of the served OpenAPI document. Each request is one a
 * correct server must refuse, so the run changes nothing: every body has a defect ({@link MalformedJson}),
 * and an operation without a body that changes something (acknowledge, disable, sign out everywhere, ...)
 * never gets a valid staff token together with the id of something that exists.
 */
final class FuzzRequests {

    /** One operation of the document: its method, path template, parameters and body schemas by media type. */
    record Operation(String method, String path, List<String> pathParameters, List<String> queryParameters,
            Map<String, JsonNode> bodies) {

        /** Sending this one with valid credentials and ids would carry it out. */
        boolean actsWithoutBody() {
            return !method.equals("GET") && bodies.isEmpty();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** A request and how it was spoilt, for the report of a failure. */
    record Fuzzed(HttpRequest request, Operation operation, String how) {
    }

    /** Credentials: valid staff tokens, the fixture's reporter token, forged ones and plain garbage. */
    record Credentials(List<String> staff, String reporter, List<String> forged) {
    }

    private static final String[] GARBAGE_IDS = { "%00", "abc%00", "%ED%A0%80", "%FF%FE", "..", "%2E%2E", "%2F", "null", "-1", "0",
        "99999999999999999999", "NaN", "1e309", "%27%20OR%201%3D1%20--", "x".repeat(300), "%F0%9F%9A%A8", "%7Bid%7D",
        "00000000-0000-0000-0000-000000000000", "%20", "%C3%BC", "%25u0000", "3F2B9C1E8D4A4F6B9E2D1A7C5B3E9F80",
        "%7B3f2b9c1e-8d4a-4f6b-9e2d-1a7c5b3e9f80%7D", "3f2b9c1e-8d4a-4f6b-9e2d-1a7c5b3e9f8", "3f2b9c1e-8d4a-4f6b-9e2d-1a7c5b3e9f80x",
        "g0000000-0000-0000-0000-000000000000" };

    private static final String[] ODD_VALUES = { "", "%00", "a%00b", "%ED%A0%80", "%FF", "-1", "0", "2147483647", "2147483648",
        "-2147483648", "99999999999999999999", "NaN", "Infinity", "1e3", "0x10", "1.5", "%201", "1%20", "true", "TRUE", "yes",
        "%2B300000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-29T15:00:00%2B01:00",
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "x".repeat(1500), "TIP_READ", "system", "LIFE_SAFETY", "NEW",
        "CLOSED", "WEAPON", "weapon", "%D9%A1%D9%A2", "%E2%80%AE", "%3Cscript%3E", "%27", "%22", "%5C" };

    private static final String[] ODD_CONTENT_TYPES = { "text/plain", "application/xml", "", " ", "application/", "/json", "*/*",
        "application/json; charset=utf-16", "application/json; charset=nonsense", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x", "application/json-patch+json", "APPLICATION/JSON", "application/octet-stream",
        "application/vnd.tipline.envelope+json; v=2", "text/json", "application/json;;=;", "a/b/c" };

    private static final String[][] ODD_HEADERS = {
        { "Accept", "application/xml" }, { "Accept", "text/html" }, { "Accept", "*/*" }, { "Accept", "application/json;q=0" },
        { "Accept", ";;;" }, { "Accept", "application/problem+json" }, { "Accept", "" }, { "Accept", "a/b/c, */*;q=x" },
        { "Accept-Language", "xx-YY-zzzzzzzzzz" }, { "Accept-Charset", "utf-16" }, { "Accept-Encoding", "gzip, br, zstd, x" },
        { "Content-Encoding", "gzip" }, { "Content-Encoding", "deflate" }, { "Content-Encoding", "x-unknown" },
        { "Idempotency-Key", "" }, { "Idempotency-Key", "k".repeat(2000) }, { "Idempotency-Key", "%00" },
        { "If-Modified-Since", "yesterday" }, { "If-None-Match", "*" }, { "Range", "bytes=0-1" }, { "Origin", "https://evil.example" },
        { "Cookie", "session=1; a" }, { "User-Agent", "u".repeat(3000) }, { "X-Requested-With", "XMLHttpRequest" },
        { "Prefer", "return=minimal" }, { "Cache-Control", "no-transform" }, { "Accept-Version", "999" }, { "X-Custom", "\t" } };

    private static final String[] METHODS = { "GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD" };

    private final String base;
    private final Random random;
    private final MalformedJson json;
    private final Credentials credentials;
    private final Map<String, List<String>> validIds;
    private final Function<byte[], byte[]> sealer;
    private final Map<String, Set<String>> methodsByPath;

    FuzzRequests(String base, Random random, MalformedJson json, Credentials credentials, Map<String, List<String>> validIds,
            Function<byte[], byte[]> sealer, List<Operation> operations) {
        this.base = base;
        this.random = random;
        this.json = json;
        this.credentials = credentials;
        this.validIds = validIds;
        this.sealer = sealer;
        this.methodsByPath = operations.stream().collect(Collectors.groupingBy(Operation::path, TreeMap::new,
                Collectors.mapping(Operation::method, Collectors.toSet())));
    }

    static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                Map.Entry<String, JsonNode> method = methods.next();
                List<String> inPath = new ArrayList<>();
                List<String> inQuery = new ArrayList<>();
                for (JsonNode parameter : method.getValue().path("parameters")) {
                    (parameter.path("in").asText().equals("path") ? inPath : inQuery).add(parameter.path("name").asText());
                }
                Map<String, JsonNode> bodies = new TreeMap<>();
                method.getValue().path("requestBody").path("content").fields()
                        .forEachRemaining(content -> bodies.put(content.getKey(), content.getValue().path("schema")));
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), inPath, inQuery, bodies));
            }
        }
        return operations;
    }

    Fuzzed next(Operation operation) {
        List<String> how = new ArrayList<>();
        String authorization = authorization(operation, how);
        boolean validToken = authorization != null && how.contains("valid token");
        String path = operation.path();
        for (String parameter : operation.pathParameters()) {
            // A valid token and a real id on an operation that needs no body would carry it out.
            path = path.replace("{" + parameter + "}", pathValue(parameter, !(validToken && operation.actsWithoutBody()), how));
        }
        if (random.nextInt(20) == 0) {
            path = path + pick(new String[] { "/zz-fuzz", "/%00", "/..%2Fzz", ";jsessionid=1", "/" });
            how.add("path suffix");
        }
        StringBuilder query = new StringBuilder();
        for (String parameter : operation.queryParameters()) {
            if (random.nextInt(10) < 6) {
                query.append(query.length() == 0 ? "?" : "&").append(parameter).append('=').append(pick(ODD_VALUES));
            }
        }
        if (random.nextInt(10) == 0) {
            query.append(query.length() == 0 ? "?" : "&").append(pick(new String[] { "zz=1", "page=1&page=-1", "%00=%00", "=", "&&" }));
        }
        String method = method(operation, how);
        Body body = body(operation, how);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path + query))
                .timeout(Duration.ofSeconds(5))
                .method(method, body.publisher());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            String[] header = ODD_HEADERS[random.nextInt(ODD_HEADERS.length)];
            request.setHeader(header[0], header[1]);
            how.add(header[0] + ": " + abbreviate(header[1]));
        }
        if (body.contentType() != null) {
            request.setHeader("Content-Type", body.contentType());
        }
        return new Fuzzed(request.build(), operation, String.join(", ", how));
    }

    /** A body and its Content-Type (null: none sent). */
    private record Body(HttpRequest.BodyPublisher publisher, String contentType) {
    }

    private String authorization(Operation operation, List<String> how) {
        int choice = random.nextInt(20);
        boolean reporterSide = operation.path().startsWith("/api/v1/followup");
        // Mostly valid: a secured operation reads its parameters and body only for a caller it lets in.
        if (choice < 11 && !(operation.actsWithoutBody() && operation.pathParameters().isEmpty())) {
            how.add("valid token");
            return "Bearer " + (reporterSide && random.nextBoolean() ? credentials.reporter() : pick(credentials.staff()));
        }
        if (choice < 15) {
            how.add("forged token");
            return "Bearer " + pick(credentials.forged());
        }
        if (choice < 18) {
            how.add("odd authorization");
            return pick(new String[] { "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer abc.def.ghi", "Bearer " + "A".repeat(3000),
                "bearer x", "Bearer a b c", "Bearer ..", "Digest x", "Bearer %00" });
        }
        how.add("no token");
        return null;
    }

    private String pathValue(String parameter, boolean mayBeReal, List<String> how) {
        int choice = random.nextInt(3);
        if (choice == 0 && mayBeReal && validIds.containsKey(parameter)) {
            how.add(parameter + " real");
            return pick(validIds.get(parameter));
        }
        if (choice == 1) {
            how.add(parameter + " unknown");
            return new UUID(random.nextLong(), random.nextLong()).toString();
        }
        how.add(parameter + " garbage");
        return pick(GARBAGE_IDS);
    }

    /** The operation's method, or now and then one the path does not have (never another operation of it). */
    private String method(Operation operation, List<String> how) {
        if (random.nextInt(10) > 0) {
            return operation.method();
        }
        Set<String> defined = methodsByPath.get(operation.path());
        String other = pick(METHODS);
        if (defined.contains(other) && !other.equals("GET") || other.equals(operation.method())) {
            return operation.method();
        }
        how.add("method " + other);
        return other;
    }

    private Body body(Operation operation, List<String> how) {
        if (operation.bodies().isEmpty()) {
            // A body where none is read changes nothing: the request is refused or harmless without it too.
            if (random.nextInt(4) > 0) {
                return new Body(HttpRequest.BodyPublishers.noBody(), null);
            }
            how.add("unread body");
            return new Body(HttpRequest.BodyPublishers.ofString("{\"zz\":1}"), random.nextBoolean() ? "application/json" : oddContentType(how));
        }
        List<String> types = new ArrayList<>(operation.bodies().keySet());
        String type = types.get(random.nextInt(types.size()));
        byte[] bytes = json.body(operation.bodies().get(type), validIds);
        if (type.contains("envelope") && random.nextInt(3) == 0) {
            bytes = sealer.apply(bytes);
            how.add("sealed malformed tip");
        } else {
            how.add("malformed body");
        }
        int choice = random.nextInt(10);
        String contentType = choice < 7 ? type : choice < 9 ? oddContentType(how) : null;
        if (contentType == null) {
            how.add("no Content-Type");
        }
        return new Body(HttpRequest.BodyPublishers.ofByteArray(bytes), contentType);
    }

    private String oddContentType(List<String> how) {
        String odd = pick(ODD_CONTENT_TYPES);
        how.add("Content-Type '" + odd + "'");
        return odd;
    }

    private static String abbreviate(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "…" : value;
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private String pick(List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

}
