package dev.kizuna.health.backtest;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.HealthBand;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthScore;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.batch.BatchScorer;
import dev.kizuna.health.batch.SignalFrame;
import dev.kizuna.health.outcome.Labelling;
import dev.kizuna.health.outcome.Labels;
import dev.kizuna.health.outcome.Outcome;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Judges health scores against what really happened afterwards.
 *
 * <pre>{@code
 * Backtest backtest = Backtest.builder(Period.ofDays(90)).observedUntil(LocalDate.of(2026, 1, 1)).build();
 * BacktestReport report = backtest.run(model, monthlySnapshots, outcomes);
 * report.rocAuc();   // 0.78 [0.75, 0.81]
 * }</pre>
 *
 * <p><b>Labels, and nothing from after {@code t}.</b> Each snapshot taken at {@code t} is one observation. Its score
 * is the model's score of that snapshot alone (or the score given, computed at {@code t}). Its label is given by the
 * backtest's {@link #labelling() Labelling}: whether the account had an outcome of a target type (by default
 * {@link Outcome.Type#CHURNED}) at an instant in {@code (t, t + horizon]}; an outcome at {@code t} or before is not a
 * prediction and is ignored, as is any outcome after the horizon. A snapshot whose horizon ends after the end of
 * observation is <em>censored</em> and left out: that its account did not churn yet says nothing. The end of
 * observation is {@link Builder#observedUntil} (outcomes are known before that date), or by default the latest
 * snapshot or outcome instant in the data.
 *
 * <p><b>Intervals</b> are percentile bootstrap intervals over {@link Builder#resamples} resamples of the
 * <em>accounts</em> (a cluster bootstrap): an account drawn k times counts all its snapshots k times, because an
 * account's monthly snapshots are not independent. The resamples come from {@link Builder#seed}, so a report is
 * reproducible. Comparisons test AUC differences with DeLong's test and give the paired bootstrap interval too.
 *
 * <p><b>Nothing to judge.</b> A report needs judged snapshots (uncensored and scored) followed by the event and others
 * not followed by it; without them every figure would be undefined, so {@link #run} and {@link #compare} throw a
 * {@link NothingToJudgeException} that says why (every snapshot censored, none scored, no event) instead.
 *
 * <p>Immutable and thread-safe.
 */
public final class Backtest {
    /** The default number of bootstrap resamples. */
    public static final int DEFAULT_RESAMPLES = 1_000;
    /** The default seed of the resamples. */
    public static final long DEFAULT_SEED = 20_260_601L;
    private static final int DECILES = 10;

    private final Labelling labelling;
    private final Period horizon;
    private final Set<Outcome.Type> targets;
    private final int resamples;
    private final long seed;
    private final double confidence;

    private Backtest(Builder b) {
        this.labelling = b.labelling;
        this.horizon = labelling.horizon();
        this.targets = labelling.targets();
        this.resamples = b.resamples;
        this.seed = b.seed;
        this.confidence = b.confidence;
    }

    /**
     * Returns a builder of a backtest over {@code horizon}: churn as the event, 1,000 resamples, 95% intervals.
     *
     * @throws IllegalArgumentException if the horizon is not positive
     */
    public static Builder builder(Period horizon) {
        return new Builder(horizon);
    }

    /** Returns the horizon after each snapshot within which an outcome counts. */
    public Period horizon() {
        return horizon;
    }

    /** Returns the outcome types that count as events. */
    public Set<Outcome.Type> targets() {
        return targets;
    }

    /** Returns the labelling of the snapshots: the horizon, the target outcomes and the end of observation. */
    public Labelling labelling() {
        return labelling;
    }

    /** The events in words, for messages: "churn", "contraction or expansion". */
    private String eventName() {
        List<String> names = new ArrayList<>();
        for (Outcome.Type t : targets) {
            names.add(switch (t) {
                case CHURNED -> "churn";
                case CONTRACTED -> "contraction";
                case EXPANDED -> "expansion";
            });
        }
        return String.join(" or ", names);
    }

    /**
     * Scores every snapshot with {@code model} (in batch) and backtests the scores.
     *
     * @param model    the model
     * @param history  the accounts' snapshots, any number per account, each scored as of its own instant
     * @param outcomes what happened to the accounts
     * @throws NothingToJudgeException if nothing can be judged: no snapshot, every snapshot censored, none scored, or
     *                                 the judged ones hold no event or only events
     */
    public BacktestReport run(HealthModel model, List<SignalSnapshot> history, List<Outcome> outcomes) {
        Objects.requireNonNull(model, "model");
        SignalFrame frame = SignalFrame.of(Objects.requireNonNull(history, "history"));
        double[] values = new double[frame.rows()];
        byte[] bands = new byte[frame.rows()];
        BatchScorer.of(model).parallel().scoreInto(frame, values, bands);
        Observations obs = observe(frame, outcomes);
        return report(model.id(), model.bands(), obs, values, bands, all(obs.n), model.id().toString());
    }

    /**
     * Returns the ROC curve behind {@link #run(HealthModel, List, List)}'s ROC AUC: the same observations (uncensored,
     * scored snapshots), with {@code -health} as the risk, as {@link Discrimination#rocCurve} gives it. Its trapezoid
     * area is that report's {@code rocAuc().value()}.
     *
     * @return the curve from (0, 0) to (1, 1); empty when the observations hold no event or no non-event (the AUC is
     *         undefined then)
     */
    public List<RocPoint> rocCurve(HealthModel model, List<SignalSnapshot> history, List<Outcome> outcomes) {
        Objects.requireNonNull(model, "model");
        SignalFrame frame = SignalFrame.of(Objects.requireNonNull(history, "history"));
        double[] values = new double[frame.rows()];
        byte[] bands = new byte[frame.rows()];
        BatchScorer.of(model).parallel().scoreInto(frame, values, bands);
        Used used = used(observe(frame, outcomes), values, all(frame.rows()));
        int events = 0;
        for (boolean e : used.event) {
            events += e ? 1 : 0;
        }
        return events == 0 || events == used.event.length ? List.of()
                : Discrimination.rocCurve(used.risk, used.event);
    }

    /**
     * Backtests scores already computed: each score's {@link HealthScore#inputsAt()} is its {@code t}.
     *
     * @param bands    the bands of the model that computed the scores
     * @param scores   the scores, all of one model
     * @param outcomes what happened to the accounts
     * @throws IllegalArgumentException if the scores come from several models, or their bands are not in
     *                                  {@code bands}
     * @throws NothingToJudgeException  if nothing can be judged: no score, every score censored, none scored, or the
     *                                  judged ones hold no event or only events
     */
    public BacktestReport run(BandScheme bands, List<HealthScore> scores, List<Outcome> outcomes) {
        Objects.requireNonNull(bands, "bands");
        Objects.requireNonNull(scores, "scores");
        int n = scores.size();
        if (n == 0) {
            throw new NothingToJudgeException(NothingToJudgeException.Reason.NO_SNAPSHOTS, 0, 0, 0, horizon,
                    labelling.observedUntil().map(d -> d.atStartOfDay().toInstant(ZoneOffset.UTC))
                            .orElse(Instant.EPOCH),
                    "scores: there is nothing to backtest");
        }
        List<AccountId> accounts = new ArrayList<>(n);
        List<Instant> at = new ArrayList<>(n);
        double[] values = new double[n];
        byte[] ranks = new byte[n];
        ModelId model = scores.get(0).model();
        for (int i = 0; i < n; i++) {
            HealthScore s = Objects.requireNonNull(scores.get(i), "scores[]");
            if (!s.model().equals(model)) {
                throw new IllegalArgumentException("scores[" + i + "]: computed by " + s.model() + ", not by "
                        + model + "; backtest one model at a time");
            }
            accounts.add(s.account());
            at.add(s.inputsAt());
            values[i] = s.isScored() ? s.value().getAsDouble() : Double.NaN;
            ranks[i] = s.isScored() ? (byte) bands.rank(s.band().orElseThrow()) : BatchScorer.INSUFFICIENT_DATA;
        }
        // The scores as a frame without columns: the labelling reads only each row's account and instant.
        SignalFrame rows = SignalFrame.builder(n, at.get(0)).accounts(accounts).instants(at).build();
        Observations obs = observe(rows, outcomes);
        return report(model, bands, obs, values, ranks, all(n), model.toString());
    }

    /**
     * Backtests several models on the same snapshots. The observations are those every model scored, so the
     * reports compare like with like; each pair of models gets DeLong's test and a paired bootstrap interval of the
     * AUC difference.
     *
     * @throws IllegalArgumentException if fewer than two models are given
     * @throws NothingToJudgeException  if nothing can be judged: no snapshot, every snapshot censored, none scored by
     *                                  every model, or the judged ones hold no event or only events
     */
    public ModelComparison compare(List<? extends HealthModel> models, List<SignalSnapshot> history,
                                   List<Outcome> outcomes) {
        Objects.requireNonNull(models, "models");
        if (models.size() < 2) {
            throw new IllegalArgumentException("models: " + models.size() + " given; a comparison needs at least two");
        }
        SignalFrame frame = SignalFrame.of(Objects.requireNonNull(history, "history"));
        Observations obs = observe(frame, outcomes);
        int n = frame.rows();
        double[][] values = new double[models.size()][n];
        byte[][] bands = new byte[models.size()][n];
        boolean[] common = all(n);
        for (int m = 0; m < models.size(); m++) {
            BatchScorer.of(models.get(m)).parallel().scoreInto(frame, values[m], bands[m]);
            for (int i = 0; i < n; i++) {
                common[i] &= !Double.isNaN(values[m][i]);
            }
        }
        List<BacktestReport> reports = new ArrayList<>();
        List<double[]> aucs = new ArrayList<>();
        List<Ranking> rankings = new ArrayList<>();
        // Every model scored the common rows, so every model uses the same observations, with the same labels.
        boolean[] labels = used(obs, values[0], common).event;
        for (int m = 0; m < models.size(); m++) {
            HealthModel model = models.get(m);
            reports.add(report(model.id(), model.bands(), obs, values[m], bands[m], common,
                    "every model compared"));
            Used used = used(obs, values[m], common);
            Ranking ranking = new Ranking(used.risk);
            rankings.add(ranking);
            aucs.add(bootstrap(ranking, used)[0]);
        }
        List<PairedComparison> pairs = new ArrayList<>();
        for (int a = 0; a < models.size(); a++) {
            for (int b = a + 1; b < models.size(); b++) {
                DeLongTest test = deLongOrUndefined(rankings.get(a), rankings.get(b), labels);
                pairs.add(new PairedComparison(models.get(a).id(), models.get(b).id(), test,
                        differenceInterval(test.difference(), aucs.get(a), aucs.get(b))));
            }
        }
        return new ModelComparison(reports, pairs);
    }

    private static boolean[] all(int n) {
        boolean[] out = new boolean[n];
        Arrays.fill(out, true);
        return out;
    }

    /** The snapshots as observations: their accounts, instants, labels and censoring, and the events by account. */
    private static final class Observations {
        final int n;
        final int[] account;
        final Instant[] at;
        final boolean[] event;
        final boolean[] censored;
        /** The target events of each account, sorted. */
        final Instant[][] eventsOf;
        /** The end of observation. */
        final Instant end;

        Observations(int n, int[] account, Instant[] at, boolean[] event, boolean[] censored, Instant[][] eventsOf,
                     Instant end) {
            this.end = end;
            this.n = n;
            this.account = account;
            this.at = at;
            this.event = event;
            this.censored = censored;
            this.eventsOf = eventsOf;
        }
    }

    /** Labels the rows of {@code frame} with the backtest's labelling, and numbers their accounts. */
    private Observations observe(SignalFrame frame, List<Outcome> outcomes) {
        Labels labels = labelling.label(frame, outcomes);
        int n = frame.rows();
        Map<AccountId, Integer> index = new HashMap<>();
        List<AccountId> ids = new ArrayList<>();
        int[] account = new int[n];
        Instant[] at = new Instant[n];
        boolean[] event = new boolean[n];
        boolean[] censored = new boolean[n];
        for (int i = 0; i < n; i++) {
            AccountId id = frame.account(i);
            account[i] = index.computeIfAbsent(id, k -> {
                ids.add(k);
                return ids.size() - 1;
            });
            at[i] = frame.at(i);
            event[i] = labels.isEvent(i);
            censored[i] = labels.isCensored(i);
        }
        Instant[][] eventsOf = new Instant[ids.size()][];
        for (int a = 0; a < eventsOf.length; a++) {
            eventsOf[a] = labels.eventsOf(ids.get(a)).toArray(new Instant[0]);
        }
        return new Observations(n, account, at, event, censored, eventsOf, labels.endOfObservation());
    }

    /** The observations a report's figures use: uncensored, scored, and in the given subset. */
    private static final class Used {
        final int[] row;
        final double[] risk;
        final boolean[] event;
        /** Each observation's account, renumbered from 0 among the observations used. */
        final int[] account;
        final int accounts;

        Used(int[] row, double[] risk, boolean[] event, int[] account, int accounts) {
            this.row = row;
            this.risk = risk;
            this.event = event;
            this.account = account;
            this.accounts = accounts;
        }
    }

    private static Used used(Observations obs, double[] values, boolean[] subset) {
        int count = 0;
        for (int i = 0; i < obs.n; i++) {
            count += !obs.censored[i] && subset[i] && !Double.isNaN(values[i]) ? 1 : 0;
        }
        int[] row = new int[count];
        double[] risk = new double[count];
        boolean[] event = new boolean[count];
        int[] account = new int[count];
        Map<Integer, Integer> renumber = new HashMap<>();
        for (int i = 0, k = 0; i < obs.n; i++) {
            if (!obs.censored[i] && subset[i] && !Double.isNaN(values[i])) {
                row[k] = i;
                risk[k] = -values[i];
                event[k] = obs.event[i];
                account[k] = renumber.computeIfAbsent(obs.account[i], a -> renumber.size());
                k++;
            }
        }
        return new Used(row, risk, event, account, renumber.size());
    }

    private BacktestReport report(ModelId model, BandScheme scheme, Observations obs, double[] values, byte[] bands,
                                  boolean[] subset, String scoredBy) {
        Used used = used(obs, values, subset);
        int n = used.risk.length;
        int censoredRows = 0;
        int judgedEvents = 0;
        for (int i = 0; i < obs.n; i++) {
            censoredRows += obs.censored[i] ? 1 : 0;
        }
        for (boolean e : used.event) {
            judgedEvents += e ? 1 : 0;
        }
        Optional<NothingToJudgeException> nothing = NothingToJudgeException.of(obs.n, censoredRows, n, judgedEvents,
                horizon, obs.end, eventName(), scoredBy);
        if (nothing.isPresent()) {
            throw nothing.get();
        }
        int events = 0;
        double brier = 0;
        for (int k = 0; k < n; k++) {
            double predicted = 1 - values[used.row[k]] / 100;
            double y = used.event[k] ? 1 : 0;
            brier += (predicted - y) * (predicted - y);
            events += used.event[k] ? 1 : 0;
        }
        brier = n == 0 ? Double.NaN : brier / n;
        Ranking ranking = new Ranking(used.risk);
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        double auc = ranking.rocAuc(ones, used.event);
        double ap = ranking.averagePrecision(ones, used.event);
        double[][] boot = bootstrap(ranking, used);
        List<Decile> deciles = deciles(ranking, used, values);
        Decile top = deciles.get(0);
        double rate = n == 0 ? Double.NaN : (double) events / n;
        double lift = top.eventRate() / rate;
        double capture = events == 0 ? Double.NaN : top.events() / events;
        int censored = 0;
        int insufficient = 0;
        int insufficientEvents = 0;
        int[] perBand = new int[scheme.bands().size()];
        int[] eventsPerBand = new int[perBand.length];
        for (int i = 0; i < obs.n; i++) {
            if (obs.censored[i]) {
                censored++;
            } else if (!subset[i] || Double.isNaN(values[i])) {
                insufficient++;
                insufficientEvents += obs.event[i] ? 1 : 0;
            } else {
                perBand[bands[i]]++;
                eventsPerBand[bands[i]] += obs.event[i] ? 1 : 0;
            }
        }
        List<BandOutcome> bandRows = new ArrayList<>();
        for (int b = 0; b < perBand.length; b++) {
            bandRows.add(new BandOutcome(scheme.bands().get(b).name(), b, perBand[b], eventsPerBand[b],
                    perBand[b] == 0 ? Double.NaN : (double) eventsPerBand[b] / perBand[b]));
        }
        bandRows.add(new BandOutcome(BandOutcome.INSUFFICIENT_DATA, -1, insufficient, insufficientEvents,
                insufficient == 0 ? Double.NaN : (double) insufficientEvents / insufficient));
        return new BacktestReport(model, horizon, targets, obs.n, censored, insufficient, n, events,
                new Estimate(auc, quantile(boot[0], (1 - confidence) / 2), quantile(boot[0], (1 + confidence) / 2)),
                new Estimate(ap, quantile(boot[1], (1 - confidence) / 2), quantile(boot[1], (1 + confidence) / 2)),
                brier, deciles, lift, capture, bandRows, atEvent(scheme, obs, values, bands), resamples, confidence);
    }

    /**
     * Returns the AUC and the average precision of each resample of the accounts ({@code [auc[], ap[]]}); resamples
     * in which a figure is undefined give NaN.
     */
    private double[][] bootstrap(Ranking ranking, Used used) {
        double[] auc = new double[resamples];
        double[] ap = new double[resamples];
        int k = used.accounts;
        if (k == 0) {
            Arrays.fill(auc, Double.NaN);
            Arrays.fill(ap, Double.NaN);
            return new double[][] {auc, ap};
        }
        SplittableRandom random = new SplittableRandom(seed);
        int n = used.risk.length;
        // Everything in ranked order, so that each resample reads its arrays front to back.
        int[] rankedAccount = new int[n];
        boolean[] rankedEvent = new boolean[n];
        for (int r = 0; r < n; r++) {
            rankedAccount[r] = used.account[ranking.order[r]];
            rankedEvent[r] = used.event[ranking.order[r]];
        }
        int[] times = new int[k];
        double[] weight = new double[n];
        double[] eventWeight = new double[ranking.groups()];
        double[] otherWeight = new double[ranking.groups()];
        for (int b = 0; b < resamples; b++) {
            Arrays.fill(times, 0);
            for (int j = 0; j < k; j++) {
                times[random.nextInt(k)]++;
            }
            for (int r = 0; r < n; r++) {
                weight[r] = times[rankedAccount[r]];
            }
            ranking.groupWeights(weight, rankedEvent, eventWeight, otherWeight);
            auc[b] = ranking.rocAuc(eventWeight, otherWeight);
            ap[b] = ranking.averagePrecision(eventWeight, otherWeight);
        }
        return new double[][] {auc, ap};
    }

    private Estimate differenceInterval(double difference, double[] first, double[] second) {
        double[] d = new double[first.length];
        for (int b = 0; b < d.length; b++) {
            d[b] = first[b] - second[b];
        }
        return new Estimate(difference, quantile(d, (1 - confidence) / 2), quantile(d, (1 + confidence) / 2));
    }

    private static DeLongTest deLongOrUndefined(Ranking a, Ranking b, boolean[] event) {
        int events = 0;
        for (boolean e : event) {
            events += e ? 1 : 0;
        }
        if (events < 2 || event.length - events < 2) {
            double nan = Double.NaN;
            return new DeLongTest(a.rocAuc(ones(event.length), event), b.rocAuc(ones(event.length), event), nan, nan,
                    nan, nan);
        }
        return Discrimination.deLong(a, b, event);
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        return w;
    }

    /** The {@code q}-quantile of the finite values, interpolating between order statistics; NaN if there are none. */
    static double quantile(double[] values, double q) {
        double[] finite = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (finite.length == 0) {
            return Double.NaN;
        }
        double h = (finite.length - 1) * q;
        int low = (int) Math.floor(h);
        int high = Math.min(finite.length - 1, low + 1);
        return finite[low] + (h - low) * (finite[high] - finite[low]);
    }

    /**
     * The ten deciles by risk, riskiest first. Each group of tied risks is spread evenly over the positions it
     * occupies, so it is shared between deciles in proportion.
     */
    private static List<Decile> deciles(Ranking ranking, Used used, double[] values) {
        int n = used.risk.length;
        double[] count = new double[DECILES];
        double[] events = new double[DECILES];
        double[] predicted = new double[DECILES];
        double[] lowest = new double[DECILES];
        double[] highest = new double[DECILES];
        Arrays.fill(lowest, Double.NaN);
        Arrays.fill(highest, Double.NaN);
        double size = n / (double) DECILES;
        int position = 0;
        for (int g = ranking.groupEnd.length - 1; g >= 0; g--) {
            int start = g == 0 ? 0 : ranking.groupEnd[g - 1];
            int end = ranking.groupEnd[g];
            int members = end - start;
            int groupEvents = 0;
            double groupPredicted = 0;
            double health = values[used.row[ranking.order[start]]];
            for (int k = start; k < end; k++) {
                int i = ranking.order[k];
                groupEvents += used.event[i] ? 1 : 0;
                groupPredicted += 1 - values[used.row[i]] / 100;
            }
            double from = position;
            double to = position + members;
            for (int d = (int) Math.min(DECILES - 1, Math.floor(from / size)); d < DECILES; d++) {
                double overlap = Math.min(to, (d + 1) * size) - Math.max(from, d * size);
                if (overlap <= 0) {
                    if (d * size >= to) {
                        break;
                    }
                    continue;
                }
                double share = overlap / members;
                count[d] += overlap;
                events[d] += groupEvents * share;
                predicted[d] += groupPredicted * share;
                lowest[d] = Double.isNaN(lowest[d]) ? health : Math.min(lowest[d], health);
                highest[d] = Double.isNaN(highest[d]) ? health : Math.max(highest[d], health);
            }
            position += members;
        }
        List<Decile> out = new ArrayList<>(DECILES);
        for (int d = 0; d < DECILES; d++) {
            double c = count[d];
            out.add(new Decile(d + 1, c, events[d], c > 0 ? events[d] / c : Double.NaN,
                    c > 0 ? predicted[d] / c : Double.NaN, lowest[d], highest[d]));
        }
        return out;
    }

    /** The band of each account's last score within the horizon before each of its events. */
    private BandsAtEvent atEvent(BandScheme scheme, Observations obs, double[] values, byte[] bands) {
        int accounts = obs.eventsOf.length;
        List<List<Integer>> rowsOf = new ArrayList<>(accounts);
        for (int a = 0; a < accounts; a++) {
            rowsOf.add(new ArrayList<>());
        }
        for (int i = 0; i < obs.n; i++) {
            rowsOf.get(obs.account[i]).add(i);
        }
        int events = 0;
        int withScore = 0;
        int[] perBand = new int[scheme.bands().size()];
        for (int a = 0; a < accounts; a++) {
            List<Integer> rows = rowsOf.get(a);
            rows.sort((x, y) -> obs.at[x].compareTo(obs.at[y]));
            for (Instant when : obs.eventsOf[a]) {
                int last = -1;
                for (int r : rows) {
                    if (obs.at[r].isAfter(when)) {
                        break;
                    }
                    last = r;
                }
                if (last < 0) {
                    continue;
                }
                events++;
                Instant horizonStart = when.atOffset(ZoneOffset.UTC).minus(horizon).toInstant();
                if (!obs.at[last].isBefore(horizonStart) && !Double.isNaN(values[last])) {
                    withScore++;
                    perBand[bands[last]]++;
                }
            }
        }
        List<BandsAtEvent.BandCount> counts = new ArrayList<>();
        for (int b = 0; b < perBand.length; b++) {
            counts.add(new BandsAtEvent.BandCount(scheme.bands().get(b).name(), perBand[b]));
        }
        HealthBand best = scheme.bands().get(perBand.length - 1);
        return new BandsAtEvent(events, withScore, counts, best.name(),
                withScore == 0 ? Double.NaN : (double) perBand[perBand.length - 1] / withScore);
    }

    /** Builds a {@link Backtest}. Not thread-safe. */
    public static final class Builder {
        private Labelling labelling;
        private int resamples = DEFAULT_RESAMPLES;
        private long seed = DEFAULT_SEED;
        private double confidence = 0.95;

        private Builder(Period horizon) {
            this.labelling = Labelling.churnWithin(horizon);
        }

        /**
         * Sets the outcome types that count as events (default: churn only).
         *
         * @throws IllegalArgumentException if none is given
         */
        public Builder targets(Set<Outcome.Type> types) {
            this.labelling = labelling.withTargets(types);
            return this;
        }

        /** Sets the end of observation: outcomes are known before this date (exclusive). */
        public Builder observedUntil(LocalDate date) {
            this.labelling = labelling.withObservedUntil(date);
            return this;
        }

        /**
         * Sets the number of bootstrap resamples (default 1,000; 0 for no intervals).
         *
         * @throws IllegalArgumentException if negative or above 100,000
         */
        public Builder resamples(int count) {
            if (count < 0 || count > 100_000) {
                throw new IllegalArgumentException("resamples: " + count + " must be from 0 to 100000");
            }
            this.resamples = count;
            return this;
        }

        /** Sets the seed of the resamples. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Sets the confidence level of the intervals (default 0.95).
         *
         * @throws IllegalArgumentException unless strictly between 0 and 1
         */
        public Builder confidence(double level) {
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("confidence: " + level + " must be between 0 and 1, exclusive");
            }
            this.confidence = level;
            return this;
        }

        /** Builds the backtest. */
        public Backtest build() {
            return new Backtest(this);
        }
    }
}
