package dev.kizuna.metrics.testing;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Money;
import dev.kizuna.core.event.BillingInterval;
import dev.kizuna.core.event.Discount;
import dev.kizuna.core.event.RecurringCharge;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.metrics.revenue.ChurnRecognition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Test fixtures: decodes a list of small integers ("genes", which jqwik generates and shrinks) into a valid list of
 * subscription events, and computes MRR the slow, obvious way to check the ledger against.
 */
public final class Portfolios {
    public static final LocalDate BASE = LocalDate.of(2023, 1, 1);
    // 5,000,000.01 x 4 seats is beyond the ledger's long fast path (about 9.2 million), so the BigDecimal path is tested too.
    private static final String[] PRICES = {"0", "10", "19.99", "100", "300", "49.5", "5000000.01"};
    private static final BillingInterval[] INTERVALS = BillingInterval.values();

    private final List<Integer> genes;
    private int next;

    private Portfolios(List<Integer> genes) {
        this.genes = genes;
    }

    private int gene(int bound) {
        int g = next < genes.size() ? genes.get(next) : 0;
        next++;
        return Math.floorMod(g, bound);
    }

    /** Decodes genes into events for 1 to 5 accounts; every event list it returns is valid. */
    public static List<SubscriptionEvent> decode(List<Integer> genes) {
        return new Portfolios(genes).events("acct-");
    }

    /** Decodes genes into events of accounts whose ids start with {@code prefix}. */
    public static List<SubscriptionEvent> decode(List<Integer> genes, String prefix) {
        return new Portfolios(genes).events(prefix);
    }

    private List<SubscriptionEvent> events(String prefix) {
        List<SubscriptionEvent> events = new ArrayList<>();
        int accounts = 1 + gene(5);
        for (int a = 0; a < accounts; a++) {
            AccountId account = AccountId.of(prefix + a);
            int subscriptions = 1 + gene(3);
            for (int s = 0; s < subscriptions; s++) {
                String id = "sub-" + s;
                int day = gene(400);
                int runs = 1 + gene(2);
                for (int run = 0; run < runs; run++) {
                    events.add(SubscriptionEvent.start(account, id, BASE.plusDays(day), charge()));
                    int changes = gene(4);
                    for (int c = 0; c < changes; c++) {
                        day += 1 + gene(90);
                        events.add(SubscriptionEvent.change(account, id, BASE.plusDays(day), charge()));
                    }
                    int end = gene(3);
                    if (end == 0) {
                        break;
                    }
                    day += 1 + gene(60);
                    LocalDate effective = BASE.plusDays(day);
                    if (end == 1) {
                        events.add(SubscriptionEvent.cancel(account, id, effective.minusDays(gene(120)), effective));
                    } else {
                        events.add(SubscriptionEvent.end(account, id, effective));
                    }
                    day += 1 + gene(100);
                }
            }
        }
        return events;
    }

    private RecurringCharge charge() {
        Money price = Money.of(PRICES[gene(PRICES.length)], "EUR");
        int quantity = 1 + gene(4);
        BillingInterval interval = INTERVALS[gene(INTERVALS.length)];
        Discount discount = switch (gene(4)) {
            case 0 -> Discount.percent(new BigDecimal("10"));
            case 1 -> Discount.percent(new BigDecimal("33.3"));
            case 2 -> Discount.amount(Money.of("5", "EUR"));
            default -> Discount.none();
        };
        boolean trial = gene(6) == 0;
        return new RecurringCharge("plan-" + gene(3), price, quantity, interval, discount, trial);
    }

    /** Returns a trial-only account: it never pays. */
    public static List<SubscriptionEvent> neverPaying(String account) {
        AccountId id = AccountId.of(account);
        RecurringCharge trial = new RecurringCharge("trial", Money.of("99", "EUR"), 3, BillingInterval.MONTHLY,
                Discount.none(), true);
        return List.of(
                SubscriptionEvent.start(id, "t", BASE.plusDays(10), trial),
                SubscriptionEvent.change(id, "t", BASE.plusDays(20), trial),
                SubscriptionEvent.end(id, "t", BASE.plusDays(40)));
    }

    /** Returns the events shuffled with a seed. */
    public static List<SubscriptionEvent> shuffled(List<SubscriptionEvent> events, long seed) {
        List<SubscriptionEvent> copy = new ArrayList<>(events);
        Collections.shuffle(copy, new Random(seed));
        return copy;
    }

    /**
     * Returns each account's MRR amount on {@code date}, computed naively: for every subscription, the charge of the
     * last event in effect that day.
     */
    public static Map<AccountId, BigDecimal> naiveMrr(List<SubscriptionEvent> events, LocalDate date,
                                                      ChurnRecognition recognition) {
        Map<String, List<SubscriptionEvent>> bySubscription = new TreeMap<>();
        for (SubscriptionEvent e : events) {
            bySubscription.computeIfAbsent(e.account() + "/" + e.subscriptionId(), k -> new ArrayList<>()).add(e);
        }
        Map<AccountId, BigDecimal> mrr = new TreeMap<>();
        for (List<SubscriptionEvent> timeline : bySubscription.values()) {
            timeline.sort(Comparator.comparing(SubscriptionEvent::effectiveDate).thenComparing(SubscriptionEvent::kind));
            BigDecimal value = BigDecimal.ZERO;
            LocalDate runStart = null;
            LocalDate cutoff = null;
            for (int i = 0; i < timeline.size(); i++) {
                SubscriptionEvent e = timeline.get(i);
                LocalDate when = e.effectiveDate();
                if (e.kind() == SubscriptionEvent.Kind.START) {
                    runStart = when;
                    cutoff = null;
                    if (recognition == ChurnRecognition.CANCELLATION_REQUEST) {
                        for (int t = i + 1; t < timeline.size(); t++) {
                            SubscriptionEvent later = timeline.get(t);
                            if (later.kind() == SubscriptionEvent.Kind.CANCEL) {
                                cutoff = later.recordedOn().isAfter(runStart) ? later.recordedOn() : runStart;
                                break;
                            }
                            if (later.kind() != SubscriptionEvent.Kind.CHANGE) {
                                break;
                            }
                        }
                    }
                }
                if (e.kind() == SubscriptionEvent.Kind.CHANGE && cutoff != null && !when.isBefore(cutoff)) {
                    continue;
                }
                if (e.kind() == SubscriptionEvent.Kind.CANCEL && cutoff != null) {
                    when = cutoff;
                }
                if (when.isAfter(date)) {
                    continue;
                }
                value = e.charge().map(c -> c.mrr().amount()).orElse(BigDecimal.ZERO);
            }
            mrr.merge(timeline.get(0).account(), value, BigDecimal::add);
        }
        return mrr;
    }

    /** Returns the total naive MRR on {@code date}. */
    public static BigDecimal naiveTotal(List<SubscriptionEvent> events, LocalDate date, ChurnRecognition recognition) {
        return naiveMrr(events, date, recognition).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
