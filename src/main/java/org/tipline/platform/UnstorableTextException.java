package org.tipline.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON string that breaks {@link StorableText}. A {@link MismatchedInputException}, so that Jackson adds
 * the path of the field, which {@link ProblemMappers} names in a 400.
 */
final class UnstorableTextException extends MismatchedInputException {

    UnstorableTextException(JsonParser parser) {
        // The message never quotes the value: it may be tip content.
        super(parser, "Text " + StorableText.REASON, String.class);
    }
}
