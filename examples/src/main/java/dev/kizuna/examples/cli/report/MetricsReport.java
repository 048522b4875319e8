package dev.kizuna.examples.cli.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kizuna.core.Money;
import dev.kizuna.core.event.SurveyResponse;
import dev.kizuna.core.event.UsageRecord;
import dev.kizuna.metrics.DateRange;
import dev.kizuna.metrics.Ratio;
import dev.kizuna.metrics.ReportingPeriod;
import dev.kizuna.metrics.engagement.LicenceUtilisation;
import dev.kizuna.metrics.engagement.UsageTrend;
import dev.kizuna.metrics.retention.LogoChurn;
import dev.kizuna.metrics.retention.MrrChurn;
import dev.kizuna.metrics.retention.QuickRatio;
import dev.kizuna.metrics.retention.RevenueRetention;
import dev.kizuna.metrics.revenue.ChurnRecognition;
import dev.kizuna.metrics.revenue.MrrLedger;
import dev.kizuna.metrics.revenue.PeriodSummary;
import dev.kizuna.metrics.voc.Ces;
import dev.kizuna.metrics.voc.Csat;
import dev.kizuna.metrics.voc.Nps;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The figures {@code kizuna metrics} and the demo print, computed once with the library's API: each month's MRR bridge
 * and retention rates, the trailing twelve months' retention, and, when given, the voice of the customer and usage.
 * {@link #printTable} and {@link #toJson} show the same figures.
 */
public final class MetricsReport {
    /** One month: its bridge and the rates computed from it and from the ledger. */
    public record Month(PeriodSummary bridge, LogoChurn logoChurn, RevenueRetention retention) {
        Optional<Ratio> grossMrrChurn() {
            return MrrChurn.gross(bridge);
        }

        Optional<Ratio> netMrrChurn() {
            return MrrChurn.net(bridge);
        }

        Optional<Ratio> quickRatio() {
            return QuickRatio.of(bridge);
        }
    }

    /** The voice of the customer over a span: the answers of each kind dated in it (UTC days). */
    public record Voc(DateRange period, Nps nps, Csat csat, Ces ces) {
    }

    /** One month of usage records: the trend point and the licence utilisation of the accounts licensed by seat. */
    public record UsageMonth(UsageTrend.Point point, long accounts, LicenceUtilisation utilisation, long overDeployed) {
    }

    private final MrrLedger ledger;
    private final List<Month> months;
    private final RevenueRetention trailing;
    private final LogoChurn trailingLogoChurn;
    private final Optional<Voc> voc;
    private final List<UsageMonth> usage;

    private MetricsReport(MrrLedger ledger, List<Month> months, RevenueRetention trailing, LogoChurn trailingLogoChurn,
                          Optional<Voc> voc, List<UsageMonth> usage) {
        this.ledger = ledger;
        this.months = months;
        this.trailing = trailing;
        this.trailingLogoChurn = trailingLogoChurn;
        this.voc = voc;
        this.usage = usage;
    }

    /** Computes the revenue and retention figures of the months {@code from} to {@code to} from a ledger. */
    public static MetricsReport of(MrrLedger ledger, YearMonth from, YearMonth to) {
        List<Month> months = new ArrayList<>();
        for (PeriodSummary s : ledger.summaries(ReportingPeriod.MONTH, from.atDay(1), to.atEndOfMonth())) {
            months.add(new Month(s, LogoChurn.of(ledger, s.period()), RevenueRetention.of(ledger, s.period())));
        }
        LocalDate end = to.plusMonths(1).atDay(1);
        return new MetricsReport(ledger, List.copyOf(months), RevenueRetention.trailingTwelveMonths(ledger, end),
                LogoChurn.of(ledger, DateRange.of(end.minusMonths(12), end)), Optional.empty(), List.of());
    }

    /**
     * Returns this report with the NPS, CSAT and CES of the answers dated (UTC) in its months.
     *
     * @throws IllegalArgumentException if the CSAT or CES answers are on several scales
     */
    public MetricsReport withVoc(List<SurveyResponse> surveys) {
        DateRange span = DateRange.of(months.get(0).bridge().period().start(),
                months.get(months.size() - 1).bridge().period().end());
        return new MetricsReport(ledger, months, trailing, trailingLogoChurn, Optional.of(voc(surveys, span)), usage);
    }

    /**
     * Returns this report with each of its months' usage, from monthly usage records.
     *
     * @throws IllegalArgumentException if an account has several records in a month (weekly or daily records)
     */
    public MetricsReport withUsage(List<UsageRecord> records) {
        return new MetricsReport(ledger, months, trailing, trailingLogoChurn, voc, usage(records, months));
    }

    private static Voc voc(List<SurveyResponse> all, DateRange span) {
        List<SurveyResponse> nps = new ArrayList<>();
        List<SurveyResponse> csat = new ArrayList<>();
        List<SurveyResponse> ces = new ArrayList<>();
        for (SurveyResponse r : all) {
            if (span.contains(LocalDate.ofInstant(r.answeredAt(), ZoneOffset.UTC))) {
                (r.kind() == SurveyResponse.Kind.NPS ? nps : r.kind() == SurveyResponse.Kind.CSAT ? csat : ces).add(r);
            }
        }
        return new Voc(span, Nps.of(nps), Csat.of(csat), Ces.of(ces));
    }

    private static List<UsageMonth> usage(List<UsageRecord> records, List<Month> months) {
        List<DateRange> windows = months.stream().map(m -> m.bridge().period()).toList();
        UsageTrend trend = UsageTrend.ofUsage(records, windows);
        List<UsageMonth> out = new ArrayList<>();
        for (UsageTrend.Point point : trend.points()) {
            Map<?, LicenceUtilisation> byAccount = LicenceUtilisation.byAccount(records, point.window());
            long active = 0;
            long seats = 0;
            long over = 0;
            for (LicenceUtilisation u : byAccount.values()) {
                if (u.licensedSeats() > 0) {
                    active += u.activeUsers();
                    seats += u.licensedSeats();
                    over += u.overDeployed() ? 1 : 0;
                }
            }
            out.add(new UsageMonth(point, byAccount.size(), new LicenceUtilisation(active, seats), over));
        }
        return List.copyOf(out);
    }

    public List<Month> months() {
        return months;
    }

    public RevenueRetention trailing() {
        return trailing;
    }

    public LogoChurn trailingLogoChurn() {
        return trailingLogoChurn;
    }

    public Optional<Voc> voc() {
        return voc;
    }

    public List<UsageMonth> usage() {
        return usage;
    }

    // ---- table ----

    /** Prints the report as readable tables. */
    public void printTable(PrintWriter w) {
        String currency = ledger.currency().getCurrencyCode();
        w.printf("Revenue bridge (MRR in %s; churn recognised at %s; reactivation window %s)%n", currency,
                ledger.options().churnRecognition() == ChurnRecognition.SERVICE_END ? "service end"
                        : "the cancellation request", ledger.options().reactivationWindow());
        printBridge(w, months.stream().map(Month::bridge).toList(), "  ");
        w.println();
        w.println("Retention (logo churn: customers lost / paying at the start; GRR and NRR of the customers paying at"
                + " the start)");
        w.printf("  %-8s %10s %15s %13s %8s %8s %11s%n", "month", "logo churn", "gross MRR churn", "net MRR churn",
                "GRR", "NRR", "quick ratio");
        for (Month m : months) {
            w.printf("  %-8s %10s %15s %13s %8s %8s %11s%n", YearMonth.from(m.bridge().period().start()),
                    percent(m.logoChurn().rate()), percent(m.grossMrrChurn()), percent(m.netMrrChurn()),
                    percent(m.retention().grr()), percent(m.retention().nrr()), times(m.quickRatio()));
        }
        w.printf("  Trailing 12 months to %s: GRR %s, NRR %s, logo churn %s (%,d of %,d customers)%n",
                trailing.measured().lastDay(), percent(trailing.grr()), percent(trailing.nrr()),
                percent(trailingLogoChurn.rate()), trailingLogoChurn.lost(), trailingLogoChurn.base());
        voc.ifPresent(v -> {
            w.println();
            printVoc(w, v, "  ");
        });
        if (!usage.isEmpty()) {
            w.println();
            w.println("Usage (monthly usage records; utilisation over the accounts licensed by seat)");
            w.printf("  %-8s %9s %13s %12s %12s %14s%n", "month", "accounts", "active users", "logins", "utilisation",
                    "over-deployed");
            for (UsageMonth u : usage) {
                w.printf("  %-8s %,9d %,13d %,12d %12s %,14d%n", YearMonth.from(u.point().window().start()),
                        u.accounts(), u.point().activeUsers(), u.point().activities(),
                        percent(u.utilisation().ratio()), u.overDeployed());
            }
        }
    }

    /** Prints the bridge of each month and a total line. */
    public static void printBridge(PrintWriter w, List<PeriodSummary> bridges, String indent) {
        w.printf("%s%-8s %14s %12s %12s %12s %12s %12s %14s %9s%n", indent, "month", "start", "new", "expansion",
                "reactivation", "contraction", "churn", "end", "customers");
        for (PeriodSummary s : bridges) {
            w.printf("%s%-8s %14s %12s %12s %12s %12s %12s %14s %,9d%n", indent, YearMonth.from(s.period().start()),
                    money(s.startMrr()), money(s.newMrr()), money(s.expansionMrr()), money(s.reactivationMrr()),
                    money(s.contractionMrr()), money(s.churnedMrr()), money(s.endMrr()), s.endCustomers());
        }
        if (bridges.size() > 1) {
            PeriodSummary first = bridges.get(0);
            PeriodSummary last = bridges.get(bridges.size() - 1);
            w.printf("%s%-8s %14s %12s %12s %12s %12s %12s %14s %,9d%n", indent, "total", money(first.startMrr()),
                    money(sum(bridges, PeriodSummary::newMrr)), money(sum(bridges, PeriodSummary::expansionMrr)),
                    money(sum(bridges, PeriodSummary::reactivationMrr)),
                    money(sum(bridges, PeriodSummary::contractionMrr)), money(sum(bridges, PeriodSummary::churnedMrr)),
                    money(last.endMrr()), last.endCustomers());
        }
    }

    /** Prints NPS, CSAT and CES. */
    public static void printVoc(PrintWriter w, Voc v, String indent) {
        w.printf("Voice of the customer, %s to %s%n", v.period().start(), v.period().lastDay());
        Nps nps = v.nps();
        OptionalDouble margin = nps.marginOfError();
        w.printf("%sNPS   %s%s, %,d answers: %,d promoters, %,d passives, %,d detractors%n", indent,
                nps.score().map(s -> String.format(Locale.ROOT, "%+.1f", s)).orElse("n/a"),
                margin.isPresent() ? String.format(Locale.ROOT, " +/- %.1f (95%%)", margin.getAsDouble()) : "",
                nps.responses(), nps.promoters(), nps.passives(), nps.detractors());
        Csat csat = v.csat();
        w.printf("%sCSAT  %s satisfied (%d-%d on %d-%d), mean %s, %,d answers%n", indent, percent(csat.score()),
                csat.scale().satisfiedFrom(), csat.scale().max(), csat.scale().min(), csat.scale().max(),
                decimal(csat.mean(), 2), csat.responses());
        Ces ces = v.ces();
        w.printf("%sCES   mean %s on 1-7, %s agree (5-7), %,d answers%n", indent, decimal(ces.mean(), 2),
                percent(ces.agreeShare()), ces.responses());
    }

    private static Money sum(List<PeriodSummary> bridges, Function<PeriodSummary, Money> part) {
        Money total = Money.zero(bridges.get(0).startMrr().currency());
        for (PeriodSummary s : bridges) {
            total = total.plus(part.apply(s));
        }
        return total;
    }

    /** Returns the amount with the currency's digits and thousands separators, for example {@code 12,345.67}. */
    public static String money(Money m) {
        int digits = Math.max(0, m.currency().getDefaultFractionDigits());
        return String.format(Locale.ROOT, "%,." + digits + "f", m.amount().setScale(digits, RoundingMode.HALF_EVEN));
    }

    /** Returns the ratio as a percentage with two decimals, or {@code n/a}. */
    public static String percent(Optional<Ratio> ratio) {
        return ratio.map(r -> String.format(Locale.ROOT, "%.2f%%", r.percent())).orElse("n/a");
    }

    private static String times(Optional<Ratio> ratio) {
        return ratio.map(r -> String.format(Locale.ROOT, "%.2f", r.value())).orElse("n/a");
    }

    private static String decimal(Optional<BigDecimal> value, int places) {
        return value.map(v -> v.setScale(places, RoundingMode.HALF_EVEN).toPlainString()).orElse("n/a");
    }

    // ---- JSON ----

    /** Returns the report as a JSON object: exact amounts, ratios as fractions (null when undefined). */
    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("currency", ledger.currency().getCurrencyCode());
        root.put("from", YearMonth.from(months.get(0).bridge().period().start()).toString());
        root.put("to", YearMonth.from(months.get(months.size() - 1).bridge().period().start()).toString());
        ObjectNode options = root.putObject("options");
        options.put("churnRecognition", ledger.options().churnRecognition().name());
        if (ledger.options().reactivationWindow().maxDays().isPresent()) {
            options.put("reactivationWindowDays", ledger.options().reactivationWindow().maxDays().getAsLong());
        } else {
            options.putNull("reactivationWindowDays");
        }
        root.put("events", ledger.eventCount());
        root.put("accountsWithoutPaidMrr", ledger.accountsWithoutPaidMrr());
        root.put("excludedEvents", ledger.excludedEventCount());
        ArrayNode monthArray = root.putArray("months");
        for (Month m : months) {
            PeriodSummary s = m.bridge();
            ObjectNode o = monthArray.addObject();
            o.put("month", YearMonth.from(s.period().start()).toString());
            o.put("startMrr", s.startMrr().amount());
            o.put("newMrr", s.newMrr().amount());
            o.put("expansionMrr", s.expansionMrr().amount());
            o.put("reactivationMrr", s.reactivationMrr().amount());
            o.put("contractionMrr", s.contractionMrr().amount());
            o.put("churnedMrr", s.churnedMrr().amount());
            o.put("endMrr", s.endMrr().amount());
            o.put("startCustomers", s.startCustomers());
            o.put("newCount", s.newCount());
            o.put("expansionCount", s.expansionCount());
            o.put("reactivationCount", s.reactivationCount());
            o.put("contractionCount", s.contractionCount());
            o.put("churnCount", s.churnCount());
            o.put("endCustomers", s.endCustomers());
            ratio(o, "logoChurnRate", m.logoChurn().rate());
            ratio(o, "grossMrrChurn", m.grossMrrChurn());
            ratio(o, "netMrrChurn", m.netMrrChurn());
            ratio(o, "grr", m.retention().grr());
            ratio(o, "nrr", m.retention().nrr());
            ratio(o, "quickRatio", m.quickRatio());
        }
        ObjectNode t = root.putObject("trailing12Months");
        t.put("from", trailing.measured().start().toString());
        t.put("to", trailing.measured().lastDay().toString());
        t.put("customers", trailing.customers());
        t.put("startMrr", trailing.startMrr().amount());
        t.put("endMrr", trailing.endMrr().amount());
        ratio(t, "grr", trailing.grr());
        ratio(t, "nrr", trailing.nrr());
        ratio(t, "logoChurnRate", trailingLogoChurn.rate());
        t.put("customersLost", trailingLogoChurn.lost());
        voc.ifPresent(v -> {
            ObjectNode o = root.putObject("voc");
            o.put("from", v.period().start().toString());
            o.put("to", v.period().lastDay().toString());
            ObjectNode nps = o.putObject("nps");
            nps.put("responses", v.nps().responses());
            nps.put("promoters", v.nps().promoters());
            nps.put("passives", v.nps().passives());
            nps.put("detractors", v.nps().detractors());
            decimal(nps, "score", v.nps().score());
            OptionalDouble margin = v.nps().marginOfError();
            if (margin.isPresent()) {
                nps.put("marginOfError95", margin.getAsDouble());
            } else {
                nps.putNull("marginOfError95");
            }
            ObjectNode csat = o.putObject("csat");
            csat.put("responses", v.csat().responses());
            csat.put("satisfied", v.csat().satisfied());
            csat.put("scaleMin", v.csat().scale().min());
            csat.put("scaleMax", v.csat().scale().max());
            csat.put("satisfiedFrom", v.csat().scale().satisfiedFrom());
            ratio(csat, "score", v.csat().score());
            decimal(csat, "mean", v.csat().mean());
            ObjectNode ces = o.putObject("ces");
            ces.put("responses", v.ces().responses());
            decimal(ces, "mean", v.ces().mean());
            ratio(ces, "agreeShare", v.ces().agreeShare());
        });
        if (!usage.isEmpty()) {
            ArrayNode u = root.putArray("usage");
            for (UsageMonth m : usage) {
                ObjectNode o = u.addObject();
                o.put("month", YearMonth.from(m.point().window().start()).toString());
                o.put("accounts", m.accounts());
                o.put("activeUsers", m.point().activeUsers());
                o.put("logins", m.point().activities());
                o.put("licensedSeats", m.utilisation().licensedSeats());
                ratio(o, "licenceUtilisation", m.utilisation().ratio());
                o.put("overDeployedAccounts", m.overDeployed());
            }
        }
        return root;
    }

    private static void ratio(ObjectNode o, String name, Optional<Ratio> ratio) {
        decimal(o, name, ratio.map(Ratio::value));
    }

    private static void decimal(ObjectNode o, String name, Optional<BigDecimal> value) {
        if (value.isPresent()) {
            o.put(name, value.get());
        } else {
            o.putNull(name);
        }
    }
}
