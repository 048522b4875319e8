package dev.kizuna.metrics.clv;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The Jackson module for the fitted CLV models, so that a model can be stored and reloaded:
 * <pre>{@code
 * ObjectMapper mapper = KizunaJson.newObjectMapper().registerModule(new ClvJsonModule());
 * String json = mapper.writeValueAsString(BgNbdModel.fit(summary));
 * BgNbdModel model = mapper.readValue(json, BgNbdModel.class);
 * }</pre>
 * Each model is an object with a {@code "model"} tag ({@code "bg-nbd"}, {@code "pareto-nbd"}, {@code "gamma-gamma"},
 * {@code "sbg"}), its {@code "parameters"} by name and, for a fitted model, its {@code "report"}:
 * <pre>{@code
 * {"model":"bg-nbd","parameters":{"r":0.2426,"alpha":4.4135,"a":0.7929,"b":2.4258},
 *  "report":{"logLikelihood":-9582.43,"standardErrors":{"r":0.0126,...},"status":"CONVERGED","starts":3,
 *            "startsAtOptimum":3,"iterations":15,"evaluations":25,"gradientNorm":2.1E-10,"customers":2357,
 *            "excludedCustomers":0}}
 * }</pre>
 * Doubles are written in full (shortest round-trip form), so a reloaded model is {@code equals} to the original.
 *
 * <p>Reading is strict, whatever the mapper's features say: unknown or missing fields, a tag of another model, wrong
 * JSON types, non-finite numbers and invalid parameters fail with a {@link MismatchedInputException} whose message
 * starts with the JSON path. There is no polymorphic typing: each Java type has one fixed codec, and the tag is only
 * checked. The module is stateless and may be shared between mappers and threads.
 */
