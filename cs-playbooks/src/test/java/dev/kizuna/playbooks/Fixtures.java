package dev.kizuna.playbooks;

import dev.kizuna.core.Account;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.Contract;
import dev.kizuna.core.Segment;
import dev.kizuna.core.Tier;
import dev.kizuna.core.journey.JourneyStage;
import dev.kizuna.core.plan.CsRole;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.Contribution;
import dev.kizuna.health.HealthScore;
import dev.kizuna.health.ModelId;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Small builders of accounts, scores, snapshots and rules for the tests. */
public final class Fixtures {
    public static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    public static final Instant MONTH_AGO = NOW.minus(Duration.ofDays(30));
    private static final ModelId MODEL = ModelId.of("test-model", "1");

    private Fixtures() {
    }

    /** An enterprise account, rank-1 tier, in retention since a year, renewing in {@code daysToRenewal} days. */
    public static Account account(String id, int daysToRenewal) {
        LocalDate today = LocalDate.of(2026, 6, 1);
        LocalDate renewal = today.plusDays(daysToRenewal);
        return Account.builder(AccountId.of(id), "Customer " + id)
                .segment(Segment.of("enterprise")).tier(Tier.of("strategic", 1)).currency("USD")
                .contract(new Contract(renewal.minusYears(1), renewal, Period.ofYears(1)))
                .stage(JourneyStage.RETENTION, NOW.minus(Duration.ofDays(365)))
                .build();
    }

    /** An smb account in the given stage since {@code days} days, without contract. */
    public static Account account(String id, JourneyStage stage, int days) {
        return Account.builder(AccountId.of(id), "Customer " + id)
                .segment(Segment.of("smb")).tier(Tier.of("standard", 3)).currency("USD")
                .stage(stage, NOW.minus(Duration.ofDays(days)))
                .build();
    }

    /**
     * A health score of {@code value} on the standard bands (red below 50, yellow below 75, green above), made of one
     * baseline contribution. The only place the tests build a {@link Contribution}.
     */
    public static HealthScore health(AccountId account, double value, Instant at) {
        Contribution all = new Contribution("baseline", "Baseline", Contribution.Kind.BASELINE, Optional.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), 0, value, 0);
        return HealthScore.scored(account, MODEL, at, at, value, BandScheme.standard(), List.of(all), 1.0, List.of());
    }

    /** A snapshot of the given signal values: name, value, name, value, ... */
    public static SignalSnapshot snapshot(AccountId account, Instant at, Object... nameValues) {
        SignalSnapshot.Builder b = SignalSnapshot.builder(account, at);
        for (int i = 0; i < nameValues.length; i += 2) {
            b.put(SignalName.of((String) nameValues[i]), ((Number) nameValues[i + 1]).doubleValue());
        }
        return b.build();
    }

    /** A CSM task of the given template. */
    public static Action task(String template) {
        return Action.of(ActionKind.TASK, CsRole.CUSTOMER_SUCCESS_MANAGER, template);
    }

    /** A customer e-mail of the given template. */
    public static Action email(String template) {
        return Action.of(ActionKind.CUSTOMER_MESSAGE, CsRole.CUSTOMER_SUCCESS_MANAGER, template);
    }

    /** A rule of the given id, priority and condition, with one action. */
    public static Rule rule(String id, int priority, Condition when, Action action) {
        return Rule.builder(id).priority(priority).when(when).action(action).build();
    }

    /** An inclusive playbook of the given rules. */
    public static Playbook playbook(String id, Rule... rules) {
        Playbook.Builder b = Playbook.builder(id, Playbook.Archetype.RISK);
        for (Rule r : rules) {
            b.rule(r);
        }
        return b.build();
    }
}
