package dev.kizuna.examples.cli.demo;

import dev.kizuna.core.Account;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.Portfolio;
import dev.kizuna.core.journey.JourneyStage;
import dev.kizuna.core.plan.PlanStatus;
import dev.kizuna.core.plan.SuccessPlan;
import dev.kizuna.core.Portfolio;
import dev.kizuna.examples.cli.report.BacktestText;
import dev.kizuna.examples.cli.report.Computed;
import dev.kizuna.examples.cli.report.HealthSummary;
import dev.kizuna.examples.cli.report.MetricsReport;
import dev.kizuna.examples.cli.report.PortfolioReport;
import dev.kizuna.health.backtest.Backtest;
import dev.kizuna.health.backtest.BacktestReport;
import dev.kizuna.health.backtest.NothingToJudgeException;
import dev.kizuna.health.outcome.Outcome;
import dev.kizuna.metrics.retention.LogoChurn;
import dev.kizuna.metrics.retention.RevenueRetention;
import dev.kizuna.metrics.revenue.MrrLedger;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The readable summary {@code kizuna demo} prints. */
public final class DemoSummary {
    private final Portfolio portfolio;

    public DemoSummary(Portfolio portfolio) {
        this.portfolio = portfolio;
    }

    public void print(PrintWriter w) {
        w.println("Kizuna demo portfolio");
        w.printf("  %,d accounts, %,d subscription events, %s to %s%n", portfolio.accounts().size(),
                portfolio.subscriptionEvents().size(), portfolio.start(), portfolio.asOf().minusDays(1));
        long children = portfolio.accounts().stream().filter(a -> a.parent().isPresent()).count();
        long contractual = portfolio.accounts().stream().filter(a -> a.isContractual()).count();
        w.printf("  %,d child accounts under a parent, %,d with a contract%n", children, contractual);
        w.printf("  %,d monthly usage records, %,d survey answers, %,d support tickets, %,d signal snapshots%n",
                portfolio.usage().size(), portfolio.surveys().size(), portfolio.tickets().size(),
                portfolio.signals().size());
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
        printPlans(w);
        printMetrics(w);
        new HealthSummary(portfolio).print(w);
        new ClvDemo(portfolio).print(w);
        printHealthBacktest(w);
    }

    /** The last twelve months' MRR bridge, current MRR and ARR, trailing retention and VoC, from Kizuna's metrics. */
    private void printMetrics(PrintWriter w) {
        LocalDate lastDay = portfolio.asOf().minusDays(1);
        YearMonth last = YearMonth.from(lastDay);
        MrrLedger ledger = MrrLedger.build(portfolio.subscriptionEvents());
        MetricsReport report = MetricsReport.of(ledger, last.minusMonths(11), last).withVoc(portfolio.surveys());
        RevenueRetention trailing = report.trailing();
        LogoChurn logo = report.trailingLogoChurn();
        w.println();
        w.printf("Metrics (churn at service end, every return a reactivation; kizuna metrics --help for options)%n");
        w.printf("  MRR on %s: %s %s, ARR %s %s, %,d paying customers%n", lastDay,
                MetricsReport.money(ledger.mrrOn(lastDay)), ledger.currency().getCurrencyCode(),
                MetricsReport.money(ledger.arrOn(lastDay)), ledger.currency().getCurrencyCode(),
                ledger.payingCustomersOn(lastDay));
        w.printf("  Trailing 12 months: GRR %s, NRR %s, logo churn %s (%,d of the %,d customers paying on %s)%n",
                MetricsReport.percent(trailing.grr()), MetricsReport.percent(trailing.nrr()),
                MetricsReport.percent(logo.rate()), logo.lost(), logo.base(), logo.period().start().minusDays(1));
        w.println();
        w.printf("  MRR bridge of the last 12 months (%s)%n", ledger.currency().getCurrencyCode());
        MetricsReport.printBridge(w, report.months().stream().map(MetricsReport.Month::bridge).toList(), "  ");
        w.println();
        report.voc().ifPresent(v -> {
            w.print("  ");
            MetricsReport.printVoc(w, v, "    ");
        });
    }

