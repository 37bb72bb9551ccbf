package org.tipline.platform;

/**
 * Describes a throwable for the log by its types and top frames only. Exception messages are never
 * logged: a parser's or driver's message can quote request content, and on this service that can be a
 * tip or a case code.
 */
public final class SafeThrowableDescription {

    private static final int FRAMES_PER_CAUSE = 8;
    private static final int MAX_CAUSES = 5;

    private SafeThrowableDescription() {
    }

    public static String of(Throwable throwable) {
        StringBuilder description = new StringBuilder();
        Throwable current = throwable;
        for (int depth = 0; current != null && depth < MAX_CAUSES; depth++, current = current.getCause()) {
            description.append(depth == 0 ? "" : "\n  caused by ").append(current.getClass().getName());
            StackTraceElement[] frames = current.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, FRAMES_PER_CAUSE); i++) {
                description.append("\n    at ").append(frames[i]);
            }
        }
        return description.toString();
    }
}
