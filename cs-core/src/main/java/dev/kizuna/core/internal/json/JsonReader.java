package dev.kizuna.core.internal.json;

/** Reads one value of type {@code T} from JSON. Internal to Kizuna. */
@FunctionalInterface
public interface JsonReader<T> {
    /** Returns the value at {@code in}, or throws {@link JsonInputException} naming its path. */
    T read(JsonIn in);
}
