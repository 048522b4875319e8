package dev.kizuna.core.json;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.kizuna.core.Account;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.Contract;
import dev.kizuna.core.Money;
import dev.kizuna.core.Owner;
import dev.kizuna.core.Segment;
import dev.kizuna.core.Tier;
import dev.kizuna.core.event.ActivityRecord;
import dev.kizuna.core.internal.json.JsonCodec;
import dev.kizuna.core.internal.json.JsonCodecs;
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
import dev.kizuna.core.journey.JourneyHistory;
import dev.kizuna.core.journey.StageEntry;
import dev.kizuna.core.plan.CsRole;
import dev.kizuna.core.plan.CustomerProfile;
import dev.kizuna.core.plan.GoalTemplate;
import dev.kizuna.core.plan.Milestone;
import dev.kizuna.core.plan.MilestoneKind;
import dev.kizuna.core.plan.MilestoneTemplate;
import dev.kizuna.core.plan.PlanStatus;
import dev.kizuna.core.plan.PlanTemplate;
import dev.kizuna.core.plan.RoleAssignment;
import dev.kizuna.core.plan.SmartGoal;
import dev.kizuna.core.plan.StageAction;
import dev.kizuna.core.plan.StatusRule;
import dev.kizuna.core.plan.SuccessPlan;
import dev.kizuna.core.plan.Touchpoint;
import dev.kizuna.core.plan.TouchpointChannel;
import dev.kizuna.core.signal.SignalHistory;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;


/**
 * The Jackson module for every cs-core type. Register it on the host's own mapper:
 * <pre>{@code
 * ObjectMapper mapper = new ObjectMapper().registerModule(new KizunaModule());
 * Account account = mapper.readValue(json, Account.class);
 * }</pre>
 * or take a mapper that is already set up with {@link KizunaJson#newObjectMapper()}.
 *
 * <p>The module reads each value strictly, whatever the mapper's features say: unknown, missing and repeated fields,
 * wrong JSON types, non-finite numbers, counts that are not exactly whole, text that is not valid Unicode, a
 * {@code null} value and broken rules fail with a {@link com.fasterxml.jackson.databind.exc.MismatchedInputException}
 * whose message starts with the JSON path, relative to the value being read ({@link KizunaJson#describe} adds the
 * path of the value within the document). Numbers are read from their digits, so a decimal is exact. A value nests
 * at most 100 levels below itself. It uses no polymorphic typing: every field has one fixed type.
 *
 * <p>The module is stateless and may be shared between mappers and threads.
 */
public final class KizunaModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    /** Creates the module with a serialiser and a deserialiser for every cs-core type. */
    public KizunaModule() {
        super("kizuna-core", new Version(0, 1, 0, "SNAPSHOT", "dev.kizuna", "cs-core"));
        add(Money.class, CoreCodecs.MONEY);
        add(AccountId.class, CoreCodecs.ACCOUNT_ID);
        add(Segment.class, CoreCodecs.SEGMENT);
        add(Tier.class, CoreCodecs.TIER);
        add(Owner.class, CoreCodecs.OWNER);
        add(Contract.class, CoreCodecs.CONTRACT);
        add(Account.class, CoreCodecs.ACCOUNT);
        add(StageEntry.class, CoreCodecs.STAGE_ENTRY);
        add(JourneyHistory.class, CoreCodecs.JOURNEY);
        add(BillingInterval.class, EventCodecs.BILLING_INTERVAL);
        add(Discount.class, EventCodecs.DISCOUNT);
        add(RecurringCharge.class, EventCodecs.RECURRING_CHARGE);
        add(SubscriptionEvent.Kind.class, EventCodecs.SUBSCRIPTION_KIND);
        add(SubscriptionEvent.class, EventCodecs.SUBSCRIPTION_EVENT);
        add(Purchase.class, EventCodecs.PURCHASE);
        add(UsagePeriod.class, EventCodecs.USAGE_PERIOD);
        add(UsageRecord.class, EventCodecs.USAGE_RECORD);
        add(ActivityRecord.class, EventCodecs.ACTIVITY_RECORD);
        add(SurveyScale.class, EventCodecs.SURVEY_SCALE);
        add(SurveyResponse.Kind.class, EventCodecs.SURVEY_KIND);
        add(SurveyResponse.class, EventCodecs.SURVEY_RESPONSE);
        add(SupportTicket.Priority.class, EventCodecs.TICKET_PRIORITY);
        add(SupportTicket.Status.class, EventCodecs.TICKET_STATUS);
        add(SupportTicket.class, EventCodecs.SUPPORT_TICKET);
        add(SignalName.class, SignalCodecs.SIGNAL_NAME);
        add(SignalSnapshot.class, SignalCodecs.SIGNAL_SNAPSHOT);
        add(SignalHistory.class, SignalCodecs.SIGNAL_HISTORY);
        add(CsRole.class, PlanCodecs.CS_ROLE);
        add(MilestoneKind.class, PlanCodecs.MILESTONE_KIND);
        add(TouchpointChannel.class, PlanCodecs.TOUCHPOINT_CHANNEL);
        add(PlanStatus.class, PlanCodecs.PLAN_STATUS);
        add(CustomerProfile.class, PlanCodecs.CUSTOMER_PROFILE);
        add(SmartGoal.class, PlanCodecs.SMART_GOAL);
        add(Milestone.class, PlanCodecs.MILESTONE);
        add(Touchpoint.class, PlanCodecs.TOUCHPOINT);
        add(RoleAssignment.class, PlanCodecs.ROLE_ASSIGNMENT);
        add(StageAction.class, PlanCodecs.STAGE_ACTION);
        add(StatusRule.class, PlanCodecs.STATUS_RULE);
        add(SuccessPlan.class, PlanCodecs.SUCCESS_PLAN);
        add(GoalTemplate.class, PlanCodecs.GOAL_TEMPLATE);
        add(MilestoneTemplate.class, PlanCodecs.MILESTONE_TEMPLATE);
        add(PlanTemplate.class, PlanCodecs.PLAN_TEMPLATE);
    }

    private <T> void add(Class<T> type, JsonCodec<T> codec) {
        JsonCodecs.add(this, type, codec);
    }
}
