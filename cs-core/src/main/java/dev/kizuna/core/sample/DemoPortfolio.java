package dev.kizuna.core.sample;

import dev.kizuna.core.Account;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.Contract;
import dev.kizuna.core.Money;
import dev.kizuna.core.Owner;
import dev.kizuna.core.Segment;
import dev.kizuna.core.Tier;
import dev.kizuna.core.event.BillingInterval;
import dev.kizuna.core.event.Discount;
import dev.kizuna.core.event.RecurringCharge;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.core.journey.JourneyHistory;
import dev.kizuna.core.journey.JourneyStage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Generates a deterministic, realistic synthetic portfolio: the same seed and settings always give the same
 * portfolio, on any machine.
 *
 * <p>The default is the demo portfolio: 2,000 accounts in three segments (enterprise, mid-market, smb), with
 * parent and child accounts among the enterprise customers, and 36 months of subscription history from
 * 2023-01-01 with new business, seat expansion and contraction, add-on cross-sells, trials, cancellations and
 * reactivations; every account has a journey history and an owner. Amounts are in USD.
 *
 * <pre>{@code
 * Portfolio demo = DemoPortfolio.generate();
 * Portfolio big = DemoPortfolio.builder().accounts(100_000).seed(7).build();
 * }</pre>
 *
 * <p>The rates below are per account per month and differ by segment, as they do in practice: smb churns most
 * and expands least, enterprise the reverse.
 */
public final class DemoPortfolio {
    /** The seed of the demo portfolio. */
    public static final long DEFAULT_SEED = 20_231_101L;
    /** The number of accounts in the demo portfolio. */
    public static final int DEFAULT_ACCOUNTS = 2_000;
    /** The months of history in the demo portfolio. */
    public static final int DEFAULT_MONTHS = 36;
    /** The first day of the demo portfolio's history. */
    public static final LocalDate DEFAULT_START = LocalDate.of(2023, 1, 1);

    static final Currency USD = Currency.getInstance("USD");
    private static final String[] NAME_HEADS = {"Acme", "Blue", "Cedar", "Delta", "Echo", "Fjord", "Granite", "Harbor",
        "Iris", "Juniper", "Kite", "Lumen", "Maple", "Nimbus", "Orbit", "Pine", "Quartz", "Riverm", "Summit", "Tidal",
        "Umber", "Vertex", "Willow", "Xeno", "Yarrow", "Zephyr"};
    private static final String[] NAME_TAILS = {"Labs", "Systems", "Foods", "Logistics", "Health", "Capital", "Media",
        "Retail", "Energy", "Works", "Analytics", "Robotics", "Travel", "Studios", "Partners"};
    private static final String[] INDUSTRIES = {"software", "retail", "healthcare", "finance", "manufacturing", "media",
        "logistics", "education"};
    private static final String[] REGIONS = {"amer", "emea", "apac"};
    private static final String[] CSM_NAMES = {"Aiko Tanaka", "Ben Okafor", "Carla Reyes", "Dev Patel", "Elif Kaya",
        "Finn Larsen", "Grace Liu", "Hugo Martin", "Ines Costa", "Jonas Weber", "Kenji Sato", "Lena Novak",
        "Mia Laurent", "Noah Fischer", "Olga Ivanova", "Priya Nair", "Quinn Murphy", "Rosa Alvarez", "Sam Cohen",
        "Tara Singh", "Uma Rossi", "Victor Hugo", "Wen Zhou", "Yusuf Demir"};

    private final long seed;
    private final int accounts;
    private final int months;
    private final LocalDate start;

    private DemoPortfolio(Builder b) {
        this.seed = b.seed;
        this.accounts = b.accounts;
        this.months = b.months;
        this.start = b.start;
    }

    /** Returns the demo portfolio: {@link #DEFAULT_ACCOUNTS} accounts, {@link #DEFAULT_MONTHS} months, the default seed. */
    public static Portfolio generate() {
        return builder().build();
    }

