package org.tipline.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.tipline.crypto.RecordRef;
import org.tipline.crypto.TipEncryption;
import org.tipline.tip.Tip;
import org.tipline.tip.TipBody;

/** Test access to stored tips: find one by reference and decrypt what the reporter wrote. */
@ApplicationScoped
class StoredTips {

    private final TipEncryption encryption;
    private final ObjectMapper json;

    StoredTips(TipEncryption encryption, ObjectMapper json) {
        this.encryption = encryption;
        this.json = json;
    }

    Tip byReference(String reference) {
        return QuarkusTransaction.requiringNew().call(() -> Tip.<Tip>find("reference", reference).singleResult());
    }

    TipBody body(String reference) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Tip tip = Tip.<Tip>find("reference", reference).singleResult();
            try {
                return json.readValue(encryption.openForTip(RecordRef.tipBody(tip.id()), tip.sealedBody()), TipBody.class);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
