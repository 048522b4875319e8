package dev.kizuna.playbooks;

import dev.kizuna.core.internal.Checks;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One rule of a playbook: when its trigger fires for an account, it recommends its actions. Immutable and
 * thread-safe; build one with {@link #builder(String)}.
 *
 * <p><b>Order.</b> Rules are evaluated by descending {@code priority}, then by playbook id, then by rule id, so the
 * order is total and never depends on declaration order; equal priorities never hide a rule.
 *
 * <p><b>Rhythm.</b> After a rule fires for an account it does not fire again for that account within its
 * {@code cooldown}; with a {@link FiringLimit} it fires at most {@code max} times within any trailing window. In a
 * {@linkplain Playbook.Mode#SEQUENCE sequence} playbook, {@code delay} is the wait after the previous step fired.
 *
 * @param id          the rule's id, unique within its playbook
 * @param priority    higher first
 * @param description what the rule is for, if said
 * @param trigger     when it fires
 * @param actions     what it recommends, 1 to {@value #MAX_ACTIONS}
 * @param cooldown    the least time between two firings for one account; zero for none
 * @param limit       the most firings per window, if limited
 * @param delay       in a sequence playbook, the wait after the previous step; zero otherwise
 */
public record Rule(
        String id,
        int priority,
        Optional<String> description,
        Trigger trigger,
        List<Action> actions,
        Duration cooldown,
        Optional<FiringLimit> limit,
        Duration delay) {

    /** The most actions one rule may recommend. */
    public static final int MAX_ACTIONS = 20;

    /** Validates every part and copies the actions. */
    public Rule {
        Checks.id(id, "rule.id");
        Objects.requireNonNull(description, "rule.description");
        description.ifPresent(d -> Checks.nonBlank(d, "rule " + id + ".description"));
        Objects.requireNonNull(trigger, "rule " + id + ".trigger");
        Objects.requireNonNull(actions, "rule " + id + ".actions");
        if (actions.isEmpty() || actions.size() > MAX_ACTIONS) {
            throw new IllegalArgumentException("rule " + id + ".actions: " + actions.size()
                    + " actions; a rule needs 1 to " + MAX_ACTIONS);
        }
        actions = List.copyOf(actions);
        Checks.delay(cooldown, "rule " + id + ".cooldown");
        Objects.requireNonNull(limit, "rule " + id + ".limit");
        Checks.delay(delay, "rule " + id + ".delay");
    }

    /** Returns a builder of the rule with the given id. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Builds a {@link Rule}. Not thread-safe; the rule it builds is. */
    public static final class Builder {
        private final String id;
        private int priority;
        private @Nullable String description;
        private @Nullable Trigger trigger;
        private final List<Action> actions = new ArrayList<>();
        private Duration cooldown = Duration.ZERO;
        private @Nullable FiringLimit limit;
        private Duration delay = Duration.ZERO;

        private Builder(String id) {
            this.id = Objects.requireNonNull(id, "rule.id");
        }

        /** Sets the priority; higher is evaluated first. Default 0. */
        public Builder priority(int priority) {
            this.priority = priority;
            return this;
        }

        /** Sets what the rule is for. */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /** Sets the trigger. */
        public Builder trigger(Trigger trigger) {
            this.trigger = Objects.requireNonNull(trigger, "trigger");
            return this;
        }

        /** Sets a level trigger: the rule fires while {@code condition} holds. */
        public Builder when(Condition condition) {
            return trigger(Trigger.when(condition));
        }

        /** Sets an edge trigger: the rule fires when {@code condition} starts to hold. */
        public Builder onEntering(Condition condition) {
            return trigger(Trigger.onEntering(condition));
        }

        /** Adds an action. */
        public Builder action(Action action) {
            actions.add(Objects.requireNonNull(action, "action"));
            return this;
        }

        /** Sets the cooldown per account. Default none. */
        public Builder cooldown(Duration cooldown) {
            this.cooldown = Objects.requireNonNull(cooldown, "cooldown");
            return this;
        }

        /** Limits the rule to {@code max} firings per account within any trailing {@code window}. */
        public Builder limit(int max, Duration window) {
            this.limit = FiringLimit.of(max, window);
            return this;
        }

        /** Sets the wait after the previous step, in a sequence playbook. */
        public Builder delay(Duration delay) {
            this.delay = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /**
         * Builds the rule.
         *
         * @throws IllegalArgumentException if the trigger is missing or any part is invalid
         */
        public Rule build() {
            if (trigger == null) {
                throw new IllegalArgumentException("rule " + id + ".trigger: is required");
            }
            return new Rule(id, priority, Optional.ofNullable(description), trigger, actions, cooldown,
                    Optional.ofNullable(limit), delay);
        }
    }
}
