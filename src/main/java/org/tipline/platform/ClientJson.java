package org.tipline.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;

/**
 * Reads the JSON that clients send: the application's mapper (strict, see {@link StrictJson}) plus the
 * {@link StorableText} rule on every string. Quarkus REST reads every request body with it (a
 * {@link ContextResolver}); a resource that reads its body itself calls {@link #read}.
 *
 * <p>Why a copy rather than the rule on the application's mapper: that one also reads back what the service
 * sealed earlier (tip bodies, receipts, outbox payloads), and a tip stored before the rule existed, NUL and
 * all, must stay readable.
 */
@Provider
@Singleton
public class ClientJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper;

    ClientJson(ObjectMapper application) {
        this.mapper = application.copy()
                .registerModule(new SimpleModule("storable-text").addDeserializer(String.class, new StorableTextDeserializer()));
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }

    public <T> T read(byte[] body, Class<T> type) throws IOException {
        return mapper.readValue(body, type);
    }
}
