package dev.kizuna.core;

import dev.kizuna.core.journey.JourneyStage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    static Account.Builder minimal() {
        return Account.builder(AccountId.of("acme"), "Acme Corp")
                .segment(Segment.of("enterprise"))
                .tier(Tier.of("strategic", 1))
                .currency("EUR")
                .stage(JourneyStage.RETENTION, T0);
    }

    @Test
    void minimalAccountIsNonContractualWithoutOwnerOrParent() {
        Account a = minimal().build();
        assertFalse(a.isContractual());
        assertTrue(a.owner().isEmpty());
        assertTrue(a.parent().isEmpty());
        assertEquals(JourneyStage.RETENTION, a.stage());
    }

    @Test
    void missingRequiredPartIsNamed() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Account.builder(AccountId.of("acme"), "Acme").currency("EUR").build());
        assertTrue(e.getMessage().startsWith("segment: is required"), e.getMessage());
    }

    @Test
    void accountCannotBeItsOwnParent() {
        var e = assertThrows(IllegalArgumentException.class, () -> minimal().parent(AccountId.of("acme")).build());
        assertTrue(e.getMessage().startsWith("parent: acme"), e.getMessage());
    }

    @Test
    void blankNameIsRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Account.builder(AccountId.of("a"), " ").segment(Segment.of("s")).tier(Tier.of("t", 1))
                        .currency("EUR").stage(JourneyStage.AWARENESS, T0).build());
        assertTrue(e.getMessage().startsWith("name: must not be blank"), e.getMessage());
    }

    @Test
    void identifiersRejectControlCharactersAndSurroundingSpace() {
        assertThrows(IllegalArgumentException.class, () -> AccountId.of("a\nb"));
        assertThrows(IllegalArgumentException.class, () -> AccountId.of(" a"));
        assertThrows(IllegalArgumentException.class, () -> AccountId.of(""));
        assertThrows(IllegalArgumentException.class, () -> AccountId.of("x".repeat(257)));
        var e = assertThrows(IllegalArgumentException.class, () -> Segment.of("smb "));
        assertTrue(e.getMessage().startsWith("segment: 'smb '"), e.getMessage());
    }

    @Test
    void tierRankMustBePositive() {
        var e = assertThrows(IllegalArgumentException.class, () -> Tier.of("gold", 0));
        assertEquals("tier.rank: 0 must be > 0", e.getMessage());
        assertTrue(Tier.of("strategic", 1).isTop());
    }

    @Test
    void unknownCurrencyIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> minimal().currency("EURO"));
        assertTrue(e.getMessage().contains("'EURO'"), e.getMessage());
    }

    @Test
    void tagsAndAttributesAreSortedAndImmutable() {
        Account a = minimal().tag("zeta").tag("alpha").attribute("region", "emea").attribute("crm", "sf-1").build();
        assertEquals("[alpha, zeta]", a.tags().toString());
        assertEquals("{crm=sf-1, region=emea}", a.attributes().toString());
        assertThrows(UnsupportedOperationException.class, () -> a.tags().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> a.attributes().put("x", "y"));
    }

    @Test
    void toBuilderRoundTrips() {
        Account a = minimal().owner(Owner.of("csm-1", "Jo")).parent(AccountId.of("acme-group"))
                .contract(Contract.starting(LocalDate.parse("2024-01-01"), Period.ofYears(1))).tag("x").build();
        assertEquals(a, a.toBuilder().build());
    }

    @Test
    void contractRenewalMustFollowStart() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Contract(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-01-01"), Period.ofYears(1)));
        assertEquals("contract.renewalDate: 2024-01-01 must be after contract.startDate 2024-01-01", e.getMessage());
        var t = assertThrows(IllegalArgumentException.class,
                () -> new Contract(LocalDate.parse("2024-01-01"), LocalDate.parse("2025-01-01"), Period.ZERO));
        assertTrue(t.getMessage().startsWith("contract.term: P0D"), t.getMessage());
    }

    @Test
    void daysToRenewalCountsDownAndGoesNegativeAfterwards() {
        Contract c = Contract.starting(LocalDate.parse("2024-01-01"), Period.ofYears(1));
        assertEquals(LocalDate.parse("2025-01-01"), c.renewalDate());
        assertEquals(31, c.daysToRenewal(LocalDate.parse("2024-12-01")));
        assertEquals(-1, c.daysToRenewal(LocalDate.parse("2025-01-02")));
    }
}
