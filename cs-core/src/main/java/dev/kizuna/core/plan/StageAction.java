package dev.kizuna.core.plan;

import dev.kizuna.core.internal.Checks;
import dev.kizuna.core.journey.JourneyStage;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A repeatable action of a journey stage: what to do, who owns it (one role per task), the resources it uses, and,
 * for a handoff between teams, the role that takes over when it is done (such as sales handing a new customer to
 * its CSM at conversion, or a CSM handing a qualified expansion lead back to sales).
 *
 * @param stage       the journey stage the action belongs to
 * @param description what to do
 * @param ownerRole   the one role that owns the action
 * @param resources   what the action uses (guides, decks, trainings, templates), in order; each non-blank
 * @param handoffTo   the role that takes over afterwards, for a handoff; never the owner itself
 */
public record StageAction(
        JourneyStage stage,
        String description,
        CsRole ownerRole,
        List<String> resources,
        Optional<CsRole> handoffTo) {

    /** Validates every part and copies the resources. */
    public StageAction {
        Objects.requireNonNull(stage, "action.stage");
        Checks.nonBlank(description, "action.description");
        Objects.requireNonNull(ownerRole, "action.ownerRole");
        resources = PlanChecks.texts(resources, "action.resources");
        Objects.requireNonNull(handoffTo, "action.handoffTo");
        if (handoffTo.isPresent() && handoffTo.get() == ownerRole) {
            throw new IllegalArgumentException("action.handoffTo: " + ownerRole
                    + " is the action's own owner role; a handoff goes to another role");
        }
    }

    /** Returns an action without a handoff. */
    public static StageAction of(JourneyStage stage, String description, CsRole ownerRole, List<String> resources) {
        return new StageAction(stage, description, ownerRole, resources, Optional.empty());
    }

    /** Returns an action that ends in a handoff from {@code ownerRole} to {@code handoffTo}. */
    public static StageAction handoff(JourneyStage stage, String description, CsRole ownerRole, CsRole handoffTo,
                                      List<String> resources) {
        return new StageAction(stage, description, ownerRole, resources,
                Optional.of(Objects.requireNonNull(handoffTo, "action.handoffTo")));
    }

    /** Returns whether the action ends in a handoff to another role. */
    public boolean isHandoff() {
        return handoffTo.isPresent();
    }
}
