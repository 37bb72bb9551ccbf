package org.tipline.attachment;

import org.tipline.platform.DomainException;

/** The content is not an image of an accepted type, whatever its name or Content-Type said (415). */
class UnsupportedImageException extends DomainException {

    private UnsupportedImageException(String code, String detail) {
        super(415, code, "Not an accepted image", detail);
    }

    static UnsupportedImageException unknown() {
        return new UnsupportedImageException("unsupported-image",
                "Only JPEG, PNG and WebP images can be attached; this file is none of them. Nothing was saved.");
    }

    static UnsupportedImageException heic() {
        return new UnsupportedImageException("heic-not-supported",
                "HEIC photos cannot be attached yet. Send a screenshot of the photo, or set the camera to save JPEG "
                        + "(iPhone: Settings, Camera, Formats, Most Compatible). Nothing was saved.");
    }
}
