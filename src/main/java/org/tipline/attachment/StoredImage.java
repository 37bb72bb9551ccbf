package org.tipline.attachment;

/** An attachment's decrypted image (or thumbnail) for one answer, with the name it is downloaded under. */
public record StoredImage(byte[] bytes, String mediaType, String fileName) {

    @Override
    public String toString() {
        return "StoredImage[" + mediaType + ", " + bytes.length + " bytes]";
    }
}
