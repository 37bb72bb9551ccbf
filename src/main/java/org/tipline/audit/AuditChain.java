package org.tipline.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tipline.crypto.ServerSecrets;

/**
 * The links of the audit chain and their verification.
 *
 * <p>Chain version 1 (every event written now): hash = HMAC-SHA-256, under a key derived from the server pepper,
 * over the previous event's hash, the event's position and its fields. The database does not hold the pepper,
 * so someone who can write the table cannot edit, insert, delete or reorder events and rebuild a chain that
 * verifies. Version 0, plain SHA-256 without a position, is what events written before the keyed chain carry;
 * it is accepted only before the first version 1 event.
 *
 * <p>What it does not catch by itself: the newest events cut off (the chain that remains is whole). Against that,
 * the verification reports the last position and hash, to be recorded outside the database and compared later,
 * and this service remembers the longest chain it has verified since it started. Someone who holds both the
 * database and the pepper can rewrite anything.
 */
@ApplicationScoped
class AuditChain {

    static final byte[] GENESIS = new byte[32];
    private static final String KEY_PURPOSE = "audit-chain-v1";

    private final ServerSecrets secrets;
    private final AtomicLong longestVerified = new AtomicLong();

    AuditChain(ServerSecrets secrets) {
        this.secrets = secrets;
    }

    /** What a verification found. */
    @Schema(name = "AuditVerification")
    public record Verification(@Schema(required = true) boolean intact,
            @Schema(description = "Sequence number of the first event whose link is broken") Long firstBrokenEvent,
            @Schema(description = "What is wrong, when the chain is not intact") String problem,
            @Schema(required = true, description = "Events checked") long events,
            @Schema(description = "Position of the last event, when intact: record it outside the database; a later "
                    + "verification that ends before it means events were cut off") Long lastPosition,
            @Schema(description = "Hash of the last event (hex), when intact, to record with its position") String lastHash) {
    }

    /** Completes a new event (version 1) that follows {@code previous} (null for the first event of all). */
    void link(AuditEvent event, AuditEvent previous, long position) {
        event.chainVersion = 1;
        event.position = position;
        event.prevHash = previous == null ? GENESIS : previous.hash;
        event.hash = hash(event);
    }

    /** Walks the whole chain from the start and reports the first event whose link is broken. */
    @Transactional
    Verification verify() {
        long position = 0;
        byte[] expectedPrevious = GENESIS;
        boolean keyed = false;
        try (var events = AuditEvent.<AuditEvent>find("order by seq").stream()) {
            for (AuditEvent event : (Iterable<AuditEvent>) events::iterator) {
                position++;
                String problem = problemWith(event, position, expectedPrevious, keyed);
                if (problem != null) {
                    return new Verification(false, event.seq, problem, position, null, null);
                }
                keyed |= event.chainVersion == 1;
                expectedPrevious = event.hash;
            }
        }
        long longest = longestVerified.accumulateAndGet(position, Math::max);
        if (position < longest) {
            return new Verification(false, null, "the chain ends after " + position + " events, but this service verified "
                    + longest + " before: the newest events were cut off", position, null, null);
        }
        return new Verification(true, null, null, position, position == 0 ? null : position,
                position == 0 ? null : HexFormat.of().formatHex(expectedPrevious));
    }

    private String problemWith(AuditEvent event, long position, byte[] expectedPrevious, boolean keyed) {
        if (event.chainVersion == 0 && keyed) {
            return "an unkeyed event after the keyed chain began";
        }
        if (event.chainVersion == 1 && !Objects.equals(event.position, position)) {
            return "found at position " + position + " but written as " + event.position + ": events are missing or moved";
        }
        if (event.chainVersion != 0 && event.chainVersion != 1) {
            return "an unknown chain version";
        }
        if (!MessageDigest.isEqual(event.prevHash, expectedPrevious)) {
            return "does not link to the event before it";
        }
        if (!MessageDigest.isEqual(event.hash, hash(event))) {
            return "its content does not match its hash";
        }
        return null;
    }

    private byte[] hash(AuditEvent event) {
        return event.chainVersion == 0 ? unkeyed(event) : secrets.keyedHash(KEY_PURPOSE, keyedInput(event));
    }

    private static byte[] keyedInput(AuditEvent event) {
        var input = new java.io.ByteArrayOutputStream();
        input.writeBytes(event.prevHash);
        input.writeBytes(ByteBuffer.allocate(8).putLong(event.position).array());
        input.writeBytes(instant(event.at));
        for (String field : new String[] { event.actor, event.action, String.valueOf(event.tipId), String.valueOf(event.detail),
                String.valueOf(event.schoolId) }) {
            input.writeBytes(lengthPrefixed(field));
        }
        return input.toByteArray();
    }

    /** Version 0, kept to verify the events written before the keyed chain. */
    private static byte[] unkeyed(AuditEvent event) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(event.prevHash);
            sha256.update(instant(event.at));
            for (String field : new String[] { event.actor, event.action, String.valueOf(event.tipId), String.valueOf(event.detail) }) {
                sha256.update(lengthPrefixed(field));
            }
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static byte[] instant(Instant at) {
        return ByteBuffer.allocate(12).putLong(at.getEpochSecond()).putInt(at.getNano()).array();
    }

    private static byte[] lengthPrefixed(String field) {
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + bytes.length).putInt(bytes.length).put(bytes).array();
    }
}
