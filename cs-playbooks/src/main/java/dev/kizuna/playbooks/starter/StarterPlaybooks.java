package dev.kizuna.playbooks.starter;

import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.definition.DefinitionFormat;
import dev.kizuna.playbooks.OneVoice;
import dev.kizuna.playbooks.Playbook;
import dev.kizuna.playbooks.RuleSet;
import dev.kizuna.playbooks.definition.PlaybookDefinitions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The starter playbooks of customer-success practice, shipped as ready YAML definitions (read them with
 * {@link #definition(String)}, copy and adapt them). They read only well-known signals
 * ({@link SignalName#catalogue()}).
 *
 * <ul>
 *   <li>{@value #ONBOARDING_STALLED}: milestones overdue in onboarding; the CSM re-engages, two weeks later the CS
 *       lead steps in (a sequence);</li>
 *   <li>{@value #LOW_ADOPTION_NUDGE}: low licence utilisation and feature breadth; tips and success stories, with a
 *       10% control group;</li>
 *   <li>{@value #RED_ACCOUNT_ESCALATION}: on entering red, the red-account programme; while red, a monthly review; a
 *       30% usage drop, a call (exclusive);</li>
 *   <li>{@value #RENEWAL}: 90, 60 and 30 days before renewal, and an EBR for the top tier;</li>
 *   <li>{@value #EXPANSION_CSQL}: CSQLs to sales near the seat limit, on a feature-use spike, and when green before
 *       renewal;</li>
 *   <li>{@value #CHAMPION_ADVOCACY}: a promoter with green health is invited to advocate;</li>
 *   <li>{@value #DETRACTOR_RECOVERY}: a detractor's answer is followed up within three days.</li>
 * </ul>
 *
 * <p>{@link #ruleSet()} runs them together with one voice per customer: at most one new customer-facing action per
 * account per seven days. Thread-safe; the definitions are read once.
 */
public final class StarterPlaybooks {
    /** The id of the onboarding-stalled playbook. */
    public static final String ONBOARDING_STALLED = "onboarding-stalled";
    /** The id of the low-adoption nudge. */
    public static final String LOW_ADOPTION_NUDGE = "low-adoption-nudge";
    /** The id of the red-account escalation. */
    public static final String RED_ACCOUNT_ESCALATION = "red-account-escalation";
    /** The id of the renewal playbook. */
    public static final String RENEWAL = "renewal";
    /** The id of the expansion CSQL playbook. */
    public static final String EXPANSION_CSQL = "expansion-csql";
    /** The id of the champion and advocacy playbook. */
    public static final String CHAMPION_ADVOCACY = "champion-advocacy";
    /** The id of the detractor-recovery playbook. */
    public static final String DETRACTOR_RECOVERY = "detractor-recovery";

    /** The one-voice cap of {@link #ruleSet()}: one new customer-facing action per account per seven days. */
    public static final OneVoice ONE_VOICE = OneVoice.of(1, Duration.ofDays(7));

    private static final List<String> IDS = List.of(ONBOARDING_STALLED, LOW_ADOPTION_NUDGE, RED_ACCOUNT_ESCALATION,
            RENEWAL, EXPANSION_CSQL, CHAMPION_ADVOCACY, DETRACTOR_RECOVERY);

    private StarterPlaybooks() {
    }

    /** Loaded on first use. */
    private static final class Loaded {
        static final Map<String, String> TEXTS;
        static final Map<String, Playbook> PLAYBOOKS;

        static {
            Map<String, String> texts = new LinkedHashMap<>();
            Map<String, Playbook> playbooks = new LinkedHashMap<>();
            PlaybookDefinitions reader = PlaybookDefinitions.withCatalogue(SignalName.catalogue());
            for (String id : IDS) {
                String text = read(id + ".yaml");
                texts.put(id, text);
                playbooks.put(id, reader.readPlaybook(text, DefinitionFormat.YAML));
            }
            TEXTS = Collections.unmodifiableMap(texts);
            PLAYBOOKS = Collections.unmodifiableMap(playbooks);
        }

        private static String read(String resource) {
            try (InputStream in = StarterPlaybooks.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the starter playbook " + resource + " is missing from the jar");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the starter playbook " + resource, e);
            }
        }
    }

    /** Returns the ids of the starter playbooks, in the order above. */
    public static List<String> ids() {
        return IDS;
    }

    /** Returns every starter playbook, in the order above. */
    public static List<Playbook> all() {
        return new ArrayList<>(Loaded.PLAYBOOKS.values());
    }

    /**
     * Returns the starter playbook of the given id.
     *
     * @throws IllegalArgumentException if there is none
     */
    public static Playbook get(String id) {
        Objects.requireNonNull(id, "id");
        Playbook p = Loaded.PLAYBOOKS.get(id);
        if (p == null) {
            throw new IllegalArgumentException("id: '" + id + "' is not a starter playbook; they are " + IDS);
        }
        return p;
    }

    /** Returns the YAML definition of the starter playbook of the given id, comments included. */
    public static String definition(String id) {
        get(id);
        return Loaded.TEXTS.get(id);
    }

    /** Returns every starter playbook in one rule set, with {@link #ONE_VOICE}. */
    public static RuleSet ruleSet() {
        return RuleSet.of(all()).withOneVoice(ONE_VOICE);
    }
}
