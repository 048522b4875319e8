package dev.kizuna.playbooks.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kizuna.health.definition.DefinitionException;
import dev.kizuna.health.definition.DefinitionFormat;
import dev.kizuna.health.kit.DefinitionMutations;
import dev.kizuna.playbooks.Condition;
import dev.kizuna.playbooks.Playbook;
import dev.kizuna.playbooks.RuleSet;
import dev.kizuna.playbooks.starter.StarterPlaybooks;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Mutated valid rule sets and playbooks (the starter playbooks, plus one with declared signals) either read whole,
 * with every playbook, rule, action and condition of the document in the result, or fail with a {@link DefinitionException}
 * whose errors say where; never with another exception ({@code NoSuchElementException} was one), and never smaller.
 */
class DefinitionMutationProperties {
    private static final PlaybookDefinitions DEFINITIONS = PlaybookDefinitions.standard();

    static final String DECLARED = """
            id: seats
            purpose: EXPANSION
            signals: {custom.seats: {min: 0, whole: true}}
            rules:
              - id: near-limit
                when:
                  all:
                    - {signal: custom.seats, atLeast: 45}
                    - {fact: health_band, in: [green, yellow]}
                    - not: {fact: stage, in: [CONVERSION]}
                    - {signal: custom.seats, change: {window: P30D}, above: 0.2}
                actions:
                  - {kind: TASK, owner: CS_LEAD, template: upsell, parameters: {channel: email}, dedupeKey: a/b}
                limit: {max: 2, window: P90D}
            """;

    static JsonNode ruleSet() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.putObject("oneVoice").put("max", 1).put("window", "P7D");
        ArrayNode list = root.putArray("playbooks");
        for (String id : StarterPlaybooks.ids()) {
            list.add(DefinitionFormat.YAML.parse(StarterPlaybooks.definition(id)));
        }
        list.add(DefinitionFormat.YAML.parse(DECLARED));
        return root;
    }

    @Provide
    Arbitrary<List<Integer>> plans() {
        return Arbitraries.integers().list().ofMinSize(2).ofMaxSize(6);
    }

    @Property(tries = 800)
    void aMutatedRuleSetReadsWholeOrFailsWithPaths(@ForAll("plans") List<Integer> plan, @ForAll boolean yaml) {
        JsonNode mutated = DefinitionMutations.mutate(ruleSet(), plan);
        DefinitionFormat format = yaml ? DefinitionFormat.YAML : DefinitionFormat.JSON;
        String text = format.write(mutated);
        try {
            RuleSet read = DEFINITIONS.readRuleSet(text, format);
            assertEquals(mutated.get("playbooks").size(), read.playbooks().size(), text);
            for (int i = 0; i < read.playbooks().size(); i++) {
                assertWhole(mutated.get("playbooks").get(i), read.playbooks().get(i), text);
            }
            assertEquals(read, DEFINITIONS.readRuleSet(DEFINITIONS.write(read, format), format));
        } catch (DefinitionException e) {
            assertSays(e, text);
        } catch (RuntimeException | StackOverflowError e) {
            fail("not a definition error: " + e + "\n" + text, e);
        }
    }

    @Property(tries = 500)
    void aMutatedPlaybookReadsWholeOrFailsWithPaths(@ForAll("plans") List<Integer> plan, @ForAll boolean yaml) {
        JsonNode mutated = DefinitionMutations.mutate(DefinitionFormat.YAML.parse(DECLARED), plan);
        DefinitionFormat format = yaml ? DefinitionFormat.YAML : DefinitionFormat.JSON;
        String text = format.write(mutated);
        try {
            Playbook read = DEFINITIONS.readPlaybook(text, format);
            assertWhole(mutated, read, text);
            assertEquals(read, DEFINITIONS.readPlaybook(DEFINITIONS.write(read, format), format));
        } catch (DefinitionException e) {
            assertSays(e, text);
        } catch (RuntimeException | StackOverflowError e) {
            fail("not a definition error: " + e + "\n" + text, e);
        }
    }

    private static void assertSays(DefinitionException e, String text) {
        assertFalse(e.errors().isEmpty(), text);
        // Each error says where: a path, or (at the root) the missing field it names.
        assertTrue(e.errors().stream().allMatch(err -> !err.path().isEmpty()
                || err.message().startsWith("missing required field '")), () -> e.getMessage() + "\n" + text);
    }

    private static void assertWhole(JsonNode document, Playbook read, String text) {
        JsonNode rules = document.get("rules");
        assertEquals(rules.size(), read.rules().size(), text);
        for (int i = 0; i < rules.size(); i++) {
            assertEquals(rules.get(i).get("actions").size(), read.rules().get(i).actions().size(), text);
            assertEquals(tests(rules.get(i).get("when")), tests(read.rules().get(i).trigger().condition()), text);
        }
    }

    /** Returns the number of tests (leaves) of a condition in a document. */
    private static int tests(JsonNode when) {
        for (String combinator : List.of("all", "any")) {
            if (when.has(combinator)) {
                int n = 0;
                for (JsonNode part : when.get(combinator)) {
                    n += tests(part);
                }
                return n;
            }
        }
        return when.has("not") ? tests(when.get("not")) : 1;
    }

    /** Returns the number of tests (leaves) of a condition read. */
    private static int tests(Condition condition) {
        if (condition instanceof Condition.All all) {
            return all.parts().stream().mapToInt(DefinitionMutationProperties::tests).sum();
        }
        if (condition instanceof Condition.Any any) {
            return any.parts().stream().mapToInt(DefinitionMutationProperties::tests).sum();
        }
        if (condition instanceof Condition.Not not) {
            return tests(not.part());
        }
        return 1;
    }
}
