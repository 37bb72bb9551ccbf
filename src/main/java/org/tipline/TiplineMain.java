package org.tipline;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.tipline.crypto.KekRotation;

/**
 * Entry point: with no arguments, serves until stopped; with {@code rotate-kek}, re-wraps every tip's
 * data key under the active KEK and exits (run it as a one-off job after deploying a new active KEK,
 * then remove the old KEK from the configuration).
 */
@QuarkusMain
public class TiplineMain implements QuarkusApplication {

    static final int USAGE = 64;
    static final int INCOMPLETE = 2;

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
        System.err.println("usage: java -jar quarkus-run.jar [rotate-kek]");
        return USAGE;
    }
}
