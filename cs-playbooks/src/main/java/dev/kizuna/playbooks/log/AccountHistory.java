package dev.kizuna.playbooks.log;

import dev.kizuna.core.AccountId;
import dev.kizuna.playbooks.evaluation.Evaluation;
import dev.kizuna.playbooks.evaluation.RecommendedAction;
import dev.kizuna.playbooks.evaluation.RuleFiring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link ActionLog} knows of one account: the state an evaluation reads. Its firings (for cooldowns, firing
 * limits and sequence steps), its open actions (for dedupe keys), and the instants of its new customer-facing
 * actions (for one voice per customer). Immutable and thread-safe.
 *
 * @param account  the account
 * @param firings  its firings, oldest first
 * @param open     its open actions, by dedupe key
 * @param contacts the instants of its new customer-facing actions, oldest first
 */
public record AccountHistory(AccountId account, List<Firing> firings, List<OpenAction> open, List<Instant> contacts) {
    private static final Comparator<Firing> FIRING_ORDER = Comparator.comparing(Firing::at)
            .thenComparing(Firing::playbook).thenComparing(Firing::rule);

    /** Validates the parts and sorts copies of the lists. */
    public AccountHistory {
        Objects.requireNonNull(account, "account");
        List<Firing> f = new ArrayList<>(Objects.requireNonNull(firings, "firings"));
        f.sort(FIRING_ORDER);
        firings = List.copyOf(f);
        List<OpenAction> o = new ArrayList<>(Objects.requireNonNull(open, "open"));
        o.sort(Comparator.comparing(OpenAction::dedupeKey));
        for (int i = 1; i < o.size(); i++) {
            if (o.get(i).dedupeKey().equals(o.get(i - 1).dedupeKey())) {
                throw new IllegalArgumentException("open: the dedupe key '" + o.get(i).dedupeKey()
                        + "' is open twice");
            }
        }
        open = List.copyOf(o);
        List<Instant> c = new ArrayList<>(Objects.requireNonNull(contacts, "contacts"));
        c.sort(Comparator.naturalOrder());
        contacts = List.copyOf(c);
    }

    /** Returns the history of an account the log has never seen. */
    public static AccountHistory empty(AccountId account) {
        return new AccountHistory(account, List.of(), List.of(), List.of());
    }

    /** Returns whether nothing is known of the account. */
    public boolean isEmpty() {
        return firings.isEmpty() && open.isEmpty() && contacts.isEmpty();
    }

    /** Returns when the rule last fired (held out or not), if it ever did. */
    public Optional<Instant> lastFiring(String playbook, String rule) {
        for (int i = firings.size() - 1; i >= 0; i--) {
            Firing f = firings.get(i);
            if (f.isOf(playbook, rule)) {
                return Optional.of(f.at());
            }
        }
        return Optional.empty();
    }

    /** Returns how many times the rule fired (held out or not) strictly after {@code since}. */
    public int firingsAfter(String playbook, String rule, Instant since) {
        int n = 0;
        for (int i = firings.size() - 1; i >= 0; i--) {
            Firing f = firings.get(i);
            if (!f.at().isAfter(since)) {
                break;
            }
            if (f.isOf(playbook, rule)) {
                n++;
            }
        }
        return n;
    }

    /** Returns how many new customer-facing actions were recommended strictly after {@code since}. */
    public int contactsAfter(Instant since) {
        int n = 0;
        for (int i = contacts.size() - 1; i >= 0 && contacts.get(i).isAfter(since); i--) {
            n++;
        }
        return n;
    }

    /** Returns the open action of the given dedupe key, if there is one. */
    public Optional<OpenAction> open(String dedupeKey) {
        for (OpenAction a : open) {
            if (a.dedupeKey().equals(dedupeKey)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns this history after recording {@code evaluation}, as the {@link ActionLog} contract defines it: every
     * firing is added; every {@linkplain RecommendedAction.Disposition#NEW new} action is opened, and counted as a
     * contact when customer-facing; every {@linkplain RecommendedAction.Disposition#UPDATE update} refreshes the
     * open action's update and due instants (or opens it again if the host closed it meanwhile).
     *
     * @throws IllegalArgumentException if the evaluation is a dry run or of another account
     */
    public AccountHistory plus(Evaluation evaluation) {
        Objects.requireNonNull(evaluation, "evaluation");
        if (evaluation.dryRun()) {
            throw new IllegalArgumentException("evaluation: a dry run of " + evaluation.account()
                    + " must not be recorded");
        }
        if (!evaluation.account().equals(account)) {
            throw new IllegalArgumentException("evaluation.account: " + evaluation.account()
                    + " is not the history's account " + account);
        }
        if (evaluation.firings().isEmpty() && evaluation.actions().isEmpty()) {
            return this;
        }
        Instant at = evaluation.at();
        List<Firing> f = new ArrayList<>(firings);
        for (RuleFiring rf : evaluation.firings()) {
            f.add(new Firing(rf.playbook(), rf.rule(), at, rf.heldOut()));
        }
        List<OpenAction> o = new ArrayList<>(open);
        List<Instant> c = new ArrayList<>(contacts);
        for (RecommendedAction ra : evaluation.actions()) {
            int index = indexOf(o, ra.dedupeKey());
            if (index >= 0) {
                OpenAction old = o.get(index);
                Instant updated = at.isBefore(old.openedAt()) ? old.openedAt() : at;
                o.set(index, new OpenAction(old.dedupeKey(), old.playbook(), old.rule(), old.kind(), old.owner(),
                        old.customerFacing(), old.openedAt(), updated, ra.dueAt()));
            } else {
                o.add(new OpenAction(ra.dedupeKey(), ra.playbook(), ra.rule(), ra.action().kind(),
                        ra.action().owner(), ra.action().customerFacing(), at, at, ra.dueAt()));
            }
            if (ra.disposition() == RecommendedAction.Disposition.NEW && ra.action().customerFacing()) {
                c.add(at);
            }
        }
        return new AccountHistory(account, f, o, c);
    }

    /** Returns this history without the open action of the given key (unchanged if it is not open). */
    public AccountHistory close(String dedupeKey) {
        int index = indexOf(open, dedupeKey);
        if (index < 0) {
            return this;
        }
        List<OpenAction> o = new ArrayList<>(open);
        o.remove(index);
        return new AccountHistory(account, firings, o, contacts);
    }

    /** Returns this history without firings and contacts at or before {@code before}; open actions stay. */
    public AccountHistory prune(Instant before) {
        List<Firing> f = new ArrayList<>();
        for (Firing x : firings) {
            if (x.at().isAfter(before)) {
                f.add(x);
            }
        }
        List<Instant> c = new ArrayList<>();
        for (Instant x : contacts) {
            if (x.isAfter(before)) {
                c.add(x);
            }
        }
        return new AccountHistory(account, f, open, c);
    }

    private static int indexOf(List<OpenAction> open, String dedupeKey) {
        for (int i = 0; i < open.size(); i++) {
            if (open.get(i).dedupeKey().equals(dedupeKey)) {
                return i;
            }
        }
        return -1;
    }
}
