package dev.kizuna.metrics.engagement;

import dev.kizuna.core.AccountId;
import dev.kizuna.metrics.DateRange;
import dev.kizuna.metrics.Ratio;
import dev.kizuna.metrics.ReportingPeriod;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngagementProperties {
    private static final LocalDate BASE = LocalDate.of(2024, 1, 1);
    private static final Set<String> KEY = Set.of("f0", "f1", "f2");

    /** Decodes each gene into an activity: account, user, day and optional feature. */
    private static List<UserActivity> activities(List<Integer> genes) {
        List<UserActivity> out = new ArrayList<>();
        for (int g : genes) {
            AccountId account = AccountId.of("a" + g % 3);
            String user = "u" + (g / 3) % 7;
            LocalDate day = BASE.plusDays((g / 21) % 70);
            int f = (g / 1470) % 5;
            out.add(f < 4 ? UserActivity.ofFeature(account, user, day, "f" + f) : UserActivity.of(account, user, day));
        }
        return out;
    }

    @Property
    void stickinessNeverExceedsOneHundredPercent(@ForAll @Size(max = 200) List<@IntRange(min = 0, max = 100_000) Integer> genes,
                                                @ForAll @IntRange(min = 1, max = 60) int days) {
        List<UserActivity> activity = activities(genes);
        DateRange window = DateRange.of(BASE, BASE.plusDays(days));
        Stickiness s = Stickiness.of(activity, window);
        s.ratio().ifPresent(r -> assertTrue(r.compareTo(Ratio.of(1, 1).orElseThrow()) <= 0, r.toString()));
        Stickiness.onDay(activity, BASE.plusDays(days)).ratio()
                .ifPresent(r -> assertTrue(r.compareTo(Ratio.of(1, 1).orElseThrow()) <= 0, r.toString()));
        assertEquals(ActiveUsers.count(activity, window), s.windowActive());
    }

    @Property
    void engagementDoesNotDependOnInputOrder(@ForAll @Size(max = 200) List<@IntRange(min = 0, max = 100_000) Integer> genes,
                                            @ForAll long seed) {
        List<UserActivity> activity = activities(genes);
        List<UserActivity> shuffled = new ArrayList<>(activity);
        Collections.shuffle(shuffled, new Random(seed));
        DateRange window = DateRange.of(BASE, BASE.plusDays(30));
        assertEquals(Stickiness.of(activity, window), Stickiness.of(shuffled, window));
        assertEquals(FeatureAdoption.of(activity, window, KEY), FeatureAdoption.of(shuffled, window, KEY));
        assertEquals(UsageTrend.of(activity, ReportingPeriod.WEEK, BASE, BASE.plusDays(69)),
                UsageTrend.of(shuffled, ReportingPeriod.WEEK, BASE, BASE.plusDays(69)));
        FeatureAdoption adoption = FeatureAdoption.of(activity, window, KEY);
        assertTrue(adoption.breadth().compareTo(Ratio.of(1, 1).orElseThrow()) <= 0);
    }
}
