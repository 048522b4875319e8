package dev.kizuna.playbooks.engine;

import dev.kizuna.playbooks.Criterion;
import dev.kizuna.playbooks.Fact;
import java.util.Optional;

/**
 * One resolved number of a compiled rule set: a numeric fact's value, or whether a categorical fact is in a set
 * (1 or 0). NaN when the fact is missing.
 */
record Slot(Fact fact, Optional<Criterion.In> membership) {
}
