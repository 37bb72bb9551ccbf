package org.tipline.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A staff account: an SRO, counselor, coordinator, analyst or administrator. */
@Entity
public class Staff extends PanacheEntityBase {

    @Id
    public UUID id;

    public String email;

    @Column(name = "display_name")
    public String displayName;

    @Enumerated(EnumType.STRING)
    public StaffRole role;

    /** The SRO's employer; null for school and district staff. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "agency_id")
    public Agency agency;

    /** The district of counselors and coordinators; null for state-wide roles. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "district_id")
    public District district;

    /** Argon2id in PHC string form; never leaves the service. */
    @Column(name = "password_hash")
    public String passwordHash;

    public boolean enabled;

    /**
     * The mobile number that SMS alerts go to (E.164, checked by the database), or null. Personal data: shown only to
     * administrators, never logged or audited.
     */
    public String mobile;

    /** Access tokens issued before this instant are refused (sign out everywhere, disabling). */
    @Column(name = "tokens_not_before")
    public Instant tokensNotBefore;

    /** The TOTP secret, sealed; null until enrolment starts. */
    @Column(name = "totp_secret")
    public byte[] totpSecret;

    /** True once the staff member has confirmed a TOTP code: from then on sign-in asks for one. */
    @Column(name = "totp_enabled")
    public boolean totpEnabled;

    /**
     * Refuses every token issued so far. Tokens carry whole seconds, so "so far" ends with the current
     * second: a token is good again from the next one.
     */
    /**
     * An email as accounts are looked up and stored: trimmed, lower case (the unique index {@code staff_email_unique}
     * is on {@code lower(email)}).
     */
    public static String normalizedEmail(String email) {
        return email.trim().toLowerCase(java.util.Locale.ROOT);
    }

    public void revokeTokens(Instant now) {
        tokensNotBefore = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
    }

    /** Where SMS alerts reach this staff member, if they gave a number. */
    public Optional<String> mobile() {
        return Optional.ofNullable(mobile);
    }

    /** The last TOTP time step accepted: codes of that step or earlier are refused (no replay). */
    @Column(name = "totp_last_step")
    public Long totpLastStep;
}
