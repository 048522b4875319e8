/**
 * Kizuna's health scores: the {@link dev.kizuna.health.HealthModel} SPI, the built-in weighted scorecard and
 * logistic churn models, explanations, bands, overrides, segment resolution, trends and parent rollups.
 *
 * <p>Providers of models are found with {@link java.util.ServiceLoader}; see
 * {@link dev.kizuna.health.HealthModels}.
 */
// The qualified export below names a module compiled later, which javac cannot see yet. Hipparchus has no module
// descriptor, so it is required as an automatic module by its file name.
@SuppressWarnings({"module", "requires-automatic"})
module dev.kizuna.health {
    requires transitive dev.kizuna.core;
    requires org.slf4j;
    requires hipparchus.core;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.yaml.snakeyaml;

    exports dev.kizuna.health;
    exports dev.kizuna.health.definition;
    exports dev.kizuna.health.scorecard;
    exports dev.kizuna.health.logistic;
    exports dev.kizuna.health.segment;
    exports dev.kizuna.health.override;
    exports dev.kizuna.health.trend;
    exports dev.kizuna.health.rollup;
    exports dev.kizuna.health.json;
    exports dev.kizuna.health.batch;
    exports dev.kizuna.health.outcome;
    exports dev.kizuna.health.backtest;
    exports dev.kizuna.health.fit;
    exports dev.kizuna.health.csv;
    // The machinery the playbook definitions share with the health ones (paths, signal declarations, suggestions).
    exports dev.kizuna.health.internal to dev.kizuna.playbooks;

    uses dev.kizuna.health.HealthModelProvider;

    provides dev.kizuna.health.HealthModelProvider with
            dev.kizuna.health.scorecard.ScorecardProvider,
            dev.kizuna.health.logistic.LogisticProvider;
}
