package org.tipline.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.tipline.platform.DomainException;

/**
 * Reads an upload's body into memory, never more than {@code maxBytes}: the declared length was checked before
 * (platform.BodySizeLimit), and this holds even if a client sends more than it declared.
 */
final class ImageBody {

    private static final int FIRST_BUFFER = 64 * 1024;

    final byte[] data;
    final int length;

    private ImageBody(byte[] data, int length) {
        this.data = data;
        this.length = length;
    }

    /** {@code declaredLength} (the Content-Length, -1 if unknown) sizes the buffer once instead of growing it. */
    static ImageBody read(InputStream in, long declaredLength, long maxBytes) {
        try (in) {
            byte[] buffer = new byte[(int) Math.min(maxBytes + 1, Math.max(FIRST_BUFFER, declaredLength + 1))];
            int length = 0;
            int n;
            while ((n = in.read(buffer, length, buffer.length - length)) != -1) {
                length += n;
                if (length > maxBytes) {
                    throw new ImageTooLargeException(maxBytes);
                }
                if (length == buffer.length) {
                    buffer = Arrays.copyOf(buffer, (int) Math.min(maxBytes + 1, 2L * buffer.length));
                }
            }
            return new ImageBody(buffer, length);
        } catch (IOException e) {
            // The client went away or the connection broke: nothing to store.
            throw new UncheckedIOException(e);
        }
    }

    /** More bytes than the upload limit (413). */
    static class ImageTooLargeException extends DomainException {

        ImageTooLargeException(long maxBytes) {
            super(413, "payload-too-large", "Payload too large",
                    "The image is larger than " + (maxBytes / 1024) + " KiB. Nothing was saved.");
        }
    }
}
