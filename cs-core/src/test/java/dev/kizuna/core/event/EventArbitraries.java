package dev.kizuna.core.event;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.CoreArbitraries;
import dev.kizuna.core.Dates;
import dev.kizuna.core.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;

/**
 * Generators of valid event values, shared by the property tests of the event and JSON packages: over the whole range
 * a value may take (see {@link CoreArbitraries}).
 */
public final class EventArbitraries {
    private EventArbitraries() {
    }

    /** Identifiers of any valid Unicode (quotes, backslashes, inner spaces, every plane) but no surrounding space. */
    public static Arbitrary<String> identifiers() {
        return CoreArbitraries.identifiers();
    }

    public static Arbitrary<AccountId> accountIds() {
        return identifiers().map(AccountId::of);
    }

    /** Every supported date, both ends weighted in. */
    public static Arbitrary<LocalDate> dates() {
        return CoreArbitraries.supportedDates();
    }

    /** Instants of everyday data, 1970 to 2100 (the signal properties use them). */
    public static Arbitrary<Instant> instants() {
        return Combinators.combine(
                        Arbitraries.longs().between(0, 4_102_444_800L),
                        Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999_999_999)))
                .as(Instant::ofEpochSecond);
    }

    public static Arbitrary<Currency> currencies() {
        return Arbitraries.of("EUR", "USD", "JPY", "GBP", "BHD").map(Currency::getInstance);
    }

    /** Non-negative money with up to 18 digits before and 18 after the decimal point. */
    public static Arbitrary<Money> nonNegativeMoney(Currency currency) {
        return CoreArbitraries.amounts().map(a -> Money.of(a.abs(), currency));
    }

    /** Unit prices below 10^13, so that a price times up to 10,000 units stays within Money's 18 digits. */
    public static Arbitrary<Money> unitPrices(Currency currency) {
        return nonNegativeMoney(currency).map(m -> Money.of(m.amount().movePointLeft(5), currency));
    }

    public static Arbitrary<Money> nonNegativeMoney() {
        return currencies().flatMap(EventArbitraries::nonNegativeMoney);
    }

    /** Every kind of discount: none, a percentage with up to 3 decimals, or an amount in {@code currency}. */
    public static Arbitrary<Discount> discounts(Currency currency) {
        return Arbitraries.oneOf(
                Arbitraries.just(Discount.none()),
                Arbitraries.integers().between(0, 100_000).map(p -> Discount.percent(BigDecimal.valueOf(p, 3))),
                Arbitraries.bigIntegers().between(java.math.BigInteger.ZERO, java.math.BigInteger.TEN.pow(20))
                        .map(p -> Discount.percent(new BigDecimal(p, Discount.MAX_PERCENT_FRACTION_DIGITS))),
                nonNegativeMoney(currency).map(Discount::amount));
    }

    public static Arbitrary<RecurringCharge> charges() {
        return currencies().flatMap(currency -> Combinators.combine(
                        identifiers(),
                        unitPrices(currency),
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
                    case START, CHANGE -> new SubscriptionEvent(account, id, kind, date, earlier(date, lead), Optional.of(charge));
                    case CANCEL -> SubscriptionEvent.cancel(account, id, earlier(date, lead), date);
                    case END -> new SubscriptionEvent(account, id, kind, date, later(date, lead), Optional.empty());
                });
    }

    private static LocalDate earlier(LocalDate date, int days) {
        LocalDate d = date.minusDays(days);
        return d.isBefore(Dates.EARLIEST) ? Dates.EARLIEST : d;
    }

    private static LocalDate later(LocalDate date, int days) {
        LocalDate d = date.plusDays(days);
        return d.isAfter(Dates.LATEST) ? Dates.LATEST : d;
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
        return Combinators.combine(accountIds(), identifiers(), CoreArbitraries.supportedInstants(), identifiers(),
                        identifiers().optional())
                .as(ActivityRecord::new);
    }

    /** Scales of everyday widths, and the widest ones ({@code int} minimum to maximum). */
    public static Arbitrary<SurveyScale> scales() {
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.integers().between(-10, 10), Arbitraries.integers().between(1, 20))
                        .as((min, width) -> SurveyScale.of(min, min + width)),
                Arbitraries.of(SurveyScale.of(Integer.MIN_VALUE, Integer.MAX_VALUE),
                        SurveyScale.of(Integer.MAX_VALUE - 1, Integer.MAX_VALUE)));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    public static Arbitrary<SurveyResponse> surveyResponses() {
        Arbitrary<SurveyScale> anyScale = Arbitraries.oneOf(
                Arbitraries.of(SurveyScale.CSAT_DEFAULT, SurveyScale.CES_DEFAULT), scales());
        return Combinators.combine(
                        accountIds(), identifiers(), CoreArbitraries.supportedInstants(),
                        Arbitraries.of(SurveyResponse.Kind.class), anyScale, Arbitraries.doubles().between(0, 1),
                        CoreArbitraries.texts().optional())
                .as((account, respondent, at, kind, scale, position, comment) -> {
                    SurveyScale used = kind == SurveyResponse.Kind.NPS ? SurveyScale.NPS : scale;
                    int score = (int) (used.min() + (long) Math.floor(position * (used.size() - 1) + 0.5));
                    return new SurveyResponse(account, respondent, at, kind, used, score, comment);
                });
    }

    public static Arbitrary<SupportTicket> supportTickets() {
        return Combinators.combine(
                        identifiers(), accountIds(), CoreArbitraries.supportedInstants(),
                        Arbitraries.longs().between(0, 10_000_000),
                        Arbitraries.of(SupportTicket.Priority.class), Arbitraries.of(true, false),
                        Arbitraries.of(SupportTicket.Status.class))
                .as((id, account, opened, seconds, priority, escalated, status) -> new SupportTicket(
                        id, account, opened,
                        status.isResolved() ? Optional.of(min(opened.plusSeconds(seconds), Dates.LATEST_INSTANT))
                                : Optional.empty(),
                        priority, escalated, status));
    }
}
