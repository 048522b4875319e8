package dev.kizuna.examples.cli.report;

import dev.kizuna.core.Money;
import dev.kizuna.core.plan.CsRole;
import dev.kizuna.health.backtest.BandOutcome;
import dev.kizuna.health.backtest.RocPoint;
import dev.kizuna.metrics.Ratio;
import dev.kizuna.metrics.cohort.CohortCell;
import dev.kizuna.metrics.cohort.CohortMatrix;
import dev.kizuna.metrics.cohort.CohortRow;
import dev.kizuna.metrics.cohort.SurvivalStep;
import dev.kizuna.metrics.revenue.PeriodSummary;
import dev.kizuna.playbooks.ActionKind;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The charts of {@code kizuna report}, drawn by XChart and encoded as PNG images for inlining in HTML as
 * {@code data:} URIs.
 */
final class ReportCharts {
    static {
        // XChart draws with AWT; a report must render on a server without a display. First, before any AWT class.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final Color GAIN = new Color(0x2E, 0x7D, 0x32);
    private static final Color LOSS = new Color(0xC6, 0x28, 0x28);
    private static final Color TOTAL = new Color(0x37, 0x47, 0x4F);
    private static final Color INVISIBLE = new Color(0, 0, 0, 0);

    private ReportCharts() {
    }

    /**
     * The MRR bridge as a waterfall, one bar per month: the month's losses (churn, contraction) hang below its start
     * MRR and its gains (new, expansion, reactivation) stand on it, so each bar runs from {@code start - losses} to
     * {@code start + gains} and the next month starts at this one's end. A stacked bar chart whose lowest series is
     * invisible; the first and last bars are the start and end MRR.
     */
    static String waterfall(List<PeriodSummary> bridge, String currency) {
        List<String> categories = new ArrayList<>();
        List<Double> base = new ArrayList<>();
        List<Double> total = new ArrayList<>();
        List<List<Double>> parts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            parts.add(new ArrayList<>());
        }
        categories.add("start");
        base.add(0.0);
        total.add(value(bridge.get(0).startMrr()));
        parts.forEach(p -> p.add(0.0));
        double lowest = value(bridge.get(0).startMrr());
        for (PeriodSummary s : bridge) {
            categories.add(YearMonth.from(s.period().start()).toString());
            double start = value(s.startMrr());
            double churn = value(s.churnedMrr());
            double contraction = value(s.contractionMrr());
            base.add(start - churn - contraction);
            lowest = Math.min(lowest, start - churn - contraction);
            total.add(0.0);
            parts.get(0).add(churn);
            parts.get(1).add(contraction);
            parts.get(2).add(value(s.newMrr()));
            parts.get(3).add(value(s.expansionMrr()));
            parts.get(4).add(value(s.reactivationMrr()));
        }
        categories.add("end");
        base.add(0.0);
        total.add(value(bridge.get(bridge.size() - 1).endMrr()));
        parts.forEach(p -> p.add(0.0));
        // Zoom in on the movements: the axis starts a little below the lowest bar bottom, on a round number. The
        // bars are drawn less that offset and the axis labels add it back, as XChart's stacked bars start at zero.
        double step = PortfolioReport.roundUp(lowest / 10);
        double offset = Math.max(0, Math.floor(lowest * 0.9 / step) * step);
        for (int i = 0; i < base.size(); i++) {
            if (total.get(i) > 0) {
                total.set(i, total.get(i) - offset);
            } else {
                base.set(i, base.get(i) - offset);
            }
        }
        CategoryChart chart = new CategoryChartBuilder().width(960).height(420)
                .title("MRR bridge, month by month (" + currency + ")").yAxisTitle("MRR").build();
        style(chart);
        chart.getStyler().setStacked(true).setOverlapped(false);
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setyAxisTickLabelsFormattingFunction(v -> String.format(Locale.ROOT, "%,.0f", v + offset));
        chart.addSeries("base", categories, base).setFillColor(INVISIBLE).setShowInLegend(false);
        chart.addSeries("MRR", categories, total).setFillColor(TOTAL);
        String[] names = {"- churn", "- contraction", "+ new", "+ expansion", "+ reactivation"};
        Color[] colours = {LOSS, new Color(0xEF, 0x9A, 0x9A), GAIN, new Color(0x66, 0xBB, 0x6A),
                new Color(0xA5, 0xD6, 0xA7)};
        for (int i = 0; i < names.length; i++) {
            chart.addSeries(names[i], categories, parts.get(i)).setFillColor(colours[i]);
        }
        return image(chart, "waterfall");
    }