    /** Returns a builder with the demo portfolio's settings, to change some of them. */
    public static Builder builder() {
        return new Builder();
    }

    /** The settings of a generated portfolio. Not thread-safe; {@link #build()} may be called repeatedly. */
    public static final class Builder {
        private long seed = DEFAULT_SEED;
        private int accounts = DEFAULT_ACCOUNTS;
        private int months = DEFAULT_MONTHS;
        private LocalDate start = DEFAULT_START;

        private Builder() {
        }

        /** Sets the random seed. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Sets the number of accounts, from 1 to 10,000,000. */
        public Builder accounts(int accounts) {
            if (accounts < 1 || accounts > 10_000_000) {
                throw new IllegalArgumentException("accounts: " + accounts + " must be from 1 to 10000000");
            }
            this.accounts = accounts;
            return this;
        }

        /** Sets the months of history, from 1 to 240. */
        public Builder months(int months) {
            if (months < 1 || months > 240) {
                throw new IllegalArgumentException("months: " + months + " must be from 1 to 240");
            }
            this.months = months;
            return this;
        }

        /** Sets the first day of the history; it must be the first day of a month. */
        public Builder start(LocalDate start) {
            Objects.requireNonNull(start, "start");
            if (start.getDayOfMonth() != 1) {
                throw new IllegalArgumentException("start: " + start + " must be the first day of a month");
            }
            this.start = start;
            return this;
        }

        /** Generates the portfolio. */
        public Portfolio build() {
            return new DemoPortfolio(this).run();
        }
    }

    /** A segment's plan, prices and monthly rates. */
    private record SegmentModel(Segment segment, double share, String plan, long unitPrice, int minSeats, int maxSeats,
                                double annualShare, double churn, double expansion, double contraction,
                                double crossSell, double reactivation, double trialShare, int csmFrom, int csmTo) {
    }

    private static final List<SegmentModel> SEGMENTS = List.of(
            new SegmentModel(Segment.of("enterprise"), 0.12, "enterprise", 180, 40, 400, 1.0,
                    0.006, 0.05, 0.015, 0.015, 0.02, 0.0, 0, 8),
            new SegmentModel(Segment.of("mid-market"), 0.33, "growth", 90, 8, 60, 0.5,
                    0.014, 0.045, 0.02, 0.01, 0.025, 0.1, 8, 18),
            new SegmentModel(Segment.of("smb"), 0.55, "starter", 39, 1, 10, 0.15,
                    0.03, 0.03, 0.015, 0.005, 0.03, 0.35, 18, CSM_NAMES.length));

    private static final String ADDON_PLAN = "analytics-addon";

    private Portfolio run() {
        SplittableRandom random = new SplittableRandom(seed);
        LocalDate end = start.plusMonths(months);
        List<Account> accountList = new ArrayList<>(accounts);
        List<SubscriptionEvent> events = new ArrayList<>(accounts * 8);
        List<AccountId> enterpriseIds = new ArrayList<>();
        int width = Math.max(5, Integer.toString(accounts).length());
        for (int i = 0; i < accounts; i++) {
            SplittableRandom r = random.split();
            AccountId id = AccountId.of("acc-" + pad(i + 1, width));
            SegmentModel model = pickSegment(r.nextDouble());
            AccountSimulation sim = new AccountSimulation(id, model, r, end);
            sim.simulate(events);
            accountList.add(sim.account(i, enterpriseIds));
            if (model.segment().name().equals("enterprise")) {
                enterpriseIds.add(id);
            }
        }
        events.sort(Comparator.comparing(SubscriptionEvent::effectiveDate)
                .thenComparing(SubscriptionEvent::account)
                .thenComparing(SubscriptionEvent::subscriptionId));
        return new Portfolio(start, end, accountList, events);
    }

    private static SegmentModel pickSegment(double u) {
        double acc = 0;
        for (SegmentModel m : SEGMENTS) {
            acc += m.share();
            if (u < acc) {
                return m;
            }
        }
        return SEGMENTS.get(SEGMENTS.size() - 1);
    }

