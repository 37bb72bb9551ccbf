package org.tipline.attachment;

/**
 * An image re-encoded from its pixels alone: {@code image} in {@code mediaType}, and a small JPEG {@code thumbnail}
 * (null when none was asked for). Neither carries anything of the original file but what it shows.
 */
record CleanImage(byte[] image, String mediaType, int width, int height, byte[] thumbnail) {

    @Override
    public String toString() {
        return "CleanImage[" + mediaType + ", " + width + "x" + height + ", " + image.length + " bytes]";
    }
}
