package dev.kizuna.core.plan;

import dev.kizuna.core.internal.Checks;
import dev.kizuna.core.journey.JourneyStage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Who the customer is and what it wants: the first part of a success plan, from which its goals and actions follow.
 *
 * <p>Build one with {@link #builder(String, String, JourneyStage)}; the lists are optional and keep the order given.
 * Every text is non-blank and at most 10,000 characters.
 *
 * @param persona        the main persona served, such as {@code "Head of support operations"}
 * @param industry       the customer's industry, such as {@code "Retail banking"}
 * @param businessGoals  the business outcomes the customer bought the product for
 * @param challenges     what stands in the way of those outcomes
 * @param knowledgeGaps  what the customer's people still need to learn
 * @param successFactors what must hold for the customer to succeed (an executive sponsor, clean data, ...)
 * @param stage          the customer's position in its journey when the profile was written
 */
public record CustomerProfile(
        String persona,
        String industry,
        List<String> businessGoals,
        List<String> challenges,
        List<String> knowledgeGaps,
        List<String> successFactors,
        JourneyStage stage) {

    /** Validates every part and copies the lists. */
    public CustomerProfile {
        Checks.nonBlank(persona, "profile.persona");
        Checks.nonBlank(industry, "profile.industry");
        businessGoals = PlanChecks.texts(businessGoals, "profile.businessGoals");
        challenges = PlanChecks.texts(challenges, "profile.challenges");
        knowledgeGaps = PlanChecks.texts(knowledgeGaps, "profile.knowledgeGaps");
        successFactors = PlanChecks.texts(successFactors, "profile.successFactors");
        Objects.requireNonNull(stage, "profile.stage");
    }

    /** Returns a builder for the profile of a customer of the given persona and industry, at the given stage. */
    public static Builder builder(String persona, String industry, JourneyStage stage) {
        return new Builder(persona, industry, stage);
    }

    /** Returns this profile with the customer at {@code newStage}. */
    public CustomerProfile withStage(JourneyStage newStage) {
        return new CustomerProfile(persona, industry, businessGoals, challenges, knowledgeGaps, successFactors, newStage);
    }

    /** Builds a {@link CustomerProfile}. Not thread-safe; the profile it builds is. */
    public static final class Builder {
        private final String persona;
        private final String industry;
        private final JourneyStage stage;
        private final List<String> businessGoals = new ArrayList<>();
        private final List<String> challenges = new ArrayList<>();
        private final List<String> knowledgeGaps = new ArrayList<>();
        private final List<String> successFactors = new ArrayList<>();

        private Builder(String persona, String industry, JourneyStage stage) {
            this.persona = Objects.requireNonNull(persona, "profile.persona");
            this.industry = Objects.requireNonNull(industry, "profile.industry");
            this.stage = Objects.requireNonNull(stage, "profile.stage");
        }

        /** Adds a business goal. */
        public Builder businessGoal(String goal) {
            businessGoals.add(Objects.requireNonNull(goal, "profile.businessGoals[]"));
            return this;
        }

        /** Adds a challenge. */
        public Builder challenge(String challenge) {
            challenges.add(Objects.requireNonNull(challenge, "profile.challenges[]"));
            return this;
        }

        /** Adds a knowledge gap. */
        public Builder knowledgeGap(String gap) {
            knowledgeGaps.add(Objects.requireNonNull(gap, "profile.knowledgeGaps[]"));
            return this;
        }

        /** Adds a success factor. */
        public Builder successFactor(String factor) {
            successFactors.add(Objects.requireNonNull(factor, "profile.successFactors[]"));
            return this;
        }

        /**
         * Builds the profile.
         *
         * @throws IllegalArgumentException naming the first invalid part
         */
        public CustomerProfile build() {
            return new CustomerProfile(persona, industry, businessGoals, challenges, knowledgeGaps, successFactors, stage);
        }
    }
}
