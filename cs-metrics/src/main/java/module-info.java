/**
 * Kizuna's metrics module. Its API packages are added by the issues that build them.
 */
@SuppressWarnings("requires-automatic")
module dev.kizuna.metrics {
    requires transitive dev.kizuna.core;
    requires hipparchus.core;
    requires hipparchus.optim;

    exports dev.kizuna.metrics.clv;
}
