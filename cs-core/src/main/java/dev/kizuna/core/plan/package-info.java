/**
 * The success plan: the per-customer design document that lines up what the vendor delivers with what the
 * customer wants, and the reusable {@link dev.kizuna.core.plan.PlanTemplate}s a team starts from.
 *
 * <p>A {@link dev.kizuna.core.plan.SuccessPlan} holds the customer's {@link dev.kizuna.core.plan.CustomerProfile},
 * its SMART {@link dev.kizuna.core.plan.SmartGoal}s (a metric, a baseline, a target and a due date, so progress is
 * computable), its {@link dev.kizuna.core.plan.Milestone}s and {@link dev.kizuna.core.plan.Touchpoint}s, who plays
 * which {@link dev.kizuna.core.plan.CsRole}, and the {@link dev.kizuna.core.plan.StageAction}s per journey stage
 * with their handoffs between teams. Its {@link dev.kizuna.core.plan.PlanStatus} (on track, at risk, off track) is
 * derived from goal progress and overdue milestones by a documented, tunable
 * {@link dev.kizuna.core.plan.StatusRule}.
 *
 * <p>Every type here is an immutable value, validated when it is built, and safe to share between threads.
 */
@NullMarked
package dev.kizuna.core.plan;

import org.jspecify.annotations.NullMarked;
