package dev.kizuna.examples;

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
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** cs-metrics/README.md's "Customer lifetime value" snippet, kept compiling and true. */
class ReadmeClvSnippetTest {

    @Test
    void readmeSnippetFitsPredictsAndStoresAModel() throws Exception {
        List<Purchase> purchases = purchases();

        RfmSummary summary = RfmSummary.fromPurchases(purchases, LocalDate.of(1997, 9, 30), RfmTimeUnit.WEEKS);
        BgNbdModel bg = BgNbdModel.fit(summary);
        GammaGammaModel spend = GammaGammaModel.fit(summary, GammaGammaModel.Ineligible.EXCLUDE);

        double[] alive = bg.probabilityAlive(summary);
        double[] next39Weeks = bg.conditionalExpectedTransactions(39, summary);
        double[] clv = CustomerLifetimeValue.of(bg, spend, ClvHorizon.months(12, RfmTimeUnit.WEEKS, 0.01), summary);

        ObjectMapper mapper = KizunaJson.newObjectMapper().registerModule(new ClvJsonModule());
        String json = mapper.writeValueAsString(bg);
        BgNbdModel reloaded = mapper.readValue(json, BgNbdModel.class);

        assertEquals(bg, reloaded);
        assertTrue(bg.report().orElseThrow().converged(), bg.report().orElseThrow()::toString);
        for (int i = 0; i < summary.size(); i++) {
            assertTrue(alive[i] >= 0 && alive[i] <= 1);
            assertTrue(next39Weeks[i] >= 0 && clv[i] >= 0);
        }
    }

    /** A small purchase log: 400 customers who buy now and then during 1997 and some of whom stop. */
    private static List<Purchase> purchases() {
        SplittableRandom rnd = new SplittableRandom(5);
        List<Purchase> out = new ArrayList<>();
        for (int c = 0; c < 400; c++) {
            AccountId id = AccountId.of("c" + c);
            double rate = 0.02 + 0.3 * rnd.nextDouble() * rnd.nextDouble();
            double dropout = 0.1 + 0.5 * rnd.nextDouble();
            LocalDate day = LocalDate.of(1997, 1, 1).plusDays(rnd.nextInt(90));
            while (day.isBefore(LocalDate.of(1998, 1, 1))) {
                out.add(Purchase.of(id, day, Money.of(String.valueOf(5 + rnd.nextInt(60)), "USD")));
                if (rnd.nextDouble() < dropout) {
                    break;
                }
                day = day.plusDays(1 + (long) (-Math.log(1 - rnd.nextDouble()) / rate * 7));
            }
        }
        return out;
    }
}
