package dev.kizuna.core;

import dev.kizuna.core.journey.JourneyHistory;
import dev.kizuna.core.journey.JourneyStage;
import dev.kizuna.core.journey.StageEntry;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** jqwik generators of valid cs-core values, shared by the property tests. */
public final class CoreArbitraries {
    private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");

    private CoreArbitraries() {
    }

    public static Arbitrary<String> identifiers() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-_.:é漢").ofMinLength(1).ofMaxLength(20);
    }

    public static Arbitrary<Currency> currencies() {
        return Arbitraries.of("EUR", "USD", "JPY", "GBP", "BHD").map(Currency::getInstance);
    }

    public static Arbitrary<Money> money(Currency currency) {
        return Arbitraries.bigDecimals().between(BigDecimal.valueOf(-1_000_000), BigDecimal.valueOf(1_000_000))
                .ofScale(4).map(a -> Money.of(a, currency));
    }

    public static Arbitrary<Money> money() {
        return currencies().flatMap(CoreArbitraries::money);
    }

    public static Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, 20 * 365).map(d -> LocalDate.of(2015, 1, 1).plusDays(d));
    }

    public static Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, 10L * 365 * 86_400).map(T0::plusSeconds);
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
        return Combinators.combine(dates(), Arbitraries.integers().between(1, 36))
                .as((start, months) -> Contract.starting(start, Period.ofMonths(months)));
    }

    public static Arbitrary<Account> accounts() {
        Arbitrary<Account.Builder> base = Combinators.combine(
                identifiers(), Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(30), identifiers(),
                identifiers(), Arbitraries.integers().between(1, 5), currencies(), journeys())
                .as((id, name, segment, tier, rank, currency, journey) -> Account.builder(AccountId.of(id), name)
                        .segment(Segment.of(segment)).tier(Tier.of(tier, rank)).currency(currency).journey(journey));
        return Combinators.combine(base,
                Combinators.combine(identifiers(), Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10))
                        .as(Owner::of).optional(),
                identifiers().optional(),
                contracts().optional(),
                identifiers().set().ofMaxSize(4),
                Arbitraries.maps(identifiers(), Arbitraries.strings().ofMaxLength(12)).ofMaxSize(4))
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
