/**
 * Kizuna's playbooks module. Its API packages are added by the issues that build them.
 */
module dev.kizuna.playbooks {
    requires transitive dev.kizuna.core;
    requires transitive dev.kizuna.health;
}
