/**
 * Kizuna's domain model: accounts, journeys, success plans, money, signals and events, and their JSON form.
 *
 * <p>Every type here is an immutable value, validated when it is built; nothing is {@code null}.
 */
@SuppressWarnings("module") // the qualified export names cs-metrics, which depends on this module, not the reverse
module dev.kizuna.core {
    requires static transitive org.jspecify;
    requires transitive com.fasterxml.jackson.databind;

    exports dev.kizuna.core;
    exports dev.kizuna.core.journey;
    exports dev.kizuna.core.event;
    exports dev.kizuna.core.signal;
    exports dev.kizuna.core.plan;
    exports dev.kizuna.core.json;
    // Kizuna's strict JSON reading, shared with the modules that add codecs of their own types.
    exports dev.kizuna.core.internal.json to dev.kizuna.metrics;
}
