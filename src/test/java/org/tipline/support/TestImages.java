package org.tipline.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;

/**
 * Images as phones make them, built here byte by byte: EXIF with GPS, make, model, serial, owner and an embedded
 * thumbnail, XMP and comments, in JPEG, PNG and WebP containers. Tests send them and prove with an independent reader
 * that nothing of it comes back. Also decompression bombs.
 */
public final class TestImages {

    public static final String MAKE = "Acme Phones";
    public static final String MODEL = "Acme X15 Pro";
    public static final String SERIAL = "SN-4711-ZXQV";
    public static final String OWNER = "Jane Q Reporter";
    /** Every string a stripped image must no longer hold. */
    public static final List<String> TRACES = List.of(MAKE, MODEL, SERIAL, OWNER);

    private static final int BYTE = 1;
    private static final int ASCII = 2;
    private static final int SHORT = 3;
    private static final int LONG = 4;
    private static final int RATIONAL = 5;

    private TestImages() {
    }

    /** A {@code width} x {@code height} picture: its left half red, its right half blue. */
    public static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(220, 20, 20));
        g.fillRect(0, 0, width / 2, height);
        g.setColor(new Color(20, 20, 220));
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A JPEG with EXIF (orientation as given, GPS, make, model, serial, owner, thumbnail), XMP, a comment and an ICC
     * profile.
     */
    public static byte[] jpegWithMetadata(int width, int height, int orientation) {
        byte[] plain = encode(picture(width, height), "jpeg");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2); // SOI
        writeSegment(out, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), exif(orientation)));
        writeSegment(out, 0xE1, concat("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1), xmp()));
        writeSegment(out, 0xFE, ("Taken by " + OWNER).getBytes(StandardCharsets.ISO_8859_1));
        // An embedded colour profile (not sRGB), as phones write for wide-gamut photos.
        byte[] profile = java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_LINEAR_RGB).getData();
        writeSegment(out, 0xE2, concat("ICC_PROFILE\0\1\1".getBytes(StandardCharsets.ISO_8859_1), profile));
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** A PNG with an eXIf chunk (the same EXIF as the JPEG's), an XMP iTXt chunk and tEXt chunks naming the owner. */
    public static byte[] pngWithMetadata(int width, int height) {
        byte[] plain = encode(picture(width, height), "png");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int afterHeader = 8 + 25; // signature, IHDR
        out.write(plain, 0, afterHeader);
        writeChunk(out, "eXIf", exif(1));
        writeChunk(out, "tEXt", ("Author\0" + OWNER).getBytes(StandardCharsets.ISO_8859_1));
        writeChunk(out, "tEXt", ("Comment\0" + MAKE + " " + MODEL + " " + SERIAL).getBytes(StandardCharsets.ISO_8859_1));
        writeChunk(out, "iTXt", concat("XML:com.adobe.xmp\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1), xmp()));
        out.write(plain, afterHeader, plain.length - afterHeader);
        return out.toByteArray();
    }

    /**
     * A lossy WebP (64 x 48, red and blue halves, made once with cwebp: src/test/resources/attachments) turned into the
     * extended format with EXIF and XMP chunks.
     */
    public static byte[] webpWithMetadata() {
        byte[] simple = resource("/attachments/red-blue-64x48.webp");
        byte[] vp8 = java.util.Arrays.copyOfRange(simple, 12, simple.length); // the VP8 chunk
        ByteBuffer header = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        header.put((byte) (0x08 | 0x04)).put(new byte[3]); // EXIF and XMP present
        header.put(int24(64 - 1)).put(int24(48 - 1));
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        writeRiffChunk(chunks, "VP8X", header.array());
        chunks.write(vp8, 0, vp8.length);
        writeRiffChunk(chunks, "EXIF", exif(1));
        writeRiffChunk(chunks, "XMP ", xmp());
        ByteBuffer riff = ByteBuffer.allocate(12 + chunks.size()).order(ByteOrder.LITTLE_ENDIAN);
        riff.put("RIFF".getBytes(StandardCharsets.ISO_8859_1)).putInt(4 + chunks.size())
                .put("WEBP".getBytes(StandardCharsets.ISO_8859_1)).put(chunks.toByteArray());
        return riff.array();
    }

    /**
     * A PNG that says it is {@code width} x {@code height} (1-bit grey, all black) and really holds that many pixels,
     * compressed to almost nothing: a decompression bomb when large.
     */
    public static byte[] blackPng(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
        writeChunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 1).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(idat, new Deflater(9))) {
            byte[] row = new byte[1 + (width + 7) / 8]; // filter byte 0 and zero pixels
            for (int y = 0; y < height; y++) {
                deflate.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeChunk(out, "IDAT", idat.toByteArray());
        writeChunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** A TIFF structure as cameras write into EXIF: IFD0, the EXIF and GPS IFDs, and IFD1 with a JPEG thumbnail. */
    static byte[] exif(int orientation) {
        byte[] thumbnail = encode(picture(16, 12), "jpeg");
        Ifd ifd0 = new Ifd().ascii(0x010F, MAKE).ascii(0x0110, MODEL).add(0x0112, SHORT, 1, shortValue(orientation))
                .ascii(0x013B, OWNER).add(0x8769, LONG, 1, new byte[4]).add(0x8825, LONG, 1, new byte[4]);
        Ifd exifIfd = new Ifd().ascii(0xA430, OWNER).ascii(0xA431, SERIAL);
        Ifd gps = new Ifd().add(0x0000, BYTE, 4, new byte[] { 2, 3, 0, 0 }).ascii(0x0001, "N")
                .add(0x0002, RATIONAL, 3, rationals(42, 1, 51, 1, 5999, 100)).ascii(0x0003, "W")
                .add(0x0004, RATIONAL, 3, rationals(106, 1, 18, 1, 4716, 100));
        Ifd ifd1 = new Ifd().add(0x0103, SHORT, 1, shortValue(6)).add(0x0201, LONG, 1, new byte[4])
                .add(0x0202, LONG, 1, intValue(thumbnail.length));
        List<Ifd> ifds = List.of(ifd0, exifIfd, gps, ifd1);
        int[] offsets = new int[ifds.size()];
        int position = 8;
        for (int i = 0; i < ifds.size(); i++) {
            offsets[i] = position;
            position += ifds.get(i).size();
        }
        int thumbnailOffset = position;
        ifd0.set(0x8769, intValue(offsets[1])).set(0x8825, intValue(offsets[2]));
        ifd1.set(0x0201, intValue(thumbnailOffset));
        ByteBuffer tiff = ByteBuffer.allocate(thumbnailOffset + thumbnail.length).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        for (int i = 0; i < ifds.size(); i++) {
            ifds.get(i).write(tiff, offsets[i], ifds.get(i) == ifd0 ? offsets[3] : 0);
        }
        tiff.position(thumbnailOffset);
        tiff.put(thumbnail);
        return tiff.array();
    }

    private static byte[] xmp() {
        return ("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                + "xmlns:tiff=\"http://ns.adobe.com/tiff/1.0/\"><dc:creator><rdf:Seq><rdf:li>" + OWNER
                + "</rdf:li></rdf:Seq></dc:creator><tiff:Make>" + MAKE + "</tiff:Make></rdf:Description></rdf:RDF></x:xmpmeta>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** One image file directory: entries sorted by tag, values over four bytes after the entries. */
    private static final class Ifd {

        private final List<int[]> heads = new ArrayList<>(); // tag, type, count
        private final List<byte[]> values = new ArrayList<>();

        Ifd add(int tag, int type, int count, byte[] value) {
            heads.add(new int[] { tag, type, count });
            values.add(value);
            return this;
        }

        Ifd ascii(int tag, String text) {
            byte[] value = (text + "\0").getBytes(StandardCharsets.ISO_8859_1);
            return add(tag, ASCII, value.length, value);
        }

        Ifd set(int tag, byte[] value) {
            for (int i = 0; i < heads.size(); i++) {
                if (heads.get(i)[0] == tag) {
                    values.set(i, value);
                }
            }
            return this;
        }

        int size() {
            int size = 2 + 12 * heads.size() + 4;
            for (byte[] value : values) {
                size += value.length > 4 ? value.length + (value.length & 1) : 0;
            }
            return size;
        }

        void write(ByteBuffer tiff, int offset, int next) {
            int data = offset + 2 + 12 * heads.size() + 4;
            tiff.position(offset);
            tiff.putShort((short) heads.size());
            for (int i = 0; i < heads.size(); i++) {
                int[] head = heads.get(i);
                byte[] value = values.get(i);
                tiff.putShort((short) head[0]).putShort((short) head[1]).putInt(head[2]);
                if (value.length <= 4) {
                    tiff.put(java.util.Arrays.copyOf(value, 4));
                } else {
                    tiff.putInt(data);
                    int at = tiff.position();
                    tiff.position(data);
                    tiff.put(value);
                    data += value.length + (value.length & 1);
                    tiff.position(at);
                }
            }
            tiff.putInt(next);
        }
    }

    private static byte[] shortValue(int value) {
        return ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) value).array();
    }

    private static byte[] intValue(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }

    private static byte[] rationals(int... numeratorsAndDenominators) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * numeratorsAndDenominators.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int value : numeratorsAndDenominators) {
            buffer.putInt(value);
        }
        return buffer.array();
    }

    private static byte[] int24(int value) {
        return new byte[] { (byte) value, (byte) (value >> 8), (byte) (value >> 16) };
    }

    private static void writeSegment(ByteArrayOutputStream out, int marker, byte[] payload) {
        int length = payload.length + 2;
        out.writeBytes(new byte[] { (byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length });
        out.writeBytes(payload);
    }

    private static void writeChunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static void writeRiffChunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(type.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(data.length).array());
        out.writeBytes(data);
        if ((data.length & 1) == 1) {
            out.write(0);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private static byte[] resource(String name) {
        try (InputStream in = TestImages.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
