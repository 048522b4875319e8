/**
 * The customer and its money: {@link dev.kizuna.core.Account}, {@link dev.kizuna.core.Money} and the small value
 * types an account is made of.
 */
@NullMarked
package dev.kizuna.core;

import org.jspecify.annotations.NullMarked;
