/**
 * Manual overrides of health scores: a value or a band set by a person, with a reason and an expiry, applied
 * beside the model's score (which stays visible) and kept in an append-only audit log.
 */
@NullMarked
package dev.kizuna.health.override;

import org.jspecify.annotations.NullMarked;
