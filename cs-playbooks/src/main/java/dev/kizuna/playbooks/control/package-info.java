/**
 * Control groups: deterministic hold-out assignment of accounts to a playbook's control group, and the uplift of a
 * playbook measured against it.
 */
@NullMarked
package dev.kizuna.playbooks.control;

import org.jspecify.annotations.NullMarked;
