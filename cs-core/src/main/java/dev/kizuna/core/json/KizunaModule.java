package dev.kizuna.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.kizuna.core.Account;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.Contract;
import dev.kizuna.core.Money;
import dev.kizuna.core.Owner;
import dev.kizuna.core.Segment;
import dev.kizuna.core.Tier;
import dev.kizuna.core.journey.JourneyHistory;
import dev.kizuna.core.journey.StageEntry;

import java.io.IOException;

/**
 * The Jackson module for every cs-core type. Register it on the host's own mapper:
 * <pre>{@code
 * ObjectMapper mapper = new ObjectMapper().registerModule(new KizunaModule());
 * Account account = mapper.readValue(json, Account.class);
 * }</pre>
 * or take a mapper that is already set up with {@link KizunaJson#newObjectMapper()}.
 *
 * <p>The module reads each value strictly, whatever the mapper's features say: unknown and missing fields, wrong
 * JSON types, non-finite numbers and broken rules fail with a
 * {@link com.fasterxml.jackson.databind.exc.MismatchedInputException} whose message starts with the JSON path,
 * relative to the value being read. It uses no polymorphic typing: every field has one fixed type.
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
        add(dev.kizuna.core.plan.CsRole.class, PlanCodecs.CS_ROLE);
        add(dev.kizuna.core.plan.MilestoneKind.class, PlanCodecs.MILESTONE_KIND);
        add(dev.kizuna.core.plan.TouchpointChannel.class, PlanCodecs.TOUCHPOINT_CHANNEL);
        add(dev.kizuna.core.plan.PlanStatus.class, PlanCodecs.PLAN_STATUS);
        add(dev.kizuna.core.plan.CustomerProfile.class, PlanCodecs.CUSTOMER_PROFILE);
        add(dev.kizuna.core.plan.SmartGoal.class, PlanCodecs.SMART_GOAL);
        add(dev.kizuna.core.plan.Milestone.class, PlanCodecs.MILESTONE);
        add(dev.kizuna.core.plan.Touchpoint.class, PlanCodecs.TOUCHPOINT);
        add(dev.kizuna.core.plan.RoleAssignment.class, PlanCodecs.ROLE_ASSIGNMENT);
        add(dev.kizuna.core.plan.StageAction.class, PlanCodecs.STAGE_ACTION);
        add(dev.kizuna.core.plan.StatusRule.class, PlanCodecs.STATUS_RULE);
        add(dev.kizuna.core.plan.SuccessPlan.class, PlanCodecs.SUCCESS_PLAN);
        add(dev.kizuna.core.plan.GoalTemplate.class, PlanCodecs.GOAL_TEMPLATE);
        add(dev.kizuna.core.plan.MilestoneTemplate.class, PlanCodecs.MILESTONE_TEMPLATE);
        add(dev.kizuna.core.plan.PlanTemplate.class, PlanCodecs.PLAN_TEMPLATE);
    }

    private <T> void add(Class<T> type, JsonCodec<T> codec) {
        addSerializer(type, new CodecSerializer<>(type, codec));
        addDeserializer(type, new CodecDeserializer<>(type, codec));
    }

    private static final class CodecSerializer<T> extends StdSerializer<T> {
        private static final long serialVersionUID = 1L;
        private final transient JsonCodec<T> codec;

        CodecSerializer(Class<T> type, JsonCodec<T> codec) {
            super(type);
            this.codec = codec;
        }

        @Override
        public void serialize(T value, JsonGenerator out, SerializerProvider provider) throws IOException {
            codec.write(value, out);
        }
    }

    private static final class CodecDeserializer<T> extends StdDeserializer<T> {
        private static final long serialVersionUID = 1L;
        private final transient JsonCodec<T> codec;

        CodecDeserializer(Class<T> type, JsonCodec<T> codec) {
            super(type);
            this.codec = codec;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode tree = ctxt.readTree(p);
            try {
                return codec.read(new JsonIn(tree, "$"));
            } catch (JsonInputException e) {
                MismatchedInputException failure = MismatchedInputException.from(p, handledType(), e.getMessage());
                failure.initCause(e);
                throw failure;
            }
        }
    }
}
