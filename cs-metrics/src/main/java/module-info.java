/**
 * Kizuna's metrics: the calculators CS teams report (MRR movements, churn, GRR/NRR, unit economics, voice of the
 * customer, engagement, cohorts and survival) and the probabilistic CLV models (BG/NBD, Pareto/NBD, Gamma-Gamma,
 * sBG).
 *
 * <p>Hipparchus has no module descriptor, so it is required as an automatic module by its file name.
 */
@SuppressWarnings("requires-automatic")
module dev.kizuna.metrics {
    requires transitive dev.kizuna.core;
    requires hipparchus.core;

    exports dev.kizuna.metrics;
    exports dev.kizuna.metrics.revenue;
    exports dev.kizuna.metrics.retention;
    exports dev.kizuna.metrics.voc;
    exports dev.kizuna.metrics.engagement;
    exports dev.kizuna.metrics.cohort;
    exports dev.kizuna.metrics.clv;
    exports dev.kizuna.metrics.json;
}
