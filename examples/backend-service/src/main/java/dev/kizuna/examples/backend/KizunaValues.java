package dev.kizuna.examples.backend;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kizuna.core.Account;
import dev.kizuna.core.Contract;
import dev.kizuna.core.Dates;
import dev.kizuna.core.Money;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.core.event.SurveyResponse;
import dev.kizuna.core.plan.SuccessPlan;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.ModelDefinition;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * Reads Kizuna's values from a request body and holds them to the service's bounds before anything computes with
 * them. First, from the text as sent and at its JSON path, every instant and date the service computes with is read
 * within {@link Dates}' calendar (0001-01-01 to 9999-12-31) and every amount through {@link Money#parseAmount}; then
 * the mapper's codecs decode the value; then every signal value of a snapshot is held to its signal's domain in the
 * service's model ({@link ModelDefinition#domainOf}), and a contract term to {@value #MAX_TERM_YEARS} years.
 *
 * <p>The checks before decoding look only at the fields named below and only at strings and numbers; a field that is
 * missing or of the wrong type is left to the codec, which reports it. Thread-safe.
 */
final class KizunaValues {
    /** The longest contract term, in years. */
    static final int MAX_TERM_YEARS = 100;

    private final ObjectMapper mapper;
    private final ModelDefinition model;

    KizunaValues(ObjectMapper mapper, ModelDefinition model) {
        this.mapper = mapper;
        this.model = model;
    }

    /** {@code {"account", "at", "values"}}: the instant within the calendar, each value within its signal's domain. */
    SignalSnapshot snapshot(BodyValue in) {
        in.at("at").ifPresent(BodyValue::checkInstant);
        SignalSnapshot snapshot = in.decode(mapper, SignalSnapshot.class);
        String values = JsonPaths.field(in.path(), "values");
        for (int i = 0; i < snapshot.size(); i++) {
            SignalName name = snapshot.nameAt(i);
            Optional<String> problem = model.domainOf(name).problem(name, snapshot.valueAt(i));
            if (problem.isPresent()) {
                throw ApiException.badValue(JsonPaths.field(values, name.value()), problem.get());
            }
        }
        return snapshot;
    }

    /** An account: the instants of its journey and the dates of its contract within the calendar, a bounded term. */
    Account account(BodyValue in) {
        for (BodyValue entry : in.at("journey", "entries").map(BodyValue::elementsIfAny).orElse(List.of())) {
            entry.at("enteredAt").ifPresent(BodyValue::checkInstant);
        }
        in.at("contract", "startDate").ifPresent(BodyValue::checkDate);
        in.at("contract", "renewalDate").ifPresent(BodyValue::checkDate);
        Account account = in.decode(mapper, Account.class);
        Optional<Contract> contract = account.contract();
        if (contract.isPresent() && isLongerThanTheLimit(contract.get().startDate(), contract.get().term())) {
            throw ApiException.badValue(JsonPaths.field(JsonPaths.field(in.path(), "contract"), "term"), "term: "
                    + contract.get().term() + " is longer than " + MAX_TERM_YEARS + " years (P" + MAX_TERM_YEARS
                    + "Y)");
        }
        return account;
    }

    /** A success plan: the dates of its goals, milestones and touchpoints within the calendar. */
    SuccessPlan plan(BodyValue in) {
        for (BodyValue goal : elements(in, "goals")) {
            goal.at("startDate").ifPresent(BodyValue::checkDate);
            goal.at("dueDate").ifPresent(BodyValue::checkDate);
        }
        for (BodyValue milestone : elements(in, "milestones")) {
            milestone.at("dueDate").ifPresent(BodyValue::checkDate);
            milestone.at("completedOn").ifPresent(BodyValue::checkDate);
        }
        for (BodyValue touchpoint : elements(in, "touchpoints")) {
            touchpoint.at("date").ifPresent(BodyValue::checkDate);
        }
        return in.decode(mapper, SuccessPlan.class);
    }

    /** A survey response: the instant it was answered within the calendar. */
    SurveyResponse survey(BodyValue in) {
        in.at("answeredAt").ifPresent(BodyValue::checkInstant);
        return in.decode(mapper, SurveyResponse.class);
    }

    /**
     * A subscription event: its dates within the calendar, and the unit price, percentage off and amount off of its
     * charge read by {@link Money#parseAmount}.
     */
    SubscriptionEvent event(BodyValue in) {
        in.at("effectiveDate").ifPresent(BodyValue::checkDate);
        in.at("recordedOn").ifPresent(BodyValue::checkDate);
        in.at("charge", "unitPrice", "amount").ifPresent(BodyValue::checkAmount);
        in.at("charge", "discount", "percentOff").ifPresent(BodyValue::checkAmount);
        in.at("charge", "discount", "amountOff", "amount").ifPresent(BodyValue::checkAmount);
        return in.decode(mapper, SubscriptionEvent.class);
    }

    private static List<BodyValue> elements(BodyValue in, String field) {
        return in.at(field).map(BodyValue::elementsIfAny).orElse(List.of());
    }

    private static boolean isLongerThanTheLimit(LocalDate start, Period term) {
        // Bounded first, so that adding the term to the start cannot overflow.
        if (term.toTotalMonths() > 12L * MAX_TERM_YEARS || term.getDays() > 366 * MAX_TERM_YEARS) {
            return true;
        }
        return start.plus(term).isAfter(start.plusYears(MAX_TERM_YEARS));
    }
}