public final class ClvJsonModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    /** Creates the module with a serialiser and a deserialiser for each model and for {@link FitReport}. */
    public ClvJsonModule() {
        super("kizuna-clv", new Version(0, 1, 0, "SNAPSHOT", "dev.kizuna", "cs-metrics"));
        add(BgNbdModel.class, BG_NBD);
        add(ParetoNbdModel.class, PARETO_NBD);
        add(GammaGammaModel.class, GAMMA_GAMMA);
        add(SbgModel.class, SBG);
        add(FitReport.class, REPORT);
    }

    private <T> void add(Class<T> type, Codec<T> codec) {
        addSerializer(type, new CodecSerializer<>(type, codec));
        addDeserializer(type, new CodecDeserializer<>(type, codec));
    }

    /** Reads and writes one type. */
    private interface Codec<T> {
        T read(In in);

        void write(T value, JsonGenerator out) throws IOException;
    }

    /** A model: a tag, named parameters in a fixed order, and an optional report. */
    private abstract static class ModelCodec<T> implements Codec<T> {
        private final String tag;
        private final String[] names;

        ModelCodec(String tag, String... names) {
            this.tag = tag;
            this.names = names;
        }

        abstract T create(double[] parameters, Optional<FitReport> report);

        abstract Map<String, Double> parameters(T value);

        abstract Optional<FitReport> report(T value);

        @Override
        public T read(In in) {
            Fields f = in.fields();
            String actual = f.required("model").text();
            if (!actual.equals(tag)) {
                throw f.required("model").error("'" + actual + "' is not the tag of this model type; expected '" + tag + "'");
            }
            Fields p = f.required("parameters").fields();
            double[] values = new double[names.length];
            for (int i = 0; i < names.length; i++) {
                values[i] = p.required(names[i]).number();
            }
            p.finish();
            Optional<FitReport> report = f.optional("report").map(REPORT::read);
            f.finish();
            return in.build(() -> create(values, report));
        }

        @Override
        public void write(T value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("model", tag);
            out.writeObjectFieldStart("parameters");
            for (Map.Entry<String, Double> e : parameters(value).entrySet()) {
                out.writeNumberField(e.getKey(), e.getValue());
            }
            out.writeEndObject();
            Optional<FitReport> report = report(value);
            if (report.isPresent()) {
                out.writeFieldName("report");
                REPORT.write(report.get(), out);
            }
            out.writeEndObject();
        }
    }

    private static final Codec<BgNbdModel> BG_NBD = new ModelCodec<>("bg-nbd", "r", "alpha", "a", "b") {
        @Override
        BgNbdModel create(double[] v, Optional<FitReport> report) {
            return new BgNbdModel(v[0], v[1], v[2], v[3], report);
        }

        @Override
        Map<String, Double> parameters(BgNbdModel value) {
            return value.parameters();
        }

        @Override
        Optional<FitReport> report(BgNbdModel value) {
            return value.report();
        }
    };

    private static final Codec<ParetoNbdModel> PARETO_NBD = new ModelCodec<>("pareto-nbd", "r", "alpha", "s", "beta") {
        @Override
        ParetoNbdModel create(double[] v, Optional<FitReport> report) {
            return new ParetoNbdModel(v[0], v[1], v[2], v[3], report);
        }

        @Override
        Map<String, Double> parameters(ParetoNbdModel value) {
            return value.parameters();
        }

        @Override
        Optional<FitReport> report(ParetoNbdModel value) {
            return value.report();
        }
    };

    private static final Codec<GammaGammaModel> GAMMA_GAMMA = new ModelCodec<>("gamma-gamma", "p", "q", "gamma") {
        @Override
        GammaGammaModel create(double[] v, Optional<FitReport> report) {
            return new GammaGammaModel(v[0], v[1], v[2], report);
        }

        @Override
        Map<String, Double> parameters(GammaGammaModel value) {
            return value.parameters();
        }

        @Override
        Optional<FitReport> report(GammaGammaModel value) {
            return value.report();
        }
    };

    private static final Codec<SbgModel> SBG = new ModelCodec<>("sbg", "alpha", "beta") {
        @Override
        SbgModel create(double[] v, Optional<FitReport> report) {
            return new SbgModel(v[0], v[1], report);
        }

        @Override
        Map<String, Double> parameters(SbgModel value) {
            return value.parameters();
        }

        @Override
        Optional<FitReport> report(SbgModel value) {
            return value.report();
        }
    };

    private static final Codec<FitReport> REPORT = new Codec<>() {
        @Override
        public FitReport read(In in) {
            Fields f = in.fields();
            double logLikelihood = f.required("logLikelihood").number();
            Map<String, Double> se = new LinkedHashMap<>();
            for (Map.Entry<String, In> e : f.required("standardErrors").fields().entries().entrySet()) {
                se.put(e.getKey(), e.getValue().number());
            }
            FitStatus status = f.required("status").enumValue(FitStatus.class);
            int starts = f.required("starts").integer();
            int startsAtOptimum = f.required("startsAtOptimum").integer();
            int iterations = f.required("iterations").integer();
            int evaluations = f.required("evaluations").integer();
            double gradientNorm = f.required("gradientNorm").number();
            long customers = f.required("customers").longInteger();
            long excluded = f.required("excludedCustomers").longInteger();
            f.finish();
            return in.build(() -> new FitReport(logLikelihood, se, status, starts, startsAtOptimum, iterations,
                    evaluations, gradientNorm, customers, excluded));
        }

        @Override
        public void write(FitReport r, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeNumberField("logLikelihood", r.logLikelihood());
            out.writeObjectFieldStart("standardErrors");
            for (Map.Entry<String, Double> e : r.standardErrors().entrySet()) {
                out.writeNumberField(e.getKey(), e.getValue());
            }
            out.writeEndObject();
            out.writeStringField("status", r.status().name());
            out.writeNumberField("starts", r.starts());
            out.writeNumberField("startsAtOptimum", r.startsAtOptimum());
            out.writeNumberField("iterations", r.iterations());
            out.writeNumberField("evaluations", r.evaluations());
            out.writeNumberField("gradientNorm", r.gradientNorm());
            out.writeNumberField("customers", r.customers());
            out.writeNumberField("excludedCustomers", r.excludedCustomers());
            out.writeEndObject();
        }
    };

    /** A JSON input error at a path; turned into a {@link MismatchedInputException} by the deserialiser. */
    private static final class InputError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InputError(String path, String problem) {
            super(path + ": " + problem);
        }
    }

    /** One JSON value at a known path, read strictly. */
    private static final class In {
        private final JsonNode node;
        private final String path;

        In(JsonNode node, String path) {
            this.node = node;
            this.path = path;
        }

        InputError error(String problem) {
            return new InputError(path, problem);
        }

        <T> T build(Supplier<T> constructor) {
            try {
                return constructor.get();
            } catch (IllegalArgumentException | NullPointerException e) {
                throw error(String.valueOf(e.getMessage()));
            }
        }

        Fields fields() {
            if (!node.isObject()) {
                throw error("expected an object but found " + describe());
            }
            return new Fields(node, path);
        }

        String text() {
            if (!node.isTextual()) {
                throw error("expected a string but found " + describe());
            }
            return node.textValue();
        }

        double number() {
            if (!node.isNumber()) {
                throw error("expected a number but found " + describe());
            }
            double v = node.doubleValue();
            if (!Double.isFinite(v)) {
                throw error(node + " is not a finite number");
            }
            return v;
        }

        int integer() {
            if (!node.isNumber() || !node.canConvertToExactIntegral() || !node.canConvertToInt()) {
                throw error("expected a whole number in the int range but found " + describe());
            }
            return node.intValue();
        }

        long longInteger() {
            if (!node.isNumber() || !node.canConvertToExactIntegral() || !node.canConvertToLong()) {
                throw error("expected a whole number in the long range but found " + describe());
            }
            return node.longValue();
        }

        <E extends Enum<E>> E enumValue(Class<E> type) {
            String s = text();
            try {
                return Enum.valueOf(type, s);
            } catch (IllegalArgumentException e) {
                throw error("'" + s + "' is not one of " + Arrays.toString(type.getEnumConstants()));
            }
        }

        private String describe() {
            String shown = node.toString();
            return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " "
                    + (shown.length() > 60 ? shown.substring(0, 57) + "..." : shown);
        }
    }

    /** The fields of one JSON object; {@link #finish()} rejects those nobody asked for. */
    private static final class Fields {
        private final JsonNode object;
        private final String path;
        private final Set<String> asked = new LinkedHashSet<>();

        Fields(JsonNode object, String path) {
            this.object = object;
            this.path = path;
        }

        In required(String name) {
            asked.add(name);
            JsonNode value = object.get(name);
            if (value == null || value.isMissingNode()) {
                throw new InputError(path, "missing required field '" + name + "'");
            }
            if (value.isNull()) {
                throw new InputError(path + "." + name, "must not be null");
            }
            return new In(value, path + "." + name);
        }

        Optional<In> optional(String name) {
            asked.add(name);
            JsonNode value = object.get(name);
            if (value == null || value.isNull() || value.isMissingNode()) {
                return Optional.empty();
            }
            return Optional.of(new In(value, path + "." + name));
        }

        Map<String, In> entries() {
            Map<String, In> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                asked.add(e.getKey());
                out.put(e.getKey(), new In(e.getValue(), path + "['" + e.getKey() + "']"));
            }
            return out;
        }

        void finish() {
            Iterator<String> names = object.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!asked.contains(name)) {
                    throw new InputError(path + "." + name, "unknown field; the known fields here are " + new TreeSet<>(asked));
                }
            }
        }
    }

    private static final class CodecSerializer<T> extends StdSerializer<T> {
        private static final long serialVersionUID = 1L;
        private final transient Codec<T> codec;

        CodecSerializer(Class<T> type, Codec<T> codec) {
            super(type);
            this.codec = codec;
        }

        @Override
        public void serialize(T value, JsonGenerator out, SerializerProvider provider) throws IOException {
            codec.write(value, out);
        }
    }

    private static final class CodecDeserializer<T> extends StdDeserializer<T> {
        private static final long serialVersionUID = 1L;
        private final transient Codec<T> codec;

        CodecDeserializer(Class<T> type, Codec<T> codec) {
            super(type);
            this.codec = codec;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode tree = ctxt.readTree(p);
            try {
                return codec.read(new In(tree, "$"));
            } catch (InputError e) {
                MismatchedInputException failure = MismatchedInputException.from(p, handledType(), e.getMessage());
                failure.initCause(e);
                throw failure;
            }
        }
    }
}
