/**
 * A backend service around Kizuna: {@link dev.kizuna.examples.backend.KizunaService} serves health scores, playbook
 * actions and revenue metrics as JSON over HTTP, using only the JDK's built-in HTTP server.
 */
@NullMarked
package dev.kizuna.examples.backend;

import org.jspecify.annotations.NullMarked;
