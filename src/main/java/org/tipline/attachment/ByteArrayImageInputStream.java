package org.tipline.attachment;

import java.io.IOException;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An image input stream over bytes already in memory, without the copy (or the temporary file) that ImageIO's own
 * streams make of what they read.
 */
final class ByteArrayImageInputStream extends ImageInputStreamImpl {

    private final byte[] data;
    private final int length;

    ByteArrayImageInputStream(byte[] data, int length) {
        this.data = data;
        this.length = length;
    }

    @Override
    public int read() throws IOException {
        checkClosed();
        bitOffset = 0;
        return streamPos < length ? data[(int) streamPos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] into, int offset, int count) throws IOException {
        checkClosed();
        bitOffset = 0;
        if (streamPos >= length) {
            return -1;
        }
        int n = (int) Math.min(count, length - streamPos);
        System.arraycopy(data, (int) streamPos, into, offset, n);
        streamPos += n;
        return n;
    }

    @Override
    public long length() {
        return length;
    }
}
