package org.tipline.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tipline.audit.AuditEvent;
import org.tipline.directory.Staff;
import org.tipline.directory.StaffRole;
import org.tipline.notify.OutboxMessage;
import org.tipline.signin.Invitations;

/**
 * {@code bootstrap}: the first administrator of a deployment, with an invitation whose link goes to the operator's
 * terminal and nowhere else. The packaged command itself runs in {@code DeploymentExamplesIT}.
 */
@QuarkusTest
class FirstAdministratorTest {

    @Inject
    FirstAdministrator firstAdministrator;

    @Test
    void shouldCreateTheFirstAdministratorWhenNoneIsEnabledAndOnlyThen() {
        // The demo administrator (and those of earlier runs on a kept database) stand aside for this test only.
        List<UUID> enabledAdmins = QuarkusTransaction.requiringNew().call(() -> {
            List<Staff> admins = Staff.list("role = ?1 and enabled = true", StaffRole.ADMIN);
            admins.forEach(admin -> admin.enabled = false);
            return admins.stream().map(admin -> admin.id).toList();
        });
        String email = "First.Admin-" + UUID.randomUUID().toString().substring(0, 8) + "@test.tipline.local";
        UUID created = null;
        try {
            Invitations.Issued invitation = firstAdministrator.create(email);

            Staff admin = QuarkusTransaction.requiringNew().call(() -> Staff.<Staff>find("email", email.toLowerCase()).firstResult());
            created = admin.id;
            assertThat(admin.role).isEqualTo(StaffRole.ADMIN);
            assertThat(admin.passwordHash).isNull();
            assertThat(invitation.link()).matches("http://localhost:8080/console/invitation#[A-Za-z0-9_-]{43}");
            assertThat(invitation.toString()).doesNotContain(invitation.link());
            assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("recipient", admin.email)))
                    .as("the link is printed, not mailed").isZero();
            AuditEvent event = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find("order by seq desc")
                    .firstResult());
            assertThat(event.actor).isEqualTo(FirstAdministrator.ACTOR);
            assertThat(event.action).isEqualTo("STAFF_CREATED");
            assertThat(event.detail).startsWith(admin.id + " ADMIN").doesNotContain(invitation.link().split("#")[1]);

            String password = "the first administrator's password";
            given().contentType("application/json")
                    .body(Map.of("token", invitation.link().split("#")[1], "password", password))
                    .post("/api/v1/invitations/accept").then().statusCode(204);
            given().contentType("application/json").body(Map.of("email", email, "password", password))
                    .post("/api/v1/auth/login").then().statusCode(200);

            assertThatThrownBy(() -> firstAdministrator.create("second-" + email)).isInstanceOf(FirstAdministrator.Refused.class)
                    .hasMessageContaining("administrator exists");
        } finally {
            UUID bootstrapped = created;
            QuarkusTransaction.requiringNew().run(() -> {
                if (bootstrapped != null) {
                    Staff.<Staff>findById(bootstrapped).enabled = false;
                }
                enabledAdmins.forEach(id -> Staff.<Staff>findById(id).enabled = true);
            });
        }
    }

    @Test
    void shouldRefuseWhileAnAdministratorIsEnabled() {
        long before = QuarkusTransaction.requiringNew().call(() -> Staff.count());

        assertThatThrownBy(() -> firstAdministrator.create("another-" + UUID.randomUUID() + "@test.tipline.local"))
                .isInstanceOf(FirstAdministrator.Refused.class);
        assertThatThrownBy(() -> firstAdministrator.create("not a mail address")).isInstanceOf(FirstAdministrator.Refused.class)
                .hasMessageContaining("--admin-email");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Staff.count())).isEqualTo(before);
    }
}
