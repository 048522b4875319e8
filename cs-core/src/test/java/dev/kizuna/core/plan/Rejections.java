package dev.kizuna.core.plan;

import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Asserts that a constructor rejects its argument with a message that names the field and the bad value. */
final class Rejections {
    private Rejections() {
    }

    /**
     * Asserts that {@code call} throws {@link IllegalArgumentException} whose message starts with {@code field + ":"}
     * and contains every one of {@code fragments} (the offending value, the rule).
     */
    static IllegalArgumentException assertRejected(String field, Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        String message = String.valueOf(e.getMessage());
        assertTrue(message.startsWith(field + ":"), () -> "expected the message to name " + field + ": " + message);
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), () -> "expected '" + fragment + "' in: " + message);
        }
        return e;
    }
}
