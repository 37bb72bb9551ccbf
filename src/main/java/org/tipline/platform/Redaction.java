package org.tipline.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.StringJoiner;

/**
 * Records that print their secrets as {@code [redacted]}.
 *
 * <p>A record's generated {@code toString()} prints every component, and records end up in log lines,
 * exception messages, assertion failures and debugger views. None of those may ever show a case code, a
 * password, a token, a TOTP secret or code, key material, or anything a reporter wrote (DESIGN 5: tip
 * content and case codes never reach a log line). So every record that holds one marks those components
 * {@link Redacted} and overrides {@code toString()} with {@code return Redaction.toString(this);}.
 * RedactionTest checks each such record, and fails on a record component whose name looks secret but that
 * is neither marked nor on its commented allow-list.
 */
public final class Redaction {

    /** What a redacted component prints as. */
    public static final String REDACTED = "[redacted]";

    /**
     * Marks a record component that {@link Redaction#toString(Record)} never prints. Only a marker: Jackson,
     * validation and OpenAPI ignore it (it stays on the record component, not on the field, accessor or
     * constructor parameter), so JSON and the API description do not change.
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface Redacted {
    }

    private Redaction() {
    }

    /**
     * The record as its generated {@code toString()} would print it, {@code Name[a=1, secret=[redacted], b=x]},
     * except that each {@link Redacted} component prints {@code [redacted]}. It prints so even when the
     * component is null or empty, so the text does not tell whether a secret was given (whether a reporter
     * left a contact, whether a TOTP code was sent). A redacted component's value is never read.
     */
    public static String toString(Record record) {
        Class<?> type = record.getClass();
        StringJoiner out = new StringJoiner(", ", type.getSimpleName() + "[", "]");
        for (RecordComponent component : type.getRecordComponents()) {
            String value = component.isAnnotationPresent(Redacted.class) ? REDACTED : String.valueOf(read(record, component));
            out.add(component.getName() + "=" + value);
        }
        return out.toString();
    }

    private static Object read(Record record, RecordComponent component) {
        Method accessor = component.getAccessor();
        try {
            // Many of these records are package-private or nested; their accessors are public but not reachable.
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            // No message of the cause: it could only describe the record, and the record is what we are printing.
            throw new IllegalStateException("Cannot read " + record.getClass().getSimpleName() + "." + component.getName());
        }
    }
}