    private static String pad(int n, int width) {
        String s = Integer.toString(n);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }

    /** One account's month-by-month history. */
    private final class AccountSimulation {
        private final AccountId id;
        private final SegmentModel model;
        private final SplittableRandom r;
        private final LocalDate end;
        private final BillingInterval interval;
        private final Map<String, RecurringCharge> active = new LinkedHashMap<>();
        private final Map<String, LocalDate> lastEvent = new LinkedHashMap<>();
        private LocalDate firstStart = LocalDate.MAX;
        private LocalDate lastChurn = LocalDate.MIN;
        private int subscriptions;
        private boolean everPaid;

        AccountSimulation(AccountId id, SegmentModel model, SplittableRandom r, LocalDate end) {
            this.id = id;
            this.model = model;
            this.r = r;
            this.end = end;
            this.interval = r.nextDouble() < model.annualShare() ? BillingInterval.ANNUAL : BillingInterval.MONTHLY;
        }

        void simulate(List<SubscriptionEvent> out) {
            // A third of the book is already a customer when the history starts; the rest arrive evenly.
            if (r.nextDouble() < 0.03) {
                return; // a prospect, still in awareness or consideration
            }
            int startMonth = r.nextDouble() < 0.3 ? 0 : r.nextInt(months);
            for (int m = startMonth; m < months; m++) {
                LocalDate monthStart = start.plusMonths(m);
                LocalDate monthEnd = monthStart.plusMonths(1);
                if (m == startMonth) {
                    startMain(monthStart, out, r.nextDouble() < model.trialShare());
                    continue;
                }
                if (active.isEmpty()) {
                    if (everPaid && r.nextDouble() < model.reactivation()) {
                        startMain(monthStart, out, false);
                    }
                    continue;
                }
                step(monthStart, monthEnd, out);
            }
        }

        private void startMain(LocalDate monthStart, List<SubscriptionEvent> out, boolean trial) {
            String sub = id.value() + "-s" + (++subscriptions);
            LocalDate day = monthStart.plusDays(r.nextInt(monthStart.lengthOfMonth()));
            RecurringCharge charge = charge(model.plan(), model.unitPrice(), seats(), trial);
            out.add(SubscriptionEvent.start(id, sub, day, charge));
            active.put(sub, charge);
            lastEvent.put(sub, day);
            if (day.isBefore(firstStart)) {
                firstStart = day;
            }
            everPaid |= !trial;
        }

        private void step(LocalDate monthStart, LocalDate monthEnd, List<SubscriptionEvent> out) {
            String main = active.keySet().iterator().next();
            RecurringCharge mainCharge = active.get(main);
            if (mainCharge.trial()) {
                // Trials last about a month: most convert to paid, the rest end.
                LocalDate day = dayAfter(main, monthStart, monthEnd);
                if (day == null) {
                    return;
                }
                if (r.nextDouble() < 0.65) {
                    RecurringCharge paid = charge(mainCharge.plan(), model.unitPrice(), mainCharge.quantity(), false);
                    out.add(SubscriptionEvent.change(id, main, day, paid));
                    active.put(main, paid);
                    lastEvent.put(main, day);
                    everPaid = true;
                } else {
                    endAll(day, out, false);
                }
                return;
            }
            double u = r.nextDouble();
            if (u < model.churn()) {
                LocalDate day = latestAllowedDay(monthStart, monthEnd);
                if (day != null) {
                    endAll(day, out, r.nextDouble() < 0.8);
                }
            } else if (u < model.churn() + model.expansion()) {
                changeSeats(main, mainCharge, monthStart, monthEnd, out, 1.1 + r.nextDouble() * 0.4);
            } else if (u < model.churn() + model.expansion() + model.contraction()) {
                changeSeats(main, mainCharge, monthStart, monthEnd, out, 0.6 + r.nextDouble() * 0.3);
            } else if (u < model.churn() + model.expansion() + model.contraction() + model.crossSell()) {
                crossSellOrDrop(monthStart, monthEnd, out);
            }
        }

