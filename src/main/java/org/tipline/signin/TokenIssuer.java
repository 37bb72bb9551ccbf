package org.tipline.signin;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.tipline.auth.CurrentStaff;
import org.tipline.directory.Staff;
import org.tipline.auth.AuthSettings;

/** Issues ES256 access tokens: subject = staff id, one group = the role, issuer and audience set. */
@ApplicationScoped
class TokenIssuer {

    private final AuthSettings settings;
    private final Clock clock;

    TokenIssuer(AuthSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    private static final Duration ENROLMENT_LIFETIME = Duration.ofMinutes(10);

    AccessToken issue(Staff staff) {
        return new AccessToken(sign(staff, staff.role.name(), settings.tokenLifetime()), settings.tokenLifetime().toSeconds(),
                false);
    }

    /** A short token that can do nothing but enrol TOTP, for an account that must have it and does not yet. */
    AccessToken issueForEnrolment(Staff staff) {
        return new AccessToken(sign(staff, CurrentStaff.TOTP_ENROLMENT, ENROLMENT_LIFETIME), ENROLMENT_LIFETIME.toSeconds(), true);
    }

    private String sign(Staff staff, String group, Duration lifetime) {
        Instant now = clock.instant();
        return Jwt.issuer(settings.issuer())
                .audience(settings.audience())
                .subject(staff.id.toString())
                .upn(staff.email)
                .groups(Set.of(group))
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .jws().algorithm(SignatureAlgorithm.ES256)
                .sign();
    }
}
