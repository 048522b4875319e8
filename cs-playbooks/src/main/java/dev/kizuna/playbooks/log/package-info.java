/**
 * The {@link dev.kizuna.playbooks.log.ActionLog} SPI: where firings, open actions and customer contacts are kept
 * between evaluations, for cooldowns, firing limits, one voice per customer and dedupe keys; and its in-memory
 * default.
 */
@NullMarked
package dev.kizuna.playbooks.log;

import org.jspecify.annotations.NullMarked;
