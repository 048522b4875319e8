/**
 * Probabilistic customer lifetime value for customers without a contract (BG/NBD, Pareto/NBD, Gamma-Gamma) and
 * for contractual renewal (shifted-beta-geometric).
 */
@NullMarked
package dev.kizuna.metrics.clv;

import org.jspecify.annotations.NullMarked;
