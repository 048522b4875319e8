package dev.kizuna.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.signal.SignalHistory;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.core.internal.json.JsonCodec;
import dev.kizuna.core.internal.json.JsonFields;
import dev.kizuna.core.internal.json.JsonIn;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Codecs of the signal names, snapshots and histories in {@code dev.kizuna.core.signal}. */
final class SignalCodecs {
    private SignalCodecs() {
    }

    static final JsonCodec<SignalName> SIGNAL_NAME = new JsonCodec<>() {
        @Override
        public SignalName read(JsonIn in) {
            String value = in.text();
            return in.build(() -> SignalName.of(value));
        }

        @Override
        public void write(SignalName value, JsonGenerator out) throws IOException {
            out.writeString(value.value());
        }
    };

    /**
     * {@code {"account": "a-1", "at": "...", "values": {"usage.active_users": 42.0, ...}}}; a bad name, a value that is
     * not a finite number or one outside its signal's domain fails at its own path, such as
     * {@code $.values['usage.active_users']}.
     */
    static final JsonCodec<SignalSnapshot> SIGNAL_SNAPSHOT = new JsonCodec<>() {
        @Override
        public SignalSnapshot read(JsonIn in) {
            JsonFields f = in.fields();
            AccountId account = f.required("account").read(CoreCodecs.ACCOUNT_ID);
            Instant at = f.required("at").instant();
            SignalSnapshot.Builder b = in.build(() -> SignalSnapshot.builder(account, at));
            for (Map.Entry<String, JsonIn> e : f.required("values").fields().entries().entrySet()) {
                JsonIn valueIn = e.getValue();
                SignalName name = valueIn.build(() -> SignalName.of(e.getKey()));
                double value = valueIn.number();
                // A value outside its signal's domain is rejected at its own path.
                valueIn.build(() -> b.put(name, value));
            }
            f.finish();
            return in.build(b::build);
        }

        @Override
        public void write(SignalSnapshot value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("account", value.account().value());
            out.writeStringField("at", value.at().toString());
            out.writeObjectFieldStart("values");
            for (Map.Entry<SignalName, Double> e : value.values().entrySet()) {
                out.writeNumberField(e.getKey().value(), e.getValue());
            }
            out.writeEndObject();
            out.writeEndObject();
        }
    };

    static final JsonCodec<SignalHistory> SIGNAL_HISTORY = new JsonCodec<>() {
        @Override
        public SignalHistory read(JsonIn in) {
            JsonFields f = in.fields();
            AccountId account = f.required("account").read(CoreCodecs.ACCOUNT_ID);
            JsonIn snapshotsIn = f.required("snapshots");
            List<SignalSnapshot> snapshots = snapshotsIn.list(SIGNAL_SNAPSHOT);
            f.finish();
            // The history's own message names snapshots[i]; prefix it with the array's path.
            return snapshotsIn.build(() -> SignalHistory.of(account, snapshots));
        }

        @Override
        public void write(SignalHistory value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("account", value.account().value());
            out.writeArrayFieldStart("snapshots");
            for (SignalSnapshot s : value.snapshots()) {
                SIGNAL_SNAPSHOT.write(s, out);
            }
            out.writeEndArray();
            out.writeEndObject();
        }
    };
}
