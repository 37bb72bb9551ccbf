package org.tipline.intake;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tipline.platform.Redaction;
import org.tipline.platform.Redaction.Redacted;

/** The answer to a stored tip: the case code, shown once and never again, and the public reference. */
@Schema(name = "TipReceipt")
public record TipReceipt(
        @Schema(description = "The reporter's case code, XXXX-XXXX-XXXX-XXXX; shown only here. Absent when the client "
                + "sent caseCodeKey: it made the code and holds it")
        @Redacted String caseCode,
        @Schema(required = true, description = "Public reference T-YYYY-NNNNNN") String reference,
        @Schema(required = true, description = "Day of submission (no time, on purpose)") LocalDate submittedOn,
        @Schema(description = "A reporter token for this tip, as POST /api/v1/followup/session gives, so that the form can "
                + "attach images at once without asking for the case code; keep it in memory only. Only on web tips")
        @Redacted String reporterToken) {

    /** The same receipt with a fresh reporter token (never stored with the receipt: tokens expire). */
    TipReceipt withReporterToken(String token) {
        return new TipReceipt(caseCode, reference, submittedOn, token);
    }

    @Override
    public String toString() {
        return Redaction.toString(this);
    }
}
