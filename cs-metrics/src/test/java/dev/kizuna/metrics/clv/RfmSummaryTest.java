package dev.kizuna.metrics.clv;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.CurrencyMismatchException;
import dev.kizuna.core.Money;
import dev.kizuna.core.event.Purchase;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RfmSummaryTest {
    private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);

    @Test
    void cdnowSampleReproducesTheLifetimesSummaryRowForRow() {
        RfmSummary s = RfmSummary.fromPurchases(Cdnow.samplePurchases(), Cdnow.CALIBRATION_END, RfmTimeUnit.WEEKS);
        Cdnow.Table expected = Cdnow.summary();
        assertEquals(List.of("ID", "frequency", "recency", "T"), expected.header());
        assertEquals(2357, s.size());
        assertEquals(expected.rows().size(), s.size());
        int repeaters = 0;
        for (int i = 0; i < s.size(); i++) {
            String[] row = expected.rows().get(i);
            CustomerRfm c = s.customer(i);
            String where = "row " + (i + 1);
            assertEquals(Integer.parseInt(row[0]), Integer.parseInt(c.customer().value()), where);
            assertEquals(Integer.parseInt(row[1]), c.frequency(), where);
            assertTwoDecimals(row[2], c.recency(), where + " recency");
            assertTwoDecimals(row[3], c.age(), where + " T");
            repeaters += c.frequency() > 0 ? 1 : 0;
        }
        // cdnow README: 946 customers have x > 0; T runs from 27.00 to 38.86.
        assertEquals(946, repeaters);
        assertEquals(0, s.customersFirstSeenAfterCalibration());
    }

    @Test
    void cdnowSampleReproducesTheMeanRepeatSpendZbar() {
        RfmSummary s = RfmSummary.fromPurchases(Cdnow.samplePurchases(), Cdnow.CALIBRATION_END, RfmTimeUnit.WEEKS);
        Cdnow.Table expected = Cdnow.summaryWithSpend();
        assertEquals(List.of("ID", "x", "t_x", "T", "zbar"), expected.header());
        for (int i = 0; i < s.size(); i++) {
            String[] row = expected.rows().get(i);
            CustomerRfm c = s.customer(i);
            assertEquals(Integer.parseInt(row[1]), c.frequency());
            assertTwoDecimals(row[2], c.recency(), "t_x row " + (i + 1));
            assertTwoDecimals(row[3], c.age(), "T row " + (i + 1));
            assertTwoDecimals(row[4], c.meanRepeatSpend(), "zbar row " + (i + 1));
        }
    }

    @Test
    void cdnowHoldoutCountsTheTransactionsAfterTheCalibrationEnd() {
        RfmSummary s = RfmSummary.fromPurchases(Cdnow.samplePurchases(), Cdnow.CALIBRATION_END,
                LocalDate.of(1998, 6, 30), RfmTimeUnit.WEEKS);
        assertEquals(39.0, s.holdoutLength().orElseThrow(), 1e-12);
        int total = 0;
        for (int v : s.holdoutFrequencies()) {
            total += v;
        }
        // An independent count: distinct (customer, day) pairs after the calibration end in the raw file.
        long expected = Cdnow.samplePurchases().stream()
                .filter(p -> p.date().isAfter(Cdnow.CALIBRATION_END))
                .map(p -> p.customer() + "/" + p.date())
                .distinct()
                .count();
        assertEquals(expected, total);
        assertEquals(1882, total);
    }

    @Test
    void sameDayPurchasesAreOneTransactionWithTheSummedAmount() {
        RfmSummary s = RfmSummary.fromPurchases(List.of(
                purchase("a", 0, "10"), purchase("a", 0, "5"),
                purchase("a", 7, "3"), purchase("a", 7, "4"),
                purchase("a", 14, "20")), JAN_1.plusDays(21), RfmTimeUnit.WEEKS);
        CustomerRfm a = s.customer(0);
        assertEquals(2, a.frequency());
        assertEquals(2.0, a.recency());
        assertEquals(3.0, a.age());
        // repeat transactions only: (7 + 20) / 2, the first day's 15 is excluded
        assertEquals(13.5, a.meanRepeatSpend());
    }

    @Test
    void daysAreTheDefaultGranularity() {
        RfmSummary s = RfmSummary.fromPurchases(List.of(purchase("a", 0, "1"), purchase("a", 10, "2")),
                JAN_1.plusDays(30), RfmTimeUnit.DAYS);
        assertEquals(10.0, s.customer(0).recency());
        assertEquals(30.0, s.customer(0).age());
        RfmSummary w = RfmSummary.fromPurchases(List.of(purchase("a", 0, "1"), purchase("a", 10, "2")),
                JAN_1.plusDays(30), RfmTimeUnit.WEEKS);
        assertEquals(10 / 7.0, w.customer(0).recency());
    }

    @Test
    void customersWhoStartAfterTheCalibrationEndAreLeftOutAndCounted() {
        RfmSummary s = RfmSummary.fromPurchases(List.of(purchase("a", 0, "1"), purchase("b", 40, "1")),
                JAN_1.plusDays(30), RfmTimeUnit.DAYS);
        assertEquals(List.of(AccountId.of("a")), s.customers());
        assertEquals(1, s.customersFirstSeenAfterCalibration());
    }

    @Test
    void holdoutWindowCountsDaysAndIgnoresLaterPurchases() {
        RfmSummary s = RfmSummary.fromPurchases(List.of(
                purchase("a", 0, "1"), purchase("a", 31, "4"), purchase("a", 31, "6"), purchase("a", 40, "2"),
                purchase("a", 90, "100")), JAN_1.plusDays(30), JAN_1.plusDays(60), RfmTimeUnit.DAYS);
        assertEquals(0, s.customer(0).frequency());
        assertArrayEquals(new int[] {2}, s.holdoutFrequencies());
        assertArrayEquals(new double[] {6.0}, s.holdoutMeanSpends());
        assertEquals(30.0, s.holdoutLength().orElseThrow());
        assertEquals(LocalDate.of(2024, 3, 1), s.holdoutEnd().orElseThrow());
    }

    @Test
    void mixedCurrenciesAreRejected() {
        Purchase eur = Purchase.of(AccountId.of("a"), JAN_1.plusDays(1), Money.of("1", "EUR"));
        CurrencyMismatchException e = assertThrows(CurrencyMismatchException.class,
                () -> RfmSummary.fromPurchases(List.of(purchase("a", 0, "1"), eur), JAN_1.plusDays(5), RfmTimeUnit.DAYS));
        assertTrue(e.getMessage().contains("1.00 EUR"), e.getMessage());
    }

    @Test
    void holdoutEndMustFollowTheCalibrationEnd() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RfmSummary.fromPurchases(List.of(), JAN_1, JAN_1, RfmTimeUnit.DAYS));
        assertTrue(e.getMessage().startsWith("holdoutEnd: 2024-01-01"), e.getMessage());
    }

    @Test
    void columnsAreValidatedRowByRow() {
        assertMessage("frequency[1]: -1 must be >= 0",
                () -> RfmSummary.of(RfmTimeUnit.WEEKS, new int[] {0, -1}, new double[2], new double[] {1, 1}));
        assertMessage("recency[0]: 2.0 must be 0 when frequency is 0",
                () -> RfmSummary.of(RfmTimeUnit.WEEKS, new int[] {0}, new double[] {2}, new double[] {3}));
        assertMessage("age[0]: 1.0 must be a finite number >= recency 2.0",
                () -> RfmSummary.of(RfmTimeUnit.WEEKS, new int[] {1}, new double[] {2}, new double[] {1}));
        assertMessage("recency[0]: NaN must be a finite number >= 0",
                () -> RfmSummary.of(RfmTimeUnit.WEEKS, new int[] {1}, new double[] {Double.NaN}, new double[] {1}));
        assertMessage("meanRepeatSpend[0]: 5.0 must be 0 when frequency is 0",
                () -> RfmSummary.of(RfmTimeUnit.WEEKS, new int[] {0}, new double[] {0}, new double[] {1}, new double[] {5}));
        assertMessage("recency: 1 values, expected one per customer (2)",
                () -> RfmSummary.of(RfmTimeUnit.WEEKS, new int[] {0, 0}, new double[1], new double[2]));
        assertMessage("customers[1]: 'a' appears twice",
                () -> RfmSummary.of(RfmTimeUnit.DAYS, List.of(AccountId.of("a"), AccountId.of("a")), new int[2],
                        new double[2], new double[2], new double[2]));
        assertMessage("holdoutLength: 0.0 must be a finite number > 0",
                () -> RfmSummary.of(RfmTimeUnit.DAYS, new int[1], new double[1], new double[1])
                        .withHoldout(0, new int[1], new double[1]));
        assertMessage("holdoutFrequency[0]: -2 must be >= 0",
                () -> RfmSummary.of(RfmTimeUnit.DAYS, new int[1], new double[1], new double[1])
                        .withHoldout(5, new int[] {-2}, new double[1]));
    }

    @Test
    void customerRowIsValidated() {
        assertMessage("frequency: -3 must be >= 0", () -> CustomerRfm.of(AccountId.of("a"), -3, 0, 1, 0));
        assertMessage("meanRepeatSpend: Infinity must be a finite number",
                () -> CustomerRfm.of(AccountId.of("a"), 1, 0, 1, Double.POSITIVE_INFINITY));
    }

    @Test
    void columnSummaryNamesRowsAndCopiesArrays() {
        int[] x = {1, 0};
        RfmSummary s = RfmSummary.of(RfmTimeUnit.WEEKS, x, new double[] {2, 0}, new double[] {3, 4});
        x[0] = 9;
        assertEquals(1, s.frequencies()[0]);
        assertEquals(List.of(AccountId.of("1"), AccountId.of("2")), s.customers());
        assertFalse(s.hasSpend());
        s.frequencies()[0] = 7;
        assertEquals(1, s.customer(0).frequency());
        assertEquals(s, RfmSummary.of(RfmTimeUnit.WEEKS, new int[] {1, 0}, new double[] {2, 0}, new double[] {3, 4}));
    }

    private static Purchase purchase(String customer, int day, String amount) {
        return Purchase.of(AccountId.of(customer), JAN_1.plusDays(day), Money.of(amount, "USD"));
    }

    private static void assertTwoDecimals(String expected, double actual, String where) {
        BigDecimal rounded = BigDecimal.valueOf(actual).setScale(2, RoundingMode.HALF_UP);
        assertEquals(0, new BigDecimal(expected).compareTo(rounded), where + ": expected " + expected + " but was " + actual);
    }

    static void assertMessage(String prefix, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(prefix), () -> "expected a message starting with '" + prefix + "' but was '"
                + e.getMessage() + "'");
    }
}
