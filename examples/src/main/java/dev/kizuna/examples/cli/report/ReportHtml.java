package dev.kizuna.examples.cli.report;

import dev.kizuna.core.Money;
import dev.kizuna.core.plan.CsRole;
import dev.kizuna.health.backtest.BacktestReport;
import dev.kizuna.health.backtest.BandOutcome;
import dev.kizuna.health.backtest.RocPoint;
import dev.kizuna.metrics.Ratio;
import dev.kizuna.metrics.cohort.CohortCell;
import dev.kizuna.metrics.cohort.CohortRow;
import dev.kizuna.metrics.cohort.KaplanMeier;
import dev.kizuna.metrics.revenue.PeriodSummary;
import dev.kizuna.playbooks.ActionKind;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Renders a {@link PortfolioReport} as one self-contained HTML page: styles in a {@code <style>} element, charts as
 * PNG images in {@code data:} URIs, no script, no link and no URL. Every figure in a table carries its key and its
 * exact value in {@code data-k} and {@code data-v} attributes, so that a program can read the numbers back.
 */
public final class ReportHtml {
    /** The health cut-offs at which the ROC table reads the curve: flag every account at or below the health. */
    public static final int[] ROC_CUTS = {20, 30, 40, 50, 60, 70, 80};
    /** The days at which the survival table reads the curve. */
    public static final int[] SURVIVAL_DAYS = {30, 90, 180, 365, 540, 730, 1095};

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:2em auto;\
            max-width:1000px;color:#263238;line-height:1.4}
            h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #cfd8dc}
            table{border-collapse:collapse;font-size:.8em;margin:.5em 0 1em}
            th,td{border:1px solid #cfd8dc;padding:2px 6px;text-align:right}
            th:first-child,td:first-child{text-align:left}
            .chart img{max-width:100%;height:auto}
            .wide{overflow-x:auto}
            .note{color:#607d8b;font-size:.85em}
            """;

    private final StringBuilder html = new StringBuilder(1 << 20);

    private ReportHtml() {
    }

    /** Returns the page of {@code r}; {@code source} says where the portfolio came from. */
    public static String render(PortfolioReport r, String source) {
        return new ReportHtml().page(r, source);
    }

    private String page(PortfolioReport r, String source) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Kizuna portfolio report</title>\n<style>\n").append(STYLE).append("</style>\n")
                .append("</head>\n<body>\n<h1>Kizuna portfolio report</h1>\n<p>")
                .append(escape(source)).append("; history to ").append(r.asOf().minusDays(1))
                .append(". Every figure is computed by the Kizuna library; the tables hold the numbers the charts"
                        + " show.</p>\n");
        bridge(r);
        cohorts(r);
        survival(r.survival());
        health(r);
        backtest(r.backtest(), r.roc());
        clv(r.clv());
        plays(r.plays());
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    // ---- sections ----

    private void bridge(PortfolioReport r) {
        String currency = r.currency().getCurrencyCode();
        html.append("<h2 id=\"bridge\">MRR bridge</h2>\n<p class=\"note\">Churn recognised at service end; every"
                + " return counts as reactivation. Amounts in ").append(currency).append(".</p>\n");
        chart(ReportCharts.waterfall(r.bridge(), currency));
        html.append("<table id=\"bridge-table\">\n<tr><th>month</th><th>start</th><th>+ new</th><th>+ expansion</th>"
                + "<th>+ reactivation</th><th>- contraction</th><th>- churn</th><th>end</th></tr>\n");
        for (PeriodSummary s : r.bridge()) {
            String m = YearMonth.from(s.period().start()).toString();
            html.append("<tr><td>").append(m).append("</td>");
            money("bridge/" + m + "/start", s.startMrr());
            money("bridge/" + m + "/new", s.newMrr());
            money("bridge/" + m + "/expansion", s.expansionMrr());
            money("bridge/" + m + "/reactivation", s.reactivationMrr());
            money("bridge/" + m + "/contraction", s.contractionMrr());
            money("bridge/" + m + "/churn", s.churnedMrr());
            money("bridge/" + m + "/end", s.endMrr());
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private void cohorts(PortfolioReport r) {
        html.append("<h2 id=\"cohorts\">Retention cohorts</h2>\n<p class=\"note\">Each row: the customers who first"
                + " paid in a month; each column: months since, read on the period's last day. Revenue retention is"
                + " net MRR retention (expansion counts).</p>\n");
        cohortSection(r, "logo", "Logo retention by monthly cohort (%)", CohortCell::logoRetention);
        cohortSection(r, "revenue", "Net revenue retention by monthly cohort (%)", CohortCell::netMrrRetention);
    }

    private void cohortSection(PortfolioReport r, String kind, String title,
                               Function<CohortCell, Optional<Ratio>> measure) {
        html.append("<h3>").append(escape(title)).append("</h3>\n");
        chart(ReportCharts.cohortHeatmap(r.cohorts(), title, measure, "cohort-" + kind));
        html.append("<div class=\"wide\"><table id=\"cohort-").append(kind).append("-table\">\n<tr><th>cohort</th>"
                + "<th>customers</th>");
        for (int a = 0; a < r.cohorts().rows().size(); a++) {
            html.append("<th>").append(a).append("</th>");
        }
        html.append("</tr>\n");
        for (CohortRow row : r.cohorts().rows()) {
            String m = YearMonth.from(row.startPeriod().start()).toString();
            html.append("<tr><td>").append(m).append("</td>");
            cell("cohort/" + kind + "/" + m + "/customers", Long.toString(row.customers()),
                    String.format(Locale.ROOT, "%,d", row.customers()));
            for (CohortCell c : row.cells()) {
                Optional<Ratio> v = measure.apply(c);
                cell("cohort/" + kind + "/" + m + "/" + c.age(), v.map(x -> x.value().toPlainString()).orElse(""),
                        v.map(x -> String.format(Locale.ROOT, "%.1f", x.percent())).orElse("n/a"));
            }
            html.append("</tr>\n");
        }
        html.append("</table></div>\n");
    }

    private void survival(KaplanMeier km) {
        html.append("<h2 id=\"survival\">Customer survival</h2>\n<p class=\"note\">Days from each customer's first paid"
                + " day to its first churn; customers still paying are censored. Kaplan-Meier with Greenwood's 95%"
                + " log band.</p>\n");
        chart(ReportCharts.survival(km.steps(), km.median()));
        html.append("<table id=\"survival-table\">\n<tr><th>figure</th><th>value</th></tr>\n");
        row("customers", "survival/subjects", Long.toString(km.subjects()), String.format(Locale.ROOT, "%,d",
                km.subjects()));
        row("churned (events)", "survival/events", Long.toString(km.events()), String.format(Locale.ROOT, "%,d",
                km.events()));
        row("still paying (censored)", "survival/censored", Long.toString(km.censored()),
                String.format(Locale.ROOT, "%,d", km.censored()));
        row("median lifetime (days)", "survival/median", optional(km.median()), days(km.median()));
        row("median, lower 95% (days)", "survival/medianLower", optional(km.medianLower()), days(km.medianLower()));
        row("median, upper 95% (days)", "survival/medianUpper", optional(km.medianUpper()), days(km.medianUpper()));
        for (int d : SURVIVAL_DAYS) {
            double s = km.survivalAt(d);
            row("S(" + d + " days)", "survival/at/" + d, Double.toString(s), String.format(Locale.ROOT, "%.3f", s));
        }
        html.append("</table>\n");
    }

    private void health(PortfolioReport r) {
        PortfolioReport.Health h = r.health();
        html.append("<h2 id=\"health\">Health</h2>\n<p class=\"note\">The current customers' latest snapshots on ")
                .append(h.asOf()).append(", scored by ").append(escape(h.model())).append(".</p>\n");
        int[] bins = h.histogram();
        List<String> labels = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int b = 0; b < bins.length; b++) {
            labels.add(b * 10 + "-" + (b == 9 ? "100" : Integer.toString(b * 10 + 10)));
            counts.add(bins[b]);
        }
        chart(ReportCharts.bars("Health scores of the current customers", "score", "accounts", labels, counts,
                "accounts", "health-histogram"));
        html.append("<table id=\"health-histogram-table\">\n<tr><th>score</th><th>accounts</th></tr>\n");
        for (int b = 0; b < bins.length; b++) {
            row(labels.get(b), "health/bin/" + b, Integer.toString(bins[b]), String.format(Locale.ROOT, "%,d",
                    bins[b]));
        }
        html.append("</table>\n");
        List<String> bands = new ArrayList<>(h.distribution().counts().keySet());
        List<Integer> perBand = new ArrayList<>(h.distribution().counts().values());
        bands.add(PortfolioReport.Migration.INSUFFICIENT);
        perBand.add(h.distribution().insufficient());
        chart(ReportCharts.bars("Accounts per band", "band", "accounts", bands, perBand, "accounts", "health-bands"));
        html.append("<table id=\"health-bands-table\">\n<tr><th>band</th><th>accounts</th><th>share</th></tr>\n");
        for (int i = 0; i < bands.size(); i++) {
            int n = perBand.get(i);
            html.append("<tr><td>").append(escape(bands.get(i))).append("</td>");
            cell("health/band/" + bands.get(i), Integer.toString(n), String.format(Locale.ROOT, "%,d", n));
            html.append(String.format(Locale.ROOT, "<td>%.1f%%</td></tr>%n", h.distribution().total() == 0 ? 0.0
                    : 100.0 * n / h.distribution().total()));
        }
        html.append("</table>\n");

        PortfolioReport.Migration m = r.migration();
        html.append("<h3>Band migration</h3>\n<p class=\"note\">The accounts with a snapshot on ").append(m.from())
                .append(", by their band then and on ").append(m.to()).append(" (&ldquo;")
                .append(PortfolioReport.Migration.GONE).append("&rdquo;: no longer a customer).</p>\n");
        chart(ReportCharts.migration(m));
        html.append("<table id=\"migration-table\">\n<tr><th>from \\ to</th>");
        for (String c : m.columns()) {
            html.append("<th>").append(escape(c)).append("</th>");
        }
        html.append("</tr>\n");
        for (String from : m.bands()) {
            html.append("<tr><td>").append(escape(from)).append("</td>");
            for (String to : m.columns()) {
                int n = m.count(from, to);
                cell("migration/" + from + "/" + to, Integer.toString(n), String.format(Locale.ROOT, "%,d", n));
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private void backtest(Computed<BacktestReport> computed, List<RocPoint> roc) {
        if (!computed.isPresent()) {
            html.append("<h2 id=\"backtest\">Health score backtest</h2>\n<p>").append(escape(computed.reason()))
                    .append("</p>\n");
            return;
        }
        BacktestReport b = computed.get();
        html.append("<h2 id=\"backtest\">Health score backtest</h2>\n<p class=\"note\">Each monthly snapshot of ")
                .append(escape(b.model().toString())).append(", judged by whether the account churned within ")
                .append(b.horizon()).append(" after it; ").append(String.format(Locale.ROOT, "%,d", b.observations()))
                .append(" snapshots judged, ").append(String.format(Locale.ROOT, "%,d", b.censored()))
                .append(" censored.</p>\n");
        String auc = BacktestText.estimate(b.rocAuc(), 3);
        chart(ReportCharts.roc(roc, auc));
        html.append("<table id=\"roc-table\">\n<tr><th>flag health at or below</th><th>false positive rate</th>"
                + "<th>true positive rate</th></tr>\n");
        row("ROC AUC", "backtest/auc", Double.toString(b.rocAuc().value()), auc);
        for (int cut : ROC_CUTS) {
            Optional<RocPoint> p = pointAt(roc, cut);
            html.append("<tr><td>").append(cut).append("</td>");
            cell("roc/" + cut + "/fpr", p.map(x -> Double.toString(x.falsePositiveRate())).orElse(""),
                    p.map(x -> String.format(Locale.ROOT, "%.3f", x.falsePositiveRate())).orElse("n/a"));
            cell("roc/" + cut + "/tpr", p.map(x -> Double.toString(x.truePositiveRate())).orElse(""),
                    p.map(x -> String.format(Locale.ROOT, "%.3f", x.truePositiveRate())).orElse("n/a"));
            html.append("</tr>\n");
        }
        html.append("</table>\n");
        chart(ReportCharts.bandChurn(b.bands()));
        html.append("<table id=\"band-churn-table\">\n<tr><th>band</th><th>snapshots</th><th>churned</th>"
                + "<th>rate</th></tr>\n");
        for (BandOutcome o : b.bands()) {
            if (o.observations() == 0) {
                continue;
            }
            html.append("<tr><td>").append(escape(o.band())).append("</td>");
            cell("backtest/band/" + o.band() + "/observations", Integer.toString(o.observations()),
                    String.format(Locale.ROOT, "%,d", o.observations()));
            cell("backtest/band/" + o.band() + "/events", Integer.toString(o.events()),
                    String.format(Locale.ROOT, "%,d", o.events()));
            cell("backtest/band/" + o.band() + "/rate", Double.toString(o.eventRate()),
                    BacktestText.percent(o.eventRate()));
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    /**
     * Returns the curve's point that flags every observation with health at or below {@code cut} (risk at or above
     * {@code -cut}): the last point whose threshold is at least {@code -cut}.
     */
    public static Optional<RocPoint> pointAt(List<RocPoint> roc, double cut) {
        RocPoint found = null;
        for (RocPoint p : roc) {
            if (p.threshold() >= -cut) {
                found = p;
            }
        }
        return Optional.ofNullable(found);
    }

    private void clv(Computed<PortfolioReport.Clv> clv) {
        html.append("<h2 id=\"clv\">Customer lifetime value</h2>\n");
        if (!clv.isPresent()) {
            html.append("<p>").append(escape(clv.reason())).append("</p>\n");
            return;
        }
        PortfolioReport.Clv c = clv.get();
        html.append("<p class=\"note\">12-month CLV (monthly discount 1%) from BG/NBD and Gamma-Gamma, fitted on a"
                + " simulated log of one-off add-on purchases by the accounts (see <code>kizuna demo</code>);"
                + " <code>kizuna clv</code> runs the same models on a real purchase log.</p>\n");
        int[] counts = c.counts();
        List<String> labels = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        for (int b = 0; b < counts.length; b++) {
            labels.add(b == c.bins() ? String.format(Locale.ROOT, "%,.0f+", c.lower(b))
                    : String.format(Locale.ROOT, "%,.0f", c.lower(b)));
            values.add(counts[b]);
        }
        chart(ReportCharts.bars("Predicted 12-month CLV per customer", "CLV (bin start)", "customers", labels, values,
                "customers", "clv"));
        html.append("<table id=\"clv-table\">\n<tr><th>from</th><th>to</th><th>customers</th></tr>\n");
        row("customers", "clv/customers", Integer.toString(c.values().length),
                String.format(Locale.ROOT, "%,d", c.values().length));
        row("total CLV", "clv/total", Double.toString(c.total()), String.format(Locale.ROOT, "%,.0f", c.total()));
        for (int b = 0; b < counts.length; b++) {
            html.append("<tr>");
            cell("clv/bin/" + b + "/lower", Double.toString(c.lower(b)),
                    String.format(Locale.ROOT, "%,.0f", c.lower(b)));
            cell("clv/bin/" + b + "/upper", Double.toString(c.upper(b)), b == c.bins() ? ""
                    : String.format(Locale.ROOT, "%,.0f", c.upper(b)));
            cell("clv/bin/" + b + "/count", Integer.toString(counts[b]), String.format(Locale.ROOT, "%,d", counts[b]));
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private void plays(PortfolioReport.Plays p) {
        html.append("<h2 id=\"plays\">This week's playbook actions</h2>\n<p class=\"note\">The starter playbooks as a"
                + " dry run on ").append(p.on()).append(" over ").append(String.format(Locale.ROOT, "%,d",
                p.evaluated())).append(" current customers, health from the demo scorecard.</p>\n");
        chart(ReportCharts.plays(p));
        List<ActionKind> kinds = p.kinds();
        html.append("<table id=\"plays-table\">\n<tr><th>owner</th>");
        for (ActionKind k : kinds) {
            html.append("<th>").append(label(k.name())).append("</th>");
        }
        html.append("<th>total</th></tr>\n");
        for (Map.Entry<CsRole, Map<ActionKind, Integer>> owner : p.counts().entrySet()) {
            html.append("<tr><td>").append(label(owner.getKey().name())).append("</td>");
            int total = 0;
            for (ActionKind k : kinds) {
                int n = owner.getValue().getOrDefault(k, 0);
                total += n;
                cell("plays/" + owner.getKey() + "/" + k, Integer.toString(n), String.format(Locale.ROOT, "%,d", n));
            }
            cell("plays/" + owner.getKey() + "/total", Integer.toString(total),
                    String.format(Locale.ROOT, "%,d", total));
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    // ---- pieces ----

    private void chart(String image) {
        html.append("<div class=\"chart\">\n").append(image).append("\n</div>\n");
    }

    private void money(String key, Money m) {
        cell(key, m.amount().toPlainString(), MetricsReport.money(m));
    }

    private void row(String label, String key, String value, String text) {
        html.append("<tr><td>").append(escape(label)).append("</td>");
        cell(key, value, text);
        html.append("</tr>\n");
    }

    private void cell(String key, String value, String text) {
        html.append("<td data-k=\"").append(escape(key)).append("\" data-v=\"").append(escape(value)).append("\">")
                .append(escape(text)).append("</td>");
    }

    private static String optional(OptionalDouble v) {
        return v.isPresent() ? Double.toString(v.getAsDouble()) : "";
    }

    private static String days(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%,.0f", v.getAsDouble()) : "not reached";
    }

    private static String label(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Escapes text for HTML content and attribute values. */
    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
