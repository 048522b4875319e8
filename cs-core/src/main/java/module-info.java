/**
 * Kizuna's domain model: accounts, journeys, success plans, money, signals and events, and their JSON form.
 *
 * <p>Every type here is an immutable value, validated when it is built; nothing is {@code null}.
 */
@SuppressWarnings("module") // the qualified exports name modules that depend on this one, not the reverse
module dev.kizuna.core {
    requires static transitive org.jspecify;
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.csv;

    exports dev.kizuna.core;
    exports dev.kizuna.core.journey;
    exports dev.kizuna.core.event;
    exports dev.kizuna.core.signal;
    exports dev.kizuna.core.plan;
    exports dev.kizuna.core.json;
    exports dev.kizuna.core.csv;
    // Kizuna's strict JSON reading, shared with the modules that add codecs of their own types, read definitions
    // (the paths they report) or read request bodies.
    exports dev.kizuna.core.internal.json to dev.kizuna.metrics, dev.kizuna.health, dev.kizuna.examples.backend;
    // The argument checks, number formatting and "did you mean ...?" suggestions every module shares, so that
    // messages have one shape.
    exports dev.kizuna.core.internal to dev.kizuna.metrics, dev.kizuna.health, dev.kizuna.playbooks;
}
