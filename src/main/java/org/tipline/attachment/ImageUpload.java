package org.tipline.attachment;

import java.io.InputStream;

/** An upload's body, still unread, and the length its request declared (-1 if none). */
public record ImageUpload(InputStream body, long declaredLength) {
}
