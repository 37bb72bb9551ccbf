package org.tipline.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.tipline.crypto.RecordRef;
import org.tipline.crypto.SecretBytes;
import org.tipline.crypto.TipEncryption;
import org.tipline.crypto.TipKey;

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
            TipKey key = TipKey.findById(tip.id);
            SecretBytes dataKey = encryption.dataKey(tip.id, key.wrapped());
            try {
                return json.readValue(encryption.open(dataKey, RecordRef.tipBody(tip.id), tip.body), TipBody.class);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } finally {
                dataKey.destroy();
            }
        });
    }
}
