package org.tipline.attachment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tipline.audit.AuditEvent;
import org.tipline.crypto.DecryptionFailedException;
import org.tipline.crypto.RecordKind;
import org.tipline.crypto.RecordRef;
import org.tipline.crypto.TipEncryption;
import org.tipline.notify.OutboxWorker;
import org.tipline.support.Database;
import org.tipline.support.Mailbox;
import org.tipline.support.Proofs;
import org.tipline.support.StaffTokens;
import org.tipline.support.TestImages;
import org.tipline.tip.Tip;

/** Attachments end to end, as the reporter, staff in and out of scope, and an attacker with a database dump see them. */
@QuarkusTest
class AttachmentTest {

    static final String KELLY_WALSH = UUID.nameUUIDFromBytes("tipline-demo:school:Kelly Walsh High School".getBytes()).toString();
    static final String SRO = StaffTokens.forDemo("sro.kwhs", "SRO");
    static final String COUNSELOR = StaffTokens.forDemo("counselor.kwhs", "COUNSELOR");
    static final String COORDINATOR = StaffTokens.forDemo("coordinator", "COORDINATOR");
    static final String OTHER_SCHOOLS_SRO = StaffTokens.forDemo("sro.nchs", "SRO");

    @Inject
    TipEncryption encryption;

    @Inject
    OutboxWorker outbox;

    /** A web tip of Kelly Walsh: its id and the reporter token its 201 carried. */
    record Reported(String id, String token, String caseCode) {
    }

    static Reported report(String category) {
        ExtractableResponse<Response> receipt = given().contentType("application/json")
                .body(Map.of("schoolId", KELLY_WALSH, "category", category, "description", "See the photo I am sending.",
                        "happeningNow", false))
                .header(Proofs.tip()).post("/api/v1/tips").then().statusCode(201).extract();
        String reference = receipt.path("reference");
        String id = QuarkusTransaction.requiringNew().call(() -> Tip.<Tip>find("reference", reference).singleResult().id().toString());
        return new Reported(id, receipt.path("reporterToken"), receipt.path("caseCode"));
    }

    static ValidatableResponse upload(String token, String contentType, byte[] image) {
        return given().auth().oauth2(token).contentType(contentType).header("X-Forwarded-For", clientAddress()).body(image)
                .post("/api/v1/followup/attachments").then();
    }

    static String clientAddress() {
        return "198.51." + (int) (Math.random() * 256) + "." + (1 + (int) (Math.random() * 250));
    }

    static long stored(String tipId) {
        return QuarkusTransaction.requiringNew().call(() -> Attachment.count("tipId", UUID.fromString(tipId)));
    }

    @Test
    void shouldStripEncryptAndShowTheReportersPhotoOnlyToStaffInScope() {
        Reported tip = report("BULLYING");
        assertThat(tip.token()).as("the 201 lets the form attach without the case code").isNotBlank();

        String id = upload(tip.token(), "image/jpeg", TestImages.jpegWithMetadata(400, 300, 6)).statusCode(201)
                .body("mediaType", equalTo("image/jpeg")).body("width", equalTo(300)).body("height", equalTo(400))
                .extract().path("id");

        // An attacker with a database dump finds none of the phone's traces, and no image, only ciphertext.
        for (String trace : TestImages.TRACES) {
            assertThat(Database.tablesContaining(trace)).as(trace).isEmpty();
        }
        Attachment row = QuarkusTransaction.requiringNew().call(() -> Attachment.<Attachment>findById(UUID.fromString(id)));
        assertThat(row.image[0]).isNotEqualTo((byte) 0xFF);
        assertThat(new String(row.image, StandardCharsets.ISO_8859_1)).doesNotContain("JFIF");
        // Bound to its row: under another attachment's name the ciphertext does not open.
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().call(() -> encryption.openForTip(
                new RecordRef(UUID.fromString(tip.id()), RecordKind.ATTACHMENT, UUID.randomUUID().toString()), row.image)))
                .isInstanceOf(DecryptionFailedException.class);

