package dev.kizuna.health.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kizuna.health.backtest.BacktestReport;
import dev.kizuna.health.backtest.BandOutcome;
import dev.kizuna.health.backtest.BandsAtEvent;
import dev.kizuna.health.backtest.Decile;
import dev.kizuna.health.backtest.Estimate;
import dev.kizuna.health.backtest.ModelComparison;
import dev.kizuna.health.backtest.PairedComparison;

/**
 * The JSON form of backtest reports and comparisons, for machine-readable output ({@code kizuna backtest --format
 * json}). Fields come in a fixed order; a figure that is undefined (NaN) is written as {@code null}. Write-only.
 * Stateless and thread-safe.
 */
public final class BacktestJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BacktestJson() {
    }

    /** Returns the report as a JSON object. */
    public static ObjectNode report(BacktestReport r) {
        ObjectNode out = NODES.objectNode();
        out.putObject("model").put("id", r.model().id()).put("version", r.model().version());
        out.put("horizon", r.horizon().toString());
        ArrayNode targets = out.putArray("targets");
        r.targets().forEach(t -> targets.add(t.name()));
        out.put("snapshots", r.snapshots()).put("censored", r.censored()).put("insufficient", r.insufficient())
                .put("observations", r.observations()).put("events", r.events());
        number(out, "eventRate", r.eventRate());
        estimate(out.putObject("rocAuc"), r.rocAuc());
        estimate(out.putObject("prAuc"), r.prAuc());
        number(out, "brier", r.brier());
        ArrayNode deciles = out.putArray("calibration");
        for (Decile d : r.calibration()) {
            ObjectNode o = deciles.addObject().put("decile", d.decile());
            number(o, "observations", d.observations());
            number(o, "events", d.events());
            number(o, "eventRate", d.eventRate());
            number(o, "meanPredictedRisk", d.meanPredictedRisk());
            number(o, "lowestScore", d.lowestScore());
            number(o, "highestScore", d.highestScore());
        }
        number(out, "topDecileLift", r.topDecileLift());
        number(out, "topDecileCapture", r.topDecileCapture());
        ArrayNode bands = out.putArray("bands");
        for (BandOutcome b : r.bands()) {
            ObjectNode o = bands.addObject().put("band", b.band()).put("observations", b.observations())
                    .put("events", b.events());
            number(o, "eventRate", b.eventRate());
        }
        BandsAtEvent at = r.atEvent();
        ObjectNode atEvent = out.putObject("atEvent").put("events", at.events()).put("withScore", at.withScore());
        ObjectNode perBand = atEvent.putObject("perBand");
        at.perBand().forEach(c -> perBand.put(c.band(), c.count()));
        atEvent.put("bestBand", at.bestBand());
        number(atEvent, "shareInBestBand", at.shareInBestBand());
        out.put("resamples", r.resamples()).put("confidence", r.confidence());
        return out;
    }

    /** Returns the comparison as a JSON object: the reports, then the pairs. */
    public static ObjectNode comparison(ModelComparison c) {
        ObjectNode out = NODES.objectNode();
        ArrayNode reports = out.putArray("reports");
        c.reports().forEach(r -> reports.add(report(r)));
        ArrayNode pairs = out.putArray("pairs");
        for (PairedComparison p : c.pairs()) {
            ObjectNode o = pairs.addObject();
            o.put("first", p.first().toString()).put("second", p.second().toString());
            ObjectNode deLong = o.putObject("deLong");
            number(deLong, "aucFirst", p.deLong().aucA());
            number(deLong, "aucSecond", p.deLong().aucB());
            number(deLong, "difference", p.deLong().difference());
            number(deLong, "standardError", p.deLong().standardError());
            number(deLong, "z", p.deLong().z());
            number(deLong, "pValue", p.deLong().pValue());
            estimate(o.putObject("bootstrapDifference"), p.difference());
        }
        return out;
    }

    private static void estimate(ObjectNode o, Estimate e) {
        number(o, "value", e.value());
        number(o, "lower", e.lower());
        number(o, "upper", e.upper());
    }

    private static void number(ObjectNode o, String field, double value) {
        if (Double.isFinite(value)) {
            o.put(field, value);
        } else {
            o.putNull(field);
        }
    }
}
