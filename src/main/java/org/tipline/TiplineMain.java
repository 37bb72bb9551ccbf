package org.tipline;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.PrintStream;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.tipline.admin.FirstAdministrator;
import org.tipline.crypto.KekRotation;
import org.tipline.crypto.ProductionKeys;
import org.tipline.signin.Invitations;

/**
 * Entry point. With no arguments, serves until stopped. The commands:
 * <ul>
 * <li>{@code generate-keys [--format properties|env|secret]} prints a complete set of production keys and exits. It
 * runs before Quarkus starts, so it needs no database and no configuration (the prod profile refuses to start
 * without both).</li>
 * <li>{@code bootstrap --admin-email <address>} creates the first administrator and prints its invitation link.</li>
 * <li>{@code rotate-kek} re-wraps every tip's data key under the active KEK (run it as a one-off job after deploying
 * a new active KEK, then remove the old KEK from the configuration).</li>
 * </ul>
 * The last two start the application with its configuration and database, but without its listeners and scheduled
 * jobs, so they can run beside a serving replica (in its pod, say) and never send its mail.
 */
@QuarkusMain
public class TiplineMain {

    static final int USAGE = 64;
    static final int INCOMPLETE = 2;
    static final int REFUSED = 3;
    static final String USAGE_TEXT = """
            usage: java -jar quarkus-run.jar                      serve
                   java -jar quarkus-run.jar generate-keys [--format properties|env|secret]
                   java -jar quarkus-run.jar bootstrap --admin-email <address>
                   java -jar quarkus-run.jar rotate-kek""";
    /** The name of the Secret that {@code generate-keys} prints, as {@code docker/k8s/deployment.yaml} reads it. */
    static final String SECRET_NAME = "tipline-keys";

    private TiplineMain() {
    }

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("generate-keys")) {
            int status = generateKeys(List.of(args).subList(1, args.length), System.out, System.err);
            if (status != 0) {
                System.exit(status);
            }
            return;
        }
        boolean known = args.length == 0 || args.length == 1 && args[0].equals("rotate-kek")
                || Application.adminEmail(args) != null;
        if (!known) {
            // Said before the start, which would first ask for a database and keys.
            System.err.println(USAGE_TEXT);
            System.exit(USAGE);
        }
        if (args.length > 0) {
            // A command is no replica: no ports (one may already be taken by the replica beside it), no outbox worker.
            quiet("quarkus.http.host-enabled", "false");
            quiet("quarkus.management.host-enabled", "false");
            quiet("quarkus.scheduler.enabled", "false");
        }
        Quarkus.run(Application.class, args);
    }

    private static void quiet(String setting, String value) {
        if (System.getProperty(setting) == null) {
            System.setProperty(setting, value);
        }
    }

    /**
     * Prints fresh keys: by default as a properties file and as a Kubernetes Secret (the same keys), else in the one
     * form asked for. Keys go to {@code out} only, never to a log.
     */
    static int generateKeys(List<String> options, PrintStream out, PrintStream err) {
        String format = "both";
        if (options.size() == 2 && options.get(0).equals("--format")) {
            format = options.get(1);
        } else if (options.size() == 1 && options.get(0).startsWith("--format=")) {
            format = options.get(0).substring("--format=".length());
        } else if (!options.isEmpty()) {
            format = "";
        }
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        ProductionKeys keys = ProductionKeys.generate(month, month);
        switch (format) {
            case "both" -> {
                out.println("# ---- 1. As a properties file (QUARKUS_CONFIG_LOCATIONS=file:<path>); keep it mode 600 ----");
                out.print(keys.asProperties());
                out.println("# ---- 2. The same keys as a Kubernetes Secret: kubectl apply -f <file> ----");
                out.print(keys.asSecret(SECRET_NAME));
            }
            case "properties" -> out.print(keys.asProperties());
            case "env" -> out.print(keys.asEnvFile());
            case "secret" -> out.print(keys.asSecret(SECRET_NAME));
            default -> {
                err.println(USAGE_TEXT);
                return USAGE;
            }
        }
        out.flush();
        return 0;
    }

    /** The commands that need the application: its configuration, database and services. */
    public static class Application implements QuarkusApplication {

        @Override
        public int run(String... args) {
            if (args.length == 0) {
                Quarkus.waitForExit();
                return 0;
            }
            if (args.length == 1 && args[0].equals("rotate-kek")) {
                KekRotation.Result result = Arc.container().instance(KekRotation.class).get().rewrapAll();
                System.out.printf("rotate-kek: %d data keys re-wrapped, %d could not be opened%n", result.rewrapped(),
                        result.failed());
                return result.failed() == 0 ? 0 : INCOMPLETE;
            }
            String email = adminEmail(args);
            if (email != null) {
                return bootstrap(email);
            }
            System.err.println(USAGE_TEXT);
            return USAGE;
        }

        private static int bootstrap(String email) {
            Invitations.Issued invitation;
            try {
                invitation = Arc.container().instance(FirstAdministrator.class).get().create(email);
            } catch (FirstAdministrator.Refused refused) {
                System.err.println("bootstrap refused: " + refused.detail());
                return REFUSED;
            }
            // Straight to the terminal, never through the logging system: log files and collectors keep what they get.
            System.out.println("bootstrap: administrator " + email.trim() + " created. Open this link within 24 hours, "
                    + "once, to set its password (then set up its authenticator):");
            System.out.println(invitation.link());
            System.out.println("bootstrap: valid until " + invitation.expiresAt() + ". Do not paste it anywhere else.");
            System.out.flush();
            return 0;
        }

        /** {@code bootstrap --admin-email x} or {@code bootstrap --admin-email=x}; null for anything else. */
        static String adminEmail(String... args) {
            if (args.length == 3 && args[0].equals("bootstrap") && args[1].equals("--admin-email")) {
                return args[2];
            }
            if (args.length == 2 && args[0].equals("bootstrap") && args[1].startsWith("--admin-email=")) {
                return args[1].substring("--admin-email=".length());
            }
            return null;
        }
    }
}
