package dev.kizuna.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.Money;
import dev.kizuna.core.event.ActivityRecord;
import dev.kizuna.core.event.BillingInterval;
import dev.kizuna.core.event.Discount;
import dev.kizuna.core.event.Purchase;
import dev.kizuna.core.event.RecurringCharge;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.core.event.SupportTicket;
import dev.kizuna.core.event.SurveyResponse;
import dev.kizuna.core.event.SurveyScale;
import dev.kizuna.core.event.UsagePeriod;
import dev.kizuna.core.event.UsageRecord;
import dev.kizuna.core.internal.json.JsonCodec;
import dev.kizuna.core.internal.json.JsonFields;
import dev.kizuna.core.internal.json.JsonIn;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** Codecs of the events and records in {@code dev.kizuna.core.event}. */
final class EventCodecs {
    private EventCodecs() {
    }

    /** An enum written as its {@code name()}, read strictly by name. */
    static <E extends Enum<E>> JsonCodec<E> enumCodec(Class<E> type) {
        return new JsonCodec<>() {
            @Override
            public E read(JsonIn in) {
                return in.enumValue(type);
            }

            @Override
            public void write(E value, JsonGenerator out) throws IOException {
                out.writeString(value.name());
            }
        };
    }

    static final JsonCodec<BillingInterval> BILLING_INTERVAL = enumCodec(BillingInterval.class);
    static final JsonCodec<SubscriptionEvent.Kind> SUBSCRIPTION_KIND = enumCodec(SubscriptionEvent.Kind.class);
    static final JsonCodec<UsagePeriod> USAGE_PERIOD = enumCodec(UsagePeriod.class);
    static final JsonCodec<SurveyResponse.Kind> SURVEY_KIND = enumCodec(SurveyResponse.Kind.class);
    static final JsonCodec<SupportTicket.Priority> TICKET_PRIORITY = enumCodec(SupportTicket.Priority.class);
    static final JsonCodec<SupportTicket.Status> TICKET_STATUS = enumCodec(SupportTicket.Status.class);

    /**
     * {@code {"percentOff": "10"}} or {@code {"percentOff": "0", "amountOff": {money}}}; the percentage is written as
     * a string to stay exact, and is required so that a discount never defaults silently.
     */
    static final JsonCodec<Discount> DISCOUNT = new JsonCodec<>() {
        @Override
        public Discount read(JsonIn in) {
            JsonFields f = in.fields();
            BigDecimal percentOff = f.required("percentOff").decimal();
            Optional<Money> amountOff = f.optional("amountOff").map(CoreCodecs.MONEY::read);
            f.finish();
            return in.build(() -> new Discount(percentOff, amountOff));
        }

        @Override
        public void write(Discount value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("percentOff", value.percentOff().toPlainString());
            if (value.amountOff().isPresent()) {
                out.writeFieldName("amountOff");
                CoreCodecs.MONEY.write(value.amountOff().get(), out);
            }
            out.writeEndObject();
        }
    };

    static final JsonCodec<RecurringCharge> RECURRING_CHARGE = new JsonCodec<>() {
        @Override
        public RecurringCharge read(JsonIn in) {
            JsonFields f = in.fields();
            String plan = f.required("plan").text();
            Money unitPrice = f.required("unitPrice").read(CoreCodecs.MONEY);
            int quantity = f.required("quantity").integer();
            BillingInterval interval = f.required("interval").read(BILLING_INTERVAL);
            Discount discount = f.required("discount").read(DISCOUNT);
            boolean trial = f.required("trial").bool();
            f.finish();
            return in.build(() -> new RecurringCharge(plan, unitPrice, quantity, interval, discount, trial));
        }

        @Override
        public void write(RecurringCharge value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("plan", value.plan());
            out.writeFieldName("unitPrice");
            CoreCodecs.MONEY.write(value.unitPrice(), out);
            out.writeNumberField("quantity", value.quantity());
            out.writeStringField("interval", value.interval().name());
            out.writeFieldName("discount");
            DISCOUNT.write(value.discount(), out);
            out.writeBooleanField("trial", value.trial());
            out.writeEndObject();
        }
    };

