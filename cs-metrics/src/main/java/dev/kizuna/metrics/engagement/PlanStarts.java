package dev.kizuna.metrics.engagement;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.plan.SuccessPlan;

import java.time.LocalDate;
import java.util.Map;

/** Looks up a plan's contract start for the plan-based lifecycle metrics. */
final class PlanStarts {
    private PlanStarts() {
    }

    /** Returns the contract start of the plan's account, naming the plan when there is none. */
    static LocalDate contractStart(SuccessPlan plan, Map<AccountId, LocalDate> contractStarts) {
        LocalDate start = contractStarts.get(plan.account());
        if (start == null) {
            throw new IllegalArgumentException("contractStarts: no contract start for account '" + plan.account()
                    + "' of plan '" + plan.id() + "'");
        }
        return start;
    }
}
