package dev.kizuna.sample;

import dev.kizuna.core.Account;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.Contract;
import dev.kizuna.core.Money;
import dev.kizuna.core.Owner;
import dev.kizuna.core.Portfolio;
import dev.kizuna.core.Segment;
import dev.kizuna.core.Tier;
import dev.kizuna.core.event.BillingInterval;
import dev.kizuna.core.event.Discount;
import dev.kizuna.core.event.RecurringCharge;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.core.event.SupportTicket;
import dev.kizuna.core.event.SurveyResponse;
import dev.kizuna.core.event.UsagePeriod;
import dev.kizuna.core.event.UsageRecord;
import dev.kizuna.core.journey.JourneyHistory;
import dev.kizuna.core.journey.JourneyStage;
import dev.kizuna.core.plan.Milestone;
import dev.kizuna.core.plan.PlanTemplate;
import dev.kizuna.core.plan.SmartGoal;
import dev.kizuna.core.plan.SuccessPlan;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;

import java.math.BigDecimal;
import java.time.Duration;
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
import java.util.Optional;
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
 * <p>Each customer also has a latent engagement that drifts month by month. It drives the monthly usage records
 * (seats, active users, logins, feature use), the survey answers (NPS each quarter for some accounts, CSAT after
 * tickets, CES now and then), the support tickets, the monthly signal snapshots, and the chance to expand,
 * contract or churn: a disengaged account churns several times as often as an engaged one, so health scores
 * built on these signals have something real to find. Current customers at the conversion or retention stage
 * have a success plan from the matching {@link PlanTemplate}, with milestones completed on time or late.
 * {@link Builder#subscriptionsOnly()} leaves out everything but accounts and subscription events, for large
 * portfolios in benchmarks.
 *
 * <pre>{@code
 * Portfolio demo = DemoPortfolio.generate();
 * Portfolio big = DemoPortfolio.builder().accounts(100_000).seed(7).build();
 * }</pre>
 *
 * <p>Demo data for tests, benchmarks and examples, not part of the library's API: its output may change between
 * versions.
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
        "Iris", "Juniper", "Kite", "Lumen", "Maple", "Nimbus", "Orbit", "Pine", "Quartz", "River", "Summit", "Tidal",
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
    private final boolean activity;

    private DemoPortfolio(Builder b) {
        this.seed = b.seed;
        this.accounts = b.accounts;
        this.months = b.months;
        this.start = b.start;
        this.activity = b.activity;
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
        private boolean activity = true;

        private Builder() {
        }

        /** Leaves out usage, surveys, tickets, signals and plans: only accounts and subscription events. */
        public Builder subscriptionsOnly() {
            this.activity = false;
            return this;
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
    private static final String[] FEATURES = {"alerts", "api", "automation", "dashboards", "integrations", "mobile",
        "reports", "sso"};
    private static final List<PlanTemplate> TEMPLATES = List.of(
            PlanTemplate.enterpriseOnboarding(), PlanTemplate.smbOnboarding(), PlanTemplate.renewalReadiness());

    /** What the simulations write besides accounts and subscription events. */
    private static final class Activity {
        final List<UsageRecord> usage = new ArrayList<>();
        final List<SurveyResponse> surveys = new ArrayList<>();
        final List<SupportTicket> tickets = new ArrayList<>();
        final List<SignalSnapshot> signals = new ArrayList<>();
        final List<SuccessPlan> plans = new ArrayList<>();
    }

    private Portfolio run() {
        SplittableRandom random = new SplittableRandom(seed);
        LocalDate end = start.plusMonths(months);
        List<Account> accountList = new ArrayList<>(accounts);
        List<SubscriptionEvent> events = new ArrayList<>(accounts * 8);
        Activity activityOut = new Activity();
        List<AccountId> enterpriseIds = new ArrayList<>();
        int width = Math.max(5, Integer.toString(accounts).length());
        for (int i = 0; i < accounts; i++) {
            SplittableRandom r = random.split();
            AccountId id = AccountId.of("acc-" + pad(i + 1, width));
            SegmentModel model = pickSegment(r.nextDouble());
            AccountSimulation sim = new AccountSimulation(id, model, r, end, activityOut);
            sim.simulate(events);
            Account account = sim.account(i, enterpriseIds);
            accountList.add(account);
            if (model.segment().name().equals("enterprise")) {
                enterpriseIds.add(id);
            }
            if (activity) {
                sim.plan(account).ifPresent(activityOut.plans::add);
            }
        }
        events.sort(Comparator.comparing(SubscriptionEvent::effectiveDate)
                .thenComparing(SubscriptionEvent::account)
                .thenComparing(SubscriptionEvent::subscriptionId));
        activityOut.usage.sort(Comparator.comparing(UsageRecord::date).thenComparing(UsageRecord::account));
        activityOut.surveys.sort(Comparator.comparing(SurveyResponse::answeredAt).thenComparing(SurveyResponse::account)
                .thenComparing(SurveyResponse::respondentId));
        activityOut.tickets.sort(Comparator.comparing(SupportTicket::openedAt).thenComparing(SupportTicket::id));
        activityOut.signals.sort(Comparator.comparing(SignalSnapshot::at).thenComparing(SignalSnapshot::account));
        return new Portfolio(start, end, accountList, events, activityOut.usage, activityOut.surveys,
                activityOut.tickets, activityOut.signals, activityOut.plans);
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
        /** Activity draws from its own stream, so leaving activity out changes no subscription. */
        private final SplittableRandom ra;
        private final LocalDate end;
        private final BillingInterval interval;
        private final Map<String, RecurringCharge> active = new LinkedHashMap<>();
        private final Map<String, LocalDate> lastEvent = new LinkedHashMap<>();
        private LocalDate firstStart = LocalDate.MAX;
        private LocalDate lastChurn = LocalDate.MIN;
        private int subscriptions;
        private boolean everPaid;
        private final Activity out;
        private final double baseEngagement;
        private double engagement;
        private int previousActiveUsers = -1;
        private final List<Integer> recentNps = new ArrayList<>();
        private final List<SupportTicket> openTickets = new ArrayList<>();
        private int tickets;
        private final boolean champion;
        private final boolean sponsor;
        private double lastUtilisation;
        private double lastBreadth;
        private double lastEscalated;

        AccountSimulation(AccountId id, SegmentModel model, SplittableRandom r, LocalDate end, Activity out) {
            this.id = id;
            this.model = model;
            this.r = r;
            this.ra = r.split();
            this.end = end;
            this.out = out;
            this.interval = r.nextDouble() < model.annualShare() ? BillingInterval.ANNUAL : BillingInterval.MONTHLY;
            this.baseEngagement = 0.25 + 0.7 * Math.pow(r.nextDouble(), 0.6);
            this.engagement = baseEngagement;
            this.champion = r.nextDouble() < baseEngagement * 0.8;
            this.sponsor = r.nextDouble() < baseEngagement * 0.6;
        }

        void simulate(List<SubscriptionEvent> events) {
            // A third of the book is already a customer when the history starts; the rest arrive evenly.
            if (r.nextDouble() < 0.03) {
                return; // a prospect, still in awareness or consideration
            }
            int startMonth = r.nextDouble() < 0.3 ? 0 : r.nextInt(months);
            for (int m = startMonth; m < months; m++) {
                LocalDate monthStart = start.plusMonths(m);
                LocalDate monthEnd = monthStart.plusMonths(1);
                drift();
                if (m == startMonth) {
                    startMain(monthStart, events, r.nextDouble() < model.trialShare());
                } else if (active.isEmpty()) {
                    if (everPaid && r.nextDouble() < model.reactivation()) {
                        engagement = Math.max(engagement, baseEngagement);
                        startMain(monthStart, events, false);
                    }
                } else {
                    step(monthStart, monthEnd, events);
                }
                if (activity && !active.isEmpty()) {
                    recordMonth(monthStart, monthEnd);
                }
            }
        }

        /** Engagement wanders month by month and is pulled back towards the account's own level. */
        private void drift() {
            engagement += 0.25 * (baseEngagement - engagement) + 0.08 * gaussian(r);
            engagement = Math.min(0.98, Math.max(0.03, engagement));
        }

        /** Churn is several times likelier for a disengaged account than for an engaged one. */
        private double churnHazard() {
            double gap = 1 - engagement;
            return model.churn() * Math.min(4.0, 0.2 + 6 * gap * gap);
        }

        private static double gaussian(SplittableRandom random) {
            // Box-Muller on the account's own stream keeps the portfolio identical on every JVM.
            double u1 = Math.max(random.nextDouble(), 1e-12);
            double u2 = random.nextDouble();
            return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        }

        private int poisson(double mean) {
            double limit = Math.exp(-mean);
            double product = ra.nextDouble();
            int n = 0;
            while (product > limit && n < 1000) {
                product *= ra.nextDouble();
                n++;
            }
            return n;
        }

        private void recordMonth(LocalDate monthStart, LocalDate monthEnd) {
            RecurringCharge main = active.values().iterator().next();
            int seats = main.quantity();
            int activeUsers = (int) Math.max(0, Math.round(seats * engagement * (0.85 + 0.3 * ra.nextDouble())));
            long logins = Math.round(activeUsers * (6 + 14 * engagement) * (0.8 + 0.4 * ra.nextDouble()));
            UsageRecord.Builder usage = UsageRecord.builder(id, monthStart, UsagePeriod.MONTH)
                    .activeUsers(activeUsers).logins(logins).licensedSeats(seats).sessions(Math.round(logins * 1.3));
            int used = 0;
            long uses = 0;
            for (int f = 0; f < FEATURES.length; f++) {
                if (activeUsers > 0 && ra.nextDouble() < engagement * (1.1 - f * 0.08)) {
                    long n = Math.max(1, Math.round(activeUsers * (1 + 9 * engagement) * ra.nextDouble()));
                    usage.featureUse(FEATURES[f], n);
                    used++;
                    uses += n;
                }
            }
            out.usage.add(usage.build());

            Instant monthEndAt = monthEnd.atStartOfDay().toInstant(ZoneOffset.UTC);
            surveys(monthStart, monthEnd);
            tickets(monthStart, monthEnd, seats);

            double utilisation = activeUsers / (double) seats;
            lastUtilisation = utilisation;
            lastBreadth = used / (double) FEATURES.length;
            SignalSnapshot.Builder snapshot = SignalSnapshot.builder(id, monthEndAt)
                    .put(SignalName.USAGE_ACTIVE_USERS, activeUsers)
                    .put(SignalName.USAGE_LOGINS_30D, logins)
                    .put(SignalName.ENGAGEMENT_LICENCE_UTILISATION, utilisation)
                    .put(SignalName.ADOPTION_FEATURE_BREADTH, lastBreadth)
                    .put(SignalName.ADOPTION_FEATURE_DEPTH, activeUsers == 0 ? 0 : uses / (double) activeUsers / Math.max(1, used))
                    .put(SignalName.ENGAGEMENT_DAU_MAU, Math.min(1, 0.05 + 0.45 * engagement * (0.8 + 0.4 * ra.nextDouble())))
                    .put(SignalName.SUPPORT_OPEN_TICKETS, countOpen(monthEndAt, false))
                    .put(SignalName.SUPPORT_ESCALATED_TICKETS, lastEscalated = countOpen(monthEndAt, true))
                    .put(SignalName.COMMERCIAL_MRR, mrr().doubleValue())
                    .put(SignalName.COMMERCIAL_PAYMENT_ISSUES, ra.nextDouble() < 0.03 + 0.05 * (1 - engagement) ? 1 : 0)
                    .put(SignalName.RELATIONSHIP_CHAMPION_PRESENT, champion ? 1 : 0)
                    .put(SignalName.RELATIONSHIP_EXECUTIVE_SPONSOR, sponsor ? 1 : 0);
            if (previousActiveUsers > 0) {
                snapshot.put(SignalName.USAGE_TREND_30D, (activeUsers - previousActiveUsers) / (double) previousActiveUsers);
            }
            previousActiveUsers = activeUsers;
            if (!recentNps.isEmpty()) {
                long promoters = recentNps.stream().filter(x -> x >= 9).count();
                long detractors = recentNps.stream().filter(x -> x <= 6).count();
                snapshot.put(SignalName.SENTIMENT_NPS, 100.0 * (promoters - detractors) / recentNps.size());
            }
            if (interval == BillingInterval.ANNUAL) {
                LocalDate renewal = firstStart;
                while (!renewal.isAfter(monthEnd)) {
                    renewal = renewal.plusYears(1);
                }
                snapshot.put(SignalName.COMMERCIAL_DAYS_TO_RENEWAL, renewal.toEpochDay() - monthEnd.toEpochDay());
            }
            out.signals.add(snapshot.build());
        }

        private BigDecimal mrr() {
            Money total = Money.zero(USD);
            for (RecurringCharge c : active.values()) {
                total = total.plus(c.mrr());
            }
            return total.amount();
        }

        private double countOpen(Instant at, boolean escalatedOnly) {
            int n = 0;
            for (SupportTicket t : openTickets) {
                if (t.isOpenAt(at) && (!escalatedOnly || t.escalated())) {
                    n++;
                }
            }
            openTickets.removeIf(t -> t.closedAt().isPresent() && !t.closedAt().get().isAfter(at));
            return n;
        }

        private void surveys(LocalDate monthStart, LocalDate monthEnd) {
            int days = monthStart.lengthOfMonth();
            if (monthStart.getMonthValue() % 3 == 0 && ra.nextDouble() < 0.4) {
                int respondents = 1 + ra.nextInt(3);
                for (int k = 0; k < respondents; k++) {
                    int score = clamp((int) Math.round(3 + 7 * engagement + 1.6 * gaussian(ra)), 0, 10);
                    out.surveys.add(SurveyResponse.nps(id, id.value() + "-u" + (1 + ra.nextInt(50)),
                            activityAt(monthStart.plusDays(ra.nextInt(days))), score));
                    recentNps.add(score);
                }
                while (recentNps.size() > 6) {
                    recentNps.remove(0);
                }
            }
            if (ra.nextDouble() < 0.08) {
                int score = clamp((int) Math.round(3 + 4 * engagement + gaussian(ra)), 1, 7);
                out.surveys.add(SurveyResponse.ces(id, id.value() + "-u" + (1 + ra.nextInt(50)),
                        activityAt(monthStart.plusDays(ra.nextInt(days))), score));
            }
        }

        private void tickets(LocalDate monthStart, LocalDate monthEnd, int seats) {
            int count = poisson(Math.sqrt(seats) * 0.12 * (1.6 - engagement));
            for (int k = 0; k < count; k++) {
                Instant opened = activityAt(monthStart.plusDays(ra.nextInt(monthStart.lengthOfMonth())));
                SupportTicket.Priority priority = SupportTicket.Priority.values()[ra.nextInt(4)];
                SupportTicket ticket = SupportTicket.open(id.value() + "-t" + (++tickets), id, opened, priority);
                if (ra.nextDouble() < 0.04 + 0.2 * (1 - engagement)) {
                    ticket = ticket.escalate();
                }
                Instant closed = opened.plus(Duration.ofHours(2 + ra.nextInt(24 * 12)));
                if (closed.isBefore(end.atStartOfDay().toInstant(ZoneOffset.UTC))) {
                    ticket = ticket.withStatus(SupportTicket.Status.CLOSED, closed);
                    if (ra.nextDouble() < 0.45) {
                        int score = clamp((int) Math.round(2.4 + 2.6 * engagement + 0.8 * gaussian(ra)), 1, 5);
                        out.surveys.add(SurveyResponse.csat(id, id.value() + "-u" + (1 + ra.nextInt(50)),
                                closed.plus(Duration.ofHours(1)), score));
                    }
                }
                out.tickets.add(ticket);
                openTickets.add(ticket);
            }
        }

        /**
         * The success plan of a current customer at the conversion or retention stage, from the most specific
         * matching template: onboarding plans start with the subscription, renewal plans 90 days before renewal.
         */
        Optional<SuccessPlan> plan(Account account) {
            if (active.isEmpty() || account.contract().isEmpty()) {
                return Optional.empty();
            }
            Optional<PlanTemplate> template = PlanTemplate.bestFor(account, TEMPLATES);
            if (template.isEmpty()) {
                return Optional.empty();
            }
            LocalDate planStart;
            if (template.get().stage().orElseThrow() == JourneyStage.RETENTION) {
                // Renewal plans are for annual contracts, from 90 days before the renewal date.
                planStart = account.contract().get().renewalDate().minusDays(90);
                if (interval != BillingInterval.ANNUAL || !planStart.isBefore(end)) {
                    return Optional.empty();
                }
            } else {
                planStart = firstStart;
            }
            Map<String, Double> current = new LinkedHashMap<>();
            template.get().goals().forEach(g -> current.put(g.metric(), switch (g.metric()) {
                case "licence_utilisation" -> lastUtilisation;
                case "feature_adoption_breadth" -> lastBreadth;
                case "escalated_tickets" -> lastEscalated;
                default -> g.baseline();
            }));
            SuccessPlan plan = template.get().instantiate("plan-" + account.id().value(), account, planStart, current);
            SuccessPlan.Builder b = plan.toBuilder();
            for (Milestone milestone : plan.milestones()) {
                if (milestone.dueDate().isBefore(end) && ra.nextDouble() < 0.6 + 0.4 * engagement) {
                    // Engaged customers finish on time or early; others finish late, if at all.
                    long slip = Math.round((0.5 - engagement) * 30 + 6 * gaussian(ra));
                    LocalDate done = milestone.dueDate().plusDays(slip);
                    if (done.isBefore(planStart)) {
                        done = planStart;
                    }
                    if (done.isBefore(end)) {
                        b.updateMilestone(milestone.completed(done));
                    }
                }
            }
            return Optional.of(b.build());
        }


        private void startMain(LocalDate monthStart, List<SubscriptionEvent> events, boolean trial) {
            String sub = id.value() + "-s" + (++subscriptions);
            LocalDate day = monthStart.plusDays(r.nextInt(monthStart.lengthOfMonth()));
            RecurringCharge charge = charge(model.plan(), model.unitPrice(), seats(), trial);
            events.add(SubscriptionEvent.start(id, sub, day, charge));
            active.put(sub, charge);
            lastEvent.put(sub, day);
            if (day.isBefore(firstStart)) {
                firstStart = day;
            }
            everPaid |= !trial;
        }

        private void step(LocalDate monthStart, LocalDate monthEnd, List<SubscriptionEvent> events) {
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
                    events.add(SubscriptionEvent.change(id, main, day, paid));
                    active.put(main, paid);
                    lastEvent.put(main, day);
                    everPaid = true;
                } else {
                    endAll(day, events, false);
                }
                return;
            }
            double u = r.nextDouble();
            double churn = churnHazard();
            double expansion = model.expansion() * (0.4 + engagement);
            double contraction = model.contraction() * (1.6 - engagement);
            if (u < churn) {
                LocalDate day = latestAllowedDay(monthStart, monthEnd);
                if (day != null) {
                    endAll(day, events, r.nextDouble() < 0.8);
                }
            } else if (u < churn + expansion) {
                changeSeats(main, mainCharge, monthStart, monthEnd, events, 1.1 + r.nextDouble() * 0.4);
            } else if (u < churn + expansion + contraction) {
                changeSeats(main, mainCharge, monthStart, monthEnd, events, 0.6 + r.nextDouble() * 0.3);
            } else if (u < churn + expansion + contraction + model.crossSell()) {
                crossSellOrDrop(monthStart, monthEnd, events);
            }
        }

        private void changeSeats(String sub, RecurringCharge current, LocalDate monthStart, LocalDate monthEnd,
                                 List<SubscriptionEvent> events, double factor) {
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
            events.add(SubscriptionEvent.change(id, sub, day, next));
            active.put(sub, next);
            lastEvent.put(sub, day);
        }

        private void crossSellOrDrop(LocalDate monthStart, LocalDate monthEnd, List<SubscriptionEvent> events) {
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
                events.add(SubscriptionEvent.start(id, sub, day, charge));
                active.put(sub, charge);
                lastEvent.put(sub, day);
            } else {
                LocalDate day = dayAfter(addon, monthStart, monthEnd);
                if (day != null) {
                    events.add(SubscriptionEvent.end(id, addon, day));
                    active.remove(addon);
                    lastEvent.remove(addon);
                }
            }
        }

        private void endAll(LocalDate day, List<SubscriptionEvent> events, boolean requested) {
            for (String sub : active.keySet()) {
                LocalDate last = lastEvent.get(sub);
                if (requested) {
                    // The request comes up to three weeks before service ends, never before the last change.
                    LocalDate asked = day.minusDays(r.nextInt(21));
                    if (!asked.isAfter(last)) {
                        asked = last.plusDays(1).isAfter(day) ? day : last.plusDays(1);
                    }
                    events.add(SubscriptionEvent.cancel(id, sub, asked, day));
                } else {
                    events.add(SubscriptionEvent.end(id, sub, day));
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

        private Optional<Contract> contract() {
            if (firstStart.equals(LocalDate.MAX)) {
                return Optional.empty();
            }
            Period term = interval == BillingInterval.ANNUAL ? Period.ofYears(1) : Period.ofMonths(1);
            LocalDate until = active.isEmpty() && !lastChurn.equals(LocalDate.MIN) ? lastChurn.minusDays(1) : end.minusDays(1);
            LocalDate termStart = firstStart;
            while (!termStart.plus(term).isAfter(until)) {
                termStart = termStart.plus(term);
            }
            return Optional.of(Contract.starting(termStart, term));
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

        private Instant activityAt(LocalDate day) {
            return day.atTime(9 + ra.nextInt(9), ra.nextInt(60)).toInstant(ZoneOffset.UTC);
        }

        private int clamp(int value, int min, int max) {
            return Math.max(min, Math.min(max, value));
        }
    }
}
