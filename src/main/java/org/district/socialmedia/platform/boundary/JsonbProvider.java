package org.district.socialmedia.platform.boundary;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The API writes null fields too ("deadline":null while information is requested): scripts read a
 * stable shape instead of guessing whether a missing key means null.
 */
@Provider
public class JsonbProvider implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }

    /** For a body written ahead of time (the directory), exactly as the API writes its answers. */
    public static Jsonb jsonb() {
        return JSONB;
    }
}
