package dev.kizuna.health;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Small helpers shared by the health tests. */
public final class Fixtures {
    public static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
    public static final AccountId ACME = AccountId.of("acme");

    private Fixtures() {
    }

    /** A snapshot of {@code acme} at {@link #NOW} with name/value pairs. */
    public static SignalSnapshot snapshot(Object... nameValue) {
        return snapshot(ACME, nameValue);
    }

    public static SignalSnapshot snapshot(AccountId account, Object... nameValue) {
        Map<SignalName, Double> values = new TreeMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            values.put(SignalName.of((String) nameValue[i]), ((Number) nameValue[i + 1]).doubleValue());
        }
        return SignalSnapshot.of(account, NOW, values);
    }
}
