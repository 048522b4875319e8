package dev.kizuna.core.json;

/** Reads one value of type {@code T} from JSON. */
@FunctionalInterface
interface JsonReader<T> {
    T read(JsonIn in);
}
