package dev.kizuna.metrics.revenue;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.CurrencyMismatchException;
import dev.kizuna.core.Dates;
import dev.kizuna.core.Money;
import dev.kizuna.core.event.RecurringCharge;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.metrics.DateRange;
import dev.kizuna.metrics.ReportingPeriod;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every customer's MRR over time, and each change to it classified as new, expansion, contraction, churn or
 * reactivation: the MRR movement ledger from which revenue, retention and cohort metrics are computed.
 *
 * <h2>MRR</h2>
 * A subscription's MRR is {@link RecurringCharge#mrr()}: unit price x quantity, less the recurring discount, divided
 * by the months of the billing interval (annual / 12, quarterly / 3, semi-annual / 6, biennial / 24), rounded
 * half-even to {@value RecurringCharge#MRR_SCALE} places (a monthly amount is kept as it is); a trial is zero. Tax,
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
 *   <li>{@link ChurnRecognition} chooses the date a cancellation's MRR leaves;</li>
 *   <li>Stripe leaves coupons of limited duration out of MRR and applies only "forever" ones
 *       (support.stripe.com, "Billing analytics"); ChartMogul applies every discount and counts its expiry as
 *       expansion, as this ledger does with the {@link dev.kizuna.core.event.Discount} on each charge. To reproduce
 *       Stripe, put only permanent discounts on the charges.</li>
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
 * Linear in the events. Each event is read once, in input order, into flat arrays (its account numbered by one probe
 * of an open-addressing table, its day, kind, subscription and the MRR of its charge); the memory reads of a batch of
 * events overlap instead of waiting one after the other, which is what the cost of reading objects comes down to.
 * Then a counting sort by account, one sort per account (linear when its events come in date order), and one pass per
 * account that keeps one running total per subscription and per customer, in exact {@code long} units of
 * 10<sup>-12</sup> (an account with an amount beyond about 9.2 million is done again in {@link BigDecimal}). Movements are stored in flat arrays; {@link #summaries} is a
 * single pass over them. Accounts are sorted by id only when first listed in order ({@link #accounts},
 * {@link #histories}, {@link #movements}). The benchmarks and the CLI call {@link #build(Collection, LedgerOptions)}
 * once and then {@link #summaries(ReportingPeriod, LocalDate, LocalDate)}.
 *
 * <p>A host that holds its events in columns (loaded from a database or a Parquet file) can skip the objects:
 * {@link #build(SubscriptionEventFrame, LedgerOptions)} groups a {@link SubscriptionEventFrame}'s rows by its account
 * numbers with a counting sort over {@code int}s, orders each account's rows by comparing subscription numbers, and
 * sums the rows' MRR units: no per-event object and no hash probe, so the cost per event stays nearly flat as the book
 * grows (see the module's README for measurements).
 *
 * <p>A ledger is immutable and thread-safe once built. Lists it returns are built on each call.
 */
public final class MrrLedger {
    private static final MovementType[] TYPES = MovementType.values();
    private static final int[] UNSORTED = new int[0];

    private final LedgerOptions options;
    private final Currency currency;
    /** Accounts by number, in the order the input first named them. */
    private final AccountId[] accounts;
    /** Finds an account's number; built on first use when the ledger was built from a frame. */
    private volatile @Nullable AccountIndex index;
    private final LedgerRows rows;
    private final int[] eventStart;
    private final int[] movementStart;
    private final int[] movementDay;
    private final byte[] movementType;
    private final long[] amountUnits;
    private final long[] afterUnits;
    private final BigDecimal[] bigAmount;
    private final BigDecimal[] bigAfter;
    private final long excludedEventCount;
    private final int accountsWithoutPaidMrr;
    /** Account numbers in account id order, computed on first use; {@link #UNSORTED} until then. */
    private volatile int[] sorted = UNSORTED;

    private MrrLedger(LedgerBuilder b) {
        this.options = b.options;
        this.currency = b.currency;
        this.accounts = b.accounts;
        this.index = b.index.orElse(null);
        this.rows = b.rows;
        this.eventStart = b.eventStart;
        this.movementStart = b.movementStart;
        this.movementDay = b.movementDay;
        this.movementType = b.movementType;
        this.amountUnits = b.amountUnits;
        this.afterUnits = b.afterUnits;
        this.bigAmount = b.bigAmount;
        this.bigAfter = b.bigAfter;
        this.excludedEventCount = b.excluded;
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
        return new MrrLedger(new LedgerBuilder(events, options).run());
    }

    /** Returns the ledger of {@code frame} with the {@linkplain LedgerOptions#defaults() default options}. */
    public static MrrLedger build(SubscriptionEventFrame frame) {
        return build(frame, LedgerOptions.defaults());
    }

    /**
     * Returns the ledger of the events held in {@code frame}, under {@code options}: equal to the ledger that
     * {@link #build(Collection, LedgerOptions)} builds from the same events (same movements, summaries, histories and
     * subscription changes), with the same rules. Messages name the frame's row ({@code rows[i]}) where the object
     * path names the event ({@code events[i]}). No per-event object is read: the frame's account numbers group the
     * rows, its subscription numbers order them, its MRR units are summed; a charge in another currency than the
     * ledger's is converted row by row through the options' converter.
     *
     * @throws IllegalArgumentException  naming the row, if a row is out of order, duplicated or of an unknown
     *                                   subscription, or if the frame is empty and the options name no currency
     * @throws CurrencyMismatchException naming the row, if the frame is in another currency than the options' and no
     *                                   converter was given
     */
    public static MrrLedger build(SubscriptionEventFrame frame, LedgerOptions options) {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(options, "options");
        return new MrrLedger(FrameColumns.ledgerOf(frame, options).run());
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
        int[] order = accountOrder();
        AccountId[] inOrder = new AccountId[order.length];
        for (int r = 0; r < order.length; r++) {
            inOrder[r] = accounts[order[r]];
        }
        return List.of(inOrder);
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
        return rows.size();
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
        return movementsBetween(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** Returns the movements dated in {@code range}, ordered by date and then account. */
    public List<MrrMovement> movements(DateRange range) {
        Objects.requireNonNull(range, "range");
        return movementsBetween(day(range.start()), day(range.end()));
    }

    /** Returns the history of one account, or empty if it has no events. */
    public Optional<CustomerHistory> history(AccountId account) {
        Objects.requireNonNull(account, "account");
        int c = index().find(account);
        return c < 0 ? Optional.empty() : Optional.of(new CustomerHistory(this, c));
    }

    /** Returns the history of every account, in account order, including accounts that never paid. */
    public List<CustomerHistory> histories() {
        int[] order = accountOrder();
        CustomerHistory[] all = new CustomerHistory[order.length];
        for (int r = 0; r < order.length; r++) {
            all[r] = new CustomerHistory(this, order[r]);
        }
        return List.of(all);
    }

    /**
     * Returns the MRR in effect on {@code date}, after the changes that take effect that day. Any date may be asked:
     * before 0001-01-01 nobody pays, after 9999-12-31 the MRR stays as it ends.
     */
    public Money mrrOn(LocalDate date) {
        int d = day(date);
        Units.Sum total = new Units.Sum();
        for (int c = 0; c < accounts.length; c++) {
            int i = firstAfter(movementStart[c], movementStart[c + 1], d);
            if (i > movementStart[c]) {
                addAfter(total, i - 1);
            }
        }
        return money(total.value());
    }

    /** Returns the ARR on {@code date}: 12 x {@link #mrrOn(LocalDate)}. */
    public Money arrOn(LocalDate date) {
        return mrrOn(date).times(12);
    }

    /** Returns the number of customers with MRR above zero on {@code date}; any date may be asked, as for MRR. */
    public long payingCustomersOn(LocalDate date) {
        int d = day(date);
        long paying = 0;
        for (int c = 0; c < accounts.length; c++) {
            int i = firstAfter(movementStart[c], movementStart[c + 1], d);
            if (i > movementStart[c] && TYPES[movementType[i - 1]] != MovementType.CHURN) {
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
     * @throws IllegalArgumentException if {@code last} is before {@code first}, a date is outside the supported
     *                                  calendar, or there are more than {@value ReportingPeriod#MAX_PERIODS} periods
     *                                  (see {@link ReportingPeriod#between})
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
        EventReplay replay = new EventReplay(options, currency);
        for (int c = 0; c < accounts.length; c++) {
            replay.subscriptionChanges(accounts[c], rows, eventStart[c], eventStart[c + 1], range, found);
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
        return amountUnits[i] == Units.NONE ? bigAmount[i] : Units.decimal(amountUnits[i]);
    }

    BigDecimal movementAfter(int i) {
        return afterUnits[i] == Units.NONE ? bigAfter[i] : Units.decimal(afterUnits[i]);
    }

    Money money(BigDecimal amount) {
        return Money.of(amount, currency);
    }

    MrrMovement movement(int c, int i) {
        BigDecimal before = i == movementStart[c] ? BigDecimal.ZERO : movementAfter(i - 1);
        return new MrrMovement(accounts[c], LocalDate.ofEpochDay(movementDay[i]), TYPES[movementType[i]],
                money(movementAmount(i)), money(before), money(movementAfter(i)));
    }

    /** Returns customer {@code c}'s MRR at the end of epoch day {@code d}. */
    BigDecimal amountOn(int c, int d) {
        int i = firstAfter(movementStart[c], movementStart[c + 1], d);
        return i == movementStart[c] ? BigDecimal.ZERO : movementAfter(i - 1);
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

    /**
     * Returns the epoch day of {@code date}, clamped to the day before {@link Dates#EARLIEST} and the day after
     * {@link Dates#LATEST}: every movement lies between them, so any date outside answers as that end does, and no
     * date, however far ({@code +999999999-12-31}), overflows an {@code int}.
     */
    static int day(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return (int) Math.max(FIRST_DAY - 1, Math.min(LAST_DAY + 1, date.toEpochDay()));
    }

    /** The epoch days of the first and the last supported date. */
    static final long FIRST_DAY = Dates.EARLIEST.toEpochDay();
    static final long LAST_DAY = Dates.LATEST.toEpochDay();

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
        Units.Sum[][] sums = new Units.Sum[TYPES.length][count];
        for (Units.Sum[] row : sums) {
            for (int p = 0; p < count; p++) {
                row[p] = new Units.Sum();
            }
        }
        long[][] counts = new long[TYPES.length][count];
        Units.Sum start = new Units.Sum();
        long startCustomers = 0;
        for (int c = cFrom; c < cTo; c++) {
            int lo = movementStart[c];
            int hi = movementStart[c + 1];
            int i = firstAfter(lo, hi, bounds[0] - 1);
            if (i > lo && TYPES[movementType[i - 1]] != MovementType.CHURN) {
                addAfter(start, i - 1);
                startCustomers++;
            }
            int p = 0;
            for (; i < hi && movementDay[i] < bounds[count]; i++) {
                while (movementDay[i] >= bounds[p + 1]) {
                    p++;
                }
                int t = movementType[i];
                if (amountUnits[i] == Units.NONE) {
                    sums[t][p].add(bigAmount[i]);
                } else {
                    sums[t][p].add(amountUnits[i]);
                }
                counts[t][p]++;
            }
        }
        List<PeriodSummary> result = new ArrayList<>(count);
        BigDecimal startMrr = start.value();
        for (int p = 0; p < count; p++) {
            BigDecimal[] totals = new BigDecimal[TYPES.length];
            BigDecimal end = startMrr;
            for (MovementType type : TYPES) {
                totals[type.ordinal()] = sums[type.ordinal()][p].value();
                end = type.sign() > 0 ? end.add(totals[type.ordinal()]) : end.subtract(totals[type.ordinal()]);
            }
            long endCustomers = startCustomers + counts[MovementType.NEW.ordinal()][p]
                    + counts[MovementType.REACTIVATION.ordinal()][p] - counts[MovementType.CHURN.ordinal()][p];
            result.add(new PeriodSummary(periods.get(p), money(startMrr),
                    money(totals[MovementType.NEW.ordinal()]),
                    money(totals[MovementType.EXPANSION.ordinal()]),
                    money(totals[MovementType.REACTIVATION.ordinal()]),
                    money(totals[MovementType.CONTRACTION.ordinal()]),
                    money(totals[MovementType.CHURN.ordinal()]),
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

    private void addAfter(Units.Sum sum, int i) {
        if (afterUnits[i] == Units.NONE) {
            sum.add(bigAfter[i]);
        } else {
            sum.add(afterUnits[i]);
        }
    }

    /** Returns the movements dated from {@code fromDay} (included) to {@code toDay} (excluded), by date and account. */
    private List<MrrMovement> movementsBetween(int fromDay, int toDay) {
        // At most one movement per account and day, so (day, account rank) orders them: sort packed longs, not objects.
        int[] order = accountOrder();
        long[] keys = new long[16];
        int n = 0;
        for (int r = 0; r < order.length; r++) {
            int c = order[r];
            int hi = movementStart[c + 1];
            for (int i = firstAfter(movementStart[c], hi, fromDay == Integer.MIN_VALUE ? fromDay : fromDay - 1);
                 i < hi && movementDay[i] < toDay; i++) {
                if (n == keys.length) {
                    keys = Arrays.copyOf(keys, n * 2);
                }
                keys[n++] = ((long) movementDay[i] << 32) | r;
            }
        }
        Arrays.sort(keys, 0, n);
        MrrMovement[] found = new MrrMovement[n];
        for (int k = 0; k < n; k++) {
            int c = order[(int) keys[k]];
            int d = (int) (keys[k] >> 32);
            found[k] = movement(c, firstAfter(movementStart[c], movementStart[c + 1], d - 1));
        }
        return List.of(found);
    }

    /** Returns the index of the accounts, building it on first use (racy but idempotent). */
    private AccountIndex index() {
        AccountIndex found = index;
        if (found == null) {
            found = new AccountIndex(accounts.length);
            for (AccountId account : accounts) {
                found.number(account, account.hashCode());
            }
            index = found;
        }
        return found;
    }

    /** Returns the account numbers in account id order, sorting them on first use (racy but idempotent). */
    private int[] accountOrder() {
        int[] order = sorted;
        if (order == UNSORTED && accounts.length > 0) {
            AccountId[] ids = accounts.clone();
            Arrays.sort(ids);
            order = new int[ids.length];
            for (int r = 0; r < ids.length; r++) {
                order[r] = index().find(ids[r]);
            }
            sorted = order;
        }
        return order;
    }
}
