package dev.kizuna.examples.cli.report;

import dev.kizuna.core.Account;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.Portfolio;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.examples.cli.demo.DemoScorecard;
import dev.kizuna.health.Explanation;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthScore;
import dev.kizuna.health.rollup.BandDistribution;
import dev.kizuna.health.rollup.BandShare;
import dev.kizuna.health.rollup.ChildHealth;
import dev.kizuna.health.rollup.ParentHealth;
import dev.kizuna.health.rollup.Rollup;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The health section of {@code kizuna demo}: the current customers scored with the demo scorecard, their band
 * distribution, the ten riskiest accounts with their reasons, and the parents' rollups.
 */
public final class HealthSummary {
    /** How many of the riskiest accounts are listed. */
    public static final int RISKIEST = 10;

    private final Portfolio portfolio;

    public HealthSummary(Portfolio portfolio) {
        this.portfolio = portfolio;
    }

    /** The demo's health results, for printing and for tests. */
    public record Results(Instant asOf, HealthModel model, Map<AccountId, Explanation> explanations,
                   BandDistribution distribution, List<Explanation> riskiest, List<ParentHealth> parents) {
    }

    /**
     * Scores the current customers (the accounts with a snapshot at the portfolio's newest snapshot instant) as of
     * that instant, and rolls children up to their parents, weighting by ARR (12 times the MRR signal).
     */
    public Results results() {
        HealthModel model = DemoScorecard.model();
        Instant asOf = portfolio.signals().stream().map(SignalSnapshot::at).max(Comparator.naturalOrder())
                .orElse(portfolio.asOf().atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        Map<AccountId, Explanation> explanations = new TreeMap<>();
        Map<AccountId, SignalSnapshot> snapshots = new TreeMap<>();
        for (SignalSnapshot s : portfolio.latestSignals()) {
            if (s.at().equals(asOf)) {
                explanations.put(s.account(), model.explain(s, asOf));
                snapshots.put(s.account(), s);
            }
        }
        List<HealthScore> scores = explanations.values().stream().map(Explanation::score).toList();
        List<Explanation> riskiest = new ArrayList<>(explanations.values());
        riskiest.sort(Comparator.comparing(Explanation::score, BandDistribution.BY_RISK));

        Map<AccountId, List<ChildHealth>> children = new TreeMap<>();
        for (Account a : portfolio.accounts()) {
            Explanation e = explanations.get(a.id());
            if (a.parent().isPresent() && e != null) {
                double arr = 12 * snapshots.get(a.id()).value(SignalName.COMMERCIAL_MRR).orElse(0);
                children.computeIfAbsent(a.parent().get(), p -> new ArrayList<>()).add(ChildHealth.of(e.score(), arr));
            }
        }
        List<ParentHealth> parents = new ArrayList<>();
        children.forEach((parent, list) -> parents.add(Rollup.of(parent, list)));
        parents.sort(Comparator.comparingDouble((ParentHealth p) -> p.arrWeighted().orElse(Double.MAX_VALUE))
                .thenComparing(ParentHealth::parent));
        return new Results(asOf, model, explanations, BandDistribution.of(scores, model.bands()),
                List.copyOf(riskiest.subList(0, Math.min(RISKIEST, riskiest.size()))), parents);
    }

    public void print(PrintWriter w) {
        Results r = results();
        Map<AccountId, Account> accounts = portfolio.accountsById();
        w.println();
        w.printf("Health on %s: the %,d current customers' latest snapshots, scored by the demo scorecard (%s)%n",
                r.asOf(), r.explanations().size(), r.model().id());
        for (Map.Entry<String, Integer> e : r.distribution().counts().entrySet()) {
            double share = r.distribution().share(e.getKey());
            w.printf("  %-18s %,6d %6.1f%%  %s%n", e.getKey(), e.getValue(), 100 * share,
                    "#".repeat((int) Math.round(share * 50)));
        }
        w.printf("  %-18s %,6d%n", "insufficient data", r.distribution().insufficient());
        w.println();
        w.println("  The " + RISKIEST + " riskiest accounts");
        for (Explanation e : r.riskiest()) {
            Account a = accounts.get(e.score().account());
            w.printf("    %-10s %-22s %-11s %s%n", a.id(), a.name(), a.segment(), e.reason());
        }
        w.println();
        w.printf("  Parents' health rolled up from their children (%d parents; ARR = 12 x the MRR signal),"
                + " riskiest first%n", r.parents().size());
        w.printf("    %-10s %-22s %8s %6s %9s  %-18s %s%n", "parent", "name", "children", "mean", "ARR-wtd",
                "worst child", "children (share of ARR) by band");
        for (ParentHealth p : r.parents()) {
            Account a = accounts.get(p.parent());
            String worst = p.worstChild().map(c -> c + " " + fixed(p.worstValue())).orElse("-");
            List<String> shares = new ArrayList<>();
            for (BandShare s : p.bands()) {
                shares.add(String.format("%s %d (%.0f%%)", s.band(), s.children(), 100 * s.arrShare()));
            }
            w.printf("    %-10s %-22s %8d %6s %9s  %-18s %s%n", p.parent(),
                    a == null ? "" : a.name(), p.children(), fixed(p.mean()), fixed(p.arrWeighted()), worst,
                    String.join(", ", shares));
        }
    }

    private static String fixed(OptionalDouble value) {
        return value.isPresent() ? String.format("%.2f", value.getAsDouble()) : "-";
    }
}
