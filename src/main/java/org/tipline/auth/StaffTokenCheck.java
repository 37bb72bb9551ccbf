package org.tipline.auth;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.tipline.directory.Staff;

/**
 * Checks every verified staff token against the account, on every request: a disabled account, or a
 * token issued before the account's "not before" (sign out everywhere), is refused at once, however
 * long the token itself would still be valid. The account's scope, found in the same lookup, travels
 * with the identity ({@link CurrentStaff}).
 */
@ApplicationScoped
class StaffTokenCheck implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            StaffScope scope = QuarkusTransaction.requiringNew().call(() -> scopeIfStillValid(token));
            if (scope == null) {
                throw new AuthenticationFailedException();
            }
            return QuarkusSecurityIdentity.builder(identity).addAttribute(CurrentStaff.SCOPE, scope).build();
        });
    }

    /** The account's scope, or null when the token no longer speaks for an enabled account. */
    private static StaffScope scopeIfStillValid(JsonWebToken token) {
        UUID staffId;
        try {
            staffId = UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
        Staff staff = Staff.findById(staffId);
        boolean valid = staff != null && staff.enabled && token.getIssuedAtTime() >= staff.tokensNotBefore.getEpochSecond();
        return valid ? StaffScope.of(staff) : null;
    }
}
