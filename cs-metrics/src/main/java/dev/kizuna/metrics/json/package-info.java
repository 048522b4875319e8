/**
 * JSON for cs-metrics' values that are stored and reloaded: {@link dev.kizuna.metrics.json.ClvJsonModule}, the
 * Jackson module of the fitted CLV models and their fit reports, registered on a mapper beside cs-core's
 * {@code KizunaModule}.
 *
 * <p>Reading is strict whatever the mapper's settings are, with cs-core's reader: an error's message starts with the
 * JSON path of the offending value, and {@code KizunaJson.describe} tells it in the user's terms.
 */
@NullMarked
package dev.kizuna.metrics.json;

import org.jspecify.annotations.NullMarked;
