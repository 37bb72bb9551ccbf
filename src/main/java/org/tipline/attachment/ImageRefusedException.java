package org.tipline.attachment;

import org.tipline.platform.DomainException;

/** An image of an accepted type that cannot be taken: malformed, truncated, or with too many pixels (422). */
class ImageRefusedException extends DomainException {

    private ImageRefusedException(String code, String title, String detail) {
        super(422, code, title, detail);
    }

    static ImageRefusedException unreadable() {
        return new ImageRefusedException("image-unreadable", "Image unreadable",
                "The image is damaged or incomplete and could not be read. Nothing was saved.");
    }

    static ImageRefusedException tooManyPixels(long maxPixels) {
        return new ImageRefusedException("image-too-many-pixels", "Image too large",
                "The image has more than " + maxPixels + " pixels. Nothing was saved.");
    }
}
