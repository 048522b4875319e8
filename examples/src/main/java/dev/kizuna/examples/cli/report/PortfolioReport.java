package dev.kizuna.examples.cli.report;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Portfolio;
import dev.kizuna.core.plan.CsRole;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.examples.cli.demo.ClvDemo;
import dev.kizuna.examples.cli.demo.DemoCommand;
import dev.kizuna.examples.cli.demo.DemoSummary;
import dev.kizuna.health.Explanation;
import dev.kizuna.health.HealthBand;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthScore;
import dev.kizuna.health.backtest.Backtest;
import dev.kizuna.health.backtest.BacktestReport;
import dev.kizuna.health.backtest.RocPoint;
import dev.kizuna.health.outcome.Outcome;
import dev.kizuna.health.rollup.BandDistribution;
import dev.kizuna.metrics.ReportingPeriod;
import dev.kizuna.metrics.cohort.CohortMatrix;
import dev.kizuna.metrics.cohort.KaplanMeier;
import dev.kizuna.metrics.revenue.MrrLedger;
import dev.kizuna.metrics.revenue.PeriodSummary;
import dev.kizuna.playbooks.ActionKind;
import dev.kizuna.playbooks.evaluation.Evaluation;
import dev.kizuna.playbooks.evaluation.RecommendedAction;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The figures of {@code kizuna report}, computed from a portfolio with the library's API and nothing else: the data
 * step of the report, which {@link ReportHtml} renders. Each part is the library's own result type, so that what the
 * HTML shows can be checked against the API.
 *
 * @param asOf       the day after the portfolio's history
 * @param currency   the currency of the MRR ledger
 * @param bridge     the MRR bridge of each of the last {@code months} full months
 * @param cohorts    monthly logo and revenue cohorts of the last {@link #COHORT_MONTHS} months
 * @param survival   the customers' first lifetimes in days, Kaplan-Meier with a 95% log band
 * @param health     the current customers' scores by the demo scorecard
 * @param migration  the band migration between two snapshot dates {@link #MIGRATION} apart
 * @param backtest   the demo scorecard's backtest against churn within {@link #HORIZON} of each snapshot, or why there
 *                   is nothing to judge
 * @param roc        the ROC curve behind the backtest's AUC; empty when it is undefined
 * @param clv        the simulated add-on purchase log's 12-month CLV per customer, or why the models cannot be fitted
 * @param plays      this week's starter playbook actions, per owner and kind
 */
public record PortfolioReport(LocalDate asOf, Currency currency, List<PeriodSummary> bridge, CohortMatrix cohorts,
                       KaplanMeier survival, Health health, Migration migration,
                       Computed<BacktestReport> backtest, List<RocPoint> roc, Computed<Clv> clv, Plays plays) {
    /** How many monthly cohorts the heatmaps show. */
    public static final int COHORT_MONTHS = 24;
    /** How far apart the two dates of the band migration are. */
    public static final Period MIGRATION = Period.ofMonths(3);
    /** The backtest's horizon, as in {@code kizuna demo}. */
    public static final Period HORIZON = Period.ofMonths(3);

    public PortfolioReport {
        bridge = List.copyOf(bridge);
        roc = List.copyOf(roc);
    }

    /**
     * The current customers' health: each scored account's score and the band distribution.
     *
     * @param asOf         the newest snapshot instant, at which the current customers are scored
     * @param model        the model's id
     * @param scores       the scores of the accounts with a snapshot at {@code asOf}
     * @param distribution their band distribution
     */
    public record Health(Instant asOf, String model, List<HealthScore> scores, BandDistribution distribution) {
        public Health {
            scores = List.copyOf(scores);
        }

        /** The histogram bins of the scores: {@code [10k, 10k + 10)}, the last one closed at 100. */
        int[] histogram() {
            int[] bins = new int[10];
            for (HealthScore s : scores) {
                if (s.isScored()) {
                    bins[Math.min(9, (int) Math.floor(s.value().getAsDouble() / 10))]++;
                }
            }
            return bins;
        }
    }

    /**
     * How the accounts scored at {@code from} moved between bands by {@code to}: rows are the band at {@code from},
     * columns the band at {@code to}, plus {@link #GONE} for accounts without a snapshot at {@code to} (no longer
     * customers) and {@link BandDistribution}'s insufficient-data row and column for accounts not scored.
     *
     * @param from   the earlier snapshot instant
     * @param to     the later snapshot instant
     * @param bands  the row and column labels, worst band first, then insufficient data
     * @param counts {@code counts.get(fromBand).get(toBand)}; {@code toBand} may also be {@link #GONE}
     */
    public record Migration(Instant from, Instant to, List<String> bands, Map<String, Map<String, Integer>> counts) {
        /** The column of accounts without a snapshot at the later date. */
        static final String GONE = "no snapshot";
        /** The label of accounts not scored for lack of data. */
        static final String INSUFFICIENT = "insufficient data";

        public Migration {
            bands = List.copyOf(bands);
            Map<String, Map<String, Integer>> copy = new TreeMap<>();
            counts.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new TreeMap<>(v))));
            counts = Collections.unmodifiableMap(copy);
        }

        int count(String fromBand, String toBand) {
            return counts.getOrDefault(fromBand, Map.of()).getOrDefault(toBand, 0);
        }

        /** The columns: the bands, then {@link #GONE}. */
        List<String> columns() {
            List<String> out = new ArrayList<>(bands);
            out.add(GONE);
            return out;
        }
    }

    /**
     * The predicted CLV of the simulated purchase log's calibration customers (see {@link ClvDemo}), with its
     * histogram: {@code bins} equal bins from 0 to {@code top}, then one open bin for CLVs of {@code top} or more.
     *
     * @param values each customer's 12-month CLV
     * @param top    the lower edge of the open bin: the 95th percentile rounded up to a round number
     * @param bins   the number of closed bins
     */
    public record Clv(double[] values, double top, int bins) {
        public Clv {
            values = values.clone();
        }

        /** The bin's lower edge. */
        double lower(int bin) {
            return top * bin / bins;
        }

        /** The bin's upper edge (exclusive); infinite for the open bin. */
        double upper(int bin) {
            return bin == bins ? Double.POSITIVE_INFINITY : top * (bin + 1) / bins;
        }

        /** The counts of the {@code bins + 1} bins. */
        int[] counts() {
            int[] out = new int[bins + 1];
            for (double v : values) {
                int b = 0;
                while (b < bins && !(v < upper(b))) {
                    b++;
                }
                out[b]++;
            }
            return out;
        }

        double total() {
            return Arrays.stream(values).sum();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Clv c && Arrays.equals(values, c.values) && top == c.top && bins == c.bins;
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(values) + Double.hashCode(top) + bins;
        }

        @Override
        public String toString() {
            return "Clv[" + values.length + " customers, top " + top + ", " + bins + " bins]";
        }
    }

    /**
     * This week's playbook actions: the starter playbooks' dry run over the current customers.
     *
     * @param on        the day evaluated
     * @param evaluated the accounts evaluated
     * @param counts    actions per owner role and action kind
     */
    public record Plays(LocalDate on, int evaluated, Map<CsRole, Map<ActionKind, Integer>> counts) {
        public Plays {
            Map<CsRole, Map<ActionKind, Integer>> copy = new EnumMap<>(CsRole.class);
            counts.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new EnumMap<>(v))));
            counts = Collections.unmodifiableMap(copy);
        }

        /** The kinds any owner has, in declaration order. */
        List<ActionKind> kinds() {
            TreeSet<ActionKind> kinds = new TreeSet<>();
            counts.values().forEach(m -> kinds.addAll(m.keySet()));
            return List.copyOf(kinds);
        }
    }

    /** The stages of {@link #of}, for progress. */
    public interface Stages {
        /** Called before each stage with its name, its number (from 1) and the number of stages. */
        void stage(String name, int number, int of);
    }

    /** The number of stages {@link #of} reports. */
    public static final int STAGES = 7;

    /** Computes the report of a portfolio; the MRR bridge covers its last {@code months} full months. */
    public static PortfolioReport of(Portfolio portfolio, int months, Stages stages) {
        LocalDate lastDay = portfolio.asOf().minusDays(1);
        YearMonth last = YearMonth.from(lastDay);
        stages.stage("MRR ledger and bridge", 1, STAGES);
        MrrLedger ledger = MrrLedger.build(portfolio.subscriptionEvents());
        List<PeriodSummary> bridge = MetricsReport.of(ledger, last.minusMonths(months - 1L), last).months().stream()
                .map(MetricsReport.Month::bridge).toList();
        stages.stage("cohorts and survival", 2, STAGES);
        CohortMatrix cohorts = CohortMatrix.of(ledger, ReportingPeriod.MONTH,
                last.minusMonths(COHORT_MONTHS - 1L).atDay(1), last.atEndOfMonth());
        KaplanMeier survival = KaplanMeier.fit(KaplanMeier.customerLifetimes(ledger, lastDay));
        stages.stage("health scores", 3, STAGES);
        HealthSummary.Results results = new HealthSummary(portfolio).results();
        HealthModel model = results.model();
        Health health = new Health(results.asOf(), model.id().toString(),
                results.explanations().values().stream().map(Explanation::score).toList(), results.distribution());
        Migration migration = migration(portfolio.signals(), model, results.asOf());
        stages.stage("health backtest", 4, STAGES);
        List<Outcome> churn = Outcome.churnsOf(portfolio.subscriptionEvents());
        Computed<BacktestReport> report = DemoSummary.backtest(portfolio);
        List<RocPoint> roc = report.isPresent() ? Backtest.builder(HORIZON).observedUntil(portfolio.asOf()).build()
                .rocCurve(model, portfolio.signals(), churn) : List.of();
        stages.stage("customer lifetime value", 5, STAGES);
        Computed<Clv> clv = clv(portfolio);
        stages.stage("playbooks", 6, STAGES);
        Plays plays = plays(portfolio);
        stages.stage("charts", 7, STAGES);
        return new PortfolioReport(portfolio.asOf(), ledger.currency(), bridge, cohorts, survival, health, migration,
                report, roc, clv, plays);
    }

    /**
     * Returns the band migration from the latest snapshot instant at or before {@code to - MIGRATION} to {@code to},
     * every snapshot scored by {@code model} as of its own instant.
     */
    public static Migration migration(List<SignalSnapshot> signals, HealthModel model, Instant to) {
        Instant target = to.atOffset(ZoneOffset.UTC).minus(MIGRATION).toInstant();
        Instant from = signals.stream().map(SignalSnapshot::at).filter(t -> !t.isAfter(target))
                .max(Instant::compareTo).orElse(to);
        Map<AccountId, String> before = new TreeMap<>();
        Map<AccountId, String> after = new TreeMap<>();
        for (SignalSnapshot s : signals) {
            if (s.at().equals(from)) {
                before.put(s.account(), band(model.score(s, s.at())));
            }
            if (s.at().equals(to)) {
                after.put(s.account(), band(model.score(s, s.at())));
            }
        }
        List<String> bands = new ArrayList<>(model.bands().bands().stream().map(HealthBand::name).toList());
        bands.add(Migration.INSUFFICIENT);
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        before.forEach((account, band) -> counts.computeIfAbsent(band, b -> new TreeMap<>())
                .merge(after.getOrDefault(account, Migration.GONE), 1, Integer::sum));
        return new Migration(from, to, bands, counts);
    }

    private static String band(HealthScore s) {
        return s.band().map(HealthBand::name).orElse(Migration.INSUFFICIENT);
    }

    /** The number of closed bins of the CLV histogram. */
    public static final int CLV_BINS = 20;

    private static Computed<Clv> clv(Portfolio portfolio) {
        ClvDemo demo = new ClvDemo(portfolio);
        Computed<ClvDemo.Fitted> fitted = ClvDemo.fit(demo.summary(demo.purchases()));
        if (!fitted.isPresent()) {
            return Computed.unavailable(fitted.reason());
        }
        return fitted.get().clv().map(values -> new Clv(values, roundUp(percentile(values, 0.95)), CLV_BINS));
    }

    /** The smallest value with at least the share {@code p} of the values at or below it. */
    private static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** Rounds up to 1, 2 or 5 times a power of ten, at least 1. */
    public static double roundUp(double value) {
        if (!(value > 1)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static Plays plays(Portfolio portfolio) {
        DemoCommand.StarterPlays run = DemoCommand.StarterPlays.run(portfolio);
        List<RecommendedAction> actions = new ArrayList<>();
        for (Evaluation e : run.evaluations()) {
            actions.addAll(e.actions());
        }
        Map<CsRole, Map<ActionKind, Integer>> counts = new EnumMap<>(CsRole.class);
        Evaluation.byOwner(actions).forEach((owner, list) -> {
            Map<ActionKind, Integer> byKind = new EnumMap<>(ActionKind.class);
            list.forEach(a -> byKind.merge(a.action().kind(), 1, Integer::sum));
            counts.put(owner, byKind);
        });
        return new Plays(portfolio.asOf(), run.evaluated(), counts);
    }
}
