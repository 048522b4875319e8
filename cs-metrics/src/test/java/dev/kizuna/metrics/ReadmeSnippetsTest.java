package dev.kizuna.metrics;

// README: metrics-event-frame BEGIN
import dev.kizuna.core.AccountId;
import dev.kizuna.metrics.revenue.LedgerOptions;
import dev.kizuna.metrics.revenue.MrrLedger;
import dev.kizuna.metrics.revenue.SubscriptionEventFrame;

import java.time.LocalDate;
import java.util.Currency;
// README: metrics-event-frame END
// README: metrics-clv BEGIN
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.Money;
import dev.kizuna.core.event.Purchase;
import dev.kizuna.core.json.KizunaJson;
import dev.kizuna.metrics.clv.BgNbdModel;
import dev.kizuna.metrics.clv.ClvHorizon;
import dev.kizuna.metrics.json.ClvJsonModule;
import dev.kizuna.metrics.clv.CustomerLifetimeValue;
import dev.kizuna.metrics.clv.GammaGammaModel;
import dev.kizuna.metrics.clv.RfmSummary;
import dev.kizuna.metrics.clv.RfmTimeUnit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
// README: metrics-clv END
import dev.kizuna.core.Money;
import dev.kizuna.metrics.revenue.PeriodSummary;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** cs-metrics/README.md's snippets, run as written. */
class ReadmeSnippetsTest {

    @Test
    void theEventFrameSnippetBuildsTheLedgerOfOneSubscription() {
        // README: metrics-event-frame BEGIN
        SubscriptionEventFrame.Builder b = SubscriptionEventFrame.builder().currency(Currency.getInstance("EUR"));
        int acme = b.account(AccountId.of("acme"));   // once per account, subscription and plan
        int sub = b.subscription("sub-1");
        int pro = b.plan("pro");
        b.start(acme, sub, (int) LocalDate.of(2024, 1, 1).toEpochDay(), pro, 100_000_000_000_000L);   // 100.00 EUR
        b.cancel(acme, sub, (int) LocalDate.of(2024, 2, 10).toEpochDay(), (int) LocalDate.of(2024, 3, 1).toEpochDay());
        MrrLedger ledger = MrrLedger.build(b.build(), LedgerOptions.defaults());
        // README: metrics-event-frame END

        List<PeriodSummary> months = ledger.summaries(ReportingPeriod.MONTH, LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 3, 31));
        assertEquals(0, months.get(0).newMrr().amount().compareTo(new BigDecimal("100")), months.get(0).toString());
        assertEquals(0, months.get(1).endMrr().amount().compareTo(new BigDecimal("100")), "still paying in February");
        assertEquals(0, months.get(2).churnedMrr().amount().compareTo(new BigDecimal("100")),
                "the cancellation churns at the service end, 2024-03-01");
        assertEquals(0, months.get(2).endCustomers());
    }

    @Test
    void theClvSnippetFitsTheCdnowSampleToThePublishedEstimatesAndStoresTheModel() throws Exception {
        // README: metrics-clv BEGIN
        // The CDNOW sample of the papers, one purchase a line ("master-id customer-id yyyymmdd CDs dollars"), from
        // this repository's datasets/ (the path is relative to a module's directory, where the tests run).
        List<Purchase> purchases = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("../datasets/cdnow/CDNOW_sample.txt"))) {
            String[] f = line.trim().split("\\s+");
            purchases.add(Purchase.of(AccountId.of(f[1]), LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE),
                    Money.of(f[4], "USD")));
        }

        RfmSummary summary = RfmSummary.fromPurchases(purchases, LocalDate.of(1997, 9, 30), RfmTimeUnit.WEEKS);
        BgNbdModel bg = BgNbdModel.fit(summary);   // r 0.243, alpha 4.414, a 0.793, b 2.426: the published fit
        GammaGammaModel spend = GammaGammaModel.fit(summary, GammaGammaModel.Ineligible.EXCLUDE);

        double[] alive = bg.probabilityAlive(summary);
        double[] next39Weeks = bg.conditionalExpectedTransactions(39, summary);
        double[] clv = CustomerLifetimeValue.of(bg, spend, ClvHorizon.months(12, RfmTimeUnit.WEEKS, 0.01), summary);

        ObjectMapper mapper = KizunaJson.newObjectMapper().registerModule(new ClvJsonModule());
        String json = mapper.writeValueAsString(bg);   // parameters, standard errors, log-likelihood, convergence
        // README: metrics-clv END

        assertEquals(2_357, summary.size());
        assertEquals(0.243, bg.r(), 5e-4);
        assertEquals(4.414, bg.alpha(), 5e-4);
        assertEquals(0.793, bg.a(), 5e-4);
        assertEquals(2.426, bg.b(), 5e-4);
        assertEquals(6.25, spend.p(), 5e-3);
        assertEquals(3.74, spend.q(), 5e-3);
        assertEquals(15.44, spend.gamma(), 5e-3);
        assertEquals(bg, mapper.readValue(json, BgNbdModel.class));
        for (int i = 0; i < summary.size(); i++) {
            assertTrue(alive[i] > 0 && alive[i] <= 1, "P(alive) of customer " + i);
            assertTrue(next39Weeks[i] > 0 && clv[i] > 0, "customer " + i);
        }
    }
}
