package dev.kizuna.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.Owner;
import dev.kizuna.core.Segment;
import dev.kizuna.core.journey.JourneyStage;
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
import dev.kizuna.core.internal.json.JsonCodec;
import dev.kizuna.core.internal.json.JsonFields;
import dev.kizuna.core.internal.json.JsonIn;
import dev.kizuna.core.internal.json.JsonInputException;
import dev.kizuna.core.internal.json.JsonReader;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Codecs of the success plan and its parts. Field names are the record components' names. Lists are always
 * written and may be absent when read (meaning empty); optional values are omitted when empty.
 */
final class PlanCodecs {
    /** A field path relative to a type, as the plan types name them in their messages: {@code goals[1].name}. */
    private static final Pattern FIELD_PATH =
            Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\[\\d+])?(\\.[A-Za-z][A-Za-z0-9_]*(\\[\\d+])?)*");

    private PlanCodecs() {
    }

    static final JsonCodec<CsRole> CS_ROLE = enumCodec(CsRole.class);
    static final JsonCodec<MilestoneKind> MILESTONE_KIND = enumCodec(MilestoneKind.class);
    static final JsonCodec<TouchpointChannel> TOUCHPOINT_CHANNEL = enumCodec(TouchpointChannel.class);
    static final JsonCodec<PlanStatus> PLAN_STATUS = enumCodec(PlanStatus.class);

    static final JsonCodec<CustomerProfile> CUSTOMER_PROFILE = new JsonCodec<>() {
        @Override
        public CustomerProfile read(JsonIn in) {
            JsonFields f = in.fields();
            String persona = f.required("persona").text();
            String industry = f.required("industry").text();
            List<String> businessGoals = texts(f.optional("businessGoals"));
            List<String> challenges = texts(f.optional("challenges"));
            List<String> knowledgeGaps = texts(f.optional("knowledgeGaps"));
            List<String> successFactors = texts(f.optional("successFactors"));
            JourneyStage stage = f.required("stage").enumValue(JourneyStage.class);
            f.finish();
            return build(in, "profile.", () -> new CustomerProfile(
                    persona, industry, businessGoals, challenges, knowledgeGaps, successFactors, stage));
        }

        @Override
        public void write(CustomerProfile value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("persona", value.persona());
            out.writeStringField("industry", value.industry());
            writeTexts("businessGoals", value.businessGoals(), out);
            writeTexts("challenges", value.challenges(), out);
            writeTexts("knowledgeGaps", value.knowledgeGaps(), out);
            writeTexts("successFactors", value.successFactors(), out);
            out.writeStringField("stage", value.stage().name());
            out.writeEndObject();
        }
    };

    static final JsonCodec<SmartGoal> SMART_GOAL = new JsonCodec<>() {
        @Override
        public SmartGoal read(JsonIn in) {
            JsonFields f = in.fields();
            String name = f.required("name").text();
            String metric = f.required("metric").text();
            double baseline = f.required("baseline").number();
            double target = f.required("target").number();
            double current = f.required("current").number();
            LocalDate startDate = f.required("startDate").date();
            LocalDate dueDate = f.required("dueDate").date();
            f.finish();
            return build(in, "goal.", () -> new SmartGoal(name, metric, baseline, target, current, startDate, dueDate));
        }

        @Override
        public void write(SmartGoal value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("name", value.name());
            out.writeStringField("metric", value.metric());
            out.writeNumberField("baseline", value.baseline());
            out.writeNumberField("target", value.target());
            out.writeNumberField("current", value.current());
            out.writeStringField("startDate", value.startDate().toString());
            out.writeStringField("dueDate", value.dueDate().toString());
            out.writeEndObject();
        }
    };

    static final JsonCodec<Milestone> MILESTONE = new JsonCodec<>() {
        @Override
        public Milestone read(JsonIn in) {
            JsonFields f = in.fields();
            String name = f.required("name").text();
            MilestoneKind kind = f.required("kind").read(MILESTONE_KIND);
            LocalDate dueDate = f.required("dueDate").date();
            Optional<LocalDate> completedOn = f.optional("completedOn").map(JsonIn::date);
            CsRole ownerRole = f.required("ownerRole").read(CS_ROLE);
            f.finish();
            return build(in, "milestone.", () -> new Milestone(name, kind, dueDate, completedOn, ownerRole));
        }

        @Override
        public void write(Milestone value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("name", value.name());
            out.writeStringField("kind", value.kind().name());
            out.writeStringField("dueDate", value.dueDate().toString());
            if (value.completedOn().isPresent()) {
                out.writeStringField("completedOn", value.completedOn().get().toString());
            }
            out.writeStringField("ownerRole", value.ownerRole().name());
            out.writeEndObject();
        }
    };

    static final JsonCodec<Touchpoint> TOUCHPOINT = new JsonCodec<>() {
        @Override
        public Touchpoint read(JsonIn in) {
            JsonFields f = in.fields();
            TouchpointChannel channel = f.required("channel").read(TOUCHPOINT_CHANNEL);
            LocalDate date = f.required("date").date();
            Optional<String> note = f.optional("note").map(JsonIn::text);
            f.finish();
            return build(in, "touchpoint.", () -> new Touchpoint(channel, date, note));
        }

        @Override
        public void write(Touchpoint value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("channel", value.channel().name());
            out.writeStringField("date", value.date().toString());
            if (value.note().isPresent()) {
                out.writeStringField("note", value.note().get());
            }
            out.writeEndObject();
        }
    };

    static final JsonCodec<RoleAssignment> ROLE_ASSIGNMENT = new JsonCodec<>() {
        @Override
        public RoleAssignment read(JsonIn in) {
            JsonFields f = in.fields();
            CsRole role = f.required("role").read(CS_ROLE);
            Owner person = f.required("person").read(CoreCodecs.OWNER);
            f.finish();
            return build(in, "assignment.", () -> RoleAssignment.of(role, person));
        }

        @Override
        public void write(RoleAssignment value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("role", value.role().name());
            out.writeFieldName("person");
            CoreCodecs.OWNER.write(value.person(), out);
            out.writeEndObject();
        }
    };

    static final JsonCodec<StageAction> STAGE_ACTION = new JsonCodec<>() {
        @Override
        public StageAction read(JsonIn in) {
            JsonFields f = in.fields();
            JourneyStage stage = f.required("stage").enumValue(JourneyStage.class);
            String description = f.required("description").text();
            CsRole ownerRole = f.required("ownerRole").read(CS_ROLE);
            List<String> resources = texts(f.optional("resources"));
            Optional<CsRole> handoffTo = f.optional("handoffTo").map(CS_ROLE::read);
            f.finish();
            return build(in, "action.", () -> new StageAction(stage, description, ownerRole, resources, handoffTo));
        }

        @Override
        public void write(StageAction value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("stage", value.stage().name());
            out.writeStringField("description", value.description());
            out.writeStringField("ownerRole", value.ownerRole().name());
            writeTexts("resources", value.resources(), out);
            if (value.handoffTo().isPresent()) {
                out.writeStringField("handoffTo", value.handoffTo().get().name());
            }
            out.writeEndObject();
        }
    };

    static final JsonCodec<StatusRule> STATUS_RULE = new JsonCodec<>() {
        @Override
        public StatusRule read(JsonIn in) {
            JsonFields f = in.fields();
            int days = f.required("offTrackDaysOverdue").integer();
            int count = f.required("offTrackOverdueMilestones").integer();
            double lag = f.required("atRiskProgressLag").number();
            f.finish();
            return build(in, "statusRule.", () -> StatusRule.of(days, count, lag));
        }

        @Override
        public void write(StatusRule value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeNumberField("offTrackDaysOverdue", value.offTrackDaysOverdue());
            out.writeNumberField("offTrackOverdueMilestones", value.offTrackOverdueMilestones());
            out.writeNumberField("atRiskProgressLag", value.atRiskProgressLag());
            out.writeEndObject();
        }
    };

    static final JsonCodec<SuccessPlan> SUCCESS_PLAN = new JsonCodec<>() {
        @Override
        public SuccessPlan read(JsonIn in) {
            JsonFields f = in.fields();
            String id = f.required("id").text();
            AccountId account = f.required("account").read(CoreCodecs.ACCOUNT_ID);
            Optional<CustomerProfile> profile = f.optional("profile").map(CUSTOMER_PROFILE::read);
            List<SmartGoal> goals = list(f.optional("goals"), SMART_GOAL);
            List<Milestone> milestones = list(f.optional("milestones"), MILESTONE);
            List<Touchpoint> touchpoints = list(f.optional("touchpoints"), TOUCHPOINT);
            List<RoleAssignment> roles = list(f.optional("roles"), ROLE_ASSIGNMENT);
            List<StageAction> actions = list(f.optional("actions"), STAGE_ACTION);
            f.finish();
            return build(in, "plan.", () -> new SuccessPlan(
                    id, account, profile, goals, milestones, touchpoints, roles, actions));
        }

        @Override
        public void write(SuccessPlan value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("id", value.id());
            out.writeStringField("account", value.account().value());
            if (value.profile().isPresent()) {
                out.writeFieldName("profile");
                CUSTOMER_PROFILE.write(value.profile().get(), out);
            }
            writeList("goals", value.goals(), SMART_GOAL, out);
            writeList("milestones", value.milestones(), MILESTONE, out);
            writeList("touchpoints", value.touchpoints(), TOUCHPOINT, out);
            writeList("roles", value.roles(), ROLE_ASSIGNMENT, out);
            writeList("actions", value.actions(), STAGE_ACTION, out);
            out.writeEndObject();
        }
    };

    static final JsonCodec<GoalTemplate> GOAL_TEMPLATE = new JsonCodec<>() {
        @Override
        public GoalTemplate read(JsonIn in) {
            JsonFields f = in.fields();
            String name = f.required("name").text();
            String metric = f.required("metric").text();
            double baseline = f.required("baseline").number();
            double target = f.required("target").number();
            int dueInDays = f.required("dueInDays").integer();
            f.finish();
            return build(in, "goal.", () -> GoalTemplate.of(name, metric, baseline, target, dueInDays));
        }

        @Override
        public void write(GoalTemplate value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("name", value.name());
            out.writeStringField("metric", value.metric());
            out.writeNumberField("baseline", value.baseline());
            out.writeNumberField("target", value.target());
            out.writeNumberField("dueInDays", value.dueInDays());
            out.writeEndObject();
        }
    };

    static final JsonCodec<MilestoneTemplate> MILESTONE_TEMPLATE = new JsonCodec<>() {
        @Override
        public MilestoneTemplate read(JsonIn in) {
            JsonFields f = in.fields();
            String name = f.required("name").text();
            MilestoneKind kind = f.required("kind").read(MILESTONE_KIND);
            int dueInDays = f.required("dueInDays").integer();
            CsRole ownerRole = f.required("ownerRole").read(CS_ROLE);
            f.finish();
            return build(in, "milestone.", () -> MilestoneTemplate.of(name, kind, dueInDays, ownerRole));
        }

        @Override
        public void write(MilestoneTemplate value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("name", value.name());
            out.writeStringField("kind", value.kind().name());
            out.writeNumberField("dueInDays", value.dueInDays());
            out.writeStringField("ownerRole", value.ownerRole().name());
            out.writeEndObject();
        }
    };

    static final JsonCodec<PlanTemplate> PLAN_TEMPLATE = new JsonCodec<>() {
        @Override
        public PlanTemplate read(JsonIn in) {
            JsonFields f = in.fields();
            String name = f.required("name").text();
            Optional<Segment> segment = f.optional("segment").map(CoreCodecs.SEGMENT::read);
            Optional<JourneyStage> stage = f.optional("stage").map(s -> s.enumValue(JourneyStage.class));
            List<GoalTemplate> goals = list(f.optional("goals"), GOAL_TEMPLATE);
            List<MilestoneTemplate> milestones = list(f.optional("milestones"), MILESTONE_TEMPLATE);
            List<StageAction> actions = list(f.optional("actions"), STAGE_ACTION);
            f.finish();
            return build(in, "template.", () -> new PlanTemplate(name, segment, stage, goals, milestones, actions));
        }

        @Override
        public void write(PlanTemplate value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("name", value.name());
            if (value.segment().isPresent()) {
                out.writeStringField("segment", value.segment().get().name());
            }
            if (value.stage().isPresent()) {
                out.writeStringField("stage", value.stage().get().name());
            }
            writeList("goals", value.goals(), GOAL_TEMPLATE, out);
            writeList("milestones", value.milestones(), MILESTONE_TEMPLATE, out);
            writeList("actions", value.actions(), STAGE_ACTION, out);
            out.writeEndObject();
        }
    };

    /** An enum written by {@code name()} and read strictly by it. */
    private static <E extends Enum<E>> JsonCodec<E> enumCodec(Class<E> type) {
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

    /**
     * Runs a constructor at {@code in}'s path. The plan types name a bad part as {@code prefix} plus a path relative
     * to the value ({@code goal.dueDate: ...}, {@code plan.goals[1].name: ...}); such an error is reported at that
     * part's own JSON path ({@code $.goals[1].dueDate: ...}). Any other error is reported at {@code in}'s path.
     */
    private static <T> T build(JsonIn in, String prefix, Supplier<T> constructor) {
        return in.build(() -> {
            try {
                return constructor.get();
            } catch (IllegalArgumentException e) {
                throw atPart(in, prefix, e);
            }
        });
    }

    private static RuntimeException atPart(JsonIn in, String prefix, IllegalArgumentException e) {
        String message = String.valueOf(e.getMessage());
        int colon = message.indexOf(": ");
        if (message.startsWith(prefix) && colon > prefix.length()) {
            String part = message.substring(prefix.length(), colon);
            if (FIELD_PATH.matcher(part).matches()) {
                return new JsonInputException(in.path() + "." + part, message.substring(colon + 2));
            }
        }
        return e;
    }

    private static List<String> texts(Optional<JsonIn> array) {
        return array.map(a -> a.list(JsonIn::text)).orElse(List.of());
    }

    private static <T> List<T> list(Optional<JsonIn> array, JsonReader<T> element) {
        return array.map(a -> a.list(element)).orElse(List.of());
    }

    private static void writeTexts(String field, List<String> texts, JsonGenerator out) throws IOException {
        out.writeArrayFieldStart(field);
        for (String text : texts) {
            out.writeString(text);
        }
        out.writeEndArray();
    }

    private static <T> void writeList(String field, List<T> values, JsonCodec<T> codec, JsonGenerator out)
            throws IOException {
        out.writeArrayFieldStart(field);
        for (T value : values) {
            codec.write(value, out);
        }
        out.writeEndArray();
    }
}
