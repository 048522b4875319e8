package dev.kizuna.health.fit;

import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.batch.SignalFrame;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The domains a fit declares for the custom signals of the model it returns, inferred from the training values:
 * only 0 and 1 is {@link SignalDomain#FLAG}; whole numbers from 0 up, {@link SignalDomain#COUNT}; numbers from 0 up,
 * {@link SignalDomain#NON_NEGATIVE}; anything else, {@link SignalDomain#ANY}. Missing values (NaN) are ignored.
 */
final class InferredDomains {
    private InferredDomains() {
    }

    /** Returns the inferred domain of every custom signal among {@code signals}, each read from {@code frame}. */
    static SortedMap<SignalName, SignalDomain> of(List<SignalName> signals, SignalFrame frame) {
        SortedMap<SignalName, SignalDomain> out = new TreeMap<>();
        for (SignalName signal : signals) {
            if (!signal.isWellKnown()) {
                frame.column(signal).ifPresent(column -> out.put(signal, infer(column)));
            }
        }
        return out;
    }

    /** Returns the narrowest of FLAG, COUNT, NON_NEGATIVE and ANY that holds every finite value of {@code values}. */
    static SignalDomain infer(double[] values) {
        boolean flag = true;
        boolean whole = true;
        boolean nonNegative = true;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                continue;
            }
            flag &= v == 0 || v == 1;
            whole &= v == Math.rint(v);
            nonNegative &= v >= 0;
        }
        if (!nonNegative) {
            return SignalDomain.ANY;
        }
        if (flag) {
            return SignalDomain.FLAG;
        }
        return whole ? SignalDomain.COUNT : SignalDomain.NON_NEGATIVE;
    }
}
