/**
 * An example of a health model plugged into Kizuna from outside: gradient-boosted decision stumps for churn risk
 * ({@link dev.kizuna.examples.stumps.StumpsModel}), read from definitions of type {@code stumps} by
 * {@link dev.kizuna.examples.stumps.StumpsProvider}, and fitted by {@link dev.kizuna.examples.stumps.StumpBooster}.
 *
 * <p>It needs cs-health's SPI only. Put the jar on the class path or module path beside cs-health, and
 * {@code HealthModels.load()} (and so the {@code kizuna} tool) reads {@code type: stumps} definitions.
 */
// README: stumps-module BEGIN
module dev.kizuna.examples.stumps {
    requires transitive dev.kizuna.health;

    exports dev.kizuna.examples.stumps;

    provides dev.kizuna.health.HealthModelProvider with dev.kizuna.examples.stumps.StumpsProvider;
}
// README: stumps-module END