    /** A cohort heatmap: rows are start months, columns ages in months, cells the retention in percent. */
    static String cohortHeatmap(CohortMatrix matrix, String title, Function<CohortCell, Optional<Ratio>> measure,
                                String id) {
        List<Integer> ages = new ArrayList<>();
        for (int a = 0; a < matrix.rows().size(); a++) {
            ages.add(a);
        }
        List<String> starts = new ArrayList<>();
        List<Number[]> cells = new ArrayList<>();
        double max = 100;
        for (int r = 0; r < matrix.rows().size(); r++) {
            CohortRow row = matrix.rows().get(r);
            starts.add(YearMonth.from(row.startPeriod().start()).toString());
            for (CohortCell c : row.cells()) {
                Optional<Ratio> v = measure.apply(c);
                if (v.isPresent()) {
                    double percent = v.get().percent().doubleValue();
                    max = Math.max(max, percent);
                    cells.add(new Number[] {c.age(), r, percent});
                }
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(960).height(640).title(title)
                .xAxisTitle("age (months)").yAxisTitle("cohort (first paid month)").build();
        style(chart);
        chart.getStyler().setMin(0).setMax(Math.ceil(max)).setShowValue(false);
        chart.getStyler().setRangeColors(new Color[] {new Color(0xFF, 0xF3, 0xE0), new Color(0xFF, 0xB7, 0x4D),
                        new Color(0x2E, 0x7D, 0x32)});
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.addSeries("retention %", ages, starts, cells);
        return image(chart, id);
    }

    /** The Kaplan-Meier curve as steps, its band dashed, and the median marked. */
    static String survival(List<SurvivalStep> steps, java.util.OptionalDouble median) {
        List<Double> t = new ArrayList<>();
        List<Double> s = new ArrayList<>();
        List<Double> lower = new ArrayList<>();
        List<Double> upper = new ArrayList<>();
        t.add(0.0);
        s.add(1.0);
        lower.add(1.0);
        upper.add(1.0);
        for (SurvivalStep step : steps) {
            t.add(step.time());
            s.add(step.survival());
            lower.add(step.lower());
            upper.add(step.upper());
        }
        XYChart chart = new XYChartBuilder().width(960).height(420).title("Customer survival (Kaplan-Meier, 95% band)")
                .xAxisTitle("days since first payment").yAxisTitle("share still paying").build();
        style(chart);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setMarkerSize(0);
        XYSeries curve = chart.addSeries("S(t)", t, s);
        curve.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        curve.setLineColor(TOTAL);
        curve.setMarker(SeriesMarkers.NONE);
        BasicStroke dashed = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {4f, 4f}, 0f);
        for (XYSeries line : List.of(chart.addSeries("lower 95%", t, lower), chart.addSeries("upper 95%", t, upper))) {
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
            line.setLineColor(Color.GRAY);
            line.setLineStyle(dashed);
            line.setMarker(SeriesMarkers.NONE);
        }
        if (median.isPresent()) {
            XYSeries m = chart.addSeries(String.format(Locale.ROOT, "median %.0f days", median.getAsDouble()),
                    new double[] {0, median.getAsDouble(), median.getAsDouble()}, new double[] {0.5, 0.5, 0});
            m.setLineColor(LOSS);
            m.setMarker(SeriesMarkers.NONE);
        }
        return image(chart, "survival");
    }

    /** A bar chart of counts or rates by category. */
    static String bars(String title, String xTitle, String yTitle, List<String> categories, List<? extends Number> values,
                       String series, String id) {
        CategoryChart chart = new CategoryChartBuilder().width(720).height(360).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(chart);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(categories.size() > 8 ? 45 : 0);
        chart.addSeries(series, categories, values).setFillColor(TOTAL);
        return image(chart, id);
    }

    /** The band migration matrix as a heatmap of account counts, with the counts written in the cells. */
    static String migration(PortfolioReport.Migration m) {
        List<String> columns = m.columns();
        List<String> rows = m.bands();
        List<Number[]> cells = new ArrayList<>();
        int max = 1;
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                int n = m.count(rows.get(r), columns.get(c));
                max = Math.max(max, n);
                cells.add(new Number[] {c, r, n});
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(880).height(420)
                .title("Band migration, " + m.from() + " to " + m.to()).xAxisTitle("band at the later date")
                .yAxisTitle("band at the earlier date").build();
        style(chart);
        chart.getStyler().setMin(0).setMax(max).setShowValue(true).setHeatMapValueDecimalPattern("#,##0");
        chart.getStyler().setRangeColors(new Color[] {Color.WHITE, new Color(0x42, 0x85, 0xF4)});
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.addSeries("accounts", columns, rows, cells);
        return image(chart, "migration");
    }

    /** The ROC curve with the diagonal of a random score. */
    static String roc(List<RocPoint> curve, String auc) {
        XYChart chart = new XYChartBuilder().width(480).height(480).title("ROC curve, AUC " + auc)
                .xAxisTitle("false positive rate").yAxisTitle("true positive rate").build();
        style(chart);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0)
                .setLegendPosition(Styler.LegendPosition.InsideSE);
        XYSeries random = chart.addSeries("random", new double[] {0, 1}, new double[] {0, 1});
        random.setLineColor(Color.GRAY);
        random.setMarker(SeriesMarkers.NONE);
        if (!curve.isEmpty()) {
            double[] x = curve.stream().mapToDouble(RocPoint::falsePositiveRate).toArray();
            double[] y = curve.stream().mapToDouble(RocPoint::truePositiveRate).toArray();
            XYSeries line = chart.addSeries("demo scorecard", x, y);
            line.setLineColor(TOTAL);
            line.setMarker(SeriesMarkers.NONE);
        }
        return image(chart, "roc");
    }

