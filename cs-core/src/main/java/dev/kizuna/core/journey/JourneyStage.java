package dev.kizuna.core.journey;

/**
 * The stages of the customer journey, in order. Each says who leads it and what success means there.
 */
public enum JourneyStage {
    /** Marketing leads; success is a good first impression and an understanding of how the product helps. */
    AWARENESS("marketing"),
    /** Sales leads; success is offers, recommendations and touchpoints fitted to the customer. */
    CONSIDERATION("sales"),
    /** CS leads onboarding; success is a smooth handoff from sales after purchase and onboarding under way. */
    CONVERSION("customer success"),
    /** CS leads; success is continued use, training, renewal, and upsell or cross-sell where it fits. */
    RETENTION("customer success"),
    /** CS leads; success is referrals and reviews from good experiences, and feedback collected. */
    ADVOCACY("customer success");

    private final String leadBy;

    JourneyStage(String leadBy) {
        this.leadBy = leadBy;
    }

    /** Returns the team that leads this stage. */
    public String leadBy() {
        return leadBy;
    }

    /** Returns whether this stage comes after {@code other} in the journey. */
    public boolean isAfter(JourneyStage other) {
        return ordinal() > other.ordinal();
    }
}