        given().auth().oauth2(SRO).get("/api/v1/staff/tips/" + tip.id()).then().statusCode(200)
                .body("attachments", hasSize(1)).body("attachments[0].id", equalTo(id))
                .body("attachments[0].addedBy", equalTo("REPORTER")).body("attachments[0].sensitive", equalTo(false))
                .body("attachments[0].viewable", equalTo(true)).body("attachments[0].thumbnail", equalTo(true));
        String csp = given().auth().oauth2(SRO).get("/api/v1/staff/queue").then().extract().header("Content-Security-Policy");

        byte[] downloaded = given().auth().oauth2(SRO).get(path(tip, id)).then().statusCode(200)
                .contentType("image/jpeg").header("Content-Disposition", startsWith("attachment; filename=\"T-"))
                .header("Content-Security-Policy", equalTo(csp)).header("X-Content-Type-Options", "nosniff")
                .extract().asByteArray();
        assertThat(Metadata.of(downloaded).identifyingDirectories()).isEmpty();
        assertThat(Metadata.of(downloaded).allText()).doesNotContain(TestImages.TRACES);
        given().auth().oauth2(SRO).queryParam("inline", "true").get(path(tip, id)).then().statusCode(200)
                .header("Content-Disposition", startsWith("inline;"));
        given().auth().oauth2(SRO).get(path(tip, id) + "/thumbnail").then().statusCode(200).contentType("image/jpeg");