        private void changeSeats(String sub, RecurringCharge current, LocalDate monthStart, LocalDate monthEnd,
                                 List<SubscriptionEvent> out, double factor) {
            LocalDate day = dayAfter(sub, monthStart, monthEnd);
            if (day == null) {
                return;
            }
            int seats = Math.max(1, (int) Math.round(current.quantity() * factor));
            if (seats == current.quantity()) {
                seats = factor > 1 ? seats + 1 : Math.max(1, seats - 1);
            }
            if (seats == current.quantity()) {
                return;
            }
            RecurringCharge next = new RecurringCharge(current.plan(), current.unitPrice(), seats, current.interval(),
                    current.discount(), false);
            out.add(SubscriptionEvent.change(id, sub, day, next));
            active.put(sub, next);
            lastEvent.put(sub, day);
        }

        private void crossSellOrDrop(LocalDate monthStart, LocalDate monthEnd, List<SubscriptionEvent> out) {
            String addon = null;
            for (Map.Entry<String, RecurringCharge> e : active.entrySet()) {
                if (e.getValue().plan().equals(ADDON_PLAN)) {
                    addon = e.getKey();
                }
            }
            if (addon == null) {
                String sub = id.value() + "-s" + (++subscriptions);
                LocalDate day = monthStart.plusDays(r.nextInt(monthStart.lengthOfMonth()));
                RecurringCharge charge = new RecurringCharge(ADDON_PLAN, Money.of(15, USD),
                        Math.max(1, active.values().iterator().next().quantity() / 2), BillingInterval.MONTHLY,
                        r.nextDouble() < 0.3 ? Discount.percent(BigDecimal.valueOf(20)) : Discount.none(), false);
                out.add(SubscriptionEvent.start(id, sub, day, charge));
                active.put(sub, charge);
                lastEvent.put(sub, day);
            } else {
                LocalDate day = dayAfter(addon, monthStart, monthEnd);
                if (day != null) {
                    out.add(SubscriptionEvent.end(id, addon, day));
                    active.remove(addon);
                    lastEvent.remove(addon);
                }
            }
        }

        private void endAll(LocalDate day, List<SubscriptionEvent> out, boolean requested) {
            for (String sub : active.keySet()) {
                LocalDate last = lastEvent.get(sub);
                if (requested) {
                    // The request comes up to three weeks before service ends, never before the last change.
                    LocalDate asked = day.minusDays(r.nextInt(21));
                    if (!asked.isAfter(last)) {
                        asked = last.plusDays(1).isAfter(day) ? day : last.plusDays(1);
                    }
                    out.add(SubscriptionEvent.cancel(id, sub, asked, day));
                } else {
                    out.add(SubscriptionEvent.end(id, sub, day));
                }
            }
            active.clear();
            lastEvent.clear();
            lastChurn = day;
        }

        /** A day in [monthStart, monthEnd) after the subscription's last event, or null if none is left. */
        private LocalDate dayAfter(String sub, LocalDate monthStart, LocalDate monthEnd) {
            LocalDate earliest = lastEvent.get(sub).plusDays(1);
            if (earliest.isBefore(monthStart)) {
                earliest = monthStart;
            }
            long room = monthEnd.toEpochDay() - earliest.toEpochDay();
            return room <= 0 ? null : earliest.plusDays(r.nextLong(room));
        }

        /** A day in the month after every active subscription's last event, or null if none is left. */
        private LocalDate latestAllowedDay(LocalDate monthStart, LocalDate monthEnd) {
            LocalDate earliest = monthStart;
            for (LocalDate last : lastEvent.values()) {
                if (!last.plusDays(1).isBefore(earliest)) {
                    earliest = last.plusDays(1);
                }
            }
            long room = monthEnd.toEpochDay() - earliest.toEpochDay();
            return room <= 0 ? null : earliest.plusDays(r.nextLong(room));
        }

