package org.tipline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Constructor;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipline.attachment.ImageUpload;
import org.tipline.casework.TipDetail;
import org.tipline.crypto.IntakeKeyring;
import org.tipline.platform.limits.ClientKeys;
import org.tipline.crypto.SecretBytes;
import org.tipline.crypto.TipEncryption;
import org.tipline.crypto.WrappedDek;
import org.tipline.followup.FollowupView;
import org.tipline.followup.ReporterMessage;
import org.tipline.followup.ReporterToken;
import org.tipline.followup.SealedSessionRequest;
import org.tipline.followup.SessionRequest;
import org.tipline.intake.EncryptedTip;
import org.tipline.intake.IntakeKeyView;
import org.tipline.intake.TipReceipt;
import org.tipline.intake.TipSubmission;
import org.tipline.platform.Redaction.Redacted;
import org.tipline.notify.AccountMail;
import org.tipline.signin.AccessToken;
import org.tipline.signin.InvitationResource;
import org.tipline.signin.Invitations;
import org.tipline.signin.LoginRequest;
import org.tipline.signin.StaffSessionResource;
import org.tipline.signin.TotpSetup;
import org.tipline.tip.TipBody;

/**
 * Every record that holds a secret or reporter text prints {@code [redacted]} for it (see {@link Redaction}),
 * and no record of the application holds a component whose name looks secret without being redacted or
 * allow-listed here.
 */
class RedactionTest {

    private static final String REDACTED = "[redacted]";
    private static final Instant AT = Instant.parse("2025-03-04T10:00:00Z");
    private static final UUID ID = UUID.fromString("6a2f41a0-8f55-4bc9-9d0b-52b1e3c1b8d4");

    // ---- every record that holds a secret or reporter text -------------------------------------------------