        // Every view and download is audited, by whom and of which attachment.
        String sro = StaffTokens.demoStaffId("sro.kwhs").toString();
        List<AuditEvent> events = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                "tipId = ?1 and action like 'TIP_ATTACHMENT%' order by seq", UUID.fromString(tip.id())));
        assertThat(events).extracting(e -> e.action + " " + e.actor + " " + e.detail).containsExactly(
                "TIP_ATTACHMENT_ADDED reporter " + id, "TIP_ATTACHMENT_DOWNLOADED " + sro + " " + id,
                "TIP_ATTACHMENT_VIEWED " + sro + " " + id, "TIP_ATTACHMENT_THUMBNAIL_VIEWED " + sro + " " + id);
    }

    @Test
    void shouldTakeEachFormatFromTheFollowUpPageAndDecideItsTypeByContent() {
        Reported tip = report("DRUGS");
        String token = given().contentType("application/json").header("X-Forwarded-For", clientAddress())
                .body(Map.of("caseCode", tip.caseCode())).header(Proofs.followup()).post("/api/v1/followup/session")
                .then().statusCode(200).extract().path("token");

        // A PNG that claims to be a JPEG stays a PNG; WebP comes out as JPEG; neither keeps anything but pixels.
        upload(token, "image/jpeg", TestImages.pngWithMetadata(30, 10)).statusCode(201).body("mediaType", equalTo("image/png"));
        upload(token, "application/octet-stream", TestImages.webpWithMetadata()).statusCode(201)
                .body("mediaType", equalTo("image/jpeg")).body("width", equalTo(64));
        upload(token, "image/png", TestImages.encode(TestImages.picture(8, 8), "jpeg")).statusCode(201)
                .body("mediaType", equalTo("image/jpeg"));

        List<String> ids = given().auth().oauth2(COUNSELOR).get("/api/v1/staff/tips/" + tip.id()).then().statusCode(200)
                .body("attachments.mediaType", equalTo(List.of("image/png", "image/jpeg", "image/jpeg")))
                .extract().path("attachments.id");
        for (String id : ids) {
            byte[] image = given().auth().oauth2(COUNSELOR).get(path(tip, id)).then().statusCode(200).extract().asByteArray();
            assertThat(Metadata.of(image).identifyingDirectories()).isEmpty();
            assertThat(Metadata.of(image).allText()).doesNotContain(TestImages.TRACES);
        }
    }

    @Test
    void shouldRefuseWhatIsNotATakeableImageAndStoreNothing() {
        Reported tip = report("VANDALISM");
        byte[] jpeg = TestImages.encode(TestImages.picture(300, 200), "jpeg");

        upload(tip.token(), "image/png", "<svg onload=alert(1)></svg>".getBytes(StandardCharsets.UTF_8)).statusCode(415)
                .contentType("application/problem+json").body("code", equalTo("unsupported-image"));
        upload(tip.token(), "image/heic", "\0\0\0\u0018ftypheic\0\0\0\0mif1heic".getBytes(StandardCharsets.ISO_8859_1))
                .statusCode(415).body("code", equalTo("heic-not-supported"));
        upload(tip.token(), "text/html", jpeg).statusCode(415);
        upload(tip.token(), "image/jpeg", Arrays.copyOf(jpeg, jpeg.length / 2)).statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("image-unreadable"));
        upload(tip.token(), "image/png", TestImages.blackPng(20_000, 20_000)).statusCode(422)
                .body("code", equalTo("image-too-many-pixels"));
        byte[] oversized = Arrays.copyOf(jpeg, 10 * 1024 * 1024 + 1);
        upload(tip.token(), "image/jpeg", oversized).statusCode(413).body("code", equalTo("payload-too-large"));

        assertThat(stored(tip.id())).isZero();
    }

    @Test
    void shouldTakeFiveImagesFromTheReporterAndNoMore() {
        Reported tip = report("THREAT_OF_VIOLENCE");
        byte[] image = TestImages.encode(TestImages.picture(16, 16), "png");
        for (int i = 0; i < 5; i++) {
            upload(tip.token(), "image/png", image).statusCode(201);
        }

        upload(tip.token(), "image/png", image).statusCode(409).body("code", equalTo("too-many-attachments"));

        assertThat(stored(tip.id())).isEqualTo(5);
        // Staff have an allowance of their own on the same tip.
        given().auth().oauth2(SRO).contentType("image/png").body(image).post("/api/v1/staff/tips/" + tip.id() + "/attachments")
                .then().statusCode(201);
        given().auth().oauth2(SRO).get("/api/v1/staff/tips/" + tip.id()).then()
                .body("attachments", hasSize(6)).body("attachments[5].addedBy", equalTo("STAFF"))
                .body("attachments[5].authorStaffId", equalTo(StaffTokens.demoStaffId("sro.kwhs").toString()));
    }

    @Test
    void shouldAnswerAnAttackerOutOfScopeAsIfNothingExisted() {
        Reported tip = report("FIGHTING");
        Reported other = report("FIGHTING");
        byte[] image = TestImages.encode(TestImages.picture(16, 16), "jpeg");
        String id = upload(tip.token(), "image/jpeg", image).statusCode(201).extract().path("id");

        given().auth().oauth2(OTHER_SCHOOLS_SRO).get(path(tip, id)).then().statusCode(404).body("code", equalTo("tip-not-found"));
        given().auth().oauth2(OTHER_SCHOOLS_SRO).get(path(tip, id) + "/thumbnail").then().statusCode(404);
        given().auth().oauth2(OTHER_SCHOOLS_SRO).post(path(tip, id) + "/sensitive").then().statusCode(404);
        given().auth().oauth2(OTHER_SCHOOLS_SRO).contentType("image/jpeg").body(image)
                .post("/api/v1/staff/tips/" + tip.id() + "/attachments").then().statusCode(404);
        // In scope, but asked under another tip: the attachment is not found there.
        given().auth().oauth2(SRO).get(path(other, id)).then().statusCode(404).body("code", equalTo("attachment-not-found"));
        given().auth().oauth2(SRO).get(path(tip, "not-a-uuid")).then().statusCode(400);
        given().get(path(tip, id)).then().statusCode(401);
        // A staff token is no reporter token, and a reporter token opens nothing of staff.
        upload(SRO, "image/jpeg", image).statusCode(401);
        given().auth().oauth2(tip.token()).get(path(tip, id)).then().statusCode(401);

        assertThat(stored(tip.id())).isEqualTo(1);
        assertThat(stored(other.id())).isZero();
    }

    @Test
    void shouldShowSensitiveAttachmentsOnlyToTheRolesTheDistrictAllowsAndNeverThumbnailOrMailThem() {
        Mailbox.clear();
        Reported sexting = report("SEXTING");
        String id = upload(sexting.token(), "image/jpeg", TestImages.jpegWithMetadata(60, 40, 1)).statusCode(201)
                .extract().path("id");

        given().auth().oauth2(SRO).get("/api/v1/staff/tips/" + sexting.id()).then().statusCode(200)
                .body("attachments[0].sensitive", equalTo(true)).body("attachments[0].viewable", equalTo(false))
                .body("attachments[0].thumbnail", equalTo(false));
        given().auth().oauth2(SRO).get(path(sexting, id)).then().statusCode(403).body("code", equalTo("sensitive-attachment"));
        given().auth().oauth2(COORDINATOR).get("/api/v1/staff/tips/" + sexting.id()).then()
                .body("attachments[0].viewable", equalTo(true));
        given().auth().oauth2(COORDINATOR).get(path(sexting, id)).then().statusCode(200);
        given().auth().oauth2(COORDINATOR).get(path(sexting, id) + "/thumbnail").then().statusCode(404);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Attachment.<Attachment>findById(UUID.fromString(id)).thumbnail))
                .isNull();

        // Staff mark another tip's photo sensitive: its thumbnail goes, and the SRO may no longer open it.
        Reported bullying = report("BULLYING");
        String marked = upload(bullying.token(), "image/jpeg", TestImages.jpegWithMetadata(60, 40, 1)).statusCode(201)
                .extract().path("id");
        given().auth().oauth2(SRO).get(path(bullying, marked)).then().statusCode(200);
        given().auth().oauth2(COUNSELOR).post(path(bullying, marked) + "/sensitive").then().statusCode(204);
        given().auth().oauth2(SRO).get(path(bullying, marked)).then().statusCode(403);
        given().auth().oauth2(COORDINATOR).get(path(bullying, marked) + "/thumbnail").then().statusCode(404);
        given().auth().oauth2(SRO).get("/api/v1/staff/tips/" + bullying.id()).then()
                .body("history.kind", org.hamcrest.Matchers.hasItem("ATTACHMENT_MARKED_SENSITIVE"));

        while (outbox.runOnce() > 0) {
            // deliver every mail these tips caused
        }
        assertThat(Mailbox.received()).isNotEmpty();
        assertThat(Mailbox.everything()).doesNotContain("image/jpeg").doesNotContain("image/png")
                .doesNotContain(id).doesNotContain(marked);
    }

    @Test
    void shouldLetTheDistrictChooseWhoViewsSensitiveAttachments() {
        String district = UUID.nameUUIDFromBytes("tipline-demo:district:Natrona County School District".getBytes()).toString();
        String roles = "/api/v1/admin/districts/" + district + "/sensitive-attachment-roles";
        Reported abuse = report("SEXUAL_ABUSE");
        String id = upload(abuse.token(), "image/png", TestImages.encode(TestImages.picture(16, 16), "png")).statusCode(201)
                .extract().path("id");
        given().auth().oauth2(SRO).get(path(abuse, id)).then().statusCode(403);
        given().auth().oauth2(COORDINATOR).get(roles).then().statusCode(200)
                .body("roles", equalTo(List.of("COORDINATOR", "ANALYST")));
        // Nobody but a coordinator of the district or an administrator sets it, and never for administrators.
        given().auth().oauth2(SRO).contentType("application/json").body(Map.of("roles", List.of("SRO"))).put(roles)
                .then().statusCode(403);
        given().auth().oauth2(COORDINATOR).contentType("application/json").body(Map.of("roles", List.of("ADMIN"))).put(roles)
                .then().statusCode(400);
        try {
            given().auth().oauth2(COORDINATOR).contentType("application/json")
                    .body(Map.of("roles", List.of("SRO", "COORDINATOR"))).put(roles).then().statusCode(200)
                    .body("roles", equalTo(List.of("SRO", "COORDINATOR")));

            given().auth().oauth2(SRO).get(path(abuse, id)).then().statusCode(200);
            given().auth().oauth2(COUNSELOR).get(path(abuse, id)).then().statusCode(403);
            assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                    "action = 'DISTRICT_SENSITIVE_ATTACHMENT_ROLES_CHANGED' and detail like ?1", district + "%"))).isPositive();
        } finally {
            given().auth().oauth2(COORDINATOR).contentType("application/json")
                    .body(Map.of("roles", List.of("COORDINATOR", "ANALYST"))).put(roles).then().statusCode(200);
        }
        given().auth().oauth2(SRO).get(path(abuse, id)).then().statusCode(403);
    }

    private static String path(Reported tip, String attachmentId) {
        return "/api/v1/staff/tips/" + tip.id() + "/attachments/" + attachmentId;
    }
}
