/** cs-core's private machinery; not exported. */
@NullMarked
package dev.kizuna.core.internal;

import org.jspecify.annotations.NullMarked;
