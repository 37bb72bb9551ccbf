package org.tipline.attachment;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.Tag;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.ExifThumbnailDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.icc.IccDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What an independent reader (metadata-extractor, which shares no code with the service) finds in an image: the
 * directories that identify a phone or a place, and every tag's text.
 */
record Metadata(List<String> identifyingDirectories, String allText) {

    private static final Set<Class<? extends Directory>> IDENTIFYING = Set.of(GpsDirectory.class, ExifIFD0Directory.class,
            ExifSubIFDDirectory.class, ExifThumbnailDirectory.class, XmpDirectory.class, IptcDirectory.class,
            IccDirectory.class);

    static Metadata of(byte[] image) {
        try {
            List<String> identifying = new ArrayList<>();
            StringBuilder text = new StringBuilder(new String(image, StandardCharsets.ISO_8859_1));
            for (Directory directory : ImageMetadataReader.readMetadata(new ByteArrayInputStream(image)).getDirectories()) {
                if (IDENTIFYING.contains(directory.getClass())) {
                    identifying.add(directory.getName());
                }
                for (Tag tag : directory.getTags()) {
                    text.append('\n').append(tag.getTagName()).append('=').append(tag.getDescription());
                }
            }
            return new Metadata(identifying, text.toString());
        } catch (ImageProcessingException | IOException e) {
            throw new AssertionError("the independent reader cannot read the image", e);
        }
    }
}