    static Stream<Arguments> records() {
        return Stream.of(
                record("LoginRequest", m -> new LoginRequest(m.secret("email"), m.secret("password"), m.secret("totp"))),
                record("SessionRequest", m -> new SessionRequest(m.secret("caseCode"))),
                record("TipSubmission", m -> new TipSubmission(ID, m.shown("WEAPON"), m.secret("description"), true,
                        m.secret("location"), m.secret("when"), m.secret("peopleInvolved"), m.secret("reporterContact"),
                        m.secret("language"), m.secret("caseCodeKey"), null)),
                record("SealedSessionRequest", m -> new SealedSessionRequest(m.secret("caseCodeKey"), m.secret("caseCode"), null)),
                record("DpopProofs.Request", m -> construct("org.tipline.followup.DpopProofs$Request", m.shown("GET"),
                        m.shown("tipline.example"), m.shown("/api/v1/followup"), m.secret("accessToken"))),
                record("SealedReply", m -> new org.tipline.crypto.SealedReply(m.shown("A256GCM"), m.shown("BOepk"), m.shown("iv-12"),
                        m.secret("ciphertext"))),
                record("TipBody", m -> new TipBody(m.secret("description"), m.secret("location"), m.secret("when"),
                        m.secret("peopleInvolved"), m.secret("reporterContact"), m.secret("language"))),
                record("TipReceipt", m -> new TipReceipt(m.secret("caseCode"), m.shown("T-2025-000042"),
                        LocalDate.of(2025, 3, 4), m.secret("reporterToken"))),
                record("EncryptedTip", m -> new EncryptedTip(m.shown("ECDH-ES+A256GCM"), m.shown("k-2025"), m.shown("BOepk"),
                        m.shown("iv-12"), m.secret("ciphertext"))),
                record("AccessToken", m -> new AccessToken(m.secret("accessToken"), 900, false)),
                record("ReporterToken", m -> new ReporterToken(m.secret("token"), 1800, m.shown("DPoP"))),
                record("TotpSetup", m -> new TotpSetup(m.secret("secret"), m.secret("otpauthUri"))),
                record("StaffSessionResource.TotpConfirmation",
                        m -> new StaffSessionResource.TotpConfirmation(m.secret("code"))),
                record("CaseRequests.Text", m -> construct("org.tipline.casework.CaseRequests$Text", m.secret("body"))),
                record("ReporterMessage", m -> new ReporterMessage(m.secret("body"))),
                record("FollowupView.Message", m -> new FollowupView.Message(m.shown("you"), AT, m.secret("body"))),
                // The view itself holds reporter text only through its messages, which print redacted.
                record("FollowupView", m -> new FollowupView(m.shown("T-2025-000042"), "received", LocalDate.of(2025, 3, 4),
                        List.of(new FollowupView.Message("you", AT, m.secret("body"))), null, true, null, false)),
                record("TipDetail.Content", m -> content(m)),
                record("TipDetail.Note", m -> new TipDetail.Note(ID, AT, ID, m.secret("body"))),
                record("TipDetail.Message", m -> new TipDetail.Message(ID, AT, m.shown("FROM_REPORTER"), null, m.secret("body"))),
                record("TipDetail", m -> new TipDetail(ID, m.shown("T-2025-000042"), ID, m.shown("Kelly Walsh High School"),
                        m.shown("America/Denver"), "WEAPON", "LIFE_SAFETY", "WEB", "NEW", null, null, null, AT, AT, null, content(m.within("content")),
                        List.of(new TipDetail.RecipientView(m.shown("sro@example.org"), "SRO", "assigned", true)),
                        List.of(new TipDetail.HistoryEntry(AT, "SUBMITTED", "system", null)),
                        List.of(new TipDetail.Note(ID, AT, ID, m.secret("body"))),
                        List.of(new TipDetail.Message(ID, AT, "FROM_REPORTER", null, m.secret("body"))), List.of(), null)),
                record("InvitationResource.Acceptance",
                        m -> new InvitationResource.Acceptance(m.secret("token"), m.secret("password"))),
                record("Invitations.Issued", m -> new Invitations.Issued(m.secret("link"), AT)),
                record("AccountMail", m -> AccountMail.invitation(m.shown("New SRO"), m.shown("An account was created."),
                        m.secret("sealedLink").getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                record("ImageUpload", m -> {
                    String image = m.secret("body");
                    return new ImageUpload(new java.io.InputStream() {
                        @Override
                        public int read() {
                            return -1;
                        }

                        @Override
                        public String toString() {
                            return image;
                        }
                    }, 1024);
                }),
                record("IdempotentIntake.Request", m -> construct("org.tipline.intake.IdempotentIntake$Request",
                        m.secret("keyHash"), m.secret("requestHash").getBytes(StandardCharsets.UTF_8))),
                record("IntakeKeyring.IntakeKey", m -> new IntakeKeyring.IntakeKey(m.shown("k-2025"),
                        printingAs(ECPrivateKey.class, m.secret("privateKey")), printingAs(ECPublicKey.class, m.shown("EC public")),
                        null)),
                record("TipEncryption.NewDataKey", m -> new TipEncryption.NewDataKey(
                        SecretBytes.copyOf(m.secret("dataKey").getBytes(StandardCharsets.UTF_8)),
                        new WrappedDek(m.shown("kek-1"), new byte[] { 1, 2, 3 }))),
                record("EmbeddedPostgresServer.Connection", m -> new EmbeddedPostgresServer.Connection(
                        m.shown("jdbc:postgresql://localhost:5432/postgres"), m.shown("postgres"), m.secret("password"))),
                record("ClientKeys.ClientKey", m -> new ClientKeys.ClientKey(LocalDate.of(2025, 3, 4), m.secret("value"))),
                record("SmsGateway", m -> construct("org.tipline.notify.SmsGateway",
                        java.net.URI.create(m.shown("https://api.example.com/2010-04-01/Accounts/AC1/Messages.json")),
                        m.shown("AC1"), m.secret("token"), m.shown("+13075550100"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void shouldPrintRedactedInsteadOfSecrets(String name, Record record, Markers markers) {
        String text = record.toString();

        assertThat(text).startsWith(record.getClass().getSimpleName() + "[").contains(REDACTED);
        for (Secret secret : markers.secrets) {
            assertThat(text).doesNotContain(secret.marker()).contains(secret.component() + "=" + REDACTED);
        }
        for (String shown : markers.shown) {
            assertThat(text).contains(shown);
        }
    }

    private static TipDetail.Content content(Markers m) {
        return new TipDetail.Content(m.secret("description"), m.secret("location"), m.secret("when"), m.secret("peopleInvolved"),
                m.secret("reporterContact"), m.secret("language"));
    }

    // ---- the helper --------------------------------------------------------------------------------------

    private record Plain(int a, String b, List<String> c) {
    }

    /** Private, like many of the application's records: the helper must read it all the same. */
    private record Sample(int a, @Redacted String secret, String other) {

        @Override
        public String toString() {
            return Redaction.toString(this);
        }
    }

    /** Its secret cannot even be read: the helper must not try. */
    private record Unreadable(String name, @Redacted String secret) {

        @Override
        public String secret() {
            throw new AssertionError("a redacted component was read");
        }

        @Override
        public String toString() {
            return Redaction.toString(this);
        }
    }

    @Test
    void shouldPrintLikeARecordWhenNothingIsRedacted() {
        Plain plain = new Plain(1, null, List.of("x", "y"));

        assertThat(Redaction.toString(plain)).isEqualTo(plain.toString()).isEqualTo("Plain[a=1, b=null, c=[x, y]]");
    }

    @Test
    void shouldPrintRedactedForAnnotatedComponentsOnly() {
        assertThat(new Sample(1, "hunter2", "x")).hasToString("Sample[a=1, secret=[redacted], other=x]");
    }

    @Test
    void shouldNotTellWhetherASecretWasGiven() {
        assertThat(new Sample(1, null, null)).hasToString("Sample[a=1, secret=[redacted], other=null]");
        assertThat(new Sample(1, "", null).toString()).isEqualTo(new Sample(1, null, null).toString());
    }

    @Test
    void shouldNeverReadARedactedComponent() {
        assertThat(new Unreadable("n", "s")).hasToString("Unreadable[name=n, secret=[redacted]]");
    }

    // ---- the guard ---------------------------------------------------------------------------------------

    /**
     * Name parts that suggest a secret or text a reporter wrote, lower case. "key" catches private keys, data
     * keys and key hashes; "language" is here because the form's language is part of what a reporter sends and
     * is stored only encrypted (DESIGN 2).
     */
    private static final List<String> SECRET_NAMES = List.of("password", "secret", "token", "casecode", "code", "totp",
            "otpauth", "key", "ciphertext", "description", "body", "text", "reportercontact", "peopleinvolved",
            "location", "when", "language");

    /** A component that looks secret by its name but is not. */
    private record NotSecret(Class<? extends Record> record, String component) {
    }

    /** Keep each entry commented with why it is not secret. */
    private static final List<NotSecret> NOT_SECRET = List.of(
            // A problem's stable machine-readable error code, such as validation-failed.
            new NotSecret(Problem.class, "code"),
            // The closing note a reporter sees: a code from the fixed set (DESIGN 5) and its fixed English text.
            new NotSecret(FollowupView.ClosingNoteView.class, "code"),
            new NotSecret(FollowupView.ClosingNoteView.class, "text"),
            // The public half of the intake key, published at GET /api/v1/intake-key for browsers to encrypt to.
            new NotSecret(IntakeKeyView.class, "publicKey"),
            // "Bearer" or "DPoP": how the token is sent, not the token.
            new NotSecret(ReporterToken.class, "tokenType"),
            // Public keys of the reporter's page (their private halves never leave the browser).
            new NotSecret(classOf("org.tipline.followup.ReporterTokens$BoundKeys"), "responseKey"),
            new NotSecret(SealedSessionRequest.class, "keys"),
            new NotSecret(org.tipline.intake.TipSubmission.class, "reporterKeys"),
            new NotSecret(classOf("org.tipline.followup.ReporterCaller"), "responseKey"),
            // The public inputs of a case-code key (salt and cost), published at GET /api/v1/intake-key.
            new NotSecret(IntakeKeyView.class, "caseCodes"),
            new NotSecret(IntakeKeyring.IntakeKey.class, "publicKey"),
            // A staff account notice's sentence, written by the service ("your account was disabled"); never a secret.
            new NotSecret(AccountMail.class, "text"),
            // A proof-of-work challenge: public, signed, holds nothing about the client; it buys one request at most.
            new NotSecret(org.tipline.abuse.Challenge.class, "token"),
            // The external provider's token endpoint: a public address from configuration, served to every browser.
            new NotSecret(org.tipline.signin.SignInConfig.Provider.class, "tokenEndpoint"),
            new NotSecret(org.tipline.auth.ExternalProvider.ConsoleSignIn.class, "tokenEndpoint"),
            // A statistics cell's key: the values of its breakdown (a month, a category, a school id), metadata only.
            new NotSecret(org.tipline.stats.StatsReport.Cell.class, "key"));

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.tipline");

    @Test
    void shouldRedactEveryComponentThatLooksSecret() {
        assertThat(unguarded(MAIN)).isEmpty();
    }

    @Test
    void shouldTestEveryRecordThatRedacts() {
        Set<Class<?>> redacting = records(MAIN).stream()
                .filter(type -> Arrays.stream(type.getRecordComponents()).anyMatch(c -> c.isAnnotationPresent(Redacted.class)))
                .collect(Collectors.toSet());
        Set<Class<?>> tested = records().map(arguments -> arguments.get()[1].getClass()).collect(Collectors.toSet());

        assertThat(redacting).as("the scan sees the application's records").contains(LoginRequest.class, TipBody.class,
                TipDetail.Content.class);
        assertThat(tested).containsAll(redacting);
    }

    @Test
    void shouldAllowListOnlyComponentsThatExistAndAreNotRedacted() {
        for (NotSecret entry : NOT_SECRET) {
            assertThat(entry.record().getRecordComponents())
                    .as(entry.toString())
                    .anyMatch(c -> c.getName().equals(entry.component()) && !c.isAnnotationPresent(Redacted.class));
        }
    }

    /** Forgot the annotation. */
    private record Leaky(UUID id, String password, boolean totpEnabled) {
    }

    /** Annotated, but prints with the record's own toString, which ignores the annotation. */
    private record Forgetful(@Redacted String token) {
    }

    @Test
    void shouldCatchAnUnmarkedSecretAndAForgottenToString() {
        List<String> problems = unguarded(new ClassFileImporter().importClasses(Leaky.class, Forgetful.class, Sample.class));

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0) + problems.get(1)).contains("Leaky.password").contains("Forgetful has @Redacted")
                .doesNotContain("totpEnabled").doesNotContain("Sample");
    }

    /**
     * What is wrong with the records among these classes: components that look secret but are neither
     * {@link Redacted} nor allow-listed, and records with redacted components whose toString does not go
     * through {@link Redaction#toString(Record)} (the annotation alone does nothing).
     */
    private static List<String> unguarded(JavaClasses classes) {
        List<String> problems = new ArrayList<>();
        for (JavaClass javaClass : classes) {
            if (!javaClass.isRecord()) {
                continue;
            }
            Class<?> type = load(javaClass.getName());
            boolean redacts = false;
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.isAnnotationPresent(Redacted.class)) {
                    redacts = true;
                } else if (looksSecret(component)
                        && !NOT_SECRET.contains(new NotSecret(type.asSubclass(Record.class), component.getName()))) {
                    problems.add(label(type) + "." + component.getName() + " looks like a secret or reporter text: "
                            + "mark it @Redacted, or allow-list it in RedactionTest saying why it is not");
                }
            }
            boolean printsRedacted = javaClass.tryGetMethod("toString")
                    .map(method -> method.getMethodCallsFromSelf().stream().anyMatch(call -> call.getName().equals("toString")
                            && call.getTargetOwner().isEquivalentTo(Redaction.class)))
                    .orElse(false);
            if (redacts && !printsRedacted) {
                problems.add(label(type)
                        + " has @Redacted components, but its toString() does not return Redaction.toString(this)");
            }
        }
        return problems;
    }

    /**
     * Booleans, enums and times cannot carry a secret or free text (totpEnabled, a Category code,
     * tokensNotBefore); everything else can, numbers included (a TOTP code fits in an int).
     */
    private static boolean looksSecret(RecordComponent component) {
        Class<?> type = component.getType();
        if (type == boolean.class || type == Boolean.class || type.isEnum() || type.getPackageName().equals("java.time")) {
            return false;
        }
        String name = component.getName().toLowerCase(Locale.ROOT);
        return SECRET_NAMES.stream().anyMatch(name::contains);
    }

    private static List<Class<?>> records(JavaClasses classes) {
        return classes.stream().filter(JavaClass::isRecord).map(javaClass -> load(javaClass.getName()))
                .collect(Collectors.toList());
    }

    private static String label(Class<?> type) {
        return type.getName().substring(type.getPackageName().length() + 1).replace('$', '.');
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, RedactionTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- test plumbing ------------------------------------------------------------------------------------

    private record Secret(String component, String marker) {
    }

    /** The secrets one record is built with (each a unique marker) and the values it must still show. */
    static final class Markers {

        private final List<Secret> secrets;
        private final List<String> shown;
        private final String within;

        Markers() {
            this(new ArrayList<>(), new ArrayList<>(), null);
        }

        private Markers(List<Secret> secrets, List<String> shown, String within) {
            this.secrets = secrets;
            this.shown = shown;
            this.within = within;
        }

        /** A unique value for a secret component, which must print as component=[redacted]. */
        String secret(String component) {
            String marker = "marker-" + component + "-" + UUID.randomUUID();
            secrets.add(new Secret(within == null ? component : within, marker));
            return marker;
        }

        /** A value that is not secret and must print. */
        String shown(String value) {
            shown.add(value);
            return value;
        }

        /** For the parts of a component that is redacted as a whole: that component must print as [redacted]. */
        Markers within(String component) {
            return new Markers(secrets, shown, component);
        }

        @Override
        public String toString() {
            return "Markers";
        }
    }

    private static Arguments record(String name, Function<Markers, Record> build) {
        Markers markers = new Markers();
        return Arguments.of(name, build.apply(markers), markers);
    }

    /** Builds a record of another package that is not public, through its canonical constructor. */
    @SuppressWarnings("unchecked")
    private static Class<? extends Record> classOf(String className) {
        try {
            return (Class<? extends Record>) Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Record construct(String className, Object... values) {
        try {
            Class<?> type = Class.forName(className);
            Class<?>[] types = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return (Record) constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stand-in for an interface (a key) that prints as the given text. */
    private static <T> T printingAs(Class<T> type, String text) {
        return type.cast(Proxy.newProxyInstance(RedactionTest.class.getClassLoader(), new Class<?>[] { type },
                (proxy, method, arguments) -> method.getName().equals("toString") ? text : null));
    }
}
