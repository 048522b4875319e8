/**
 * Kizuna's domain model: accounts, journeys, success plans, money, signals and events, and their JSON form.
 *
 * <p>Every type here is an immutable value, validated when it is built; nothing is {@code null}.
 */
module dev.kizuna.core {
    requires static transitive org.jspecify;
    requires transitive com.fasterxml.jackson.databind;

    exports dev.kizuna.core;
    exports dev.kizuna.core.journey;
    exports dev.kizuna.core.event;
    exports dev.kizuna.core.signal;
    exports dev.kizuna.core.plan;
    exports dev.kizuna.core.json;
    exports dev.kizuna.core.sample;
}
