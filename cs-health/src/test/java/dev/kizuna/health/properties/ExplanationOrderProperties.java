package dev.kizuna.health.properties;

import dev.kizuna.core.AccountId;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.Contribution;
import dev.kizuna.health.Explanation;
import dev.kizuna.health.HealthScore;
import dev.kizuna.health.ModelId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The drivers of an explanation are ordered as documented, whichever way {@link Explanation#of} orders them: pulling
 * down, a cap first, then the most negative impact, then the id; lifting, the largest impact, then the id. Checked
 * against a plain comparator sort, with impacts on a coarse grid so that ties (decided by id) are common, and with
 * more contributions than the counting path takes.
 */
class ExplanationOrderProperties {
    private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");

    @Property
    void driversAreOrderedAsDocumented(
            @ForAll @Size(min = 1, max = 80) List<@IntRange(min = -6, max = 6) Integer> impacts,
            @ForAll @Size(min = 80, max = 80) List<@IntRange(min = 0, max = 9) Integer> kinds) {
        List<Contribution> contributions = new ArrayList<>();
        for (int i = 0; i < impacts.size(); i++) {
            boolean cap = kinds.get(i) == 0;
            double impact = cap ? -Math.abs(impacts.get(i)) : impacts.get(i);
            // Ids in an order unrelated to their position, so that the id tie-break is tested.
            String id = "c" + ((i * 37) % 101);
            contributions.add(Contribution.of(id, id, cap ? Contribution.Kind.CAP : Contribution.Kind.INPUT,
                    Optional.empty(), Double.NaN, Double.NaN, 0, 0, impact / 2.0));
        }
        contributions.add(Contribution.of("rest", "rest", Contribution.Kind.INPUT, Optional.empty(), Double.NaN,
                Double.NaN, 0, 50, 0));
        HealthScore score = new HealthScore(AccountId.of("a"), ModelId.of("m", "1"), NOW, NOW,
                HealthScore.Status.SCORED, java.util.OptionalDouble.of(50),
                Optional.of(BandScheme.standard().bandOf(50)), contributions, 1, List.of(), Optional.empty());

        Explanation e = Explanation.of(score, List.of());

        Comparator<Contribution> byId = Comparator.comparing(Contribution::id);
        List<Contribution> down = new ArrayList<>();
        List<Contribution> up = new ArrayList<>();
        for (Contribution c : contributions) {
            if (c.impact() < 0 || (c.kind() == Contribution.Kind.CAP && c.points() < 0)) {
                down.add(c);
            } else if (c.impact() > 0) {
                up.add(c);
            }
        }
        down.sort(Comparator.comparing((Contribution c) -> c.kind() != Contribution.Kind.CAP)
                .thenComparingDouble(Contribution::impact).thenComparing(byId));
        up.sort(Comparator.comparingDouble((Contribution c) -> -c.impact()).thenComparing(byId));
        assertEquals(ids(down), ids(e.pullingDown()));
        assertEquals(ids(up), ids(e.lifting()));
    }

    private static List<String> ids(List<Contribution> list) {
        List<String> ids = new ArrayList<>();
        list.forEach(c -> ids.add(c.id()));
        return ids;
    }
}
