package dev.kizuna.playbooks.engine;

import dev.kizuna.core.Account;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.Portfolio;
import dev.kizuna.core.event.SurveyResponse;
import dev.kizuna.core.plan.SuccessPlan;
import dev.kizuna.core.signal.SignalHistory;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.HealthScore;
import dev.kizuna.core.internal.Checks;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Builds the {@link EvaluationContext}s of a {@link Portfolio}'s current customers, to run playbooks over a whole
 * book of business (the files {@code kizuna demo --out} writes, or a host's own).
 *
 * <pre>{@code
 * List<EvaluationContext> contexts = PortfolioContexts.builder(portfolio)
 *         .health(snapshot -> model.score(snapshot, snapshot.at()))
 *         .build();
 * }</pre>
 *
 * <p>For each account, in the portfolio's order: its signal snapshots up to {@code now} form the history; the latest
 * and the one before are scored by the health function (when given) as the current and previous health; its
 * success plan and its survey answers of the last {@code surveyLookback} are attached. An account whose latest
 * snapshot is older than {@code activeWithin} (or that has none) is not a current customer and gets no context. Not
 * thread-safe; the contexts it builds are.
 */
public final class PortfolioContexts {
    private final Portfolio portfolio;
    private Instant now;
    private @Nullable Function<SignalSnapshot, HealthScore> health;
    private Duration surveyLookback = Duration.ofDays(180);
    private Duration activeWithin = Duration.ofDays(45);

    private PortfolioContexts(Portfolio portfolio) {
        this.portfolio = Objects.requireNonNull(portfolio, "portfolio");
        this.now = portfolio.asOf().atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** Returns a builder for the portfolio, evaluated at the start (UTC) of its {@code asOf} day. */
    public static PortfolioContexts builder(Portfolio portfolio) {
        return new PortfolioContexts(portfolio);
    }

    /** Sets the instant of the evaluation. Default: the start of the portfolio's {@code asOf} day, UTC. */
    public PortfolioContexts now(Instant now) {
        this.now = Objects.requireNonNull(now, "now");
        return this;
    }

    /** Sets how snapshots are scored, such as {@code s -> model.score(s, s.at())}. Default: no health scores. */
    public PortfolioContexts health(Function<SignalSnapshot, HealthScore> health) {
        this.health = Objects.requireNonNull(health, "health");
        return this;
    }

    /** Sets how far back survey answers are attached. Default 180 days. */
    public PortfolioContexts surveyLookback(Duration surveyLookback) {
        this.surveyLookback = Checks.window(surveyLookback, "surveyLookback");
        return this;
    }

    /** Sets how recent an account's latest snapshot must be for it to count as a current customer. Default 45 days. */
    public PortfolioContexts activeWithin(Duration activeWithin) {
        this.activeWithin = Checks.window(activeWithin, "activeWithin");
        return this;
    }

    /** Builds the contexts of the current customers, in the portfolio's account order. */
    public List<EvaluationContext> build() {
        Map<AccountId, List<SignalSnapshot>> signals = new HashMap<>();
        for (SignalSnapshot s : portfolio.signals()) {
            if (!s.at().isAfter(now)) {
                signals.computeIfAbsent(s.account(), k -> new ArrayList<>()).add(s);
            }
        }
        Map<AccountId, List<SurveyResponse>> surveys = new HashMap<>();
        Instant surveysFrom = now.minus(surveyLookback);
        for (SurveyResponse s : portfolio.surveys()) {
            if (s.answeredAt().isAfter(surveysFrom) && !s.answeredAt().isAfter(now)) {
                surveys.computeIfAbsent(s.account(), k -> new ArrayList<>()).add(s);
            }
        }
        Map<AccountId, SuccessPlan> plans = new HashMap<>();
        for (SuccessPlan p : portfolio.plans()) {
            plans.put(p.account(), p);
        }
        Instant activeFrom = now.minus(activeWithin);
        List<EvaluationContext> out = new ArrayList<>();
        for (Account a : portfolio.accounts()) {
            List<SignalSnapshot> snaps = signals.getOrDefault(a.id(), List.of());
            if (snaps.isEmpty()) {
                continue;
            }
            snaps.sort((x, y) -> x.at().compareTo(y.at()));
            SignalSnapshot latest = snaps.get(snaps.size() - 1);
            if (latest.at().isBefore(activeFrom)) {
                continue;
            }
            EvaluationContext.Builder b = EvaluationContext.builder(a, now)
                    .signals(SignalHistory.of(a.id(), snaps))
                    .surveys(surveys.getOrDefault(a.id(), List.of()));
            if (health != null) {
                b.health(health.apply(latest));
                if (snaps.size() > 1) {
                    b.previousHealth(health.apply(snaps.get(snaps.size() - 2)));
                }
            }
            SuccessPlan plan = plans.get(a.id());
            if (plan != null) {
                b.plan(plan);
            }
            out.add(b.build());
        }
        return out;
    }
}