    static final JsonCodec<SubscriptionEvent> SUBSCRIPTION_EVENT = new JsonCodec<>() {
        @Override
        public SubscriptionEvent read(JsonIn in) {
            JsonFields f = in.fields();
            AccountId account = f.required("account").read(CoreCodecs.ACCOUNT_ID);
            String subscriptionId = f.required("subscriptionId").text();
            SubscriptionEvent.Kind kind = f.required("kind").read(SUBSCRIPTION_KIND);
            LocalDate effectiveDate = f.required("effectiveDate").date();
            LocalDate recordedOn = f.required("recordedOn").date();
            Optional<RecurringCharge> charge = f.optional("charge").map(RECURRING_CHARGE::read);
            f.finish();
            return in.build(() -> new SubscriptionEvent(account, subscriptionId, kind, effectiveDate, recordedOn, charge));
        }

        @Override
        public void write(SubscriptionEvent value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("account", value.account().value());
            out.writeStringField("subscriptionId", value.subscriptionId());
            out.writeStringField("kind", value.kind().name());
            out.writeStringField("effectiveDate", value.effectiveDate().toString());
            out.writeStringField("recordedOn", value.recordedOn().toString());
            if (value.charge().isPresent()) {
                out.writeFieldName("charge");
                RECURRING_CHARGE.write(value.charge().get(), out);
            }
            out.writeEndObject();
        }
    };

    static final JsonCodec<Purchase> PURCHASE = new JsonCodec<>() {
        @Override
        public Purchase read(JsonIn in) {
            JsonFields f = in.fields();
            AccountId customer = f.required("customer").read(CoreCodecs.ACCOUNT_ID);
            LocalDate date = f.required("date").date();
            Money amount = f.required("amount").read(CoreCodecs.MONEY);
            f.finish();
            return in.build(() -> Purchase.of(customer, date, amount));
        }

        @Override
        public void write(Purchase value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("customer", value.customer().value());
            out.writeStringField("date", value.date().toString());
            out.writeFieldName("amount");
            CoreCodecs.MONEY.write(value.amount(), out);
            out.writeEndObject();
        }
    };

    /** {@code featureUse} may be omitted when no feature was reported; it is always written. */
    static final JsonCodec<UsageRecord> USAGE_RECORD = new JsonCodec<>() {
        @Override
        public UsageRecord read(JsonIn in) {
            JsonFields f = in.fields();
            AccountId account = f.required("account").read(CoreCodecs.ACCOUNT_ID);
            LocalDate date = f.required("date").date();
            UsagePeriod period = f.required("period").read(USAGE_PERIOD);
            UsageRecord.Builder b = in.build(() -> UsageRecord.builder(account, date, period));
            b.activeUsers(f.required("activeUsers").integer());
            f.optional("licensedSeats").map(JsonIn::integer).ifPresent(b::licensedSeats);
            b.logins(f.required("logins").longInteger());
            f.optional("sessions").map(JsonIn::longInteger).ifPresent(b::sessions);
            f.optional("featureUse").ifPresent(features -> {
                for (Map.Entry<String, JsonIn> e : features.fields().entries().entrySet()) {
                    b.featureUse(e.getKey(), e.getValue().longInteger());
                }
            });
            f.finish();
            return in.build(b::build);
        }

        @Override
        public void write(UsageRecord value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("account", value.account().value());
            out.writeStringField("date", value.date().toString());
            out.writeStringField("period", value.period().name());
            out.writeNumberField("activeUsers", value.activeUsers());
            if (value.licensedSeats().isPresent()) {
                out.writeNumberField("licensedSeats", value.licensedSeats().getAsInt());
            }
            out.writeNumberField("logins", value.logins());
            if (value.sessions().isPresent()) {
                out.writeNumberField("sessions", value.sessions().getAsLong());
            }
            out.writeObjectFieldStart("featureUse");
            for (Map.Entry<String, Long> e : value.featureUse().entrySet()) {
                out.writeNumberField(e.getKey(), e.getValue());
            }
            out.writeEndObject();
            out.writeEndObject();
        }
    };

