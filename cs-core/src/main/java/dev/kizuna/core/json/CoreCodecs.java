package dev.kizuna.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kizuna.core.Account;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.Contract;
import dev.kizuna.core.Money;
import dev.kizuna.core.Owner;
import dev.kizuna.core.Segment;
import dev.kizuna.core.Tier;
import dev.kizuna.core.journey.JourneyHistory;
import dev.kizuna.core.journey.JourneyStage;
import dev.kizuna.core.journey.StageEntry;
import dev.kizuna.core.internal.json.JsonCodec;
import dev.kizuna.core.internal.json.JsonFields;
import dev.kizuna.core.internal.json.JsonIn;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Codecs of the account and its parts. */
final class CoreCodecs {
    private CoreCodecs() {
    }

    /** {@code {"amount": "12.50", "currency": "EUR"}}; the amount is written as a string to stay exact. */
    static final JsonCodec<Money> MONEY = new JsonCodec<>() {
        @Override
        public Money read(JsonIn in) {
            JsonFields f = in.fields();
            var amount = f.required("amount").decimal();
            String code = f.required("currency").text();
            f.finish();
            return in.build(() -> Money.of(amount, Money.currency(code)));
        }

        @Override
        public void write(Money value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("amount", value.toPlainString());
            out.writeStringField("currency", value.currency().getCurrencyCode());
            out.writeEndObject();
        }
    };

    static final JsonCodec<AccountId> ACCOUNT_ID = new JsonCodec<>() {
        @Override
        public AccountId read(JsonIn in) {
            String value = in.text();
            return in.build(() -> AccountId.of(value));
        }

        @Override
        public void write(AccountId value, JsonGenerator out) throws IOException {
            out.writeString(value.value());
        }
    };

    static final JsonCodec<Segment> SEGMENT = new JsonCodec<>() {
        @Override
        public Segment read(JsonIn in) {
            String value = in.text();
            return in.build(() -> Segment.of(value));
        }

        @Override
        public void write(Segment value, JsonGenerator out) throws IOException {
            out.writeString(value.name());
        }
    };

    static final JsonCodec<Tier> TIER = new JsonCodec<>() {
        @Override
        public Tier read(JsonIn in) {
            JsonFields f = in.fields();
            String name = f.required("name").text();
            int rank = f.required("rank").integer();
            f.finish();
            return in.build(() -> Tier.of(name, rank));
        }

        @Override
        public void write(Tier value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("name", value.name());
            out.writeNumberField("rank", value.rank());
            out.writeEndObject();
        }
    };

    static final JsonCodec<Owner> OWNER = new JsonCodec<>() {
        @Override
        public Owner read(JsonIn in) {
            JsonFields f = in.fields();
            String id = f.required("id").text();
            String name = f.required("name").text();
            f.finish();
            return in.build(() -> Owner.of(id, name));
        }

        @Override
        public void write(Owner value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("id", value.id());
            out.writeStringField("name", value.name());
            out.writeEndObject();
        }
    };

    static final JsonCodec<Contract> CONTRACT = new JsonCodec<>() {
        @Override
        public Contract read(JsonIn in) {
            JsonFields f = in.fields();
            var start = f.required("startDate").date();
            var renewal = f.required("renewalDate").date();
            JsonIn termIn = f.required("term");
            var term = termIn.period();
            // A term no contract may have is reported at its own path.
            termIn.build(() -> Contract.checkTerm(term));
            f.finish();
            return in.build(() -> new Contract(start, renewal, term));
        }

        @Override
        public void write(Contract value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("startDate", value.startDate().toString());
            out.writeStringField("renewalDate", value.renewalDate().toString());
            out.writeStringField("term", value.term().toString());
            out.writeEndObject();
        }
    };

    static final JsonCodec<StageEntry> STAGE_ENTRY = new JsonCodec<>() {
        @Override
        public StageEntry read(JsonIn in) {
            JsonFields f = in.fields();
            JourneyStage stage = f.required("stage").enumValue(JourneyStage.class);
            var at = f.required("enteredAt").instant();
            f.finish();
            return in.build(() -> StageEntry.of(stage, at));
        }

        @Override
        public void write(StageEntry value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("stage", value.stage().name());
            out.writeStringField("enteredAt", value.enteredAt().toString());
            out.writeEndObject();
        }
    };

    static final JsonCodec<JourneyHistory> JOURNEY = new JsonCodec<>() {
        @Override
        public JourneyHistory read(JsonIn in) {
            JsonFields f = in.fields();
            JsonIn entriesIn = f.required("entries");
            List<StageEntry> entries = entriesIn.list(STAGE_ENTRY);
            f.finish();
            // The history's own message names entries[i]; prefix it with the array's path.
            return entriesIn.build(() -> JourneyHistory.of(entries));
        }

        @Override
        public void write(JourneyHistory value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeArrayFieldStart("entries");
            for (StageEntry e : value.entries()) {
                STAGE_ENTRY.write(e, out);
            }
            out.writeEndArray();
            out.writeEndObject();
        }
    };

    static final JsonCodec<Account> ACCOUNT = new JsonCodec<>() {
        @Override
        public Account read(JsonIn in) {
            JsonFields f = in.fields();
            AccountId id = f.required("id").read(ACCOUNT_ID);
            String name = f.required("name").text();
            Account.Builder b = in.build(() -> Account.builder(id, name));
            b.segment(f.required("segment").read(SEGMENT));
            b.tier(f.required("tier").read(TIER));
            f.optional("owner").map(OWNER::read).ifPresent(b::owner);
            f.optional("parent").map(ACCOUNT_ID::read).ifPresent(b::parent);
            String currency = f.required("currency").text();
            in.build(() -> b.currency(currency));
            f.optional("contract").map(CONTRACT::read).ifPresent(b::contract);
            b.journey(f.required("journey").read(JOURNEY));
            f.optional("tags").ifPresent(tags -> {
                for (JsonIn tag : tags.list(t -> t)) {
                    String value = tag.text();
                    tag.build(() -> b.tag(value));
                }
            });
            f.optional("attributes").ifPresent(attributes -> {
                for (Map.Entry<String, JsonIn> e : attributes.fields().entries().entrySet()) {
                    String value = e.getValue().text();
                    e.getValue().build(() -> b.attribute(e.getKey(), value));
                }
            });
            f.finish();
            return in.build(b::build);
        }

        @Override
        public void write(Account value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("id", value.id().value());
            out.writeStringField("name", value.name());
            out.writeStringField("segment", value.segment().name());
            out.writeFieldName("tier");
            TIER.write(value.tier(), out);
            if (value.owner().isPresent()) {
                out.writeFieldName("owner");
                OWNER.write(value.owner().get(), out);
            }
            if (value.parent().isPresent()) {
                out.writeStringField("parent", value.parent().get().value());
            }
            out.writeStringField("currency", value.currency().getCurrencyCode());
            if (value.contract().isPresent()) {
                out.writeFieldName("contract");
                CONTRACT.write(value.contract().get(), out);
            }
            out.writeFieldName("journey");
            JOURNEY.write(value.journey(), out);
            out.writeArrayFieldStart("tags");
            for (String tag : value.tags()) {
                out.writeString(tag);
            }
            out.writeEndArray();
            out.writeObjectFieldStart("attributes");
            for (Map.Entry<String, String> e : value.attributes().entrySet()) {
                out.writeStringField(e.getKey(), e.getValue());
            }
            out.writeEndObject();
            out.writeEndObject();
        }
    };
}
