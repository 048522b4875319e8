package dev.kizuna.metrics.revenue;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.CurrencyMismatchException;
import dev.kizuna.core.Money;
import dev.kizuna.core.event.RecurringCharge;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.metrics.DateRange;
import dev.kizuna.metrics.ReportingPeriod;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Every customer's MRR over time, and each change to it classified as new, expansion, contraction, churn or
 * reactivation: the MRR movement ledger from which revenue, retention and cohort metrics are computed.
 *
 * <h2>MRR</h2>
 * A subscription's MRR is {@link RecurringCharge#mrr()}: unit price x quantity, less the recurring discount, divided
 * by the months of the billing interval (annual / 12, quarterly / 3, semi-annual / 6, biennial / 24), exact where the
 * division terminates and otherwise half-even to {@value RecurringCharge#MRR_SCALE} places; a trial is zero. Tax,
 * one-time and usage charges are not subscription charges and never enter. A customer's MRR is the sum over its
 * active subscriptions; the business's MRR is the sum over customers; ARR is 12 x MRR. This matches Stripe's
 * definition ("the sum of the monthly-normalized value of all active subscriptions ... excluding trials, taxes, free
 * plans and metered products", docs.stripe.com/billing/subscriptions/analytics/glossary) and ChartMogul's.
 *
 * <h2>Movements</h2>
 * All the events of one customer that take effect on one day are applied together, and the change in the customer's
 * total MRR between the end of the previous day and the end of that day is one {@link MrrMovement}:
 * <ul>
 *   <li>from zero to above zero: {@link MovementType#NEW} the first time, afterwards
 *       {@link MovementType#REACTIVATION} if the gap since the churn is within the {@link ReactivationWindow}, else
 *       new again;</li>
 *   <li>from above zero to zero: {@link MovementType#CHURN};</li>
 *   <li>up or down while staying above zero: {@link MovementType#EXPANSION} or {@link MovementType#CONTRACTION}
 *       (a second subscription, a discount ending, one of two subscriptions ending).</li>
 * </ul>
 * These are ChartMogul's five movement types with its definitions (help.chartmogul.com, "Chart Data" / MRR
 * movements), which Stripe and Baremetrics share. Differences worth knowing:
 * <ul>
 *   <li>a customer whose MRR drops to zero without cancelling (a 100% discount, a free plan) churns here, as in
 *       Stripe, which leaves free plans out of MRR; ChartMogul's default keeps such customers active (its "free
 *       customer handling" setting, second option, reproduces this ledger);</li>
 *   <li>ChartMogul groups activities within a configurable time (60 minutes by default); this ledger nets per
 *       day, the finest grain its dates carry;</li>
 *   <li>{@link ChurnRecognition} chooses the date a cancellation's MRR leaves.</li>
 * </ul>
 * The bridge identity {@code start + new + expansion + reactivation - contraction - churn = end} holds exactly for
 * every period and every customer; {@link PeriodSummary} checks it when it is built.
 *
 * <h2>Events</h2>
 * The order of the input does not matter: events are grouped by account, and each subscription's events are read in
 * the order of their effective dates ({@code START}, {@code CHANGE}, {@code CANCEL}, {@code END} within a day). The
 * build fails, naming the event ({@code events[i]}), when
 * <ul>
 *   <li>a subscription has a {@code CHANGE}, {@code CANCEL} or {@code END} but no {@code START} (unknown
 *       subscription), or one that comes before its {@code START} or after it ended (out of order);</li>
 *   <li>a subscription starts again while active, or has two events of the same kind on the same day;</li>
 *   <li>a charge is in another currency than the ledger's and no converter was given
 *       ({@link CurrencyMismatchException}).</li>
 * </ul>
 * Nothing is dropped silently: {@link #excludedEventCount()} counts the changes that
 * {@link ChurnRecognition#CANCELLATION_REQUEST} makes ineffective, and {@link #accountsWithoutPaidMrr()} the
 * accounts that never paid (trials only), which are in no customer count.
 *
 * <h2>Cost</h2>
 * One hash lookup per event to group by account, a counting sort by account, one sort per account (linear when its
 * events come in date order), and one pass per account that keeps one running total per subscription and per
 * customer. Movements are stored in flat arrays; {@link #summaries} is a single pass over them. The benchmarks and
 * the CLI should call {@link #build(Collection, LedgerOptions)} once and then
 * {@link #summaries(ReportingPeriod, LocalDate, LocalDate)}.
 *
 * <p>A ledger is immutable and thread-safe once built. Lists it returns are built on each call.
 */
public final class MrrLedger {

    /** Reads one account's events subscription by subscription, each in the order its events take effect. */
    private static final Comparator<SubscriptionEvent> TIMELINE = (a, b) -> {
        int c = a.subscriptionId().compareTo(b.subscriptionId());
        if (c != 0) {
            return c;
        }
        c = a.effectiveDate().compareTo(b.effectiveDate());
        return c != 0 ? c : a.kind().compareTo(b.kind());
    };

    private static final MovementType[] TYPES = MovementType.values();

    private final LedgerOptions options;
    private final Currency currency;
    private final AccountId[] accounts;
    private final Map<AccountId, Integer> positions;
    private final SubscriptionEvent[] events;
    private final int[] eventStart;
    private final int[] movementStart;
    private final int[] movementDay;
    private final byte[] movementType;
    private final BigDecimal[] movementAmount;
    private final BigDecimal[] movementAfter;
    private final long excludedEventCount;
    private final int accountsWithoutPaidMrr;

    private MrrLedger(Builder b) {
        this.options = b.options;
        this.currency = b.currency;
        this.accounts = b.accounts;
        this.positions = b.positions;
        this.events = b.ordered;
        this.eventStart = b.eventStart;
        this.movementStart = b.movementStart;
        this.movementDay = b.movementDay;
        this.movementType = b.movementType;
        this.movementAmount = b.movementAmount;
        this.movementAfter = b.movementAfter;
        this.excludedEventCount = b.replayer.excluded;
        this.accountsWithoutPaidMrr = b.withoutPaidMrr;
    }

    /** Returns the ledger of {@code events} with the {@linkplain LedgerOptions#defaults() default options}. */
    public static MrrLedger build(Collection<SubscriptionEvent> events) {
        return build(events, LedgerOptions.defaults());
    }

    /**
     * Returns the ledger of {@code events}, in any order, under {@code options}.
     *
     * @throws IllegalArgumentException  naming the event, if an event is out of order, duplicated or of an unknown
     *                                   subscription, or if the list is empty and the options name no currency
     * @throws CurrencyMismatchException naming the event, if a charge is in another currency and no converter was
     *                                   given
     */
    public static MrrLedger build(Collection<SubscriptionEvent> events, LedgerOptions options) {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(options, "options");
        return new MrrLedger(new Builder(events, options).run());
    }

    /** Returns the options the ledger was built with. */
    public LedgerOptions options() {
        return options;
    }

    /** Returns the currency of every amount in the ledger. */
    public Currency currency() {
        return currency;
    }

    /** Returns every account that has an event, in account order, including accounts that never paid. */
    public List<AccountId> accounts() {
        return List.of(accounts);
    }

    /** Returns the number of accounts that had events but never any paid MRR (trials only); they count nowhere. */
    public int accountsWithoutPaidMrr() {
        return accountsWithoutPaidMrr;
    }

    /**
     * Returns the number of {@code CHANGE} events that had no effect because {@link ChurnRecognition#CANCELLATION_REQUEST}
     * had already taken the subscription's MRR out; always zero under {@link ChurnRecognition#SERVICE_END}.
     */
    public long excludedEventCount() {
        return excludedEventCount;
    }

    /** Returns the number of events the ledger was built from. */
    public int eventCount() {
        return events.length;
    }

    /** Returns the number of movements in the ledger. */
    public int movementCount() {
        return movementStart[accounts.length];
    }

    /** Returns the day of the earliest movement, or empty when nobody ever paid. */
    public Optional<LocalDate> firstMovementDate() {
        int first = Integer.MAX_VALUE;
        for (int c = 0; c < accounts.length; c++) {
            if (movementStart[c] < movementStart[c + 1]) {
                first = Math.min(first, movementDay[movementStart[c]]);
            }
        }
        return first == Integer.MAX_VALUE ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(first));
    }

    /** Returns the day of the latest movement, or empty when nobody ever paid. */
    public Optional<LocalDate> lastMovementDate() {
        int last = Integer.MIN_VALUE;
        for (int c = 0; c < accounts.length; c++) {
            if (movementStart[c] < movementStart[c + 1]) {
                last = Math.max(last, movementDay[movementStart[c + 1] - 1]);
            }
        }
        return last == Integer.MIN_VALUE ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(last));
    }

    /** Returns every movement, ordered by date and then account. */
    public List<MrrMovement> movements() {
        List<MrrMovement> all = new ArrayList<>(movementCount());
        for (int c = 0; c < accounts.length; c++) {
            addMovements(c, Integer.MIN_VALUE, Integer.MAX_VALUE, all);
        }
        all.sort(Comparator.comparing(MrrMovement::date).thenComparing(MrrMovement::account));
        return List.copyOf(all);
    }

    /** Returns the movements dated in {@code range}, ordered by date and then account. */
    public List<MrrMovement> movements(DateRange range) {
        Objects.requireNonNull(range, "range");
        int from = day(range.start());
        int to = day(range.end());
        List<MrrMovement> found = new ArrayList<>();
        for (int c = 0; c < accounts.length; c++) {
            addMovements(c, from, to, found);
        }
        found.sort(Comparator.comparing(MrrMovement::date).thenComparing(MrrMovement::account));
        return List.copyOf(found);
    }

    /** Returns the history of one account, or empty if it has no events. */
    public Optional<CustomerHistory> history(AccountId account) {
        Objects.requireNonNull(account, "account");
        Integer c = positions.get(account);
        return c == null ? Optional.empty() : Optional.of(new CustomerHistory(this, c));
    }

    /** Returns the history of every account, in account order, including accounts that never paid. */
    public List<CustomerHistory> histories() {
        List<CustomerHistory> all = new ArrayList<>(accounts.length);
        for (int c = 0; c < accounts.length; c++) {
            all.add(new CustomerHistory(this, c));
        }
        return List.copyOf(all);
    }

    /** Returns the MRR in effect on {@code date}, after the changes that take effect that day. */
    public Money mrrOn(LocalDate date) {
        int d = day(date);
        BigDecimal total = BigDecimal.ZERO;
        for (int c = 0; c < accounts.length; c++) {
            total = total.add(amountOn(c, d));
        }
        return money(total);
    }

    /** Returns the ARR on {@code date}: 12 x {@link #mrrOn(LocalDate)}. */
    public Money arrOn(LocalDate date) {
        return mrrOn(date).times(12);
    }

    /** Returns the number of customers with MRR above zero on {@code date}. */
    public long payingCustomersOn(LocalDate date) {
        int d = day(date);
        long paying = 0;
        for (int c = 0; c < accounts.length; c++) {
            if (amountOn(c, d).signum() > 0) {
                paying++;
            }
        }
        return paying;
    }

    /**
     * Returns the MRR bridge of {@code range}: MRR the day before it starts, the movements dated in it, and MRR on
     * its last day. Any range works, for example the trailing 30 days that Baremetrics reports.
     */
    public PeriodSummary summary(DateRange range) {
        Objects.requireNonNull(range, "range");
        return summarise(List.of(range), 0, accounts.length).get(0);
    }

    /**
     * Returns the MRR bridge of every whole period of {@code unit} that overlaps {@code first} to {@code last} (both
     * included), oldest first; each period's start MRR is the previous one's end MRR. One pass over the movements.
     *
     * @throws IllegalArgumentException if {@code last} is before {@code first}
     */
    public List<PeriodSummary> summaries(ReportingPeriod unit, LocalDate first, LocalDate last) {
        Objects.requireNonNull(unit, "unit");
        return summarise(unit.between(first, last), 0, accounts.length);
    }

    /**
     * Returns what every event dated in {@code range} did to its subscription's MRR, ordered by date, account and
     * subscription: the input of upsell and cross-sell metrics. Events made ineffective by
     * {@link ChurnRecognition#CANCELLATION_REQUEST} are left out (see {@link #excludedEventCount()}).
     */
    public List<SubscriptionChange> subscriptionChanges(DateRange range) {
        Objects.requireNonNull(range, "range");
        List<SubscriptionChange> found = new ArrayList<>();
        Replayer replayer = new Replayer(options, currency, Arrays.asList(events));
        for (int c = 0; c < accounts.length; c++) {
            replayer.subscriptionChanges(accounts[c], events, eventStart[c], eventStart[c + 1], range, found);
        }
        found.sort(Comparator.comparing(SubscriptionChange::date).thenComparing(SubscriptionChange::account)
                .thenComparing(SubscriptionChange::subscriptionId));
        return List.copyOf(found);
    }

    // ---- package-private access for CustomerHistory ----

    AccountId account(int c) {
        return accounts[c];
    }

    int movementFrom(int c) {
        return movementStart[c];
    }

    int movementTo(int c) {
        return movementStart[c + 1];
    }

    int movementDay(int i) {
        return movementDay[i];
    }

    MovementType movementType(int i) {
        return TYPES[movementType[i]];
    }

    BigDecimal movementAmount(int i) {
        return movementAmount[i];
    }

    BigDecimal movementAfter(int i) {
        return movementAfter[i];
    }

    Money money(BigDecimal amount) {
        return Money.of(amount, currency);
    }

    MrrMovement movement(int c, int i) {
        BigDecimal before = i == movementStart[c] ? BigDecimal.ZERO : movementAfter[i - 1];
        return new MrrMovement(accounts[c], LocalDate.ofEpochDay(movementDay[i]), TYPES[movementType[i]],
                money(movementAmount[i]), money(before), money(movementAfter[i]));
    }

    /** Returns customer {@code c}'s MRR at the end of epoch day {@code d}. */
    BigDecimal amountOn(int c, int d) {
        int i = firstAfter(movementStart[c], movementStart[c + 1], d);
        return i == movementStart[c] ? BigDecimal.ZERO : movementAfter[i - 1];
    }

    /** Returns the first movement index in {@code [lo, hi)} dated after epoch day {@code d}. */
    int firstAfter(int lo, int hi, int d) {
        int l = lo;
        int h = hi;
        while (l < h) {
            int mid = (l + h) >>> 1;
            if (movementDay[mid] <= d) {
                l = mid + 1;
            } else {
                h = mid;
            }
        }
        return l;
    }

    static int day(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return Math.toIntExact(date.toEpochDay());
    }

    /** Summarises customers {@code [cFrom, cTo)} over contiguous periods in one pass over their movements. */
    List<PeriodSummary> summarise(List<DateRange> periods, int cFrom, int cTo) {
        int count = periods.size();
        int[] bounds = new int[count + 1];
        for (int p = 0; p < count; p++) {
            bounds[p] = day(periods.get(p).start());
            if (p > 0 && !periods.get(p - 1).end().equals(periods.get(p).start())) {
                throw new IllegalArgumentException("periods: " + periods.get(p - 1) + " and " + periods.get(p)
                        + " are not contiguous");
            }
        }
        bounds[count] = day(periods.get(count - 1).end());
        BigDecimal[][] sums = new BigDecimal[TYPES.length][count];
        for (BigDecimal[] row : sums) {
            Arrays.fill(row, BigDecimal.ZERO);
        }
        long[][] counts = new long[TYPES.length][count];
        BigDecimal startMrr = BigDecimal.ZERO;
        long startCustomers = 0;
        for (int c = cFrom; c < cTo; c++) {
            int lo = movementStart[c];
            int hi = movementStart[c + 1];
            int i = firstAfter(lo, hi, bounds[0] - 1);
            if (i > lo && movementAfter[i - 1].signum() > 0) {
                startMrr = startMrr.add(movementAfter[i - 1]);
                startCustomers++;
            }
            int p = 0;
            for (; i < hi && movementDay[i] < bounds[count]; i++) {
                while (movementDay[i] >= bounds[p + 1]) {
                    p++;
                }
                int t = movementType[i];
                sums[t][p] = sums[t][p].add(movementAmount[i]);
                counts[t][p]++;
            }
        }
        List<PeriodSummary> result = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            BigDecimal end = startMrr;
            long endCustomers = startCustomers;
            for (MovementType type : TYPES) {
                BigDecimal s = sums[type.ordinal()][p];
                end = type.sign() > 0 ? end.add(s) : end.subtract(s);
            }
            endCustomers += counts[MovementType.NEW.ordinal()][p] + counts[MovementType.REACTIVATION.ordinal()][p]
                    - counts[MovementType.CHURN.ordinal()][p];
            result.add(new PeriodSummary(periods.get(p), money(startMrr),
                    money(sums[MovementType.NEW.ordinal()][p]),
                    money(sums[MovementType.EXPANSION.ordinal()][p]),
                    money(sums[MovementType.REACTIVATION.ordinal()][p]),
                    money(sums[MovementType.CONTRACTION.ordinal()][p]),
                    money(sums[MovementType.CHURN.ordinal()][p]),
                    money(end), startCustomers,
                    counts[MovementType.NEW.ordinal()][p],
                    counts[MovementType.EXPANSION.ordinal()][p],
                    counts[MovementType.REACTIVATION.ordinal()][p],
                    counts[MovementType.CONTRACTION.ordinal()][p],
                    counts[MovementType.CHURN.ordinal()][p],
                    endCustomers));
            startMrr = end;
            startCustomers = endCustomers;
        }
        return List.copyOf(result);
    }

    private void addMovements(int c, int fromDay, int toDay, List<MrrMovement> into) {
        int lo = movementStart[c];
        int hi = movementStart[c + 1];
        for (int i = firstAfter(lo, hi, fromDay == Integer.MIN_VALUE ? Integer.MIN_VALUE : fromDay - 1);
             i < hi && movementDay[i] < toDay; i++) {
            into.add(movement(c, i));
        }
    }

    /** Builds the ledger's arrays: group by account, sort each account's events, replay, classify. */
    private static final class Builder {
        final LedgerOptions options;
        final SubscriptionEvent[] input;
        final Replayer replayer;
        Currency currency;
        AccountId[] accounts;
        Map<AccountId, Integer> positions;
        SubscriptionEvent[] ordered;
        int[] eventStart;
        int[] movementStart;
        int[] movementDay;
        byte[] movementType;
        BigDecimal[] movementAmount;
        BigDecimal[] movementAfter;
        int withoutPaidMrr;

        Builder(Collection<SubscriptionEvent> events, LedgerOptions options) {
            this.options = options;
            this.input = events.toArray(new SubscriptionEvent[0]);
            for (int i = 0; i < input.length; i++) {
                if (input[i] == null) {
                    throw new NullPointerException("events[" + i + "]: null event");
                }
            }
            groupByAccount();
            this.currency = ledgerCurrency();
            this.replayer = new Replayer(options, currency, Arrays.asList(input));
        }

        private void groupByAccount() {
            int n = input.length;
            HashMap<AccountId, Integer> ids = new HashMap<>(Math.max(16, n / 2));
            List<AccountId> seen = new ArrayList<>();
            int[] group = new int[n];
            for (int i = 0; i < n; i++) {
                AccountId account = input[i].account();
                Integer id = ids.get(account);
                if (id == null) {
                    id = seen.size();
                    ids.put(account, id);
                    seen.add(account);
                }
                group[i] = id;
            }
            int m = seen.size();
            accounts = seen.toArray(new AccountId[0]);
            Arrays.sort(accounts);
            int[] rank = new int[m];
            for (int r = 0; r < m; r++) {
                rank[ids.put(accounts[r], r)] = r;
            }
            positions = ids;
            eventStart = new int[m + 1];
            for (int i = 0; i < n; i++) {
                eventStart[rank[group[i]] + 1]++;
            }
            for (int c = 0; c < m; c++) {
                eventStart[c + 1] += eventStart[c];
            }
            int[] fill = Arrays.copyOf(eventStart, m);
            ordered = new SubscriptionEvent[n];
            for (int i = 0; i < n; i++) {
                ordered[fill[rank[group[i]]]++] = input[i];
            }
            for (int c = 0; c < m; c++) {
                if (eventStart[c + 1] - eventStart[c] > 1) {
                    Arrays.sort(ordered, eventStart[c], eventStart[c + 1], TIMELINE);
                }
            }
        }

        private Currency ledgerCurrency() {
            if (options.currency().isPresent()) {
                return options.currency().get();
            }
            for (SubscriptionEvent e : ordered) {
                if (e.charge().isPresent()) {
                    return e.charge().get().unitPrice().currency();
                }
            }
            if (ordered.length == 0) {
                throw new IllegalArgumentException("events: the list is empty and options.currency is not set, so the"
                        + " ledger has no currency; use LedgerOptions.withCurrency");
            }
            // No event has a charge: the first one is a CHANGE-less CANCEL or END, which replay rejects by name.
            return Currency.getInstance("XXX");
        }

        Builder run() {
            int n = ordered.length;
            int m = accounts.length;
            movementStart = new int[m + 1];
            movementDay = new int[n];
            movementType = new byte[n];
            movementAmount = new BigDecimal[n];
            movementAfter = new BigDecimal[n];
            int out = 0;
            ReactivationWindow window = options.reactivationWindow();
            Replayer r = replayer;
            for (int c = 0; c < m; c++) {
                movementStart[c] = out;
                int lo = eventStart[c];
                int hi = eventStart[c + 1];
                boolean inOrder = r.replay(ordered, lo, hi);
                int steps = r.stepOrder(hi - lo, inOrder);
                BigDecimal mrr = BigDecimal.ZERO;
                boolean everPaid = false;
                int lastChurn = 0;
                int s = 0;
                while (s < steps) {
                    int d = r.day[r.order[s]];
                    BigDecimal after = mrr;
                    while (s < steps && r.day[r.order[s]] == d) {
                        after = after.add(r.delta[r.order[s]]);
                        s++;
                    }
                    BigDecimal change = after.subtract(mrr);
                    if (change.signum() == 0) {
                        continue;
                    }
                    MovementType type;
                    if (mrr.signum() == 0) {
                        type = everPaid && window.reactivates((long) d - lastChurn)
                                ? MovementType.REACTIVATION : MovementType.NEW;
                        everPaid = true;
                    } else if (after.signum() == 0) {
                        type = MovementType.CHURN;
                        lastChurn = d;
                    } else {
                        type = change.signum() > 0 ? MovementType.EXPANSION : MovementType.CONTRACTION;
                    }
                    movementDay[out] = d;
                    movementType[out] = (byte) type.ordinal();
                    movementAmount[out] = change.abs();
                    movementAfter[out] = after;
                    out++;
                    mrr = after;
                }
                if (out == movementStart[c]) {
                    withoutPaidMrr++;
                }
            }
            movementStart[m] = out;
            return this;
        }
    }

    /**
     * Replays one account's events subscription by subscription: validates their order and computes, for each event,
     * the day the ledger applies it, the subscription's MRR after it and the change it makes. Reused across accounts
     * so that the build allocates per event only the amounts it keeps.
     */
    private static final class Replayer {
        final LedgerOptions options;
        final Currency currency;
        final List<SubscriptionEvent> input;
        final boolean atRequest;
        final Map<RecurringCharge, Money> mrrByCharge = new HashMap<>();
        int[] day = new int[16];
        BigDecimal[] after = new BigDecimal[16];
        BigDecimal[] delta = new BigDecimal[16];
        int[] order = new int[16];
        long[] keys = new long[16];
        long excluded;

        Replayer(LedgerOptions options, Currency currency, List<SubscriptionEvent> input) {
            this.options = options;
            this.currency = currency;
            this.input = input;
            this.atRequest = options.churnRecognition() == ChurnRecognition.CANCELLATION_REQUEST;
        }

        /**
         * Replays {@code ev[lo, hi)}, one account's events in {@link #TIMELINE} order, into slots {@code 0..hi-lo}.
         * Returns whether the slots are already in day order (the account has one subscription).
         */
        boolean replay(SubscriptionEvent[] ev, int lo, int hi) {
            int k = hi - lo;
            if (day.length < k) {
                int size = Math.max(k, day.length * 2);
                day = new int[size];
                after = new BigDecimal[size];
                delta = new BigDecimal[size];
                order = new int[size];
                keys = new long[size];
            }
            boolean single = true;
            int a = lo;
            while (a < hi) {
                String subscription = ev[a].subscriptionId();
                int b = a + 1;
                while (b < hi && ev[b].subscriptionId().equals(subscription)) {
                    b++;
                }
                if (a != lo) {
                    single = false;
                }
                replaySubscription(ev, a, b, lo);
                a = b;
            }
            return single;
        }

        /**
         * Fills {@link #order} with the slots whose {@link #delta} is not null, in day order (then slot order), and
         * returns how many there are.
         */
        int stepOrder(int k, boolean inOrder) {
            int steps = 0;
            if (inOrder) {
                for (int j = 0; j < k; j++) {
                    if (delta[j] != null) {
                        order[steps++] = j;
                    }
                }
                return steps;
            }
            for (int j = 0; j < k; j++) {
                if (delta[j] != null) {
                    keys[steps++] = ((long) day[j] << 32) | j;
                }
            }
            Arrays.sort(keys, 0, steps);
            for (int s = 0; s < steps; s++) {
                order[s] = (int) keys[s];
            }
            return steps;
        }

        private void replaySubscription(SubscriptionEvent[] ev, int a, int b, int lo) {
            boolean active = false;
            LocalDate startedOn = null;
            LocalDate endedOn = null;
            BigDecimal current = BigDecimal.ZERO;
            long cutoff = Long.MAX_VALUE;
            for (int i = a; i < b; i++) {
                SubscriptionEvent e = ev[i];
                int j = i - lo;
                if (i > a && ev[i - 1].kind() == e.kind() && ev[i - 1].effectiveDate().equals(e.effectiveDate())) {
                    throw new IllegalArgumentException(where(e) + " is a duplicate: the subscription already has a "
                            + e.kind() + " event effective that day");
                }
                int effective = day(e.effectiveDate());
                switch (e.kind()) {
                    case START -> {
                        if (active) {
                            throw new IllegalArgumentException(where(e) + " is out of order: the subscription is already"
                                    + " active since " + startedOn + " (to restart it on the day it ends, use a CHANGE)");
                        }
                        active = true;
                        startedOn = e.effectiveDate();
                        cutoff = atRequest ? requestCutoff(ev, i, b, effective) : Long.MAX_VALUE;
                        BigDecimal m = mrr(e);
                        set(j, effective, m, m.signum() == 0 ? null : m);
                        current = m;
                    }
                    case CHANGE -> {
                        requireActive(ev, i, b, active, endedOn);
                        if (effective >= cutoff) {
                            excluded++;
                            set(j, effective, null, null);
                        } else {
                            BigDecimal m = mrr(e);
                            BigDecimal change = m.subtract(current);
                            set(j, effective, m, change.signum() == 0 ? null : change);
                            current = m;
                        }
                    }
                    case CANCEL, END -> {
                        requireActive(ev, i, b, active, endedOn);
                        int when = e.kind() == SubscriptionEvent.Kind.CANCEL && cutoff != Long.MAX_VALUE
                                ? (int) cutoff : effective;
                        set(j, when, BigDecimal.ZERO, current.signum() == 0 ? null : current.negate());
                        current = BigDecimal.ZERO;
                        active = false;
                        endedOn = e.effectiveDate();
                    }
                }
            }
        }

        /** Returns the day a cancellation request ends the run that starts at {@code ev[i]}, or no cutoff. */
        private static long requestCutoff(SubscriptionEvent[] ev, int i, int b, int startDay) {
            for (int t = i + 1; t < b; t++) {
                SubscriptionEvent.Kind kind = ev[t].kind();
                if (kind == SubscriptionEvent.Kind.CANCEL) {
                    return Math.max(ev[t].recordedOn().toEpochDay(), startDay);
                }
                if (kind != SubscriptionEvent.Kind.CHANGE) {
                    return Long.MAX_VALUE;
                }
            }
            return Long.MAX_VALUE;
        }

        private void requireActive(SubscriptionEvent[] ev, int i, int b, boolean active, LocalDate endedOn) {
            if (active) {
                return;
            }
            SubscriptionEvent e = ev[i];
            if (endedOn != null) {
                throw new IllegalArgumentException(where(e) + " is out of order: the subscription ended on " + endedOn);
            }
            for (int t = i + 1; t < b; t++) {
                if (ev[t].kind() == SubscriptionEvent.Kind.START) {
                    throw new IllegalArgumentException(where(e) + " is out of order: it comes before the subscription's"
                            + " START on " + ev[t].effectiveDate());
                }
            }
            throw new IllegalArgumentException(where(e) + " is for an unknown subscription: it has no START event");
        }

        private void set(int j, int when, BigDecimal mrrAfter, BigDecimal change) {
            day[j] = when;
            after[j] = mrrAfter;
            delta[j] = change;
        }

        private BigDecimal mrr(SubscriptionEvent e) {
            RecurringCharge charge = e.charge().orElseThrow();
            Money m = mrrByCharge.get(charge);
            if (m == null) {
                m = charge.mrr();
                mrrByCharge.put(charge, m);
            }
            if (m.currency().equals(currency)) {
                return m.amount();
            }
            if (options.converter().isEmpty()) {
                throw new CurrencyMismatchException(where(e) + ": its charge is in " + m.currency().getCurrencyCode()
                        + " but the ledger is in " + currency.getCurrencyCode()
                        + "; currencies differ and no converter was supplied (LedgerOptions.withConversion)");
            }
            Money converted = options.converter().get().convert(m, currency, e.effectiveDate());
            Objects.requireNonNull(converted, "converter returned null");
            if (!converted.currency().equals(currency)) {
                throw new CurrencyMismatchException(where(e) + ": the converter returned " + converted
                        + " instead of an amount in " + currency.getCurrencyCode());
            }
            if (converted.isNegative()) {
                throw new IllegalArgumentException(where(e) + ": the converter returned a negative amount " + converted);
            }
            return converted.amount();
        }

        private String where(SubscriptionEvent e) {
            return "events[" + input.indexOf(e) + "]: " + e.kind() + " of subscription '" + e.subscriptionId()
                    + "' of account '" + e.account() + "' effective " + e.effectiveDate();
        }

        /** Replays one account and adds what each of its events in {@code range} did, in day order. */
        void subscriptionChanges(AccountId account, SubscriptionEvent[] ev, int lo, int hi, DateRange range,
                                 List<SubscriptionChange> into) {
            int k = hi - lo;
            replay(ev, lo, hi);
            long[] byDay = new long[k];
            int n = 0;
            for (int j = 0; j < k; j++) {
                if (after[j] != null) {
                    byDay[n++] = ((long) day[j] << 32) | j;
                }
            }
            Arrays.sort(byDay, 0, n);
            Map<String, String> planOf = new HashMap<>();
            Map<String, BigDecimal> mrrOf = new HashMap<>();
            BigDecimal customerMrr = BigDecimal.ZERO;
            int from = day(range.start());
            int to = day(range.end());
            int s = 0;
            while (s < n) {
                int d = (int) (byDay[s] >> 32);
                Set<String> plansBefore = new HashSet<>(planOf.values());
                BigDecimal customerBefore = customerMrr;
                for (; s < n && (int) (byDay[s] >> 32) == d; s++) {
                    int j = (int) byDay[s];
                    SubscriptionEvent e = ev[lo + j];
                    String id = e.subscriptionId();
                    Optional<String> planBefore = Optional.ofNullable(planOf.get(id));
                    BigDecimal mrrBefore = mrrOf.getOrDefault(id, BigDecimal.ZERO);
                    boolean ends = e.kind() == SubscriptionEvent.Kind.CANCEL || e.kind() == SubscriptionEvent.Kind.END;
                    Optional<String> planAfter = ends ? Optional.empty() : e.charge().map(RecurringCharge::plan);
                    if (ends) {
                        planOf.remove(id);
                        mrrOf.remove(id);
                    } else {
                        planOf.put(id, planAfter.orElseThrow());
                        mrrOf.put(id, after[j]);
                    }
                    customerMrr = customerMrr.add(after[j].subtract(mrrBefore));
                    if (d < from || d >= to) {
                        continue;
                    }
                    boolean planNew = planAfter.map(p -> !plansBefore.contains(p)).orElse(false);
                    into.add(new SubscriptionChange(account, id, e.kind(), LocalDate.ofEpochDay(d), planBefore, planAfter,
                            Money.of(mrrBefore, currency), Money.of(after[j], currency), Money.of(customerBefore, currency),
                            planNew));
                }
            }
        }
    }
}
