/**
 * JSON for every cs-core type, through {@link dev.kizuna.core.json.KizunaModule}, a Jackson module that hosts
 * register on their own {@code ObjectMapper}.
 *
 * <p>Reading is strict whatever the host mapper's settings are: unknown fields, missing required fields, wrong
 * JSON types, non-finite numbers and values that break a type's rules all fail with a message that starts with
 * the JSON path of the offending value, for example
 * {@code $.journey.entries[1].enteredAt: 2024-01-01T00:00:00Z is not after the previous entry's ...}.
 * Nothing is defaulted silently; only optional fields may be absent (or {@code null}).
 */
@NullMarked
package dev.kizuna.core.json;

import org.jspecify.annotations.NullMarked;
