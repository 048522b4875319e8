/**
 * Kizuna's metrics module. Its API packages are added by the issues that build them.
 */
module dev.kizuna.metrics {
    requires transitive dev.kizuna.core;
}
