/**
 * Kizuna's metrics module. Its API packages are added by the issues that build them.
 */
module dev.kizuna.metrics {
    requires transitive dev.kizuna.core;

    exports dev.kizuna.metrics;
    exports dev.kizuna.metrics.revenue;
    exports dev.kizuna.metrics.retention;
    exports dev.kizuna.metrics.voc;
    exports dev.kizuna.metrics.engagement;
    exports dev.kizuna.metrics.cohort;
}
