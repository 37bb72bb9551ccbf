package org.tipline.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Checks every verified staff token against the account, on every request: a disabled account, or a
 * token issued before the account's "not before" (sign out everywhere), is refused at once, however
 * long the token itself would still be valid. The account's scope, found in the same lookup, travels
 * with the identity ({@link CurrentStaff}).
 *
 * <p>Built-in tokens name the account by id (subject), tokens of an external issuer by email. Either way the
 * identity's roles are the account's role, never the token's groups (DESIGN 5: role and scope come from the
 * account); the one exception narrows rather than widens: a built-in TOTP enrolment token keeps only
 * {@link CurrentStaff#TOTP_ENROLMENT}. A built-in token that would live longer than
 * {@code tipline.auth.token-lifetime} was not issued by this service as configured and is refused.
 */
@ApplicationScoped
class StaffTokenCheck implements SecurityIdentityAugmentor {

    private final StaffAccess accounts;
    private final boolean external;
    private final String emailClaim;
    private final long maxLifetimeSeconds;

    StaffTokenCheck(StaffAccess accounts, AuthSettings settings) {
        this.accounts = accounts;
        this.external = settings.mode() == AuthMode.EXTERNAL_OIDC;
        this.emailClaim = settings.external().emailClaim();
        this.maxLifetimeSeconds = settings.tokenLifetime().toSeconds();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        if (!external && token.getExpirationTime() - token.getIssuedAtTime() > maxLifetimeSeconds) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return context.runBlocking(() -> {
            StaffScope scope = (external ? byEmail(token) : byId(token))
                    .filter(account -> account.accepts(token.getIssuedAtTime()))
                    .map(StaffAccess.Account::scope)
                    .orElseThrow(AuthenticationFailedException::new);
            return QuarkusSecurityIdentity.builder().setPrincipal(token).addCredentials(identity.getCredentials())
                    .addAttributes(identity.getAttributes()).addRole(roleOf(token, scope))
                    .addAttribute(CurrentStaff.SCOPE, scope).build();
        });
    }

    private String roleOf(JsonWebToken token, StaffScope scope) {
        boolean enrolmentOnly = !external && token.getGroups().contains(CurrentStaff.TOTP_ENROLMENT);
        return enrolmentOnly ? CurrentStaff.TOTP_ENROLMENT : scope.role().name();
    }

    private Optional<StaffAccess.Account> byId(JsonWebToken token) {
        try {
            return accounts.byId(UUID.fromString(token.getSubject()));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** The account whose email the token names; none when the provider says it did not verify that email. */
    private Optional<StaffAccess.Account> byEmail(JsonWebToken token) {
        String email = text(token.getClaim(emailClaim));
        Object verified = token.getClaim("email_verified");
        if (email == null || JsonValue.FALSE.equals(verified) || Boolean.FALSE.equals(verified)) {
            return Optional.empty();
        }
        return accounts.byEmail(email);
    }

    private static String text(Object claim) {
        if (claim instanceof JsonString json) {
            return json.getString();
        }
        return claim instanceof String string ? string : null;
    }
}
