package org.tipline.attachment;

import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Strips an image by keeping nothing but its pixels (DESIGN 10): decodes it, turns it upright by its EXIF orientation,
 * draws it into a fresh sRGB image and encodes that with no metadata at all. So no EXIF (GPS, make, model, serial,
 * owner), XMP, IPTC, ICC profile, text chunk, maker note or embedded thumbnail can survive, whatever the file held,
 * and nothing appended to or hidden in the file (a polyglot) either. Lossless input (PNG, WebP with transparency) is
 * written as PNG, so that screenshots stay sharp; photos (JPEG, other WebP) as JPEG at quality 0.9, which keeps a
 * phone photo well under the upload limit where a PNG of it would be several times larger.
 */
@ApplicationScoped
class ImageScrubber {

    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    private static final float JPEG_QUALITY = 0.9f;
    private static final float THUMBNAIL_QUALITY = 0.8f;
    /** Image types whose pixels are plain sRGB samples, which the writers encode with no colour profile. */
    private static final Set<Integer> PLAIN_SRGB = Set.of(BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR,
            BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_4BYTE_ABGR);

    private final AttachmentSettings settings;

    ImageScrubber(AttachmentSettings settings) {
        this.settings = settings;
    }

    /** The first {@code length} bytes of {@code data} as a clean image; 415 or 422 problems for what is not one. */
    CleanImage scrub(byte[] data, int length, boolean withThumbnail) {
        ImageFormat format = ImageFormat.of(Arrays.copyOf(data, Math.min(length, ImageFormat.SNIFF_BYTES)));
        BufferedImage decoded = decode(format, data, length);
        int orientation = format == ImageFormat.JPEG ? JpegOrientation.of(data, length) : 1;
        boolean alpha = decoded.getColorModel().hasAlpha();
        boolean lossless = format == ImageFormat.PNG || alpha;
        BufferedImage upright = upright(decoded, orientation, alpha);
        try {
            byte[] image = lossless ? png(upright) : jpeg(upright, JPEG_QUALITY);
            byte[] thumbnail = withThumbnail ? jpeg(thumbnail(upright), THUMBNAIL_QUALITY) : null;
            return new CleanImage(image, lossless ? PNG : JPEG, upright.getWidth(), upright.getHeight(), thumbnail);
        } catch (IOException e) {
            throw new IllegalStateException("encoding an image in memory failed", e);
        }
    }

    private BufferedImage decode(ImageFormat format, byte[] data, int length) {
        ImageReader reader = null;
        try (ByteArrayImageInputStream in = new ByteArrayImageInputStream(data, length)) {
            reader = format.reader();
            // Metadata is never even parsed; the orientation is read separately (JpegOrientation).
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            long pixels = (long) width * height;
            if (width <= 0 || height <= 0) {
                throw ImageRefusedException.unreadable();
            }
            if (pixels > settings.maxPixels()) {
                throw ImageRefusedException.tooManyPixels(settings.maxPixels());
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = step(width, height);
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            // A truncated JPEG decodes with a warning and grey where the data ended: refused, not stored half grey.
            AtomicBoolean warned = new AtomicBoolean();
            reader.addIIOReadWarningListener((source, warning) -> warned.set(true));
            BufferedImage image = reader.read(0, param);
            if (warned.get() || image == null) {
                throw ImageRefusedException.unreadable();
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImageRefusedException refused) {
                throw refused;
            }
            // Malformed input makes decoders throw anything from IIOException to IndexOutOfBounds: all mean unreadable.
            throw ImageRefusedException.unreadable();
        } finally {
            if (reader != null) {
                reader.dispose();
            }
        }
    }

    /** The smallest subsampling step that keeps the decoded image within {@code maxStoredPixels}. */
    private int step(int width, int height) {
        int step = 1;
        while ((long) ceilDiv(width, step) * ceilDiv(height, step) > settings.maxStoredPixels()) {
            step++;
        }
        return step;
    }

    private static int ceilDiv(int value, int divisor) {
        return (value + divisor - 1) / divisor;
    }

    /**
     * The pixels drawn upright into a new sRGB image, which has no colour profile, no metadata, nothing else. An image
     * the decoder already made as such (plain sRGB pixels, upright) is that image: a copy would only cost memory, up to
     * 64 MiB of it at the stored pixel limit.
     */
    private static BufferedImage upright(BufferedImage source, int orientation, boolean alpha) {
        if (orientation == 1 && PLAIN_SRGB.contains(source.getType()) && source.getColorModel().getColorSpace().isCS_sRGB()) {
            return source;
        }
        int width = source.getWidth();
        int height = source.getHeight();
        boolean turned = orientation >= 5;
        BufferedImage target = new BufferedImage(turned ? height : width, turned ? width : height,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            if (!alpha) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, target.getWidth(), target.getHeight());
            }
            g.drawImage(source, orientation(orientation, width, height), null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /** The EXIF orientations 1 to 8 as transforms of a {@code width} x {@code height} image. */
    private static AffineTransform orientation(int orientation, int width, int height) {
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.scale(-1, 1); t.translate(-width, 0); }
            case 3 -> { t.translate(width, height); t.rotate(Math.PI); }
            case 4 -> { t.scale(1, -1); t.translate(0, -height); }
            case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
            case 6 -> { t.translate(height, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-height, 0); t.translate(0, width); t.rotate(3 * Math.PI / 2); }
            case 8 -> { t.translate(0, width); t.rotate(3 * Math.PI / 2); }
            default -> { }
        }
        return t;
    }

    private BufferedImage thumbnail(BufferedImage image) {
        double scale = Math.min(1.0, (double) settings.thumbnailSize() / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return small;
    }

    private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        return write(writer, image, param);
    }

    private static byte[] png(BufferedImage image) throws IOException {
        return write(ImageIO.getImageWritersByFormatName("png").next(), image, null);
    }

    /** Writes with no metadata at all (null), into memory only: no temporary file holds the image. */
    private static byte[] write(ImageWriter writer, BufferedImage image, ImageWriteParam param) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
