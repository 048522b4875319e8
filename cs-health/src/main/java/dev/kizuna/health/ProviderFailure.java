package dev.kizuna.health;

import java.util.Objects;

/**
 * A health-model provider that could not be loaded or did not behave, isolated so the others still work.
 *
 * @param provider the provider's class name, or what is known of it (for a provider that could not be found)
 * @param problem  what went wrong
 */
public record ProviderFailure(String provider, String problem) {

    /** Validates the parts. */
    public ProviderFailure {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(problem, "problem");
    }
}