    /** Backtests the demo scorecard against the portfolio's churn: AUC and the churn rate per band. */
    private void printHealthBacktest(PrintWriter w) {
        Computed<BacktestReport> r = backtest(portfolio);
        w.println();
        w.printf("Health score backtest: %s against churn within 3 months of each monthly snapshot%n",
                DemoScorecard.model().id());
        if (r.isPresent()) {
            BacktestText.summary(w, r.get());
        } else {
            w.println("  " + r.reason());
        }
    }

    /**
     * The demo scorecard's backtest against the portfolio's churn within {@link PortfolioReport#HORIZON} of each
     * snapshot, or why there is nothing to judge (a small portfolio in which no account churned, say).
     */
    public static Computed<BacktestReport> backtest(Portfolio portfolio) {
        try {
            return Computed.of(Backtest.builder(PortfolioReport.HORIZON).observedUntil(portfolio.asOf()).build()
                    .run(DemoScorecard.model(), portfolio.signals(),
                            Outcome.churnsOf(portfolio.subscriptionEvents())));
        } catch (NothingToJudgeException e) {
            return Computed.unavailable("nothing to judge: " + e.getMessage());
        }
    }

    private void printPlans(PrintWriter w) {
        LocalDate asOf = portfolio.asOf();
        w.println();
        w.printf("Success plans on %s, by status%n", asOf);
        w.println("  (off track: a goal past due and unmet, a milestone over 30 days late, or two late;");
        w.println("   at risk: a milestone late, or a goal over 25 points behind its schedule)");
        Map<String, Map<PlanStatus, Integer>> byTemplate = new TreeMap<>();
        Map<PlanStatus, Integer> totals = new EnumMap<>(PlanStatus.class);
        List<SuccessPlan> offTrack = new ArrayList<>();
        Map<AccountId, Account> accounts = portfolio.accountsById();
        for (SuccessPlan plan : portfolio.plans()) {
            PlanStatus status = plan.status(asOf);
            String segment = accounts.get(plan.account()).segment().name();
            byTemplate.computeIfAbsent(segment, k -> new EnumMap<>(PlanStatus.class)).merge(status, 1, Integer::sum);
            totals.merge(status, 1, Integer::sum);
            if (status == PlanStatus.OFF_TRACK) {
                offTrack.add(plan);
            }
        }
        w.printf("  %-12s %9s %9s %9s %7s%n", "segment", "on track", "at risk", "off track", "total");
        for (Map.Entry<String, Map<PlanStatus, Integer>> row : byTemplate.entrySet()) {
            printStatusRow(w, row.getKey(), row.getValue());
        }
        printStatusRow(w, "all", totals);
        w.println();
        w.println("  Off-track plans with the most overdue milestones:");
        offTrack.sort(Comparator.comparingInt((SuccessPlan p) -> -p.overdueMilestones(asOf).size())
                .thenComparing(SuccessPlan::id));
        for (SuccessPlan plan : offTrack.subList(0, Math.min(5, offTrack.size()))) {
            Account account = accounts.get(plan.account());
            String overdue = plan.overdueMilestones(asOf).stream()
                    .map(m -> m.name() + " (" + m.daysOverdue(asOf) + " days)")
                    .collect(Collectors.joining(", "));
            w.printf("    %-10s %-22s %-12s overdue: %s%n", account.id(), account.name(), account.segment(), overdue);
        }
    }

    private static void printStatusRow(PrintWriter w, String label, Map<PlanStatus, Integer> counts) {
        int on = counts.getOrDefault(PlanStatus.ON_TRACK, 0);
        int risk = counts.getOrDefault(PlanStatus.AT_RISK, 0);
        int off = counts.getOrDefault(PlanStatus.OFF_TRACK, 0);
        w.printf("  %-12s %,9d %,9d %,9d %,7d%n", label, on, risk, off, on + risk + off);
    }
}
