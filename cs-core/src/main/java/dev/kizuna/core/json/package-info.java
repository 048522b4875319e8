/**
 * JSON for every cs-core type, through {@link dev.kizuna.core.json.KizunaModule}, a Jackson module that hosts
 * register on their own {@code ObjectMapper}.
 *
 * <p>Reading is strict whatever the host mapper's settings are: unknown fields, missing required fields, fields that
 * appear twice, wrong JSON types, non-finite numbers, text that is not valid Unicode, dates outside 0001-01-01 to
 * 9999-12-31, decimals beyond Money's limits and values that break a type's rules all fail with a message that
 * starts with the JSON path of the offending value, for example
 * {@code $.journey.entries[1].enteredAt: 2024-01-01T00:00:00Z is not after the previous entry's ...}.
 * Nothing is defaulted silently; only optional fields may be absent (or {@code null}), and a {@code null} where a
 * value is expected is an error. {@link dev.kizuna.core.json.KizunaJson#describe} tells any reading error, syntax
 * included, in the user's terms.
 */
@NullMarked
package dev.kizuna.core.json;

import org.jspecify.annotations.NullMarked;
