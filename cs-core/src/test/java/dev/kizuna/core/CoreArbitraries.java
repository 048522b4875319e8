package dev.kizuna.core;

import dev.kizuna.core.journey.JourneyHistory;
import dev.kizuna.core.journey.JourneyStage;
import dev.kizuna.core.journey.StageEntry;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * jqwik generators of valid cs-core values, shared by the property tests. They cover the whole range a value may
 * take: dates from 0001-01-01 to 9999-12-31 (both ends weighted in), amounts with 18 digits before and 18 after the
 * decimal point, and any valid Unicode text (letters of every plane, quotes, back-slashes, line separators).
 */
public final class CoreArbitraries {
    private CoreArbitraries() {
    }

    /** Code points of valid Unicode text, weighted towards the characters JSON and UTF-8 treat specially. */
    public static Arbitrary<Integer> codePoints() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0x20, 0x7E)),
                Tuple.of(2, Arbitraries.of((int) '"', (int) '\\', (int) '/', 0x2028, 0x2029, 0xFEFF, 0xFFFD, 0xFFFF,
                        0x7F, 0x85, 0xA0, 0xE9, 0x65E5, 0x1F600, 0x10FFFF, 0x10000)),
                Tuple.of(2, Arbitraries.integers().between(0xA0, 0xFFFF).filter(c -> !Character.isSurrogate((char) (int) c))),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF)));
    }

    /** Any valid Unicode text of {@code min} to {@code max} code points, control characters included. */
    public static Arbitrary<String> unicode(int min, int max) {
        Arbitrary<Integer> any = Arbitraries.frequencyOf(Tuple.of(9, codePoints()),
                Tuple.of(1, Arbitraries.integers().between(0, 0x1F)));
        return any.list().ofMinSize(min).ofMaxSize(max).map(CoreArbitraries::text);
    }

    /** Identifiers: any valid Unicode without control characters or surrounding white space, 1 to 20 code points. */
    public static Arbitrary<String> identifiers() {
        return codePoints().filter(c -> !Character.isISOControl(c)).list().ofMinSize(1).ofMaxSize(20)
                .map(CoreArbitraries::text).filter(s -> !s.isEmpty() && s.strip().equals(s));
    }

    /** Non-blank texts of valid Unicode, control characters included. */
    public static Arbitrary<String> texts() {
        return unicode(1, 24).filter(s -> !s.isBlank());
    }

    private static String text(java.util.List<Integer> codePoints) {
        StringBuilder out = new StringBuilder();
        codePoints.forEach(out::appendCodePoint);
        return out.toString();
    }

    /** Every supported date, both ends of the range weighted in. */
    public static Arbitrary<LocalDate> supportedDates() {
        return Arbitraries.longs().between(Dates.EARLIEST.toEpochDay(), Dates.LATEST.toEpochDay())
                .edgeCases(c -> c.includeOnly(Dates.EARLIEST.toEpochDay(), Dates.LATEST.toEpochDay()))
                .map(LocalDate::ofEpochDay);
    }

    /** Every supported instant, to the nanosecond, both ends of the range weighted in. */
    public static Arbitrary<Instant> supportedInstants() {
        return Combinators.combine(
                        Arbitraries.longs().between(Dates.EARLIEST_INSTANT.getEpochSecond(),
                                        Dates.LATEST_INSTANT.getEpochSecond())
                                .edgeCases(c -> c.includeOnly(Dates.EARLIEST_INSTANT.getEpochSecond(),
                                        Dates.LATEST_INSTANT.getEpochSecond())),
                        Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999_999_999)))
                .as(Instant::ofEpochSecond);
    }

    /** Amounts with up to 18 digits before and 18 after the decimal point, of either sign, zero included. */
    public static Arbitrary<BigDecimal> amounts() {
        Arbitrary<BigInteger> whole = Arbitraries.bigIntegers()
                .between(BigInteger.ZERO, BigInteger.TEN.pow(Money.MAX_INTEGER_DIGITS).subtract(BigInteger.ONE));
        Arbitrary<BigInteger> fraction = Arbitraries.bigIntegers()
                .between(BigInteger.ZERO, BigInteger.TEN.pow(Money.MAX_INPUT_FRACTION_DIGITS).subtract(BigInteger.ONE));
        return Combinators.combine(whole, fraction, Arbitraries.integers().between(0, Money.MAX_INPUT_FRACTION_DIGITS),
                        Arbitraries.of(1, -1))
                .as((w, f, scale, sign) -> new BigDecimal(w).add(new BigDecimal(f, Money.MAX_INPUT_FRACTION_DIGITS)
                        .setScale(scale, java.math.RoundingMode.DOWN)).multiply(BigDecimal.valueOf(sign)))
                .edgeCases(c -> c.add(new BigDecimal("999999999999999999.999999999999999999"),
                        new BigDecimal("-999999999999999999.999999999999999999"), new BigDecimal("1E-18"),
                        BigDecimal.ZERO));
    }

    public static Arbitrary<Currency> currencies() {
        return Arbitraries.of("EUR", "USD", "JPY", "GBP", "BHD").map(Currency::getInstance);
    }

    public static Arbitrary<Money> money(Currency currency) {
        return amounts().map(a -> Money.of(a, currency));
    }

    public static Arbitrary<Money> money() {
        return currencies().flatMap(CoreArbitraries::money);
    }

    public static Arbitrary<LocalDate> dates() {
        return supportedDates();
    }

    /** Supported instants that leave a year of room for the later entries of a journey. */
    public static Arbitrary<Instant> instants() {
        Instant lastStart = Dates.LATEST_INSTANT.minusSeconds(366L * 86_400);
        return supportedInstants().map(i -> i.isAfter(lastStart) ? lastStart : i);
    }

    public static Arbitrary<JourneyHistory> journeys() {
        return Arbitraries.integers().between(1, 6).flatMap(n -> Combinators.combine(
                Arbitraries.longs().between(1, 5_000_000).list().ofSize(n),
                Arbitraries.of(JourneyStage.class).list().ofSize(n),
                instants()).as((gaps, stages, start) -> {
                    List<StageEntry> entries = new ArrayList<>();
                    Instant at = start;
                    JourneyStage previous = null;
                    for (int i = 0; i < n; i++) {
                        JourneyStage s = stages.get(i) == previous
                                ? JourneyStage.values()[(previous.ordinal() + 1) % JourneyStage.values().length]
                                : stages.get(i);
                        at = at.plusSeconds(gaps.get(i));
                        entries.add(StageEntry.of(s, at));
                        previous = s;
                    }
                    return JourneyHistory.of(entries);
                }));
    }

    public static Arbitrary<Contract> contracts() {
        LocalDate lastStart = Dates.LATEST.minusYears(3);
        return Combinators.combine(dates(), Arbitraries.integers().between(1, 36))
                .as((start, months) -> Contract.starting(start.isAfter(lastStart) ? lastStart : start,
                        Period.ofMonths(months)));
    }

    public static Arbitrary<Account> accounts() {
        Arbitrary<Account.Builder> base = Combinators.combine(
                identifiers(), texts(), identifiers(),
                identifiers(), Arbitraries.integers().between(1, 5), currencies(), journeys())
                .as((id, name, segment, tier, rank, currency, journey) -> Account.builder(AccountId.of(id), name)
                        .segment(Segment.of(segment)).tier(Tier.of(tier, rank)).currency(currency).journey(journey));
        return Combinators.combine(base,
                Combinators.combine(identifiers(), texts()).as(Owner::of).optional(),
                identifiers().optional(),
                contracts().optional(),
                identifiers().set().ofMaxSize(4),
                Arbitraries.maps(identifiers(), unicode(0, 12)).ofMaxSize(4))
                .as((b, owner, parent, contract, tags, attributes) -> {
                    owner.ifPresent(b::owner);
                    parent.filter(p -> !p.equals(b.build().id().value())).map(AccountId::of).ifPresent(b::parent);
                    contract.ifPresent(b::contract);
                    tags.forEach(b::tag);
                    attributes.forEach(b::attribute);
                    return b.build();
                });
    }
}
