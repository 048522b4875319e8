/**
 * Kizuna inside a backend: a small HTTP service on the JDK's built-in server that scores health, recommends playbook
 * actions and computes revenue metrics. See {@link dev.kizuna.examples.backend.KizunaService}.
 */
module dev.kizuna.examples.backend {
    requires jdk.httpserver;
    requires dev.kizuna.core;
    requires transitive dev.kizuna.health;
    requires transitive dev.kizuna.playbooks;
    requires dev.kizuna.metrics;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports dev.kizuna.examples.backend;
}
