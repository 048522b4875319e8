/**
 * Kizuna's demo data: a deterministic synthetic customer portfolio for tests, benchmarks and examples. It is not
 * part of the library's API; depend on it in test scope.
 */
module dev.kizuna.sample {
    requires transitive dev.kizuna.core;

    exports dev.kizuna.sample;
}
