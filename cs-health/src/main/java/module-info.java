/**
 * Kizuna's health module. Its API packages are added by the issues that build them.
 */
module dev.kizuna.health {
    requires transitive dev.kizuna.core;
}
