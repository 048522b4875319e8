package dev.kizuna.examples.cli.demo;

import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.definition.DefinitionFormat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The scorecard the demo backtests, {@code demo-scorecard.yaml} beside this class. */
public final class DemoScorecard {
    public static final String RESOURCE = "demo-scorecard.yaml";

    private DemoScorecard() {
    }

    /** Returns the definition's YAML text. */
    public static String yaml() {
        try (InputStream in = DemoScorecard.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the model. */
    public static HealthModel model() {
        HealthModels registry = HealthModels.load();
        return registry.create(registry.read(yaml(), DefinitionFormat.YAML));
    }
}
