package dev.kizuna.core.json;

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
import dev.kizuna.core.event.UsagePeriod;
import dev.kizuna.core.event.UsageRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static dev.kizuna.core.json.JsonAssertions.LENIENT;
import static dev.kizuna.core.json.JsonAssertions.STRICT;
import static dev.kizuna.core.json.JsonAssertions.fails;
import static dev.kizuna.core.json.JsonAssertions.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

class EventJsonTest {
    private static final String EUR_10 = "{'amount': '10', 'currency': 'EUR'}";
    private static final String CHARGE = "{'plan': 'pro', 'unitPrice': " + EUR_10 + ", 'quantity': 2, 'interval': 'MONTHLY',"
            + " 'discount': {'percentOff': '0'}, 'trial': false}";

    // ---- Shapes ----

    @Test
    void purchaseHasAStableShape() throws Exception {
        Purchase p = Purchase.of(AccountId.of("c-1"), LocalDate.of(2024, 3, 1), Money.of("12.50", "EUR"));
        assertEquals(json("{'customer':'c-1','date':'2024-03-01','amount':{'amount':'12.5','currency':'EUR'}}"),
                STRICT.writeValueAsString(p));
    }

    @Test
    void chargeHasAStableShapeAndDiscountsAreExactStrings() throws Exception {
        RecurringCharge c = new RecurringCharge("pro", Money.of("10", "EUR"), 2, BillingInterval.ANNUAL,
                Discount.percent(new BigDecimal("12.50")), false);
        assertEquals(json("{'plan':'pro','unitPrice':{'amount':'10','currency':'EUR'},'quantity':2,'interval':'ANNUAL',"
                + "'discount':{'percentOff':'12.5'},'trial':false}"), STRICT.writeValueAsString(c));
        assertEquals(json("{'percentOff':'0','amountOff':{'amount':'3','currency':'EUR'}}"),
                STRICT.writeValueAsString(Discount.amount(Money.of("3", "EUR"))));
    }

    @Test
    void optionalPartsAreOmittedWhenEmpty() throws Exception {
        SubscriptionEvent end = SubscriptionEvent.end(AccountId.of("a"), "s", LocalDate.of(2024, 1, 1));
        assertEquals(json("{'account':'a','subscriptionId':'s','kind':'END','effectiveDate':'2024-01-01',"
                + "'recordedOn':'2024-01-01'}"), STRICT.writeValueAsString(end));
        SupportTicket t = SupportTicket.open("t", AccountId.of("a"), Instant.parse("2024-01-01T00:00:00Z"),
                SupportTicket.Priority.LOW);
        assertEquals(json("{'id':'t','account':'a','openedAt':'2024-01-01T00:00:00Z','priority':'LOW',"
                + "'escalated':false,'status':'OPEN'}"), STRICT.writeValueAsString(t));
    }

    @Test
    void usageRecordMayOmitItsFeatureUse() throws Exception {
        UsageRecord r = STRICT.readValue(json("{'account':'a','date':'2024-01-01','period':'MONTH','activeUsers':3,"
                + "'logins':7}"), UsageRecord.class);
        assertEquals(UsageRecord.builder(AccountId.of("a"), LocalDate.of(2024, 1, 1), UsagePeriod.MONTH)
                .activeUsers(3).logins(7).build(), r);
    }

    // ---- Unknown, missing and mistyped fields ----

    @Test
    void unknownFieldIsRejected() {
        fails(json("{'customer':'c','date':'2024-01-01','amount':" + EUR_10 + ",'amout':1}"), Purchase.class,
                "$.amout: unknown field");
        fails(json("{'percentOff':'5','extra':true}"), Discount.class, "$.extra: unknown field");
        fails(json("{'account':'a','userId':'u','at':'2024-01-01T00:00:00Z','type':'login','features':'x'}"),
                ActivityRecord.class, "$.features: unknown field");
    }

    @Test
    void missingRequiredFieldIsRejected() {
        fails(json("{'account':'a','subscriptionId':'s','effectiveDate':'2024-01-01','recordedOn':'2024-01-01'}"),
                SubscriptionEvent.class, "$: missing required field 'kind'");
        fails(json("{'plan':'pro','unitPrice':" + EUR_10 + ",'quantity':2,'interval':'MONTHLY','trial':false}"),
                RecurringCharge.class, "$: missing required field 'discount'");
        fails(json("{'account':'a','date':'2024-01-01','period':'DAY','activeUsers':3}"), UsageRecord.class,
                "$: missing required field 'logins'");
        fails(json("{'id':'t','account':'a','openedAt':'2024-01-01T00:00:00Z','priority':'LOW','escalated':false}"),
                SupportTicket.class, "$: missing required field 'status'");
        fails(json("{'account':'a','respondentId':'r','answeredAt':'2024-01-01T00:00:00Z','kind':'NPS','score':9}"),
                SurveyResponse.class, "$: missing required field 'scale'");
    }

