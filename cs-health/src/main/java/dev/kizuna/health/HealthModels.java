package dev.kizuna.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.definition.DefinitionException;
import dev.kizuna.health.definition.DefinitionFormat;
import dev.kizuna.health.definition.DefinitionNode;
import dev.kizuna.core.internal.NearestName;
import dev.kizuna.health.definition.DefinitionWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The health-model providers available to the application, and the entry point for reading definitions and
 * creating models.
 *
 * <pre>{@code
 * HealthModels models = HealthModels.load();
 * HealthModel scorecard = models.create(Path.of("scorecard.yaml"));
 * HealthScore score = scorecard.score(snapshot, Instant.now());
 * }</pre>
 *
 * <p><b>Discovery.</b> {@link #load()} finds providers with {@link ServiceLoader} (module path and class path). A
 * provider that fails to load ({@link ServiceConfigurationError}) or throws when asked its type or priority is left
 * out, logged as a warning through SLF4J and listed in {@link #failures()}; the other providers still work.
 *
 * <p><b>Selection</b> of the provider for a model type is deterministic:
 * <ol>
 *   <li>an explicit choice, made with {@link #prefer(String, String)} or with the system property
 *       {@code dev.kizuna.health.provider.<type>} set to the provider's class name, wins when that provider was
 *       loaded (otherwise a warning is logged and selection goes on);</li>
 *   <li>then the highest {@link HealthModelProvider#priority()};</li>
 *   <li>then the smallest class name.</li>
 * </ol>
 * The provider chosen for each type is logged once per {@code HealthModels} instance, at info level.
 *
 * <p>Immutable apart from that log-once memory, and thread-safe.
 */
public final class HealthModels {
    /** The prefix of the system properties that choose a provider explicitly, followed by the model type. */
    public static final String PROVIDER_PROPERTY_PREFIX = "dev.kizuna.health.provider.";

    private static final Logger LOG = LoggerFactory.getLogger(HealthModels.class);
    private static final int MAX_LOAD_ATTEMPTS = 1_000;

    private final List<HealthModelProvider> providers;
    private final List<ProviderFailure> failures;
    private final Map<String, String> explicit;
    private final Map<String, HealthModelProvider> chosen = new ConcurrentHashMap<>();

    private HealthModels(List<HealthModelProvider> providers, List<ProviderFailure> failures,
                         Map<String, String> explicit) {
        this.providers = List.copyOf(providers);
        this.failures = List.copyOf(failures);
        this.explicit = Map.copyOf(explicit);
    }

    /** Loads the providers visible to this module and to the thread's context class loader. */
    public static HealthModels load() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return load(context != null ? context : HealthModels.class.getClassLoader());
    }

    /** Loads the providers visible to {@code loader}. */
    public static HealthModels load(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        return fromServiceLoader(ServiceLoader.load(HealthModelProvider.class, loader));
    }

    /** Returns a registry of exactly the given providers, without discovery (for hosts that wire providers). */
    public static HealthModels of(List<? extends HealthModelProvider> providers) {
        List<HealthModelProvider> accepted = new ArrayList<>();
        List<ProviderFailure> failures = new ArrayList<>();
        for (HealthModelProvider p : providers) {
            accept(Objects.requireNonNull(p, "providers[]"), accepted, failures);
        }
        return new HealthModels(sorted(accepted), failures, Map.of());
    }

    private static HealthModels fromServiceLoader(ServiceLoader<HealthModelProvider> loader) {
        List<HealthModelProvider> accepted = new ArrayList<>();
        List<ProviderFailure> failures = new ArrayList<>();
        Iterator<HealthModelProvider> it = loader.iterator();
        for (int attempt = 0; attempt < MAX_LOAD_ATTEMPTS; attempt++) {
            HealthModelProvider provider;
            try {
                if (!it.hasNext()) {
                    break;
                }
                provider = it.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                // As SLF4J does: isolate the broken provider, report it, and go on with the next one.
                ProviderFailure failure = new ProviderFailure("(unknown)", String.valueOf(e.getMessage()));
                LOG.warn("A health-model provider failed to load and is ignored: {}", failure.problem(), e);
                failures.add(failure);
                continue;
            }
            accept(provider, accepted, failures);
        }
        if (accepted.isEmpty()) {
            LOG.warn("No health-model provider was found; is cs-health on the class path or module path?");
        }
        return new HealthModels(sorted(accepted), failures, Map.of());
    }

    private static void accept(HealthModelProvider provider, List<HealthModelProvider> accepted,
                               List<ProviderFailure> failures) {
        String name = provider.getClass().getName();
        try {
            String type = provider.type();
            provider.priority();
            if (type == null || type.isBlank()) {
                throw new IllegalStateException("its type() is blank");
            }
            accepted.add(provider);
        } catch (RuntimeException e) {
            ProviderFailure failure = new ProviderFailure(name, "it failed when asked its type or priority: " + e);
            LOG.warn("The health-model provider {} is ignored: {}", name, failure.problem(), e);
            failures.add(failure);
        }
    }

    private static List<HealthModelProvider> sorted(List<HealthModelProvider> providers) {
        List<HealthModelProvider> out = new ArrayList<>(providers);
        out.sort(Comparator.comparing(HealthModelProvider::type)
                .thenComparing(Comparator.comparingInt(HealthModelProvider::priority).reversed())
                .thenComparing(p -> p.getClass().getName()));
        return out;
    }

    /**
     * Returns a registry like this one in which {@code providerClassName} is the explicit choice for
     * {@code type}.
     */
    public HealthModels prefer(String type, String providerClassName) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(providerClassName, "providerClassName");
        Map<String, String> choices = new TreeMap<>(explicit);
        choices.put(type, providerClassName);
        return new HealthModels(providers, failures, choices);
    }

    /** Returns every provider loaded, by type, then by selection order. */
    public List<HealthModelProvider> providers() {
        return providers;
    }

    /** Returns the providers that failed to load or misbehaved, in the order found. */
    public List<ProviderFailure> failures() {
        return failures;
    }

    /** Returns every model type some provider creates, sorted. */
    public SortedSet<String> types() {
        SortedSet<String> types = new TreeSet<>();
        for (HealthModelProvider p : providers) {
            types.add(p.type());
        }
        return types;
    }

    /**
     * Returns the provider selected for {@code type} (see the class comment), logging the choice the first time.
     *
     * @throws IllegalArgumentException naming the known types, if no provider creates {@code type}
     */
    public HealthModelProvider provider(String type) {
        Objects.requireNonNull(type, "type");
        HealthModelProvider known = chosen.get(type);
        if (known != null) {
            return known;
        }
        return chosen.computeIfAbsent(type, this::select);
    }

    private HealthModelProvider select(String type) {
        List<HealthModelProvider> candidates = new ArrayList<>();
        for (HealthModelProvider p : providers) {
            if (p.type().equals(type)) {
                candidates.add(p);
            }
        }
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("type: no health-model provider creates '" + type
                    + "'; the known types are " + types());
        }
        String wanted = explicit.containsKey(type) ? explicit.get(type)
                : System.getProperty(PROVIDER_PROPERTY_PREFIX + type);
        if (wanted != null) {
            for (HealthModelProvider p : candidates) {
                if (p.getClass().getName().equals(wanted)) {
                    LOG.info("Health models of type '{}' are created by {} (explicit choice)", type, wanted);
                    return p;
                }
            }
            LOG.warn("The provider {} chosen for health models of type '{}' was not loaded; choosing by priority",
                    wanted, type);
        }
        HealthModelProvider best = candidates.get(0);
        LOG.info("Health models of type '{}' are created by {} (priority {}, the best of {} candidate(s))",
                type, best.getClass().getName(), best.priority(), candidates.size());
        return best;
    }

    /**
     * Reads a definition, with any well-formed signal names.
     *
     * @throws DefinitionException listing every problem with its path
     */
    public ModelDefinition read(String text, DefinitionFormat format) {
        return read(text, format, Optional.empty());
    }

    /**
     * Reads a definition whose signals must all be in {@code catalogue} when one is given.
     *
     * @throws DefinitionException listing every problem with its path
     */
    public ModelDefinition read(String text, DefinitionFormat format,
                                Optional<? extends SortedSet<SignalName>> catalogue) {
        Objects.requireNonNull(format, "format");
        return read(format.parse(text), catalogue);
    }

    /**
     * Reads a definition file, JSON or YAML by its extension.
     *
     * @throws DefinitionException listing every problem with its path, and naming the file
     *                             ({@link DefinitionException#file()}), also when it is missing or not UTF-8
     */
    public ModelDefinition read(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            DefinitionFormat format = DefinitionFormat.ofFileName(String.valueOf(file.getFileName()));
            return read(format.parse(file), Optional.empty());
        } catch (DefinitionException e) {
            throw e.file().isPresent() ? e : e.inFile(file.toString());
        }
    }

    /**
     * Reads a parsed definition tree, whose {@code type} field selects the provider.
     *
     * @throws DefinitionException listing every problem with its path
     */
    public ModelDefinition read(JsonNode tree, Optional<? extends SortedSet<SignalName>> catalogue) {
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(catalogue, "catalogue");
        if (!tree.isObject()) {
            throw new DefinitionException("", "a definition must be an object with a 'type' field");
        }
        JsonNode type = tree.get("type");
        if (type == null || !type.isTextual()) {
            throw new DefinitionException("type", "missing: a definition must say its model type, one of " + types());
        }
        HealthModelProvider provider;
        try {
            provider = provider(type.textValue());
        } catch (IllegalArgumentException e) {
            throw new DefinitionException("type", "'" + type.textValue() + "' is not a known model type; the known"
                    + " types are " + types() + NearestName.didYouMean(type.textValue(), types(),
                    new NearestName.Budget(100_000)));
        }
        DefinitionNode root = DefinitionNode.root(tree, catalogue);
        // Through read(), so that a provider that rejects its input with an exception, or returns nothing, gives an
        // error rather than a stack trace.
        Optional<ModelDefinition> definition = root.read("definition", r -> read(provider, r));
        root.throwIfErrors();
        return definition.orElseThrow(() -> new DefinitionException("", "the definition could not be read"));
    }

    /** Reads through a provider, whose result may be null although its contract says otherwise. */
    private static Optional<ModelDefinition> read(HealthModelProvider provider, DefinitionNode root) {
        Optional<? extends ModelDefinition> read = provider.read(root);
        return read == null ? Optional.empty() : read.map(ModelDefinition.class::cast);
    }

    /** Writes a definition in the given format; {@link #read} reads it back to an equal definition. */
    public String write(ModelDefinition definition, DefinitionFormat format) {
        Objects.requireNonNull(format, "format");
        return format.write(tree(definition));
    }

    /**
     * Returns a definition as a new tree, with its {@code type} field, written by the provider of its type.
     *
     * @throws IllegalStateException if the provider wrote no {@code type} field, or another type
     */
    public ObjectNode tree(ModelDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        HealthModelProvider provider = provider(definition.type());
        ObjectNode tree = DefinitionWriter.write(out -> provider.write(definition, out));
        JsonNode type = tree.get("type");
        if (type == null || !type.isTextual() || !type.textValue().equals(definition.type())) {
            throw new IllegalStateException("the provider " + provider.getClass().getName() + " wrote a definition"
                    + " of type '" + definition.type() + "' with the type field " + type + "; write the header with"
                    + " ModelDefinitionParts.writeHeader");
        }
        return tree;
    }

    /** Creates the model of a definition through the provider of its type. */
    public HealthModel create(ModelDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        return provider(definition.type()).create(definition);
    }

    /**
     * Reads a definition file (JSON or YAML by its extension) and creates its model.
     *
     * @throws DefinitionException listing every problem with its path
     */
    public HealthModel create(Path file) {
        return create(read(file));
    }
}