    static final JsonCodec<ActivityRecord> ACTIVITY_RECORD = new JsonCodec<>() {
        @Override
        public ActivityRecord read(JsonIn in) {
            JsonFields f = in.fields();
            AccountId account = f.required("account").read(CoreCodecs.ACCOUNT_ID);
            String userId = f.required("userId").text();
            Instant at = f.required("at").instant();
            String type = f.required("type").text();
            Optional<String> feature = f.optional("feature").map(JsonIn::text);
            f.finish();
            return in.build(() -> new ActivityRecord(account, userId, at, type, feature));
        }

        @Override
        public void write(ActivityRecord value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("account", value.account().value());
            out.writeStringField("userId", value.userId());
            out.writeStringField("at", value.at().toString());
            out.writeStringField("type", value.type());
            if (value.feature().isPresent()) {
                out.writeStringField("feature", value.feature().get());
            }
            out.writeEndObject();
        }
    };

    static final JsonCodec<SurveyScale> SURVEY_SCALE = new JsonCodec<>() {
        @Override
        public SurveyScale read(JsonIn in) {
            JsonFields f = in.fields();
            int min = f.required("min").integer();
            int max = f.required("max").integer();
            f.finish();
            return in.build(() -> SurveyScale.of(min, max));
        }

        @Override
        public void write(SurveyScale value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeNumberField("min", value.min());
            out.writeNumberField("max", value.max());
            out.writeEndObject();
        }
    };

    /** The scale is required, even for NPS, so that a score is never read on a guessed scale. */
    static final JsonCodec<SurveyResponse> SURVEY_RESPONSE = new JsonCodec<>() {
        @Override
        public SurveyResponse read(JsonIn in) {
            JsonFields f = in.fields();
            AccountId account = f.required("account").read(CoreCodecs.ACCOUNT_ID);
            String respondentId = f.required("respondentId").text();
            Instant answeredAt = f.required("answeredAt").instant();
            SurveyResponse.Kind kind = f.required("kind").read(SURVEY_KIND);
            SurveyScale scale = f.required("scale").read(SURVEY_SCALE);
            int score = f.required("score").integer();
            Optional<String> comment = f.optional("comment").map(JsonIn::text);
            f.finish();
            return in.build(() -> new SurveyResponse(account, respondentId, answeredAt, kind, scale, score, comment));
        }

        @Override
        public void write(SurveyResponse value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("account", value.account().value());
            out.writeStringField("respondentId", value.respondentId());
            out.writeStringField("answeredAt", value.answeredAt().toString());
            out.writeStringField("kind", value.kind().name());
            out.writeFieldName("scale");
            SURVEY_SCALE.write(value.scale(), out);
            out.writeNumberField("score", value.score());
            if (value.comment().isPresent()) {
                out.writeStringField("comment", value.comment().get());
            }
            out.writeEndObject();
        }
    };

    static final JsonCodec<SupportTicket> SUPPORT_TICKET = new JsonCodec<>() {
        @Override
        public SupportTicket read(JsonIn in) {
            JsonFields f = in.fields();
            String id = f.required("id").text();
            AccountId account = f.required("account").read(CoreCodecs.ACCOUNT_ID);
            Instant openedAt = f.required("openedAt").instant();
            Optional<Instant> closedAt = f.optional("closedAt").map(JsonIn::instant);
            SupportTicket.Priority priority = f.required("priority").read(TICKET_PRIORITY);
            boolean escalated = f.required("escalated").bool();
            SupportTicket.Status status = f.required("status").read(TICKET_STATUS);
            f.finish();
            return in.build(() -> new SupportTicket(id, account, openedAt, closedAt, priority, escalated, status));
        }

        @Override
        public void write(SupportTicket value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("id", value.id());
            out.writeStringField("account", value.account().value());
            out.writeStringField("openedAt", value.openedAt().toString());
            if (value.closedAt().isPresent()) {
                out.writeStringField("closedAt", value.closedAt().get().toString());
            }
            out.writeStringField("priority", value.priority().name());
            out.writeBooleanField("escalated", value.escalated());
            out.writeStringField("status", value.status().name());
            out.writeEndObject();
        }
    };
}
