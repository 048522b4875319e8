package dev.kizuna.health.definition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthModelProvider;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.ModelDefinition;
import dev.kizuna.health.kit.Samples;
import dev.kizuna.health.scorecard.ScorecardProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A provider writes through the toolkit's writer, which it cannot keep, misuse or leave without a type. */
class DefinitionWriterTest {

    @Test
    void fieldsAreWrittenInOrderAndNestedWritersFillTheirParts() {
        ObjectNode tree = DefinitionWriter.write(out -> {
            out.put("type", "t").put("weight", 0.5).put("count", 3L).put("on", true);
            out.object("inner").put("x", -0.0);
            DefinitionWriter.Array list = out.array("list");
            list.add("a").add(2.5).addObject().put("y", 1L);
        });
        assertEquals("{\"type\":\"t\",\"weight\":0.5,\"count\":3,\"on\":true,\"inner\":{\"x\":-0.0},"
                + "\"list\":[\"a\",2.5,{\"y\":1}]}", tree.toString());
    }

    @Test
    void aWriterKeptAfterTheWriteCannotChangeTheDocument() {
        AtomicReference<DefinitionWriter> kept = new AtomicReference<>();
        AtomicReference<DefinitionWriter.Array> keptArray = new AtomicReference<>();
        ObjectNode tree = DefinitionWriter.write(out -> {
            kept.set(out.object("inner"));
            keptArray.set(out.array("list"));
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> kept.get().put("late", 1L));
        assertTrue(e.getMessage().contains("already handed over"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> keptArray.get().add("late"));
        assertEquals("{\"inner\":{},\"list\":[]}", tree.toString());
    }

    @Test
    void aFieldIsWrittenOnceAndNumbersAreFinite() {
        assertEquals("field: 'a' was already written", assertThrows(IllegalArgumentException.class,
                () -> DefinitionWriter.write(out -> out.put("a", 1L).put("a", "again"))).getMessage());
        assertEquals("weight: NaN is not finite; a definition holds finite numbers only",
                assertThrows(IllegalArgumentException.class,
                        () -> DefinitionWriter.write(out -> out.put("weight", Double.NaN))).getMessage());
    }

    @Test
    void aProviderThatWritesNoTypeIsCaughtByTheToolkit() {
        HealthModelProvider typeless = new HealthModelProvider() {
            private final ScorecardProvider delegate = new ScorecardProvider();

            @Override
            public String type() {
                return delegate.type();
            }

            @Override
            public Optional<? extends ModelDefinition> read(DefinitionNode root) {
                return delegate.read(root);
            }

            @Override
            public void write(ModelDefinition definition, DefinitionWriter out) {
                out.put("id", definition.id().id());
            }

            @Override
            public HealthModel create(ModelDefinition definition) {
                return delegate.create(definition);
            }
        };
        ModelDefinition definition = HealthModels.of(List.of(new ScorecardProvider()))
                .read(Samples.SCORECARD_JSON, DefinitionFormat.JSON);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> HealthModels.of(List.of(typeless)).tree(definition));
        assertTrue(e.getMessage().contains("with the type field null"), e.getMessage());
    }
}