    @Test
    void wrongTypeIsRejected() {
        fails(json(CHARGE.replace("'quantity': 2", "'quantity': '2'")), RecurringCharge.class,
                "$.quantity: expected a whole number but found string");
        fails(json(CHARGE.replace("'quantity': 2", "'quantity': 2.5")), RecurringCharge.class,
                "$.quantity: 2.5 is not a whole number");
        fails(json("{'id':'t','account':'a','openedAt':'2024-01-01T00:00:00Z','priority':'LOW','escalated':'no',"
                + "'status':'OPEN'}"), SupportTicket.class, "$.escalated: expected true or false but found string");
        fails(json("{'account':'a','date':'2024-01-01','period':'DAY','activeUsers':3,'logins':1,"
                + "'featureUse':{'reports':'many'}}"), UsageRecord.class,
                "$.featureUse.reports: expected a whole number but found string");
        fails(json("{'account':7,'userId':'u','at':'2024-01-01T00:00:00Z','type':'login'}"), ActivityRecord.class,
                "$.account: expected a string but found number");
        fails(json("{'account':'a','userId':'u','at':'yesterday','type':'login'}"), ActivityRecord.class,
                "$.at: 'yesterday' is not an instant: write it as a date and time with an offset, such as"
                + " 2026-01-31T09:30:00Z, or as a date, yyyy-mm-dd, from 0001-01-01 to 9999-12-31");
        fails(json("{'customer':'c','date':'2024-02-30','amount':" + EUR_10 + "}"), Purchase.class,
                "$.date: '2024-02-30' is not a date: 2024-02 has days 1 to 29");
    }

    @Test
    void unknownEnumNameIsRejected() {
        fails(json(CHARGE.replace("MONTHLY", "WEEKLY")), RecurringCharge.class,
                "$.interval: 'WEEKLY' is not one of [MONTHLY, QUARTERLY, SEMI_ANNUAL, ANNUAL, BIENNIAL]");
        fails(json("'monthly'"), BillingInterval.class, "$: 'monthly' is not one of");
        fails(json("{'id':'t','account':'a','openedAt':'2024-01-01T00:00:00Z','priority':'CRITICAL','escalated':false,"
                + "'status':'OPEN'}"), SupportTicket.class, "$.priority: 'CRITICAL' is not one of [LOW, NORMAL, HIGH, URGENT]");
    }

    // ---- Non-finite numbers ----

    @Test
    void nonFiniteDecimalIsRejected() {
        fails(LENIENT, json("{'percentOff': NaN}"), Discount.class, "$.percentOff: NaN is not a finite number");
        fails(LENIENT, json("{'percentOff': Infinity}"), Discount.class, "$.percentOff: Infinity is not a finite number");
        fails(json("{'percentOff': 1e400}"), Discount.class,
                "$.percentOff: '1e400' is out of range: at most 18 digits before the decimal point");
    }

    @Test
    void nonFiniteCountIsRejected() {
        fails(LENIENT, json("{'account':'a','date':'2024-01-01','period':'DAY','activeUsers':NaN,'logins':1}"),
                UsageRecord.class, "$.activeUsers: NaN is not a whole number");
    }

    // ---- Broken rules, at the path of the value that breaks them ----

    @Test
    void negativeMoneyIsRejected() {
        fails(json("{'customer':'c','date':'2024-01-01','amount':{'amount':'-5','currency':'EUR'}}"), Purchase.class,
                "$: amount: -5.00 EUR must not be negative");
        fails(json(CHARGE.replace("'amount': '10'", "'amount': '-10'")), RecurringCharge.class,
                "$: charge.unitPrice: -10.00 EUR must not be negative");
        fails(json("{'percentOff':'0','amountOff':{'amount':'-1','currency':'EUR'}}"), Discount.class,
                "$: discount.amountOff: -1.00 EUR must not be negative");
    }

    @Test
    void discountRulesAreEnforced() {
        fails(json(CHARGE.replace("'percentOff': '0'", "'percentOff': '150'")), RecurringCharge.class,
                "$.discount: discount.percentOff: 150 must be from 0 to 100");
        fails(json("{'percentOff':'10','amountOff':" + EUR_10 + "}"), Discount.class,
                "$: discount: percentOff 10 and amountOff 10.00 EUR cannot both be set");
        fails(json(CHARGE.replace("'quantity': 2", "'quantity': 0")), RecurringCharge.class,
                "$: charge.quantity: 0 must be > 0");
    }

