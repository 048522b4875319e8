/**
 * Signals: the named numbers about an account (active users, NPS, open tickets, days to renewal, ...) that health
 * scores and playbooks read. A {@link dev.kizuna.core.signal.SignalSnapshot} holds an account's values at an instant;
 * a {@link dev.kizuna.core.signal.SignalHistory} holds its snapshots over time, for trends.
 *
 * <p>Signals are computed by the host or by the metric modules; this package only names and carries them. A missing
 * signal is absent, never defaulted, so that scores can treat missing data openly. Every signal has a
 * {@link dev.kizuna.core.signal.SignalDomain domain}, the values it can take, and a snapshot refuses a value outside
 * it: an impossible value is rejected where it enters, never scored.
 */
@NullMarked
package dev.kizuna.core.signal;

import org.jspecify.annotations.NullMarked;
