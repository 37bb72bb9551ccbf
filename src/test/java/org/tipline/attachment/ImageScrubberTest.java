package org.tipline.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalInt;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.tipline.support.TestImages;

/** Stripping proved with an independent reader, on images built with every trace a phone leaves. */
class ImageScrubberTest {

    private final ImageScrubber scrubber = new ImageScrubber(settings(50_000_000, 16_777_216, 60));

    @Test
    void shouldTakeEveryTraceOutOfAJpegAndTurnItUpright() throws IOException {
        byte[] original = TestImages.jpegWithMetadata(40, 20, 6);
        Metadata before = Metadata.of(original);
        assertThat(before.identifyingDirectories()).contains("GPS", "Exif IFD0", "Exif SubIFD", "Exif Thumbnail", "XMP",
                "ICC Profile");
        assertThat(before.allText()).contains(TestImages.TRACES);

        CleanImage clean = scrub(original, true);

        Metadata after = Metadata.of(clean.image());
        assertThat(after.identifyingDirectories()).isEmpty();
        assertThat(after.allText()).doesNotContain(TestImages.TRACES).doesNotContain("Exif").doesNotContain("http://ns.adobe.com");
        assertThat(clean.mediaType()).isEqualTo("image/jpeg");
        // Orientation 6 (turn 90 degrees clockwise): the red left half is now on top.
        BufferedImage upright = ImageIO.read(new ByteArrayInputStream(clean.image()));
        assertThat(new int[] { upright.getWidth(), upright.getHeight(), clean.width(), clean.height() })
                .containsExactly(20, 40, 20, 40);
        assertThat(isRed(upright.getRGB(10, 5))).isTrue();
        assertThat(isRed(upright.getRGB(10, 35))).isFalse();
        assertThat(Metadata.of(clean.thumbnail()).identifyingDirectories()).isEmpty();
    }

    @Test
    void shouldKeepNothingOfAnUprightJpegButItsPixels() {
        byte[] original = TestImages.jpegWithMetadata(40, 20, 1);

        CleanImage clean = scrub(original, false);

        assertThat(Metadata.of(clean.image()).identifyingDirectories()).isEmpty();
        assertThat(Metadata.of(clean.image()).allText()).doesNotContain(TestImages.TRACES).doesNotContain("ICC_PROFILE");
        assertThat(new int[] { clean.width(), clean.height() }).containsExactly(40, 20);
    }

