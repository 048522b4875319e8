package dev.kizuna.core.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/**
 * Reads and writes one type. Reading goes through {@link JsonIn}, which tracks the JSON path; writing goes straight
 * to Jackson's generator, in a fixed field order, so equal values give identical JSON. Internal to Kizuna.
 */
public interface JsonCodec<T> extends JsonReader<T> {
    /** Writes {@code value} as one JSON value. */
    void write(T value, JsonGenerator out) throws IOException;
}
