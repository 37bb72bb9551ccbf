package org.tipline.followup;

import java.security.interfaces.ECPublicKey;
import java.util.Optional;
import java.util.UUID;

/** A reporter request's tip and, for a key-bound session, the page's key its answers are sealed to. */
record ReporterCaller(UUID tipId, Optional<ECPublicKey> responseKey) {
}
