package dev.kizuna.playbooks;

import dev.kizuna.core.plan.CsRole;
import dev.kizuna.core.internal.Checks;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A recommendation a rule makes when it fires, for the host to execute: send the e-mail, open the task, hand the
 * lead to sales. Kizuna never executes an action itself. Immutable and thread-safe.
 *
 * <p>The <b>dedupe key</b> identifies the action among an account's open actions: when an action with the same key is
 * still open in the {@link dev.kizuna.playbooks.log.ActionLog}, the engine recommends updating it rather than opening
 * a second one. Without an explicit key, the key is {@code <playbook>/<rule>/<template>}.
 *
 * @param kind           what to do
 * @param owner          the role that owns the action
 * @param priority       how urgent it is
 * @param dueIn          when it is due, relative to the evaluation: zero for now; at most ten years
 * @param template       the host's template id for the message, task or content, an id
 * @param parameters     the template's parameters, sorted by name; names are ids, values at most 10,000 characters
 * @param dedupeKey      the dedupe key, if not the default: 1 to 200 letters, digits, '_', '.', '-' or '/'
 * @param customerFacing whether the action reaches the customer (capped by one voice per customer)
 */
public record Action(
        ActionKind kind,
        CsRole owner,
        ActionPriority priority,
        Duration dueIn,
        String template,
        SortedMap<String, String> parameters,
        Optional<String> dedupeKey,
        boolean customerFacing) {

    /** The most parameters an action may have. */
    public static final int MAX_PARAMETERS = 50;

    /** Validates every part and copies the parameters. */
    public Action {
        Objects.requireNonNull(kind, "action.kind");
        Objects.requireNonNull(owner, "action.owner");
        Objects.requireNonNull(priority, "action.priority");
        Checks.delay(dueIn, "action.dueIn");
        Checks.id(template, "action.template");
        Objects.requireNonNull(parameters, "action.parameters");
        Objects.requireNonNull(dedupeKey, "action.dedupeKey");
        if (parameters.size() > MAX_PARAMETERS) {
            throw new IllegalArgumentException("action.parameters: " + parameters.size()
                    + " parameters is over the limit of " + MAX_PARAMETERS);
        }
        TreeMap<String, String> copy = new TreeMap<>();
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            String name = Checks.id(e.getKey(), "action.parameters key");
            copy.put(name, Checks.nonBlank(Objects.requireNonNull(e.getValue(), "action.parameters." + name),
                    "action.parameters." + name));
        }
        parameters = Collections.unmodifiableSortedMap(copy);
        dedupeKey.ifPresent(k -> Checks.dedupeKey(k, "action.dedupeKey"));
    }

    /**
     * Returns an action of normal priority, due now, without parameters, with the default dedupe key, customer-facing
     * when its kind is by default.
     */
    public static Action of(ActionKind kind, CsRole owner, String template) {
        return new Action(kind, owner, ActionPriority.NORMAL, Duration.ZERO, template, Collections.emptySortedMap(),
                Optional.empty(), Objects.requireNonNull(kind, "action.kind").isCustomerFacingByDefault());
    }

    /** Returns this action with the given priority. */
    public Action withPriority(ActionPriority priority) {
        return new Action(kind, owner, priority, dueIn, template, parameters, dedupeKey, customerFacing);
    }

    /** Returns this action due {@code dueIn} after the evaluation. */
    public Action withDueIn(Duration dueIn) {
        return new Action(kind, owner, priority, dueIn, template, parameters, dedupeKey, customerFacing);
    }

    /** Returns this action with the parameter {@code name} set to {@code value}. */
    public Action withParameter(String name, String value) {
        TreeMap<String, String> copy = new TreeMap<>(parameters);
        copy.put(Checks.id(name, "action.parameters key"), value);
        return new Action(kind, owner, priority, dueIn, template, copy, dedupeKey, customerFacing);
    }

    /** Returns this action with the given dedupe key. */
    public Action withDedupeKey(String dedupeKey) {
        return new Action(kind, owner, priority, dueIn, template, parameters, Optional.of(dedupeKey), customerFacing);
    }

    /** Returns this action marked as reaching the customer, or not. */
    public Action withCustomerFacing(boolean customerFacing) {
        return new Action(kind, owner, priority, dueIn, template, parameters, dedupeKey, customerFacing);
    }

    /** Returns the dedupe key in force: the explicit one, or {@code <playbook>/<rule>/<template>}. */
    public String dedupeKeyIn(String playbook, String rule) {
        return dedupeKey.orElseGet(() -> playbook + "/" + rule + "/" + template);
    }
}
