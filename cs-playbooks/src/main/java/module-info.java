/**
 * Kizuna's playbooks: typed conditions over an account's health, signals, renewal, journey, success plan and
 * surveys; rules and playbooks with owned actions; a compiled, thread-safe engine with a trace of why each rule
 * fired or not, one voice per customer and control groups; playbook definitions as JSON or YAML data; and the
 * starter playbooks of customer-success practice.
 *
 * <p>Hipparchus has no module descriptor, so it is required as an automatic module by its file name.
 */
@SuppressWarnings("requires-automatic")
module dev.kizuna.playbooks {
    requires transitive dev.kizuna.core;
    requires transitive dev.kizuna.health;
    requires hipparchus.core;

    exports dev.kizuna.playbooks;
    exports dev.kizuna.playbooks.engine;
    exports dev.kizuna.playbooks.evaluation;
    exports dev.kizuna.playbooks.json;
    exports dev.kizuna.playbooks.log;
    exports dev.kizuna.playbooks.control;
    exports dev.kizuna.playbooks.definition;
    exports dev.kizuna.playbooks.starter;
}
