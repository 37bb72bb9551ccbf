package org.tipline.auth;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Tokens made in tests, signed with the test profile's key unless a test spoils them on purpose. */
final class StaffTokens {

    private StaffTokens() {
    }

    static JwtClaimsBuilder claims(UUID staffId, String role) {
        Instant now = Instant.now();
        return Jwt.issuer("tipline").audience("tipline-staff").subject(staffId.toString()).groups(Set.of(role))
                .issuedAt(now).expiresAt(now.plusSeconds(900));
    }

    static String sign(JwtClaimsBuilder claims) {
        return claims.jws().algorithm(SignatureAlgorithm.ES256).sign();
    }
}
