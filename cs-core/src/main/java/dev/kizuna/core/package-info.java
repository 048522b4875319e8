/**
 * The customer and its money: {@link dev.kizuna.core.Account}, {@link dev.kizuna.core.Money} and the small value
 * types an account is made of, and {@link dev.kizuna.core.Portfolio}, a set of accounts with what happened to them
 * over a window.
 */
@NullMarked
package dev.kizuna.core;

import org.jspecify.annotations.NullMarked;
