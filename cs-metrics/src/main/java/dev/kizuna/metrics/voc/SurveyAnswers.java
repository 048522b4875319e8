package dev.kizuna.metrics.voc;

import dev.kizuna.core.event.SurveyResponse;

import java.util.Collection;
import java.util.Objects;

/** Walks survey responses of one kind for the VoC calculators, rejecting any other kind by position. */
final class SurveyAnswers {
    private SurveyAnswers() {
    }

    /** What to do with the {@code i}-th response. */
    @FunctionalInterface
    interface Visitor {
        void visit(int index, SurveyResponse response);
    }

    /**
     * Calls {@code visitor} on every response in iteration order.
     *
     * @throws IllegalArgumentException naming the first response of another kind than {@code kind}
     */
    static void forEach(Collection<SurveyResponse> responses, SurveyResponse.Kind kind, Visitor visitor) {
        Objects.requireNonNull(responses, "responses");
        int i = 0;
        for (SurveyResponse r : responses) {
            if (r == null) {
                throw new NullPointerException("responses[" + i + "]: null response");
            }
            if (r.kind() != kind) {
                throw new IllegalArgumentException("responses[" + i + "]: the " + r.kind() + " answer of respondent '"
                        + r.respondentId() + "' of account '" + r.account() + "' is not " + (kind == SurveyResponse.Kind.NPS ? "an " : "a ") + kind
                        + " answer; answers of different kinds are never pooled, select the " + kind + " answers first");
            }
            visitor.visit(i, r);
            i++;
        }
    }
}
