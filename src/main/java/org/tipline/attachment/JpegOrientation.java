package org.tipline.attachment;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The EXIF Orientation (1 to 8) of a JPEG: how a viewer must turn the stored pixels. It is the one piece of metadata
 * applied before all of it is dropped, so that a stripped photo does not come out sideways. Anything unexpected
 * reads as 1 (as stored): the orientation only turns the picture, it never decides whether it is taken.
 */
final class JpegOrientation {

    private static final int TAG_ORIENTATION = 0x0112;
    private static final int TYPE_SHORT = 3;

    private JpegOrientation() {
    }

    static int of(byte[] jpeg, int length) {
        try {
            int at = 2; // after SOI
            while (at + 4 <= length && (jpeg[at] & 0xFF) == 0xFF) {
                int marker = jpeg[at + 1] & 0xFF;
                int segment = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
                if (marker == 0xDA || marker == 0xD9 || segment < 2) {
                    return 1; // image data starts: no EXIF before it
                }
                if (marker == 0xE1 && segment >= 8 && isExif(jpeg, length, at + 4)) {
                    return fromTiff(ByteBuffer.wrap(jpeg, at + 10, Math.min(segment - 8, length - at - 10)).slice());
                }
                at += 2 + segment;
            }
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            return 1;
        }
        return 1;
    }

    private static boolean isExif(byte[] jpeg, int length, int at) {
        return at + 6 <= length && jpeg[at] == 'E' && jpeg[at + 1] == 'x' && jpeg[at + 2] == 'i' && jpeg[at + 3] == 'f'
                && jpeg[at + 4] == 0 && jpeg[at + 5] == 0;
    }

    /** Orientation from the first IFD of a TIFF structure. */
    private static int fromTiff(ByteBuffer tiff) {
        tiff.order(tiff.get(0) == 'M' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int ifd = tiff.getInt(4);
        int entries = tiff.getShort(ifd) & 0xFFFF;
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + 12 * i;
            if ((tiff.getShort(entry) & 0xFFFF) == TAG_ORIENTATION && (tiff.getShort(entry + 2) & 0xFFFF) == TYPE_SHORT) {
                int value = tiff.getShort(entry + 8) & 0xFFFF;
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }
}
