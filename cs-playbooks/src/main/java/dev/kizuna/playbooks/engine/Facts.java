package dev.kizuna.playbooks.engine;

import dev.kizuna.core.Account;
import dev.kizuna.core.event.SurveyResponse;
import dev.kizuna.core.journey.JourneyStage;
import dev.kizuna.core.journey.StageEntry;
import dev.kizuna.core.plan.SuccessPlan;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.HealthBand;
import dev.kizuna.health.HealthScore;
import dev.kizuna.core.internal.Numbers;
import dev.kizuna.playbooks.Fact;
import dev.kizuna.playbooks.FactKind;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/** Reads the facts of one context, current or previous: as numbers for evaluation, as text for traces. */
final class Facts {
    private static final double SECONDS_PER_DAY = 86_400.0;

    private final EvaluationContext c;

    Facts(EvaluationContext context) {
        this.c = context;
    }

    /** Returns the slot's value: the numeric fact, or 1/0 for membership; NaN when missing. */
    double value(Slot slot, boolean previous) {
        Fact f = slot.fact();
        if (slot.membership().isPresent()) {
            Optional<Set<String>> actual = categories(f, previous);
            if (actual.isEmpty()) {
                return Double.NaN;
            }
            for (String v : slot.membership().get().values()) {
                if (actual.get().contains(v)) {
                    return 1;
                }
            }
            return 0;
        }
        return number(f, previous);
    }

    /** Returns the fact's actual value as a person reads it; {@code missing} when absent. */
    String display(Fact f, boolean previous) {
        if (f.kind().isNumeric()) {
            double v = number(f, previous);
            return Numbers.rawOrMissing(v);
        }
        Optional<Set<String>> actual = categories(f, previous);
        if (actual.isEmpty()) {
            return "missing";
        }
        return f.kind() == FactKind.TAGS ? actual.get().toString() : String.join(",", actual.get());
    }

    private Optional<Instant> at(boolean previous) {
        return previous ? c.previousAt() : Optional.of(c.now());
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private double number(Fact f, boolean previous) {
        Account a = c.account();
        Optional<Instant> at = at(previous);
        switch (f.kind()) {
            case SIGNAL: {
                Optional<SignalSnapshot> s = previous ? c.previousSignals() : c.latestSignals();
                return s.isEmpty() ? Double.NaN : orNaN(s.get().value(f.signal().orElseThrow()));
            }
            case SIGNAL_CHANGE:
                return at.isEmpty() ? Double.NaN
                        : orNaN(c.signals().change(f.signal().orElseThrow(), f.window().orElseThrow(), at.get()));
            case HEALTH_SCORE: {
                Optional<HealthScore> h = previous ? c.previousHealth() : c.health();
                return h.isEmpty() ? Double.NaN : orNaN(h.get().value());
            }
            case DAYS_TO_RENEWAL:
                return at.isEmpty() || a.contract().isEmpty() ? Double.NaN
                        : a.contract().get().daysToRenewal(day(at.get()));
            case CONTRACT_TERM_DAYS:
                return a.contract().isEmpty() ? Double.NaN
                        : ChronoUnit.DAYS.between(a.contract().get().startDate(), a.contract().get().renewalDate());
            case DAYS_IN_STAGE: {
                if (at.isEmpty()) {
                    return Double.NaN;
                }
                Optional<StageEntry> entry = entryAt(at.get());
                return entry.isEmpty() ? Double.NaN
                        : Duration.between(entry.get().enteredAt(), at.get()).getSeconds() / SECONDS_PER_DAY;
            }
            case OVERDUE_MILESTONES: {
                Optional<SuccessPlan> p = c.plan();
                return at.isEmpty() || p.isEmpty() ? Double.NaN : p.get().overdueMilestones(day(at.get())).size();
            }
            case PROMOTERS:
            case DETRACTORS:
                return at.isEmpty() ? Double.NaN : countAnswers(f.kind() == FactKind.PROMOTERS,
                        f.window().orElseThrow(), at.get());
            case TIER_RANK:
                return a.tier().rank();
            default:
                throw new IllegalStateException("not a numeric fact: " + f.kind());
        }
    }

    private Optional<Set<String>> categories(Fact f, boolean previous) {
        Account a = c.account();
        Optional<Instant> at = at(previous);
        switch (f.kind()) {
            case HEALTH_BAND: {
                Optional<HealthScore> h = previous ? c.previousHealth() : c.health();
                return h.flatMap(HealthScore::band).map(HealthBand::name).map(Set::of);
            }
            case STAGE:
                return at.flatMap(i -> c.account().journey().stageAt(i)).map(JourneyStage::name).map(Set::of);
            case PLAN_STATUS:
                if (at.isEmpty() || c.plan().isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(Set.of(c.plan().get().status(day(at.get())).name()));
            case SEGMENT:
                return Optional.of(Set.of(a.segment().name()));
            case TAGS:
                return Optional.of(a.tags());
            default:
                throw new IllegalStateException("not a categorical fact: " + f.kind());
        }
    }

    private Optional<StageEntry> entryAt(Instant instant) {
        StageEntry found = null;
        for (StageEntry e : c.account().journey().entries()) {
            if (e.enteredAt().isAfter(instant)) {
                break;
            }
            found = e;
        }
        return Optional.ofNullable(found);
    }

    /** NPS answers of promoters (or detractors) answered in {@code (at - window, at]}. */
    private int countAnswers(boolean promoters, Duration window, Instant at) {
        Instant from = at.minus(window);
        int n = 0;
        for (SurveyResponse s : c.surveys()) {
            if (s.kind() != SurveyResponse.Kind.NPS || !s.answeredAt().isAfter(from) || s.answeredAt().isAfter(at)) {
                continue;
            }
            if (promoters ? s.isPromoter() : s.isDetractor()) {
                n++;
            }
        }
        return n;
    }

    private static double orNaN(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : Double.NaN;
    }
}
