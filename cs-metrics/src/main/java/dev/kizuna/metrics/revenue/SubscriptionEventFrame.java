package dev.kizuna.metrics.revenue;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Dates;
import dev.kizuna.core.Money;
import dev.kizuna.core.event.RecurringCharge;
import dev.kizuna.core.event.SubscriptionEvent;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Subscription events held as columns, the way a host that loads them from a database or a Parquet file holds them:
 * one primitive value per row and column, and each account, subscription id and plan stored once in a dictionary.
 * {@link MrrLedger#build(SubscriptionEventFrame, LedgerOptions)} builds the same ledger from a frame as
 * {@link MrrLedger#build(Collection, LedgerOptions)} builds from the equal events, without reading an object per
 * event.
 *
 * <p>Row {@code r} holds: the account's number in {@link #accounts()}; the subscription id's number in a dictionary;
 * the kind; the effective and recorded dates as epoch days; for {@code START} and {@code CHANGE}, the plan's number
 * and the charge's exact {@link RecurringCharge#mrr() MRR} in the frame's {@link #currency()}. MRR is kept as a
 * {@code long} count of 10<sup>-{@value #MRR_UNIT_SCALE}</sup> units of the currency, or, for the rare amount that
 * does not fit (beyond about 9.2 million, or with more than {@value #MRR_UNIT_SCALE} decimal places), as an exact
 * {@link BigDecimal}: nothing is rounded. A trial's MRR is zero, as {@link RecurringCharge#mrr()} says; the ledger
 * treats a row of zero MRR exactly as it treats a trial event. A frame holds one currency; convert charges before
 * framing them, or let the ledger convert the whole frame with {@link LedgerOptions#withConversion}.
 *
 * <p>Build one with {@link #of(Collection)} from events, or with a {@link #builder()} row by row. A frame is
 * immutable and thread-safe once built.
 */
public final class SubscriptionEventFrame {
    /** The decimal places of MRR units: a unit is 10<sup>-12</sup> of the currency, as {@link RecurringCharge#MRR_SCALE}. */
    public static final int MRR_UNIT_SCALE = Units.SCALE;
    private static final BigDecimal[] NO_BIG = new BigDecimal[0];
    private static final SubscriptionEvent.Kind[] KINDS = SubscriptionEvent.Kind.values();

    private final Optional<Currency> currency;
    private final AccountId[] accountIds;
    /** Subscription ids in ascending order, so that comparing numbers compares ids. */
    private final String[] subscriptionIds;
    private final String[] plans;
    final int[] account;
    final int[] subscription;
    /** The plan's number, or -1 for {@code CANCEL} and {@code END}. */
    final int[] plan;
    final byte[] kind;
    final int[] effective;
    final int[] recorded;
    /** MRR in units; {@link Units#NONE} where {@link #bigMrr} holds it; zero for {@code CANCEL} and {@code END}. */
    final long[] mrr;
    /** Empty, or the exact MRR of every row whose {@link #mrr} is {@link Units#NONE}. */
    final BigDecimal[] bigMrr;

    private SubscriptionEventFrame(Builder b, int[] subscriptionColumn, String[] sortedIds) {
        int n = b.rows;
        currency = Optional.ofNullable(b.currency);
        accountIds = b.accountIds.toArray(new AccountId[0]);
        subscriptionIds = sortedIds;
        plans = b.planIds.toArray(new String[0]);
        account = Arrays.copyOf(b.account, n);
        subscription = subscriptionColumn;
        plan = Arrays.copyOf(b.plan, n);
        kind = Arrays.copyOf(b.kind, n);
        effective = Arrays.copyOf(b.effective, n);
        recorded = Arrays.copyOf(b.recorded, n);
        mrr = Arrays.copyOf(b.mrr, n);
        bigMrr = b.bigMrr.length == 0 ? NO_BIG : Arrays.copyOf(b.bigMrr, n);
    }

    /**
     * Returns the frame of {@code events}, row {@code i} being the {@code i}-th event in the collection's order, so
     * that a ledger's message about {@code rows[i]} names the same event as the object path's {@code events[i]}.
     *
     * @throws IllegalArgumentException naming the row, if a charge is in another currency than the first charge's
     */
    public static SubscriptionEventFrame of(Collection<SubscriptionEvent> events) {
        Objects.requireNonNull(events, "events");
        Builder b = builder();
        for (SubscriptionEvent e : events) {
            b.add(Objects.requireNonNull(e, () -> "events[" + b.rows + "]: null event"));
        }
        return b.build();
    }

    /** Returns an empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the {@link RecurringCharge#mrr() MRR} of {@code charge} in units of 10<sup>-{@value #MRR_UNIT_SCALE}</sup>
     * of its currency (zero for a trial), or empty when the exact amount does not fit in a {@code long} of units; then
     * give the frame {@code charge.mrr().amount()} instead.
     */
    public static OptionalLong mrrUnits(RecurringCharge charge) {
        Objects.requireNonNull(charge, "charge");
        long units = Units.mrr(charge);
        if (units == Units.NONE) {
            units = Units.of(charge.mrr().amount());
        }
        return units == Units.NONE ? OptionalLong.empty() : OptionalLong.of(units);
    }

    /** Returns the number of rows. */
    public int rows() {
        return kind.length;
    }

    /** Returns the currency of every MRR in the frame; empty if no row carries a charge and none was set. */
    public Optional<Currency> currency() {
        return currency;
    }

    /** Returns the account dictionary: account number {@code a} is element {@code a}. */
    public List<AccountId> accounts() {
        return List.of(accountIds);
    }

    /** Returns the account of row {@code row}. */
    public AccountId account(int row) {
        return accountIds[account[checked(row)]];
    }

    /** Returns the subscription id of row {@code row}. */
    public String subscriptionId(int row) {
        return subscriptionIds[subscription[checked(row)]];
    }

    /** Returns the kind of row {@code row}. */
    public SubscriptionEvent.Kind kind(int row) {
        return KINDS[kind[checked(row)]];
    }

    /** Returns the effective date of row {@code row}. */
    public LocalDate effectiveDate(int row) {
        return LocalDate.ofEpochDay(effective[checked(row)]);
    }

    /** Returns the date row {@code row} was recorded (for a cancellation: requested) on. */
    public LocalDate recordedOn(int row) {
        return LocalDate.ofEpochDay(recorded[checked(row)]);
    }

    /** Returns the plan of row {@code row}'s charge; empty for {@code CANCEL} and {@code END}. */
    public Optional<String> plan(int row) {
        int p = plan[checked(row)];
        return p < 0 ? Optional.empty() : Optional.of(plans[p]);
    }

    /** Returns the exact MRR of row {@code row}'s charge; empty for {@code CANCEL} and {@code END}. */
    public Optional<Money> mrr(int row) {
        int r = checked(row);
        if (plan[r] < 0) {
            return Optional.empty();
        }
        BigDecimal amount = mrr[r] == Units.NONE ? bigMrr[r] : Units.decimal(mrr[r]);
        return Optional.of(Money.of(amount, currency.orElseThrow()));
    }

    /** Returns the number of accounts in the dictionary. */
    int accountCount() {
        return accountIds.length;
    }

    /** Returns account number {@code a}. */
    AccountId accountId(int a) {
        return accountIds[a];
    }

    private int checked(int row) {
        return Objects.checkIndex(row, kind.length);
    }

    @Override
    public String toString() {
        return "SubscriptionEventFrame[" + rows() + " rows, " + accountIds.length + " accounts"
                + currency.map(c -> ", " + c.getCurrencyCode()).orElse("") + "]";
    }

    /**
     * Adds rows to a frame. Number each account, subscription id and plan once ({@link #account}, {@link #subscription},
     * {@link #plan}), then add rows that refer to them by number, with dates as epoch days
     * ({@link LocalDate#toEpochDay()}) of supported dates ({@link Dates}: epoch days -719162 to 2932896) and exact
     * MRR within {@link Money}'s limits. A row method fails at once, naming the row ({@code rows[i]}) and the field,
     * when an argument is invalid on its own; the order of a subscription's events is checked when a ledger is built,
     * with the same rules and messages as for events. Not thread-safe.
     */
    public static final class Builder {
        private static final byte START = (byte) SubscriptionEvent.Kind.START.ordinal();
        private static final byte CHANGE = (byte) SubscriptionEvent.Kind.CHANGE.ordinal();
        private static final byte CANCEL = (byte) SubscriptionEvent.Kind.CANCEL.ordinal();
        private static final byte END = (byte) SubscriptionEvent.Kind.END.ordinal();

        private @Nullable Currency currency;
        private final List<AccountId> accountIds = new ArrayList<>();
        private final Map<AccountId, Integer> accountNumbers = new HashMap<>();
        private final List<String> subscriptionIds = new ArrayList<>();
        private final Map<String, Integer> subscriptionNumbers = new HashMap<>();
        private final List<String> planIds = new ArrayList<>();
        private final Map<String, Integer> planNumbers = new HashMap<>();
        private int rows;
        private int[] account = new int[16];
        private int[] subscription = new int[16];
        private int[] plan = new int[16];
        private byte[] kind = new byte[16];
        private int[] effective = new int[16];
        private int[] recorded = new int[16];
        private long[] mrr = new long[16];
        private BigDecimal[] bigMrr = NO_BIG;

        private Builder() {
        }

        /**
         * Sets the currency of every MRR in the frame; {@link #add} sets it from the first charge when it is not set.
         *
         * @throws IllegalArgumentException if another currency is already set
         */
        public Builder currency(Currency frameCurrency) {
            Objects.requireNonNull(frameCurrency, "currency");
            if (currency != null && !currency.equals(frameCurrency)) {
                throw new IllegalArgumentException("currency: " + frameCurrency.getCurrencyCode()
                        + " differs from the frame's currency " + currency.getCurrencyCode());
            }
            currency = frameCurrency;
            return this;
        }

        /** Returns the number of {@code id} in the account dictionary, numbering it if it is new. */
        public int account(AccountId id) {
            Objects.requireNonNull(id, "account");
            return accountNumbers.computeIfAbsent(id, k -> {
                accountIds.add(k);
                return accountIds.size() - 1;
            });
        }

        /** Returns the number of subscription id {@code id}, numbering it if it is new. */
        public int subscription(String id) {
            identifier(id, "subscriptionId");
            return subscriptionNumbers.computeIfAbsent(id, k -> {
                subscriptionIds.add(k);
                return subscriptionIds.size() - 1;
            });
        }

        /** Returns the number of plan {@code id}, numbering it if it is new. */
        public int plan(String id) {
            identifier(id, "plan");
            return planNumbers.computeIfAbsent(id, k -> {
                planIds.add(k);
                return planIds.size() - 1;
            });
        }

        /**
         * Adds a {@code START} row: the subscription begins on {@code effectiveDay} with a charge of plan
         * {@code planNumber} whose MRR is {@code mrrUnits} x 10<sup>-{@value #MRR_UNIT_SCALE}</sup> of the frame's
         * currency (see {@link SubscriptionEventFrame#mrrUnits}).
         *
         * @throws IllegalArgumentException naming the row and the field, if a number is unknown or the MRR negative
         * @throws IllegalStateException    if the frame's currency is not set
         */
        public Builder start(int accountNumber, int subscriptionNumber, int effectiveDay, int planNumber, long mrrUnits) {
            return charged(START, accountNumber, subscriptionNumber, effectiveDay, planNumber, mrrUnits, null);
        }

        /** Adds a {@code START} row whose MRR is an exact decimal amount; otherwise as {@link #start(int, int, int, int, long)}. */
        public Builder start(int accountNumber, int subscriptionNumber, int effectiveDay, int planNumber, BigDecimal mrr) {
            return charged(START, accountNumber, subscriptionNumber, effectiveDay, planNumber, Units.NONE,
                    Objects.requireNonNull(mrr, "mrr"));
        }

        /** Adds a {@code CHANGE} row: from {@code effectiveDay} the subscription bills the given charge instead. */
        public Builder change(int accountNumber, int subscriptionNumber, int effectiveDay, int planNumber, long mrrUnits) {
            return charged(CHANGE, accountNumber, subscriptionNumber, effectiveDay, planNumber, mrrUnits, null);
        }

        /** Adds a {@code CHANGE} row whose MRR is an exact decimal amount. */
        public Builder change(int accountNumber, int subscriptionNumber, int effectiveDay, int planNumber, BigDecimal mrr) {
            return charged(CHANGE, accountNumber, subscriptionNumber, effectiveDay, planNumber, Units.NONE,
                    Objects.requireNonNull(mrr, "mrr"));
        }

        /**
         * Adds a {@code CANCEL} row: requested on {@code requestedDay}, service ending on {@code effectiveDay}.
         *
         * @throws IllegalArgumentException naming the row, if the request is after the end of service
         */
        public Builder cancel(int accountNumber, int subscriptionNumber, int requestedDay, int effectiveDay) {
            if (requestedDay > effectiveDay) {
                throw new IllegalArgumentException("rows[" + rows + "].recordedOn: " + LocalDate.ofEpochDay(requestedDay)
                        + " must not be after effectiveDate " + LocalDate.ofEpochDay(effectiveDay) + " for a cancellation");
            }
            return row(CANCEL, accountNumber, subscriptionNumber, effectiveDay, requestedDay, -1, 0);
        }

        /** Adds an {@code END} row: service ends on {@code effectiveDay} without a cancellation request. */
        public Builder end(int accountNumber, int subscriptionNumber, int effectiveDay) {
            return row(END, accountNumber, subscriptionNumber, effectiveDay, effectiveDay, -1, 0);
        }

        /**
         * Adds the row of {@code event}: its account, subscription and plan are numbered, its charge's MRR computed
         * exactly (zero for a trial).
         *
         * @throws IllegalArgumentException naming the row, if its charge is in another currency than the frame's
         */
        public Builder add(SubscriptionEvent event) {
            Objects.requireNonNull(event, "event");
            int a = account(event.account());
            int s = subscription(event.subscriptionId());
            int effectiveDay = MrrLedger.day(event.effectiveDate());
            switch (event.kind()) {
                case CANCEL -> cancel(a, s, MrrLedger.day(event.recordedOn()), effectiveDay);
                case END -> end(a, s, effectiveDay);
                default -> {
                    RecurringCharge charge = event.charge().orElseThrow();
                    Currency chargeCurrency = charge.unitPrice().currency();
                    if (currency == null) {
                        currency = chargeCurrency;
                    } else if (!currency.equals(chargeCurrency)) {
                        throw new IllegalArgumentException("rows[" + rows + "].charge: " + event.kind() + " of subscription '"
                                + event.subscriptionId() + "' of account '" + event.account() + "' is in "
                                + chargeCurrency.getCurrencyCode() + " but the frame is in " + currency.getCurrencyCode()
                                + "; a frame holds one currency");
                    }
                    long units = Units.mrr(charge);
                    BigDecimal exact = units == Units.NONE ? charge.mrr().amount() : null;
                    charged((byte) event.kind().ordinal(), a, s, effectiveDay, plan(charge.plan()), units, exact);
                }
            }
            // recordedOn is kept for every kind, as the event has it.
            recorded[rows - 1] = MrrLedger.day(event.recordedOn());
            return this;
        }

        /**
         * Returns the frame of the rows added so far. Subscription ids are renumbered in id order (the numbers given
         * by {@link #subscription} do not carry over to {@link SubscriptionEventFrame}'s accessors, which return ids).
         */
        public SubscriptionEventFrame build() {
            String[] ids = subscriptionIds.toArray(new String[0]);
            Integer[] byId = new Integer[ids.length];
            for (int i = 0; i < ids.length; i++) {
                byId[i] = i;
            }
            Arrays.sort(byId, (x, y) -> ids[x].compareTo(ids[y]));
            int[] rank = new int[ids.length];
            String[] sorted = new String[ids.length];
            for (int r = 0; r < ids.length; r++) {
                rank[byId[r]] = r;
                sorted[r] = ids[byId[r]];
            }
            int[] column = new int[rows];
            for (int i = 0; i < rows; i++) {
                column[i] = rank[subscription[i]];
            }
            return new SubscriptionEventFrame(this, column, sorted);
        }

        private Builder charged(byte k, int accountNumber, int subscriptionNumber, int effectiveDay, int planNumber,
                                long units, @Nullable BigDecimal exact) {
            if (currency == null) {
                throw new IllegalStateException("currency: set the frame's currency before adding rows with a charge");
            }
            if (planNumber < 0 || planNumber >= planIds.size()) {
                throw new IllegalArgumentException("rows[" + rows + "].plan: " + planNumber + " is not a numbered plan"
                        + " (there are " + planIds.size() + ")");
            }
            long u = units;
            if (exact != null) {
                if (exact.signum() < 0) {
                    throw new IllegalArgumentException("rows[" + rows + "].mrr: " + exact + " must be >= 0");
                }
                try {
                    Money.of(exact, currency); // within Money's limits, so that the ledger can hold it
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("rows[" + rows + "]." + e.getMessage().replaceFirst("^amount",
                            "mrr"), e);
                }
                u = Units.of(exact);
            } else if (u < 0) {
                throw new IllegalArgumentException("rows[" + rows + "].mrr: " + u + " units must be >= 0");
            }
            row(k, accountNumber, subscriptionNumber, effectiveDay, effectiveDay, planNumber, u);
            if (u == Units.NONE) {
                if (bigMrr.length < account.length) {
                    bigMrr = Arrays.copyOf(bigMrr, account.length);
                }
                bigMrr[rows - 1] = exact;
            }
            return this;
        }

        private Builder row(byte k, int accountNumber, int subscriptionNumber, int effectiveDay, int recordedDay,
                            int planNumber, long units) {
            if (accountNumber < 0 || accountNumber >= accountIds.size()) {
                throw new IllegalArgumentException("rows[" + rows + "].account: " + accountNumber
                        + " is not a numbered account (there are " + accountIds.size() + ")");
            }
            if (subscriptionNumber < 0 || subscriptionNumber >= subscriptionIds.size()) {
                throw new IllegalArgumentException("rows[" + rows + "].subscription: " + subscriptionNumber
                        + " is not a numbered subscription (there are " + subscriptionIds.size() + ")");
            }
            supported(effectiveDay, "effectiveDate");
            supported(recordedDay, "recordedOn");
            if (rows == account.length) {
                int size = rows * 2;
                account = Arrays.copyOf(account, size);
                subscription = Arrays.copyOf(subscription, size);
                plan = Arrays.copyOf(plan, size);
                kind = Arrays.copyOf(kind, size);
                effective = Arrays.copyOf(effective, size);
                recorded = Arrays.copyOf(recorded, size);
                mrr = Arrays.copyOf(mrr, size);
                if (bigMrr.length > 0) {
                    bigMrr = Arrays.copyOf(bigMrr, size);
                }
            }
            account[rows] = accountNumber;
            subscription[rows] = subscriptionNumber;
            plan[rows] = planNumber;
            kind[rows] = k;
            effective[rows] = effectiveDay;
            recorded[rows] = recordedDay;
            mrr[rows] = units;
            rows++;
            return this;
        }

        /** Checks that an epoch day is a supported date, so that no day of a frame overflows the ledger's arithmetic. */
        private void supported(int epochDay, String field) {
            if (epochDay < MrrLedger.FIRST_DAY || epochDay > MrrLedger.LAST_DAY) {
                throw new IllegalArgumentException("rows[" + rows + "]." + field + ": epoch day " + epochDay + " ("
                        + LocalDate.ofEpochDay(epochDay) + ") is outside the supported dates, from "
                        + Dates.EARLIEST_TEXT + " to " + Dates.LATEST_TEXT);
            }
        }

        private static void identifier(String id, String field) {
            Objects.requireNonNull(id, field);
            if (id.isEmpty() || id.length() > 256 || !id.strip().equals(id) || id.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException(field + ": '" + id + "' must be 1 to 256 characters, without control"
                        + " characters or surrounding white space");
            }
        }
    }
}
