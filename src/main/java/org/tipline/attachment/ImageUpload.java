package org.tipline.attachment;

import java.io.InputStream;
import org.tipline.platform.Redaction;
import org.tipline.platform.Redaction.Redacted;

/** An upload's body, still unread (the reporter's image: it never prints), and the length its request declared (-1 if none). */
public record ImageUpload(@Redacted InputStream body, long declaredLength) {

    @Override
    public String toString() {
        return Redaction.toString(this);
    }
}
