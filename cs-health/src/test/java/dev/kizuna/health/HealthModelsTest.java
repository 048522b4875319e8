package dev.kizuna.health;

import dev.kizuna.health.definition.DefinitionFormat;
import dev.kizuna.health.definition.DefinitionNode;
import dev.kizuna.health.definition.DefinitionWriter;
import dev.kizuna.health.kit.Samples;
import dev.kizuna.health.logistic.LogisticModel;
import dev.kizuna.health.logistic.LogisticProvider;
import dev.kizuna.health.scorecard.ScorecardModel;
import dev.kizuna.health.scorecard.ScorecardProvider;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthModelsTest {

    /** A scorecard provider under another class name. */
    public abstract static class DelegatingProvider implements HealthModelProvider {
        private final ScorecardProvider delegate = new ScorecardProvider();

        @Override
        public String type() {
            return "scorecard";
        }

        @Override
        public Optional<? extends ModelDefinition> read(DefinitionNode root) {
            return delegate.read(root);
        }

        @Override
        public void write(ModelDefinition definition, DefinitionWriter out) {
            delegate.write(definition, out);
        }

        @Override
        public HealthModel create(ModelDefinition definition) {
            return delegate.create(definition);
        }
    }

    /** A provider whose constructor fails, as a provider with a missing dependency would. */
    public static final class ThrowingConstructorProvider extends DelegatingProvider {
        public ThrowingConstructorProvider() {
            throw new IllegalStateException("no licence key");
        }
    }

    /** A provider that loads but fails when asked its type. */
    public static final class BrokenTypeProvider extends DelegatingProvider {
        @Override
        public String type() {
            throw new UnsupportedOperationException("type unknown");
        }
    }

    /** A scorecard provider that outranks the built-in one. */
    public static final class PreferredScorecardProvider extends DelegatingProvider {
        @Override
        public int priority() {
            return 10;
        }
    }

    private static HealthModels withExtraProviders(String... classNames) throws Exception {
        Path dir = Files.createTempDirectory("kizuna-providers");
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve(HealthModelProvider.class.getName()), String.join("\n", classNames) + "\n");
        URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                HealthModelsTest.class.getClassLoader());
        return HealthModels.load(loader);
    }

    @Test
    void builtInProvidersAreDiscovered() {
        HealthModels models = HealthModels.load();
        assertEquals(List.of("logistic", "scorecard"), List.copyOf(models.types()));
        assertEquals(List.of(), models.failures());
        assertInstanceOf(ScorecardProvider.class, models.provider("scorecard"));
        assertInstanceOf(LogisticProvider.class, models.provider("logistic"));
        assertInstanceOf(ScorecardModel.class, models.create(models.read(Samples.SCORECARD_JSON, DefinitionFormat.JSON)));
        assertInstanceOf(LogisticModel.class, models.create(models.read(Samples.LOGISTIC_JSON, DefinitionFormat.JSON)));
    }

    @Test
    void brokenProvidersAreIsolatedAndReportedWhileTheOthersWork() throws Exception {
        HealthModels models = withExtraProviders(
                ThrowingConstructorProvider.class.getName(),
                "dev.kizuna.health.NoSuchProvider",
                BrokenTypeProvider.class.getName());
        assertEquals(3, models.failures().size(), models.failures().toString());
        assertTrue(models.failures().stream().anyMatch(f -> f.problem().contains("NoSuchProvider")),
                models.failures().toString());
        assertTrue(models.failures().stream().anyMatch(f -> f.provider().equals(BrokenTypeProvider.class.getName())),
                models.failures().toString());
        HealthModel model = models.create(models.read(Samples.SCORECARD_JSON, DefinitionFormat.JSON));
        assertTrue(model.score(Samples.portfolio(Fixtures.NOW, 1).get(0), Fixtures.NOW).isScored());
    }

    @Test
    void higherPriorityWinsUnlessAnotherProviderIsChosenExplicitly() throws Exception {
        HealthModels models = withExtraProviders(PreferredScorecardProvider.class.getName());
        assertInstanceOf(PreferredScorecardProvider.class, models.provider("scorecard"));
        HealthModels explicit = models.prefer("scorecard", ScorecardProvider.class.getName());
        assertInstanceOf(ScorecardProvider.class, explicit.provider("scorecard"));
        HealthModels unknownChoice = models.prefer("scorecard", "com.example.Missing");
        assertInstanceOf(PreferredScorecardProvider.class, unknownChoice.provider("scorecard"));
    }

    @Test
    void systemPropertyChoosesAProviderExplicitly() throws Exception {
        String property = HealthModels.PROVIDER_PROPERTY_PREFIX + "scorecard";
        System.setProperty(property, ScorecardProvider.class.getName());
        try {
            HealthModels models = withExtraProviders(PreferredScorecardProvider.class.getName());
            assertInstanceOf(ScorecardProvider.class, models.provider("scorecard"));
        } finally {
            System.clearProperty(property);
        }
    }

    @Test
    void selectionIsRememberedPerRegistry() {
        HealthModels models = HealthModels.load();
        assertSame(models.provider("scorecard"), models.provider("scorecard"));
    }

    @Test
    void unknownTypeNamesTheKnownTypes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HealthModels.load().provider("neural"));
        assertEquals("type: no health-model provider creates 'neural'; the known types are [logistic, scorecard]",
                e.getMessage());
    }

    @Test
    void explicitProviderListNeedsNoDiscovery() {
        HealthModels models = HealthModels.of(List.of(new LogisticProvider()));
        assertEquals(List.of("logistic"), List.copyOf(models.types()));
    }
}
