package dev.kizuna.core.json;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/**
 * Reads and writes one cs-core type. Reading goes through {@link JsonIn}, which tracks the JSON path; writing
 * goes straight to Jackson's generator, in a fixed field order, so equal values give identical JSON.
 */
interface JsonCodec<T> extends JsonReader<T> {
    void write(T value, JsonGenerator out) throws IOException;
}
