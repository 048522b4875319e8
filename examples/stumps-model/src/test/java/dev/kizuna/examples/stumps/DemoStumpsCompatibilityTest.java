package dev.kizuna.examples.stumps;

import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.kit.HealthModelCompatibilityKit;

import java.util.List;

/** The shipped demo fit passes the compatibility kit on demo snapshots, every 500th one. */
class DemoStumpsCompatibilityTest extends HealthModelCompatibilityKit {

    @Override
    protected String definitionJson() {
        return DemoData.resource();
    }

    @Override
    protected List<SignalSnapshot> samples() {
        List<SignalSnapshot> all = DemoData.portfolio().signals();
        return java.util.stream.IntStream.range(0, all.size()).filter(i -> i % 500 == 0).mapToObj(all::get).toList();
    }
}
