package org.tipline.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;

/**
 * Jackson's own String deserializer (with its coercion rules) followed by the {@link StorableText} check,
 * so that every string of every client body is checked in one place, whatever record it belongs to.
 */
final class StorableTextDeserializer extends StdScalarDeserializer<String> {

    StorableTextDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = StringDeserializer.instance.deserialize(parser, context);
        if (text != null && !StorableText.isStorable(text)) {
            throw new UnstorableTextException(parser);
        }
        return text;
    }

    /** As Jackson's own: its coercion rules and empty values must see the text type this one stands in for. */
    @Override
    public LogicalType logicalType() {
        return LogicalType.Textual;
    }

    @Override
    public Object getEmptyValue(DeserializationContext context) {
        return "";
    }
}
