package dev.kizuna.health.definition;

import dev.kizuna.health.scorecard.ScorecardProvider;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Collecting errors takes time linear in their number: a 1 MB scorecard with 10,000 invalid measures used to take
 * up to 12 s to reject, because every constructor run scanned all the errors recorded so far. The check is
 * structural rather than timed: the list of errors counts how many times its elements are read.
 */
class LinearErrorCollectionTest {

    /** A list of errors that counts every read of an element. */
    static final class CountingList extends ArrayList<DefinitionError> {
        private static final long serialVersionUID = 1L;
        long reads;

        @Override
        public DefinitionError get(int index) {
            reads++;
            return super.get(index);
        }

        @Override
        public Iterator<DefinitionError> iterator() {
            Iterator<DefinitionError> inner = super.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return inner.hasNext();
                }

                @Override
                public DefinitionError next() {
                    reads++;
                    return inner.next();
                }
            };
        }

        @Override
        public Object[] toArray() {
            reads += size();
            return super.toArray();
        }

        @Override
        public <T> T[] toArray(T[] a) {
            reads += size();
            return super.toArray(a);
        }
    }

    @Test
    void tenThousandInvalidMeasuresAreReportedReadingEachErrorAFewTimesOnly() {
        int n = 10_000;
        StringBuilder yaml = new StringBuilder("type: scorecard\nid: big\nversion: 1\nmeasures:\n");
        for (int i = 0; i < n; i++) {
            // A normaliser its constructor rejects: the error is recorded by build(), which used to scan them all.
            yaml.append("- {measure: m").append(i).append(", signal: sentiment.nps, weight: 1, normaliser: {type:")
                    .append(" linear, from: 5, to: 5}}\n");
        }
        assertTrue(yaml.length() > 800_000 && yaml.length() < DefinitionFormat.MAX_DOCUMENT_CHARS,
                "about 1 MB: " + yaml.length());
        CountingList errors = new CountingList();
        DefinitionNode root = DefinitionNode.root(DefinitionFormat.YAML.parse(yaml.toString()), Optional.empty(),
                errors);
        new ScorecardProvider().read(root);
        DefinitionException e = assertThrows(DefinitionException.class, root::throwIfErrors);
        assertEquals(n, e.errors().size());
        assertEquals(new DefinitionError("measures[9999].normaliser", "linear.to: 5 must differ from from"),
                e.errors().get(n - 1));
        // Linear: each error is read a small, fixed number of times (quadratic would be about n * n / 2 reads).
        assertTrue(errors.reads <= 2L * n, "errors were read " + errors.reads + " times for " + n + " errors");
    }

    @Test
    void errorsInsideANodeAreCountedWithoutScanning() {
        CountingList errors = new CountingList();
        DefinitionNode root = DefinitionNode.root(DefinitionFormat.JSON.parse("{\"a\": {\"b\": \"x\"}, \"c\": 1}"),
                Optional.empty(), errors);
        DefinitionNode a = root.required("a");
        DefinitionNode c = root.required("c");
        a.required("b").number();
        assertTrue(a.hasErrorsInside());
        assertTrue(root.hasErrorsInside());
        assertTrue(!c.hasErrorsInside());
        assertEquals(1, root.errorCount());
        assertEquals(0, errors.reads);
    }
}
