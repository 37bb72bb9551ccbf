package org.tipline.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tipline.crypto.ServerSecretsForTests;
import org.tipline.directory.Staff;
import org.tipline.auth.AuthMode;
import org.tipline.auth.AuthSettings;

/** The second-factor decision at sign-in, with the policy on (prod) and off (dev). */
class TotpPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private static TotpVerifier verifier(boolean required) {
        AuthSettings settings = new AuthSettings() {
            public String issuer() { return "tipline"; }
            public String audience() { return "tipline-staff"; }
            public Duration tokenLifetime() { return Duration.ofMinutes(15); }
            public AuthMode mode() { return AuthMode.BUILT_IN; }
            public ExternalIssuer external() { return null; }
            public String signingKey() { return "unused"; }
            public String verificationKey() { return "unused"; }
            public Duration failureDelay() { return Duration.ZERO; }
            public Duration maxFailureDelay() { return Duration.ZERO; }
            public Duration failureCleanupInterval() { return Duration.ZERO; }
            public boolean totpRequired() { return required; }
        };
        // Used steps are kept in memory here; the real ledger is the staff row (TotpEnrolmentTest, StaffSignInTest).
        java.util.Map<UUID, Long> lastSteps = new java.util.HashMap<>();
        return new TotpVerifier(settings, ServerSecretsForTests.random(), Clock.fixed(NOW, ZoneOffset.UTC)) {
            @Override
            boolean claimStep(UUID staffId, long step) {
                Long last = lastSteps.get(staffId);
                if (last != null && last >= step) {
                    return false;
                }
                lastSteps.put(staffId, step);
                return true;
            }
        };
    }

    private static Staff staff() {
        Staff staff = new Staff();
        staff.id = UUID.randomUUID();
        return staff;
    }

    @Test
    void shouldSendAnUnenrolledAccountToEnrolmentOnlyWhenThePolicyRequiresIt() {
        assertThat(verifier(true).check(staff(), null)).isEqualTo(TotpVerifier.Decision.ENROLMENT_REQUIRED);
        assertThat(verifier(false).check(staff(), null)).isEqualTo(TotpVerifier.Decision.ACCEPTED);
    }

    @Test
    void shouldAskAnEnrolledAccountForAValidCodeWhateverThePolicy() {
        for (boolean required : new boolean[] { true, false }) {
            TotpVerifier verifier = verifier(required);
            Staff staff = staff();
            byte[] secret = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
            staff.totpSecret = verifier.seal(staff, secret);
            staff.totpEnabled = true;
            long step = NOW.getEpochSecond() / 30;

            assertThat(verifier.check(staff, TotpVerifier.code(secret, step + 2))).isEqualTo(TotpVerifier.Decision.REJECTED);
            assertThat(verifier.check(staff, TotpVerifier.code(secret, step - 1))).isEqualTo(TotpVerifier.Decision.ACCEPTED);
            assertThat(verifier.check(staff, TotpVerifier.code(secret, step))).isEqualTo(TotpVerifier.Decision.ACCEPTED);
            assertThat(verifier.check(staff, TotpVerifier.code(secret, step))).as("the same code again")
                    .isEqualTo(TotpVerifier.Decision.REJECTED);
            assertThat(verifier.check(staff, TotpVerifier.code(secret, step - 1))).as("an earlier step after a later one")
                    .isEqualTo(TotpVerifier.Decision.REJECTED);
            assertThat(verifier.check(staff, null)).isEqualTo(TotpVerifier.Decision.REJECTED);
            assertThat(verifier.check(staff, "12345a")).isEqualTo(TotpVerifier.Decision.REJECTED);
        }
    }
}
