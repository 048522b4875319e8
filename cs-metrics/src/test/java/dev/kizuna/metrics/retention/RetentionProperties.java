package dev.kizuna.metrics.retention;

import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.metrics.DateRange;
import dev.kizuna.metrics.Ratio;
import dev.kizuna.metrics.ReportingPeriod;
import dev.kizuna.metrics.revenue.MrrLedger;
import dev.kizuna.metrics.testing.Portfolios;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetentionProperties {

    private static DateRange range(int startDay, int days) {
        return DateRange.of(Portfolios.BASE.plusDays(startDay), Portfolios.BASE.plusDays(startDay + days));
    }

    private static void assertAtMostOne(Optional<Ratio> rate, String what) {
        rate.ifPresent(r -> assertTrue(r.compareTo(Ratio.of(1, 1).orElseThrow()) <= 0, what + " " + r));
    }

    @Property
    void grrIsAtMostOneHundredPercentAndAtMostNrr(
            @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 1000) Integer> genes,
            @ForAll @IntRange(min = 0, max = 600) int startDay, @ForAll @IntRange(min = 1, max = 400) int days) {
        MrrLedger ledger = MrrLedger.build(Portfolios.decode(genes));
        DateRange period = range(startDay, days);
        LocalDate asOf = period.lastDay().plusMonths(3);
        for (RevenueRetention r : List.of(RevenueRetention.of(ledger, period),
                RevenueRetention.trailingTwelveMonths(ledger, period.end()),
                RevenueRetention.ofCohort(ledger, period, asOf))) {
            for (GrrMethod method : GrrMethod.values()) {
                Optional<Ratio> grr = r.grr(method);
                assertEquals(grr.isPresent(), r.nrr().isPresent());
                assertAtMostOne(grr, "GRR");
                grr.ifPresent(g -> assertTrue(g.compareTo(r.nrr().orElseThrow()) <= 0, "GRR " + g + " > NRR " + r.nrr()));
            }
            r.grr(GrrMethod.PER_CUSTOMER_CAP).ifPresent(g -> assertTrue(g.numerator().signum() >= 0));
        }
    }

    @Property
    void logoChurnRatesStayInBoundsAndRetentionIsTheirComplement(
            @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 1000) Integer> genes,
            @ForAll @IntRange(min = 0, max = 600) int startDay, @ForAll @IntRange(min = 1, max = 200) int days) {
        MrrLedger ledger = MrrLedger.build(Portfolios.decode(genes));
        DateRange period = range(startDay, days);
        for (LogoChurnConvention convention : LogoChurnConvention.values()) {
            LogoChurn churn = LogoChurn.of(ledger, period, convention);
            if (convention != LogoChurnConvention.ALL_LOST_OVER_START) {
                assertAtMostOne(churn.rate(), convention.name());
            }
            churn.rate().ifPresent(rate -> assertEquals(0,
                    rate.value().add(churn.retentionRate().orElseThrow().value()).compareTo(BigDecimal.ONE)));
        }
        assertEquals(ledger.summary(period).startCustomers(), LogoChurn.of(ledger, period).base());
    }

    @Property
    void retentionDoesNotDependOnInputOrderNorOnCustomersWhoNeverPay(
            @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 1000) Integer> genes, @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 600) int startDay) {
        List<SubscriptionEvent> events = Portfolios.decode(genes);
        List<SubscriptionEvent> other = new ArrayList<>(Portfolios.shuffled(events, seed));
        other.addAll(Portfolios.neverPaying("zz-trialist"));
        MrrLedger a = MrrLedger.build(events);
        MrrLedger b = MrrLedger.build(other);
        DateRange quarter = ReportingPeriod.QUARTER.containing(Portfolios.BASE.plusDays(startDay));
        assertEquals(RevenueRetention.of(a, quarter), RevenueRetention.of(b, quarter));
        assertEquals(RevenueRetention.ofCohort(a, quarter, quarter.end().plusMonths(6)),
                RevenueRetention.ofCohort(b, quarter, quarter.end().plusMonths(6)));
        for (LogoChurnConvention convention : LogoChurnConvention.values()) {
            assertEquals(LogoChurn.of(a, quarter, convention), LogoChurn.of(b, quarter, convention));
        }
    }
}