    /** The churn rate of each band's snapshots, in percent. */
    static String bandChurn(List<BandOutcome> bands) {
        List<String> names = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        for (BandOutcome b : bands) {
            if (b.observations() > 0) {
                names.add(b.band());
                rates.add(100 * b.eventRate());
            }
        }
        return bars("Churn within the horizon, by band at the snapshot", "band", "churn rate (%)", names, rates,
                "churn rate", "bandchurn");
    }

    /** Actions per owner, stacked by kind. */
    static String plays(PortfolioReport.Plays plays) {
        List<String> owners = new ArrayList<>();
        for (CsRole owner : plays.counts().keySet()) {
            owners.add(owner.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        CategoryChart chart = new CategoryChartBuilder().width(720).height(380)
                .title("This week's playbook actions per owner").xAxisTitle("owner").yAxisTitle("actions").build();
        style(chart);
        chart.getStyler().setStacked(true).setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisLabelRotation(30);
        if (owners.isEmpty()) {
            owners.add("none");
            chart.addSeries("actions", owners, List.of(0));
            return image(chart, "plays");
        }
        for (ActionKind kind : plays.kinds()) {
            List<Integer> counts = new ArrayList<>();
            for (CsRole owner : plays.counts().keySet()) {
                counts.add(plays.counts().get(owner).getOrDefault(kind, 0));
            }
            CategorySeries s = chart.addSeries(kind.name().toLowerCase(Locale.ROOT).replace('_', ' '), owners, counts);
            s.setShowInLegend(true);
        }
        return image(chart, "plays");
    }

    private static void style(Chart<?, ?> chart) {
        chart.getStyler().setChartBackgroundColor(Color.WHITE).setChartTitleBoxVisible(false)
                .setLegendBorderColor(Color.WHITE);
    }

    private static double value(Money m) {
        return m.amount().doubleValue();
    }

    /**
     * Encodes a chart as a PNG image inlined in an {@code <img>} element as a base64 {@code data:} URI. (XChart draws
     * text as glyph outlines, which makes its SVG several times larger than the PNG.)
     */
    static String image(Chart<?, ?> chart, String id) {
        byte[] png;
        try {
            png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "<img id=\"chart-" + id + "\" alt=\"" + ReportHtml.escape(chart.getTitle()) + "\" width=\""
                + chart.getWidth() + "\" height=\"" + chart.getHeight() + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png) + "\">";
    }
}
