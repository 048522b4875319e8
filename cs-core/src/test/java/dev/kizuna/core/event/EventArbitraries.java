package dev.kizuna.core.event;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;

/** Generators of valid event values, shared by the property tests of the event and JSON packages. */
public final class EventArbitraries {
    private EventArbitraries() {
    }

    /** Identifiers with awkward characters (quotes, backslashes, inner spaces, non-ASCII) but no surrounding space. */
    public static Arbitrary<String> identifiers() {
        return Arbitraries.strings().withCharRange('!', '~').withChars(" é日\"\\").ofMinLength(1).ofMaxLength(16)
                .filter(s -> s.strip().equals(s));
    }

    public static Arbitrary<AccountId> accountIds() {
        return identifiers().map(AccountId::of);
    }

    public static Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(LocalDate.of(1990, 1, 1).toEpochDay(), LocalDate.of(2100, 1, 1).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    public static Arbitrary<Instant> instants() {
        return Combinators.combine(
                        Arbitraries.longs().between(0, 4_102_444_800L),
                        Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999_999_999)))
                .as(Instant::ofEpochSecond);
    }

    public static Arbitrary<Currency> currencies() {
        return Arbitraries.of("EUR", "USD", "JPY", "GBP", "BHD").map(Currency::getInstance);
    }

    /** Non-negative money with up to 4 decimal places. */
    public static Arbitrary<Money> nonNegativeMoney(Currency currency) {
        return Combinators.combine(Arbitraries.longs().between(0, 10_000_000_000L), Arbitraries.integers().between(0, 4))
                .as((unscaled, scale) -> Money.of(BigDecimal.valueOf(unscaled, scale), currency));
    }

    public static Arbitrary<Money> nonNegativeMoney() {
        return currencies().flatMap(EventArbitraries::nonNegativeMoney);
    }

    /** Every kind of discount: none, a percentage with up to 3 decimals, or an amount in {@code currency}. */
    public static Arbitrary<Discount> discounts(Currency currency) {
        return Arbitraries.oneOf(
                Arbitraries.just(Discount.none()),
                Arbitraries.integers().between(0, 100_000).map(p -> Discount.percent(BigDecimal.valueOf(p, 3))),
                nonNegativeMoney(currency).map(Discount::amount));
    }

    public static Arbitrary<RecurringCharge> charges() {
        return currencies().flatMap(currency -> Combinators.combine(
                        identifiers(),
                        nonNegativeMoney(currency),
                        Arbitraries.integers().between(1, 10_000),
                        Arbitraries.of(BillingInterval.class),
                        discounts(currency),
                        Arbitraries.of(true, false))
                .as(RecurringCharge::new));
    }

    public static Arbitrary<SubscriptionEvent> subscriptionEvents() {
        return Combinators.combine(
                        accountIds(), identifiers(), Arbitraries.of(SubscriptionEvent.Kind.class), dates(),
                        Arbitraries.integers().between(0, 400), charges())
                .as((account, id, kind, date, lead, charge) -> switch (kind) {
                    case START, CHANGE -> new SubscriptionEvent(account, id, kind, date, date.minusDays(lead), Optional.of(charge));
                    case CANCEL -> SubscriptionEvent.cancel(account, id, date.minusDays(lead), date);
                    case END -> new SubscriptionEvent(account, id, kind, date, date.plusDays(lead), Optional.empty());
                });
    }

    public static Arbitrary<Purchase> purchases() {
        return Combinators.combine(accountIds(), dates(), nonNegativeMoney()).as(Purchase::of);
    }

    public static Arbitrary<UsageRecord> usageRecords() {
        Arbitrary<UsageRecord.Builder> start = Combinators.combine(accountIds(), dates(), Arbitraries.of(UsagePeriod.class))
                .as((account, date, period) -> {
                    LocalDate aligned = switch (period) {
                        case DAY -> date;
                        case WEEK -> date.with(java.time.DayOfWeek.MONDAY);
                        case MONTH -> date.withDayOfMonth(1);
                    };
                    return UsageRecord.builder(account, aligned, period);
                });
        return Combinators.combine(
                        start,
                        Arbitraries.integers().between(0, 1_000_000),
                        Arbitraries.integers().between(1, 1_000_000).optional(),
                        Arbitraries.longs().between(0, Long.MAX_VALUE),
                        Arbitraries.longs().between(0, Long.MAX_VALUE).optional(),
                        Arbitraries.maps(identifiers(), Arbitraries.longs().between(0, Long.MAX_VALUE)).ofMaxSize(5))
                .as((b, active, seats, logins, sessions, features) -> {
                    b.activeUsers(active).logins(logins);
                    seats.ifPresent(b::licensedSeats);
                    sessions.ifPresent(b::sessions);
                    features.forEach(b::featureUse);
                    return b.build();
                });
    }

    public static Arbitrary<ActivityRecord> activityRecords() {
        return Combinators.combine(accountIds(), identifiers(), instants(), identifiers(), identifiers().optional())
                .as(ActivityRecord::new);
    }

    public static Arbitrary<SurveyScale> scales() {
        return Combinators.combine(Arbitraries.integers().between(-10, 10), Arbitraries.integers().between(1, 20))
                .as((min, width) -> SurveyScale.of(min, min + width));
    }

    public static Arbitrary<SurveyResponse> surveyResponses() {
        Arbitrary<SurveyScale> anyScale = Arbitraries.oneOf(
                Arbitraries.of(SurveyScale.CSAT_DEFAULT, SurveyScale.CES_DEFAULT), scales());
        return Combinators.combine(
                        accountIds(), identifiers(), instants(), Arbitraries.of(SurveyResponse.Kind.class), anyScale,
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.strings().ofMinLength(1).ofMaxLength(40).filter(s -> !s.isBlank()).optional())
                .as((account, respondent, at, kind, scale, position, comment) -> {
                    SurveyScale used = kind == SurveyResponse.Kind.NPS ? SurveyScale.NPS : scale;
                    int score = used.min() + (int) Math.floor(position * (used.size() - 1) + 0.5);
                    return new SurveyResponse(account, respondent, at, kind, used, score, comment);
                });
    }

    public static Arbitrary<SupportTicket> supportTickets() {
        return Combinators.combine(
                        identifiers(), accountIds(), instants(), Arbitraries.longs().between(0, 10_000_000),
                        Arbitraries.of(SupportTicket.Priority.class), Arbitraries.of(true, false),
                        Arbitraries.of(SupportTicket.Status.class))
                .as((id, account, opened, seconds, priority, escalated, status) -> new SupportTicket(
                        id, account, opened,
                        status.isResolved() ? Optional.of(opened.plusSeconds(seconds)) : Optional.empty(),
                        priority, escalated, status));
    }
}
