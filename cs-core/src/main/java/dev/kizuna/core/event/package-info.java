/**
 * The inputs the metric, health and playbook modules consume: subscription events, usage and activity records,
 * purchases of non-contractual customers, survey responses and support tickets.
 */
@NullMarked
package dev.kizuna.core.event;

import org.jspecify.annotations.NullMarked;
