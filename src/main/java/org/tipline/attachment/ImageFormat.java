package org.tipline.attachment;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

/**
 * The image types accepted, recognised by their first bytes only: never by a file name or a Content-Type, which the
 * client chooses. JPEG and PNG are read by the JDK, WebP by TwelveMonkeys' reader.
 */
enum ImageFormat {
    JPEG,
    PNG,
    WEBP;

    private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
    /** HEIF brands (ISO/IEC 23008-12) of HEIC photos; no reader of them is available to this service. */
    private static final String[] HEIF_BRANDS = { "heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "avif" };

    /** The number of leading bytes {@link #of} looks at. */
    static final int SNIFF_BYTES = 12;

    /** The format of these leading bytes; {@link UnsupportedImageException} for anything else. */
    static ImageFormat of(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return JPEG;
        }
        if (head.length >= 8 && Arrays.equals(head, 0, 8, PNG_SIGNATURE, 0, 8)) {
            return PNG;
        }
        if (head.length >= 12 && ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("WEBP")) {
            return WEBP;
        }
        if (head.length >= 12 && ascii(head, 4, 4).equals("ftyp") && Arrays.asList(HEIF_BRANDS).contains(ascii(head, 8, 4))) {
            throw UnsupportedImageException.heic();
        }
        throw UnsupportedImageException.unknown();
    }

    ImageReader reader() throws IOException {
        if (this == WEBP) {
            return new WebPImageReaderSpi().createReaderInstance();
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(name().toLowerCase());
        if (!readers.hasNext()) {
            throw new IllegalStateException("the JDK reads " + this);
        }
        return readers.next();
    }

    private static String ascii(byte[] bytes, int from, int length) {
        return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    }
}
