package dev.kizuna.health.rollup;

import dev.kizuna.core.Account;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.CurrencyMismatchException;
import dev.kizuna.core.Money;
import dev.kizuna.health.HealthBand;
import dev.kizuna.health.HealthScore;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Rolls child accounts' health up to their parent. Stateless and thread-safe.
 */
public final class Rollup {
    private Rollup() {
    }

    /**
     * Rolls up the given children of {@code parent}.
     *
     * @throws CurrencyMismatchException if children give their ARR in different currencies
     * @throws IllegalArgumentException  if two children are the same account or a child is the parent
     */
    public static ParentHealth of(AccountId parent, List<ChildHealth> children) {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(children, "children");
        Optional<Currency> currency = Optional.empty();
        Set<AccountId> seen = new HashSet<>();
        double totalArr = 0;
        int scored = 0;
        double sum = 0;
        double weighted = 0;
        double scoredArr = 0;
        @Nullable AccountId worst = null;
        double worstValue = Double.NaN;
        // Bands keyed by (from, name) so that they list worst first, whatever mix of schemes the children use.
        Map<String, HealthBand> bandByName = new TreeMap<>();
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, double[]> arrs = new LinkedHashMap<>();
        for (ChildHealth c : children) {
            HealthScore s = c.score();
            AccountId child = s.account();
            if (child.equals(parent)) {
                throw new IllegalArgumentException("children: " + child + " is the parent itself");
            }
            if (!seen.add(child)) {
                throw new IllegalArgumentException("children: " + child + " is listed twice");
            }
            if (c.currency().isPresent()) {
                if (currency.isPresent() && !currency.get().equals(c.currency().get())) {
                    throw new CurrencyMismatchException("children: ARR in " + currency.get() + " and "
                            + c.currency().get() + " cannot be rolled up together");
                }
                currency = c.currency();
            }
            totalArr += c.arr();
            String key;
            if (s.isScored()) {
                double v = s.value().getAsDouble();
                scored++;
                sum += v;
                weighted += c.arr() * v;
                scoredArr += c.arr();
                if (worst == null || v < worstValue || (v == worstValue && child.compareTo(worst) < 0)) {
                    worst = child;
                    worstValue = v;
                }
                HealthBand band = s.band().orElseThrow();
                bandByName.putIfAbsent(band.name(), band);
                key = band.name();
            } else {
                key = BandShare.INSUFFICIENT_DATA;
            }
            counts.computeIfAbsent(key, k -> new int[1])[0]++;
            arrs.computeIfAbsent(key, k -> new double[1])[0] += c.arr();
        }
        List<String> order = new ArrayList<>(bandByName.keySet());
        order.sort(Comparator.comparingDouble((String n) -> bandByName.get(n).from()).thenComparing(n -> n));
        if (counts.containsKey(BandShare.INSUFFICIENT_DATA)) {
            order.add(BandShare.INSUFFICIENT_DATA);
        }
        List<BandShare> shares = new ArrayList<>(order.size());
        for (String name : order) {
            int n = counts.get(name)[0];
            double arr = arrs.get(name)[0];
            shares.add(new BandShare(name, n, (double) n / children.size(), arr,
                    totalArr > 0 ? Math.min(1, arr / totalArr) : 0));
        }
        return new ParentHealth(parent, children.size(), scored,
                scored > 0 ? OptionalDouble.of(sum / scored) : OptionalDouble.empty(),
                scoredArr > 0 ? OptionalDouble.of(weighted / scoredArr) : OptionalDouble.empty(),
                Optional.ofNullable(worst),
                worst == null ? OptionalDouble.empty() : OptionalDouble.of(worstValue),
                shares);
    }

    /**
     * Rolls up every parent of the given accounts: each account with a {@link Account#parent()} and a score is a
     * child of that parent. Parents are returned by id.
     *
     * @param scores the accounts' scores; accounts without one are left out
     * @param arr    each account's ARR
     */
    public static Map<AccountId, ParentHealth> byParent(Collection<Account> accounts, Map<AccountId, HealthScore> scores,
                                                        Function<Account, Money> arr) {
        Map<AccountId, List<ChildHealth>> children = new TreeMap<>();
        for (Account a : accounts) {
            HealthScore score = scores.get(a.id());
            if (a.parent().isEmpty() || score == null) {
                continue;
            }
            children.computeIfAbsent(a.parent().get(), k -> new ArrayList<>()).add(ChildHealth.of(score, arr.apply(a)));
        }
        Map<AccountId, ParentHealth> out = new TreeMap<>();
        for (Map.Entry<AccountId, List<ChildHealth>> e : children.entrySet()) {
            out.put(e.getKey(), of(e.getKey(), e.getValue()));
        }
        return out;
    }
}
