package dev.kizuna.examples.cli.report;

import dev.kizuna.health.backtest.BacktestReport;
import dev.kizuna.health.backtest.BandOutcome;
import dev.kizuna.health.backtest.BandsAtEvent;
import dev.kizuna.health.backtest.Decile;
import dev.kizuna.health.backtest.Estimate;
import dev.kizuna.health.backtest.ModelComparison;
import dev.kizuna.health.backtest.PairedComparison;
import dev.kizuna.health.outcome.Outcome;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;

/** The readable form of backtest reports, for {@code kizuna backtest} and the demo. */
public final class BacktestText {
    private BacktestText() {
    }

    public static String events(BacktestReport r) {
        return r.targets().stream().map(t -> t == Outcome.Type.CHURNED ? "churn"
                : t.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(" or "));
    }

    public static String estimate(Estimate e, int decimals) {
        String format = "%." + decimals + "f";
        if (Double.isNaN(e.value())) {
            return "n/a";
        }
        String value = String.format(Locale.ROOT, format, e.value());
        return e.hasInterval() ? value + " [" + String.format(Locale.ROOT, format, e.lower()) + ", "
                + String.format(Locale.ROOT, format, e.upper()) + "]" : value;
    }

    public static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    /** Prints the headline figures: observations, AUCs, and the churn rate per band. */
    public static void summary(PrintWriter w, BacktestReport r) {
        w.printf(Locale.ROOT, "  %,d snapshots: %,d judged, %,d censored (horizon past the end of the data), %,d"
                + " without a score%n", r.snapshots(), r.observations(), r.censored(), r.insufficient());
        w.printf(Locale.ROOT, "  ROC AUC %s   PR AUC %s   %s rate %s%n", estimate(r.rocAuc(), 3),
                estimate(r.prAuc(), 3), events(r), percent(r.eventRate()));
        if (r.resamples() > 0) {
            w.printf(Locale.ROOT, "  (%.0f%% intervals from %,d resamples of the accounts)%n", 100 * r.confidence(),
                    r.resamples());
        }
        w.printf(Locale.ROOT, "  %-18s %10s %9s %9s%n", "band", "snapshots", "events", "rate");
        for (BandOutcome b : r.bands()) {
            if (b.rank() < 0 && b.observations() == 0) {
                continue;
            }
            w.printf(Locale.ROOT, "  %-18s %,10d %,9d %9s%n", b.band(), b.observations(), b.events(),
                    percent(b.eventRate()));
        }
        BandsAtEvent at = r.atEvent();
        w.printf(Locale.ROOT, "  At their last score before the event (within the horizon): %s of %,d were %s%n",
                percent(at.shareInBestBand()), at.withScore(), at.bestBand());
    }

    /** Prints the full report: the summary, then the Brier score, lift and calibration by decile. */
    public static void report(PrintWriter w, BacktestReport r) {
        w.printf(Locale.ROOT, "Backtest of %s: %s within %s after each snapshot%n", r.model(), events(r), r.horizon());
        summary(w, r);
        w.printf(Locale.ROOT, "  Brier score %.4f (health read as 100 x (1 - P(event)))%n", r.brier());
        w.printf(Locale.ROOT, "  Riskiest tenth: lift %.2fx, captures %s of the events%n", r.topDecileLift(),
                percent(r.topDecileCapture()));
        w.println("  Calibration by decile, riskiest first");
        w.printf(Locale.ROOT, "  %6s %10s %9s %9s %10s %15s%n", "decile", "snapshots", "events", "rate",
                "predicted", "health");
        for (Decile d : r.calibration()) {
            w.printf(Locale.ROOT, "  %6d %,10.1f %,9.1f %9s %10s %15s%n", d.decile(), d.observations(), d.events(),
                    percent(d.eventRate()), percent(d.meanPredictedRisk()),
                    Double.isNaN(d.lowestScore()) ? "" : String.format(Locale.ROOT, "%.2f-%.2f", d.lowestScore(),
                            d.highestScore()));
        }
    }

    /** Prints each model's report, then the pairwise tests. */
    public static void comparison(PrintWriter w, ModelComparison c) {
        for (BacktestReport r : c.reports()) {
            report(w, r);
            w.println();
        }
        w.println("Paired comparison of ROC AUCs on the same snapshots");
        for (PairedComparison p : c.pairs()) {
            w.printf(Locale.ROOT, "  %s - %s = %s; DeLong z %.2f, p %s; account bootstrap %s%n", p.first(),
                    p.second(), Double.isNaN(p.deLong().difference()) ? "n/a"
                            : String.format(Locale.ROOT, "%+.4f", p.deLong().difference()), p.deLong().z(),
                    Double.isNaN(p.deLong().pValue()) ? "n/a" : String.format(Locale.ROOT, "%.4g", p.deLong().pValue()),
                    estimate(p.difference(), 4));
        }
    }
}
