package org.tipline.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.tipline.support.Proofs;

/** Proofs of work for tips, fetched and solved ahead of a capacity test whose application asks 0 bits. */
final class Challenges {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Queue<String> solved = new ConcurrentLinkedQueue<>();
    private final URI baseUri;
    private final HttpClient client = HttpClient.newHttpClient();

    private Challenges(URI baseUri) {
        this.baseUri = baseUri;
    }

    static Challenges prefetch(URI baseUri, int count) {
        Challenges challenges = new Challenges(baseUri);
        IntStream.range(0, count).parallel().forEach(i -> challenges.solved.add(challenges.fetch()));
        return challenges;
    }

    /** A solved proof: from the prefetched ones while they last (each is good for ten minutes). */
    String next() {
        String proof = solved.poll();
        return proof != null ? proof : fetch();
    }

    private String fetch() {
        try {
            JsonNode challenge = JSON.readTree(client.send(HttpRequest.newBuilder(baseUri.resolve("/api/v1/challenge?purpose=tip"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            return Proofs.solve(challenge.get("token").asText(), challenge.get("difficulty").asInt());
        } catch (Exception e) {
            throw new IllegalStateException("no challenge", e);
        }
    }
}
