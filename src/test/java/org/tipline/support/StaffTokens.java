package org.tipline.support;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Tokens made in tests, signed with the test profile's key unless a test spoils them on purpose. */
public final class StaffTokens {

    private StaffTokens() {
    }

    /** A valid token of a demo account, e.g. {@code forDemo("sro.kwhs", "SRO")}. */
    public static String forDemo(String mailbox, String role) {
        return sign(claims(demoStaffId(mailbox), role));
    }

    public static UUID demoStaffId(String mailbox) {
        return UUID.nameUUIDFromBytes(("tipline-demo:staff:" + mailbox + "@demo.tipline.local")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static JwtClaimsBuilder claims(UUID staffId, String role) {
        Instant now = Instant.now();
        return Jwt.issuer("tipline").audience("tipline-staff").subject(staffId.toString()).groups(Set.of(role))
                .issuedAt(now).expiresAt(now.plusSeconds(900));
    }

    public static String sign(JwtClaimsBuilder claims) {
        return claims.jws().algorithm(SignatureAlgorithm.ES256).sign();
    }
}
