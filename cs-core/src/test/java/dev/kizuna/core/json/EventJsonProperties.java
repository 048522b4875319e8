package dev.kizuna.core.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kizuna.core.event.ActivityRecord;
import dev.kizuna.core.event.BillingInterval;
import dev.kizuna.core.event.Discount;
import dev.kizuna.core.event.EventArbitraries;
import dev.kizuna.core.event.Purchase;
import dev.kizuna.core.event.RecurringCharge;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.core.event.SupportTicket;
import dev.kizuna.core.event.SurveyResponse;
import dev.kizuna.core.event.SurveyScale;
import dev.kizuna.core.event.UsagePeriod;
import dev.kizuna.core.event.UsageRecord;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every event type survives a trip through JSON unchanged, and equal values give identical JSON. */
class EventJsonProperties {
    private static final ObjectMapper MAPPER = KizunaJson.newObjectMapper();

    static <T> void roundTrips(T value, Class<T> type) throws Exception {
        String json = MAPPER.writeValueAsString(value);
        T back = MAPPER.readValue(json, type);
        assertEquals(value, back, json);
        assertEquals(json, MAPPER.writeValueAsString(back));
    }

    @Provide
    Arbitrary<Discount> discounts() {
        return EventArbitraries.currencies().flatMap(EventArbitraries::discounts);
    }

    @Provide
    Arbitrary<RecurringCharge> charges() {
        return EventArbitraries.charges();
    }

    @Provide
    Arbitrary<SubscriptionEvent> subscriptionEvents() {
        return EventArbitraries.subscriptionEvents();
    }

    @Provide
    Arbitrary<Purchase> purchases() {
        return EventArbitraries.purchases();
    }

    @Provide
    Arbitrary<UsageRecord> usageRecords() {
        return EventArbitraries.usageRecords();
    }

    @Provide
    Arbitrary<ActivityRecord> activityRecords() {
        return EventArbitraries.activityRecords();
    }

    @Provide
    Arbitrary<SurveyScale> scales() {
        return EventArbitraries.scales();
    }

    @Provide
    Arbitrary<SurveyResponse> surveyResponses() {
        return EventArbitraries.surveyResponses();
    }

    @Provide
    Arbitrary<SupportTicket> supportTickets() {
        return EventArbitraries.supportTickets();
    }

    @Property(tries = 20)
    void enumsRoundTripByName(@ForAll BillingInterval interval, @ForAll UsagePeriod period,
            @ForAll SubscriptionEvent.Kind kind, @ForAll SurveyResponse.Kind survey,
            @ForAll SupportTicket.Priority priority, @ForAll SupportTicket.Status status) throws Exception {
        assertEquals('"' + interval.name() + '"', MAPPER.writeValueAsString(interval));
        roundTrips(interval, BillingInterval.class);
        roundTrips(period, UsagePeriod.class);
        roundTrips(kind, SubscriptionEvent.Kind.class);
        roundTrips(survey, SurveyResponse.Kind.class);
        roundTrips(priority, SupportTicket.Priority.class);
        roundTrips(status, SupportTicket.Status.class);
    }

    @Property
    void discountRoundTrips(@ForAll("discounts") Discount value) throws Exception {
        roundTrips(value, Discount.class);
    }

    @Property
    void recurringChargeRoundTrips(@ForAll("charges") RecurringCharge value) throws Exception {
        roundTrips(value, RecurringCharge.class);
    }

    @Property
    void subscriptionEventRoundTrips(@ForAll("subscriptionEvents") SubscriptionEvent value) throws Exception {
        roundTrips(value, SubscriptionEvent.class);
    }

    @Property
    void purchaseRoundTrips(@ForAll("purchases") Purchase value) throws Exception {
        roundTrips(value, Purchase.class);
    }

    @Property
    void usageRecordRoundTrips(@ForAll("usageRecords") UsageRecord value) throws Exception {
        roundTrips(value, UsageRecord.class);
    }

    @Property
    void activityRecordRoundTrips(@ForAll("activityRecords") ActivityRecord value) throws Exception {
        roundTrips(value, ActivityRecord.class);
    }

    @Property
    void surveyScaleRoundTrips(@ForAll("scales") SurveyScale value) throws Exception {
        roundTrips(value, SurveyScale.class);
    }

    @Property
    void surveyResponseRoundTrips(@ForAll("surveyResponses") SurveyResponse value) throws Exception {
        roundTrips(value, SurveyResponse.class);
    }

    @Property
    void supportTicketRoundTrips(@ForAll("supportTickets") SupportTicket value) throws Exception {
        roundTrips(value, SupportTicket.class);
    }

    @Property(tries = 50)
    void eventListsRoundTrip(@ForAll("subscriptionEvents") SubscriptionEvent a,
            @ForAll("subscriptionEvents") SubscriptionEvent b) throws Exception {
        var events = java.util.List.of(a, b);
        String json = MAPPER.writeValueAsString(events);
        var type = MAPPER.getTypeFactory().constructCollectionType(java.util.List.class, SubscriptionEvent.class);
        assertEquals(events, MAPPER.readValue(json, type));
    }
}
