package dev.kizuna.core.event;

import dev.kizuna.core.AccountId;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsageRecordTest {
    private static final AccountId ACME = AccountId.of("acme");
    private static final LocalDate MONDAY = LocalDate.of(2024, 1, 8);

    private static UsageRecord.Builder day() {
        return UsageRecord.builder(ACME, MONDAY, UsagePeriod.DAY).activeUsers(5).logins(9);
    }

    private static IllegalArgumentException rejected(UsageRecord.Builder builder) {
        return assertThrows(IllegalArgumentException.class, builder::build);
    }

    @Test
    void negativeActiveUsersAreRejected() {
        assertEquals("activeUsers: -1 must be >= 0", rejected(day().activeUsers(-1)).getMessage());
    }

    @Test
    void negativeLoginsAreRejected() {
        assertEquals("logins: -2 must be >= 0", rejected(day().logins(-2)).getMessage());
    }

    @Test
    void negativeSessionsAreRejected() {
        assertEquals("sessions: -3 must be >= 0", rejected(day().sessions(-3)).getMessage());
    }

    @Test
    void zeroLicensedSeatsAreRejected() {
        assertEquals("licensedSeats: 0 must be > 0", rejected(day().licensedSeats(0)).getMessage());
    }

    @Test
    void negativeFeatureUseIsRejected() {
        assertEquals("featureUse['reports']: -1 must be >= 0", rejected(day().featureUse("reports", -1)).getMessage());
    }

    @Test
    void badFeatureKeyIsRejected() {
        var e = rejected(day().featureUse("reports ", 1));
        assertTrue(e.getMessage().startsWith("featureUse key: 'reports '"), e.getMessage());
    }

    @Test
    void nullFeatureCountIsRejectedByName() {
        Map<String, Long> features = new HashMap<>();
        features.put("reports", null);
        var e = assertThrows(NullPointerException.class, () -> new UsageRecord(ACME, MONDAY, UsagePeriod.DAY, 1,
                OptionalInt.empty(), 1, OptionalLong.empty(), new TreeMap<>(features)));
        assertEquals("featureUse['reports']", e.getMessage());
    }

    @Test
    void weekNotStartingOnMondayIsRejected() {
        var e = rejected(UsageRecord.builder(ACME, MONDAY.plusDays(1), UsagePeriod.WEEK).activeUsers(1).logins(1));
        assertEquals("date: 2024-01-09 (TUESDAY) cannot start a WEEK period; a WEEK starts on a Monday, a MONTH on the 1st",
                e.getMessage());
    }

    @Test
    void monthNotStartingOnTheFirstIsRejected() {
        var e = rejected(UsageRecord.builder(ACME, MONDAY, UsagePeriod.MONTH).activeUsers(1).logins(1));
        assertTrue(e.getMessage().startsWith("date: 2024-01-08 (MONDAY) cannot start a MONTH period"), e.getMessage());
    }

    @Test
    void missingActiveUsersOrLoginsAreReported() {
        var noUsers = rejected(UsageRecord.builder(ACME, MONDAY, UsagePeriod.DAY).logins(1));
        assertEquals("activeUsers: is required to build the usage record of acme on 2024-01-08", noUsers.getMessage());
        var noLogins = rejected(UsageRecord.builder(ACME, MONDAY, UsagePeriod.DAY).activeUsers(1));
        assertEquals("logins: is required to build the usage record of acme on 2024-01-08", noLogins.getMessage());
    }

    @Test
    void overDeploymentIsAllowedAndReported() {
        UsageRecord over = day().activeUsers(12).licensedSeats(10).build();
        assertTrue(over.isOverDeployed());
        assertEquals(OptionalDouble.of(1.2), over.licenceUtilisation());
        UsageRecord within = day().activeUsers(10).licensedSeats(10).build();
        assertFalse(within.isOverDeployed());
        assertEquals(OptionalDouble.of(1.0), within.licenceUtilisation());
    }

    @Test
    void accountWithoutSeatsHasNoUtilisation() {
        UsageRecord r = day().build();
        assertEquals(OptionalDouble.empty(), r.licenceUtilisation());
        assertFalse(r.isOverDeployed());
        assertEquals(OptionalLong.empty(), r.sessions());
    }

    @Test
    void featuresUsedLeaveOutReportedZeroes() {
        UsageRecord r = day().featureUse("reports", 3).featureUse("alerts", 0).featureUse("api", 1).build();
        assertEquals(Set.of("api", "reports"), r.featuresUsed());
        assertEquals(OptionalLong.of(0), r.uses("alerts"));
        assertEquals(OptionalLong.empty(), r.uses("billing"));
        assertEquals("alerts", r.featureUse().firstKey());
    }

    @Test
    void featureMapIsCopied() {
        TreeMap<String, Long> features = new TreeMap<>(Map.of("reports", 1L));
        UsageRecord r = new UsageRecord(ACME, MONDAY, UsagePeriod.DAY, 1, OptionalInt.empty(), 1, OptionalLong.empty(), features);
        features.put("api", 2L);
        assertEquals(Set.of("reports"), r.featureUse().keySet());
        assertThrows(UnsupportedOperationException.class, () -> r.featureUse().put("x", 1L));
    }

    @Test
    void periodsEndAfterTheirSpan() {
        assertEquals(MONDAY.plusDays(1), day().build().endExclusive());
        UsageRecord week = UsageRecord.builder(ACME, MONDAY, UsagePeriod.WEEK).activeUsers(1).logins(1).build();
        assertEquals(LocalDate.of(2024, 1, 15), week.endExclusive());
        assertTrue(week.covers(LocalDate.of(2024, 1, 14)));
        assertFalse(week.covers(LocalDate.of(2024, 1, 15)));
        assertFalse(week.covers(LocalDate.of(2024, 1, 7)));
        UsageRecord feb = UsageRecord.builder(ACME, LocalDate.of(2024, 2, 1), UsagePeriod.MONTH).activeUsers(1).logins(1).build();
        assertEquals(LocalDate.of(2024, 3, 1), feb.endExclusive());
        assertTrue(feb.covers(LocalDate.of(2024, 2, 29)));
    }

    @Test
    void periodStartsAreCalendarAligned() {
        assertTrue(UsagePeriod.DAY.isStart(LocalDate.of(2024, 5, 17)));
        assertTrue(UsagePeriod.WEEK.isStart(MONDAY));
        assertFalse(UsagePeriod.WEEK.isStart(MONDAY.minusDays(1)));
        assertTrue(UsagePeriod.MONTH.isStart(LocalDate.of(2024, 5, 1)));
        assertFalse(UsagePeriod.MONTH.isStart(LocalDate.of(2024, 5, 2)));
    }
}
