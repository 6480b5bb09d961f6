package org.leadingtogether.platform;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;

import java.io.Reader;
import java.util.Collection;
import java.util.Map;

/**
 * The same builders and readers as {@code jakarta.json.Json}, from one JSON provider looked up once.
 *
 * <p>Why not {@code Json.createObjectBuilder()}: each of those static methods looks the provider up
 * again through the service loader, which searches every jar on the application's class path. On the
 * learner's home page, whose radar chart is a JSON document of a dozen builders, that search was an
 * eighth of the server's CPU. A provider is thread-safe and may be shared, so it is found once here.
 */
public final class CachedJson {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private CachedJson() {
    }

    public static JsonObjectBuilder createObjectBuilder() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonArrayBuilder createArrayBuilder() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonArrayBuilder createArrayBuilder(Collection<?> values) {
        return PROVIDER.createArrayBuilder(values);
    }

    public static JsonReader createReader(Reader reader) {
        return PROVIDER.createReader(reader);
    }

    public static JsonWriterFactory createWriterFactory(Map<String, ?> config) {
        return PROVIDER.createWriterFactory(config);
    }
}
