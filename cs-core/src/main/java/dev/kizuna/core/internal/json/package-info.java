/**
 * Kizuna's strict JSON reading: a tree read the same way whatever the host mapper's features say
 * ({@link dev.kizuna.core.internal.json.StrictTree}), values read at a known path
 * ({@link dev.kizuna.core.internal.json.JsonIn}), and codecs bound to Jackson modules. Exported only to Kizuna's
 * own modules; not an API.
 */
@NullMarked
package dev.kizuna.core.internal.json;

import org.jspecify.annotations.NullMarked;
