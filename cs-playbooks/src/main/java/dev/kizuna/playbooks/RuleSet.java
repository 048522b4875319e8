package dev.kizuna.playbooks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The playbooks a host runs together, and the coordination between them: {@linkplain OneVoice one voice per
 * customer}. Immutable and thread-safe. {@link dev.kizuna.playbooks.engine.CompiledRuleSet#compile} turns it into the
 * form the engine evaluates.
 *
 * @param playbooks the playbooks, ids unique
 * @param oneVoice  the cap on customer-facing actions per account, if any
 */
public record RuleSet(List<Playbook> playbooks, Optional<OneVoice> oneVoice) {

    /** The most playbooks one rule set may have. */
    public static final int MAX_PLAYBOOKS = 1_000;

    /** Validates that playbook ids are unique, and copies the list. */
    public RuleSet {
        Objects.requireNonNull(playbooks, "playbooks");
        Objects.requireNonNull(oneVoice, "oneVoice");
        if (playbooks.size() > MAX_PLAYBOOKS) {
            throw new IllegalArgumentException("playbooks: " + playbooks.size() + " is over the limit of "
                    + MAX_PLAYBOOKS);
        }
        playbooks = List.copyOf(playbooks);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < playbooks.size(); i++) {
            if (!ids.add(playbooks.get(i).id())) {
                throw new IllegalArgumentException("playbooks[" + i + "].id: '" + playbooks.get(i).id()
                        + "' is a duplicate");
            }
        }
    }

    /** Returns the rule set of the given playbooks, without a one-voice cap. */
    public static RuleSet of(List<Playbook> playbooks) {
        return new RuleSet(playbooks, Optional.empty());
    }

    /** Returns the rule set of the given playbooks, without a one-voice cap. */
    public static RuleSet of(Playbook... playbooks) {
        return of(List.of(playbooks));
    }

    /** Returns this rule set with the given one-voice cap. */
    public RuleSet withOneVoice(OneVoice oneVoice) {
        return new RuleSet(playbooks, Optional.of(oneVoice));
    }

    /** Returns this rule set with {@code more} playbooks added. */
    public RuleSet plus(List<Playbook> more) {
        List<Playbook> all = new ArrayList<>(playbooks);
        all.addAll(more);
        return new RuleSet(all, oneVoice);
    }

    /** Returns the playbook of the given id, if there is one. */
    public Optional<Playbook> playbook(String id) {
        return playbooks.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Returns the number of rules over all playbooks. */
    public int ruleCount() {
        int n = 0;
        for (Playbook p : playbooks) {
            n += p.rules().size();
        }
        return n;
    }
}
