package dev.kizuna.metrics.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.kizuna.core.internal.json.JsonCodec;
import dev.kizuna.core.internal.json.JsonCodecs;
import dev.kizuna.core.internal.json.JsonFields;
import dev.kizuna.core.internal.json.JsonIn;
import dev.kizuna.metrics.clv.BgNbdModel;
import dev.kizuna.metrics.clv.FitReport;
import dev.kizuna.metrics.clv.FitStatus;
import dev.kizuna.metrics.clv.GammaGammaModel;
import dev.kizuna.metrics.clv.ParetoNbdModel;
import dev.kizuna.metrics.clv.SbgModel;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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
 * <p>Reading is strict, whatever the mapper's features say, with cs-core's reader of its own types: unknown,
 * missing or duplicated fields, a tag of another model, wrong JSON types, non-finite numbers, counts that are not
 * exactly whole, names that are not valid Unicode and invalid parameters fail with a
 * {@link MismatchedInputException} whose message starts with the JSON path ({@code $.parameters.alpha: ...}).
 * {@code KizunaJson.describe} tells such an error, or a syntax error with its line and column, in the user's terms.
 * There is no polymorphic typing: each Java type has one fixed codec, and the tag is only checked. The module is
 * stateless and may be shared between mappers and threads.
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

    private <T> void add(Class<T> type, JsonCodec<T> codec) {
        JsonCodecs.add(this, type, codec);
    }

    /** A model: a tag, named parameters in a fixed order, and an optional report. */
    private abstract static class ModelCodec<T> implements JsonCodec<T> {
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
        public T read(JsonIn in) {
            JsonFields f = in.fields();
            String actual = f.required("model").text();
            if (!actual.equals(tag)) {
                throw f.required("model").error("'" + actual + "' is not the tag of this model type; expected '" + tag + "'");
            }
            JsonFields p = f.required("parameters").fields();
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

    private static final JsonCodec<BgNbdModel> BG_NBD = new ModelCodec<>("bg-nbd", "r", "alpha", "a", "b") {
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

    private static final JsonCodec<ParetoNbdModel> PARETO_NBD = new ModelCodec<>("pareto-nbd", "r", "alpha", "s", "beta") {
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

    private static final JsonCodec<GammaGammaModel> GAMMA_GAMMA = new ModelCodec<>("gamma-gamma", "p", "q", "gamma") {
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

    private static final JsonCodec<SbgModel> SBG = new ModelCodec<>("sbg", "alpha", "beta") {
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

    private static final JsonCodec<FitReport> REPORT = new JsonCodec<>() {
        @Override
        public FitReport read(JsonIn in) {
            JsonFields f = in.fields();
            double logLikelihood = f.required("logLikelihood").number();
            Map<String, Double> se = new LinkedHashMap<>();
            for (Map.Entry<String, JsonIn> e : f.required("standardErrors").fields().entries().entrySet()) {
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
}