    @Test
    void subscriptionEventRulesAreEnforced() {
        String start = "{'account':'a','subscriptionId':'s','kind':'START','effectiveDate':'2024-01-01',"
                + "'recordedOn':'2024-01-01'}";
        fails(json(start), SubscriptionEvent.class, "$: charge: a START event of subscription s needs a charge");
        String cancel = "{'account':'a','subscriptionId':'s','kind':'CANCEL','effectiveDate':'2024-01-01',"
                + "'recordedOn':'2024-01-01','charge':" + CHARGE + "}";
        fails(json(cancel), SubscriptionEvent.class, "$: charge: a CANCEL event of subscription s must not carry a charge");
        String late = "{'account':'a','subscriptionId':'s','kind':'CANCEL','effectiveDate':'2024-01-01',"
                + "'recordedOn':'2024-01-05'}";
        fails(json(late), SubscriptionEvent.class,
                "$: recordedOn: 2024-01-05 must not be after effectiveDate 2024-01-01 for a cancellation");
        String badCharge = "{'account':'a','subscriptionId':'s','kind':'START','effectiveDate':'2024-01-01',"
                + "'recordedOn':'2024-01-01','charge':" + CHARGE.replace("'plan': 'pro', ", "") + "}";
        fails(json(badCharge), SubscriptionEvent.class, "$.charge: missing required field 'plan'");
    }

    @Test
    void closedBeforeOpenedIsRejected() {
        fails(json("{'id':'t','account':'a','openedAt':'2024-01-02T00:00:00Z','closedAt':'2024-01-01T00:00:00Z',"
                + "'priority':'LOW','escalated':false,'status':'SOLVED'}"), SupportTicket.class,
                "$: closedAt: 2024-01-01T00:00:00Z must not be before openedAt 2024-01-02T00:00:00Z");
        fails(json("{'id':'t','account':'a','openedAt':'2024-01-02T00:00:00Z',"
                + "'priority':'LOW','escalated':false,'status':'CLOSED'}"), SupportTicket.class,
                "$: closedAt: a CLOSED ticket (t) needs a close instant");
    }

    @Test
    void surveyRulesAreEnforced() {
        fails(json("{'account':'a','respondentId':'r','answeredAt':'2024-01-01T00:00:00Z','kind':'NPS',"
                + "'scale':{'min':0,'max':10},'score':11}"), SurveyResponse.class, "$: score: 11 is outside the NPS scale 0..10");
        fails(json("{'account':'a','respondentId':'r','answeredAt':'2024-01-01T00:00:00Z','kind':'NPS',"
                + "'scale':{'min':1,'max':10},'score':5}"), SurveyResponse.class, "$: scale: 1..10 is not allowed for NPS");
        fails(json("{'account':'a','respondentId':'r','answeredAt':'2024-01-01T00:00:00Z','kind':'CSAT',"
                + "'scale':{'min':5,'max':1},'score':3}"), SurveyResponse.class, "$.scale: scale.max: 1 must be above scale.min 5");
        fails(json("{'account':'a','respondentId':'r','answeredAt':'2024-01-01T00:00:00Z','kind':'CSAT',"
                + "'scale':{'min':1,'max':5},'score':3,'comment':' '}"), SurveyResponse.class, "$: comment: must not be blank");
    }

    @Test
    void usageRulesAreEnforced() {
        fails(json("{'account':'a','date':'2024-01-01','period':'DAY','activeUsers':-1,'logins':1}"), UsageRecord.class,
                "$: activeUsers: -1 must be >= 0");
        fails(json("{'account':'a','date':'2024-01-02','period':'WEEK','activeUsers':1,'logins':1}"), UsageRecord.class,
                "$: date: 2024-01-02 (TUESDAY) cannot start a WEEK period");
        fails(json("{'account':'a','date':'2024-01-01','period':'DAY','activeUsers':1,'logins':1,'licensedSeats':0}"),
                UsageRecord.class, "$: licensedSeats: 0 must be > 0");
        fails(json("{'account':'a','date':'2024-01-01','period':'DAY','activeUsers':1,'logins':1,"
                + "'featureUse':{'reports':-4}}"), UsageRecord.class, "$: featureUse['reports']: -4 must be >= 0");
    }

    @Test
    void nullForARequiredFieldIsRejected() {
        fails(json("{'account':'a','userId':null,'at':'2024-01-01T00:00:00Z','type':'login'}"), ActivityRecord.class,
                "$.userId: must not be null");
    }
}