        private int seats() {
            return model.minSeats() + r.nextInt(model.maxSeats() - model.minSeats() + 1);
        }

        private RecurringCharge charge(String plan, long unitPrice, int seats, boolean trial) {
            Discount discount = !trial && r.nextDouble() < 0.15 ? Discount.percent(BigDecimal.valueOf(10)) : Discount.none();
            return new RecurringCharge(plan, Money.of(unitPrice, USD), seats, interval, discount, trial);
        }

        Account account(int index, List<AccountId> enterpriseIds) {
            String name = NAME_HEADS[index % NAME_HEADS.length] + " " + NAME_TAILS[(index / NAME_HEADS.length) % NAME_TAILS.length]
                    + (index >= NAME_HEADS.length * NAME_TAILS.length ? " " + (index / (NAME_HEADS.length * NAME_TAILS.length) + 1) : "");
            boolean top = r.nextDouble() < 0.2;
            Tier tier = top ? Tier.of(model.segment().name().equals("smb") ? "plus" : "strategic", 1)
                    : Tier.of("standard", 2);
            int csm = model.csmFrom() + r.nextInt(model.csmTo() - model.csmFrom());
            Account.Builder b = Account.builder(id, name)
                    .segment(model.segment())
                    .tier(tier)
                    .owner(Owner.of("csm-" + pad(csm + 1, 2), CSM_NAMES[csm]))
                    .currency(USD)
                    .journey(journey())
                    .attribute("region", REGIONS[r.nextInt(REGIONS.length)])
                    .attribute("industry", INDUSTRIES[r.nextInt(INDUSTRIES.length)]);
            if (!enterpriseIds.isEmpty() && model.segment().name().equals("enterprise") && r.nextDouble() < 0.12) {
                b.parent(enterpriseIds.get(r.nextInt(enterpriseIds.size())));
            }
            if (r.nextDouble() < 0.05) {
                b.tag("beta-program");
            }
            if (r.nextDouble() < 0.03) {
                b.tag("reference-customer");
            }
            contract().ifPresent(b::contract);
            return b.build();
        }

        private java.util.Optional<Contract> contract() {
            if (firstStart.equals(LocalDate.MAX)) {
                return java.util.Optional.empty();
            }
            Period term = interval == BillingInterval.ANNUAL ? Period.ofYears(1) : Period.ofMonths(1);
            LocalDate until = active.isEmpty() && !lastChurn.equals(LocalDate.MIN) ? lastChurn.minusDays(1) : end.minusDays(1);
            LocalDate termStart = firstStart;
            while (!termStart.plus(term).isAfter(until)) {
                termStart = termStart.plus(term);
            }
            return java.util.Optional.of(Contract.starting(termStart, term));
        }

        private JourneyHistory journey() {
            boolean prospect = firstStart.equals(LocalDate.MAX);
            LocalDate first = prospect ? end.minusDays(1) : firstStart;
            JourneyHistory h = JourneyHistory.startingAt(JourneyStage.AWARENESS, at(first.minusDays(60 + r.nextInt(90))));
            if (prospect && r.nextBoolean()) {
                return h;
            }
            h = h.enter(JourneyStage.CONSIDERATION, at(first.minusDays(10 + r.nextInt(40))));
            if (prospect) {
                return h;
            }
            h = h.enter(JourneyStage.CONVERSION, at(first));
            LocalDate adopted = first.plusDays(30 + r.nextInt(120));
            if (adopted.isBefore(end)) {
                h = h.enter(JourneyStage.RETENTION, at(adopted));
                LocalDate advocate = adopted.plusDays(120 + r.nextInt(400));
                if (!active.isEmpty() && advocate.isBefore(end) && r.nextDouble() < 0.25) {
                    h = h.enter(JourneyStage.ADVOCACY, at(advocate));
                }
            }
            return h;
        }

        private Instant at(LocalDate day) {
            return day.atTime(9, r.nextInt(60)).toInstant(ZoneOffset.UTC);
        }
    }
}
