package dev.kizuna.examples.cli;

import dev.kizuna.core.journey.JourneyStage;
import dev.kizuna.core.sample.Portfolio;

import java.io.PrintWriter;
import java.util.Map;

/** The readable summary {@code kizuna demo} prints. */
final class DemoSummary {
    private final Portfolio portfolio;

    DemoSummary(Portfolio portfolio) {
        this.portfolio = portfolio;
    }

    void print(PrintWriter w) {
        w.println("Kizuna demo portfolio");
        w.printf("  %,d accounts, %,d subscription events, %s to %s%n", portfolio.accounts().size(),
                portfolio.subscriptionEvents().size(), portfolio.start(), portfolio.asOf().minusDays(1));
        long children = portfolio.accounts().stream().filter(a -> a.parent().isPresent()).count();
        long contractual = portfolio.accounts().stream().filter(a -> a.isContractual()).count();
        w.printf("  %,d child accounts under a parent, %,d with a contract%n", children, contractual);
        w.println();
        w.println("Accounts by segment and journey stage");
        Map<String, Map<JourneyStage, Integer>> table = DemoCommand.bySegmentAndStage(portfolio.accounts());
        StringBuilder header = new StringBuilder(String.format("  %-12s", "segment"));
        for (JourneyStage s : JourneyStage.values()) {
            header.append(String.format(" %13s", s.name().toLowerCase(java.util.Locale.ROOT)));
        }
        header.append(String.format(" %7s", "total"));
        w.println(header);
        int[] columnTotals = new int[JourneyStage.values().length];
        for (Map.Entry<String, Map<JourneyStage, Integer>> row : table.entrySet()) {
            StringBuilder line = new StringBuilder(String.format("  %-12s", row.getKey()));
            int total = 0;
            for (JourneyStage s : JourneyStage.values()) {
                int n = row.getValue().getOrDefault(s, 0);
                columnTotals[s.ordinal()] += n;
                total += n;
                line.append(String.format(" %,13d", n));
            }
            line.append(String.format(" %,7d", total));
            w.println(line);
        }
        StringBuilder totals = new StringBuilder(String.format("  %-12s", "all"));
        int all = 0;
        for (int n : columnTotals) {
            totals.append(String.format(" %,13d", n));
            all += n;
        }
        totals.append(String.format(" %,7d", all));
        w.println(totals);
    }
}
