package dev.kizuna.core;

import dev.kizuna.core.journey.JourneyStage;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The aggregate on its own, with a hand-made fixture (the demo generator lives in cs-sample, which needs cs-core). */
class PortfolioTest {
    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final LocalDate AS_OF = LocalDate.of(2024, 4, 1);
    private static final Instant JAN = Instant.parse("2024-01-31T00:00:00Z");
    private static final Instant FEB = Instant.parse("2024-02-29T00:00:00Z");

    private static Account account(String id) {
        return Account.builder(AccountId.of(id), id.toUpperCase(java.util.Locale.ROOT))
                .segment(Segment.of("smb"))
                .tier(Tier.of("standard", 3))
                .currency("USD")
                .stage(JourneyStage.RETENTION, JAN)
                .build();
    }

    private static SignalSnapshot snapshot(String account, Instant at, double activeUsers) {
        return SignalSnapshot.of(AccountId.of(account), at, Map.of(SignalName.USAGE_ACTIVE_USERS, activeUsers));
    }

    private static Portfolio portfolio(List<Account> accounts, List<SignalSnapshot> signals) {
        return new Portfolio(START, AS_OF, accounts, List.of(), List.of(), List.of(), List.of(), signals, List.of());
    }

    @Test
    void theWindowMustBeOpenAfterItsStart() {
        var same = assertThrows(IllegalArgumentException.class,
                () -> new Portfolio(START, START, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                        List.of()));
        assertEquals("asOf: 2024-01-01 must be after start 2024-01-01", same.getMessage());
        var before = assertThrows(IllegalArgumentException.class,
                () -> new Portfolio(AS_OF, START, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                        List.of()));
        assertEquals("asOf: 2024-01-01 must be after start 2024-04-01", before.getMessage());
    }

    @Test
    void theListsAreCopiedAndCannotBeChanged() {
        List<Account> accounts = new ArrayList<>(List.of(account("a")));
        Portfolio p = portfolio(accounts, List.of());
        accounts.add(account("b"));
        assertEquals(List.of(account("a")), p.accounts());
        assertThrows(UnsupportedOperationException.class, () -> p.accounts().add(account("c")));
    }

    @Test
    void accountsAreFoundByIdInTheirOrder() {
        Portfolio p = portfolio(List.of(account("a"), account("b"), account("c")), List.of());
        assertEquals(List.of(AccountId.of("a"), AccountId.of("b"), AccountId.of("c")),
                List.copyOf(p.accountsById().keySet()));
        assertEquals(Optional.of(account("b")), p.account(AccountId.of("b")));
        assertEquals(Optional.empty(), p.account(AccountId.of("z")));
    }

    @Test
    void latestSignalsHoldEachAccountsLastSnapshotInAccountOrder() {
        SignalSnapshot bJan = snapshot("b", JAN, 1);
        SignalSnapshot aJan = snapshot("a", JAN, 2);
        SignalSnapshot bFeb = snapshot("b", FEB, 3);
        Portfolio p = portfolio(List.of(account("a"), account("b"), account("c")), List.of(bJan, aJan, bFeb));
        // c has no snapshot and is left out; b's February snapshot replaces its January one.
        assertEquals(List.of(aJan, bFeb), p.latestSignals());
    }
}