    @Test
    void shouldKeepAPngLosslessWithoutItsChunks() throws IOException {
        byte[] original = TestImages.pngWithMetadata(30, 10);
        assertThat(Metadata.of(original).allText()).contains(TestImages.TRACES);
        assertThat(Metadata.of(original).identifyingDirectories()).contains("Exif IFD0", "GPS");

        CleanImage clean = scrub(original, false);

        assertThat(clean.mediaType()).isEqualTo("image/png");
        assertThat(clean.thumbnail()).isNull();
        Metadata after = Metadata.of(clean.image());
        assertThat(after.identifyingDirectories()).isEmpty();
        assertThat(after.allText()).doesNotContain(TestImages.TRACES).doesNotContain("eXIf").doesNotContain("tEXt")
                .doesNotContain("iTXt");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(clean.image()));
        assertThat(image.getRGB(0, 0)).isEqualTo(TestImages.picture(30, 10).getRGB(0, 0));
    }

    @Test
    void shouldReadWebPAndWriteItAsAStrippedJpeg() throws IOException {
        byte[] original = TestImages.webpWithMetadata();
        assertThat(Metadata.of(original).allText()).contains(TestImages.TRACES);

        CleanImage clean = scrub(original, true);

        assertThat(clean.mediaType()).isEqualTo("image/jpeg");
        assertThat(new int[] { clean.width(), clean.height() }).containsExactly(64, 48);
        assertThat(Metadata.of(clean.image()).identifyingDirectories()).isEmpty();
        assertThat(Metadata.of(clean.image()).allText()).doesNotContain(TestImages.TRACES);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(clean.image()));
        assertThat(isRed(image.getRGB(5, 24))).isTrue();
        assertThat(isRed(image.getRGB(58, 24))).isFalse();
    }

    @Test
    void shouldDecideTheTypeByContentOnly() {
        assertThat(scrub(TestImages.encode(TestImages.picture(8, 8), "png"), false).mediaType()).isEqualTo("image/png");
        assertThat(scrub(TestImages.encode(TestImages.picture(8, 8), "jpeg"), false).mediaType()).isEqualTo("image/jpeg");

        assertRefused("<html><script>alert(1)</script></html>", "unsupported-image");
        assertRefused("GIF89a\1\0\1\0\0\0\0;", "unsupported-image");
        assertRefused("\0\0\0\u0018ftypheic\0\0\0\0mif1heic", "heic-not-supported");
        assertRefused("", "unsupported-image");
    }

    @Test
    void shouldDropWhatIsAppendedToAnImage() {
        byte[] image = TestImages.encode(TestImages.picture(8, 8), "jpeg");
        byte[] polyglot = concat(image, "<script>alert(1)</script>PK\3\4".getBytes(StandardCharsets.ISO_8859_1));

        CleanImage clean = scrub(polyglot, false);

        assertThat(new String(clean.image(), StandardCharsets.ISO_8859_1)).doesNotContain("script").doesNotContain("PK");
    }

    @Test
    void shouldRefuseATruncatedImage() {
        byte[] jpeg = TestImages.encode(TestImages.picture(200, 100), "jpeg");
        byte[] png = TestImages.encode(TestImages.picture(200, 100), "png");

        for (byte[] cut : new byte[][] { Arrays.copyOf(jpeg, jpeg.length * 2 / 3), Arrays.copyOf(png, png.length / 2),
                Arrays.copyOf(jpeg, 40), Arrays.copyOf(TestImages.webpWithMetadata(), 40) }) {
            assertThatThrownBy(() -> scrub(cut, true)).isInstanceOf(ImageRefusedException.class)
                    .extracting(e -> ((ImageRefusedException) e).code()).isEqualTo("image-unreadable");
        }
    }

    @Test
    void shouldRefuseADecompressionBombBeforeDecodingIt() {
        byte[] bomb = TestImages.blackPng(30_000, 30_000); // 900 megapixels, 1 bit each, in about 100 KiB
        assertThat(bomb.length).isLessThan(1024 * 1024);

        long started = System.nanoTime();
        assertThatThrownBy(() -> scrub(bomb, true)).isInstanceOf(ImageRefusedException.class)
                .extracting(e -> ((ImageRefusedException) e).code()).isEqualTo("image-too-many-pixels");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void shouldDecodeALargeImageAtALowerResolution() {
        ImageScrubber small = new ImageScrubber(settings(50_000_000, 1_000_000, 60));

        CleanImage clean = small.scrub(TestImages.blackPng(3000, 2000), TestImages.blackPng(3000, 2000).length, false);

        assertThat(new int[] { clean.width(), clean.height() }).containsExactly(1000, 667);
    }

    private CleanImage scrub(byte[] image, boolean thumbnail) {
        byte[] buffer = Arrays.copyOf(image, image.length + 100); // bodies sit in larger buffers
        return scrubber.scrub(buffer, image.length, thumbnail);
    }

    private void assertRefused(String content, String code) {
        assertThatThrownBy(() -> scrub(content.getBytes(StandardCharsets.ISO_8859_1), true))
                .isInstanceOf(UnsupportedImageException.class)
                .extracting(e -> ((UnsupportedImageException) e).code()).isEqualTo(code);
    }

    private static boolean isRed(int rgb) {
        return ((rgb >> 16) & 0xFF) > 150 && (rgb & 0xFF) < 100;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    static AttachmentSettings settings(long maxPixels, long maxStoredPixels, int perClientPerHour) {
        return new AttachmentSettings() {
            public long maxPixels() { return maxPixels; }
            public long maxStoredPixels() { return maxStoredPixels; }
            public int thumbnailSize() { return 320; }
            public int maxPerTip() { return 5; }
            public int maxStaffPerTip() { return 20; }
            public int maxPerClientPerHour() { return perClientPerHour; }
            public OptionalInt maxConcurrent() { return OptionalInt.empty(); }
            public int maxWaiting() { return 64; }
            public Duration maxWait() { return Duration.ofSeconds(30); }
        };
    }
}
