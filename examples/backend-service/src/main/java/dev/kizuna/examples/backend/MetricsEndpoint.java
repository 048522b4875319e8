package dev.kizuna.examples.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kizuna.core.Money;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.metrics.DateRange;
import dev.kizuna.metrics.Ratio;
import dev.kizuna.metrics.revenue.ChurnRecognition;
import dev.kizuna.metrics.revenue.LedgerOptions;
import dev.kizuna.metrics.revenue.MrrLedger;
import dev.kizuna.metrics.revenue.PeriodSummary;
import dev.kizuna.metrics.revenue.ReactivationWindow;
import dev.kizuna.metrics.retention.LogoChurn;
import dev.kizuna.metrics.retention.RevenueRetention;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /v1/metrics}: the MRR bridge and retention of one period, from the subscription events in the body.
 *
 * <p>The body is {@code {"events": [SubscriptionEvent, ...], "month": "2026-03"}} or, for any span of days,
 * {@code "from": "2026-01-01", "to": "2026-03-31"} (both days included) instead of {@code month}. Optional:
 * {@code "currency"} (ISO 4217; required when there are no events), {@code "churnRecognition"}
 * ({@code SERVICE_END}, the default, or {@code CANCELLATION_REQUEST}) and {@code "reactivationWindowDays"} (default:
 * unlimited). The events build an {@link MrrLedger}; the answer is its {@link MrrLedger#summary period summary},
 * {@link LogoChurn} and {@link RevenueRetention} of the period, as {@code kizuna metrics} computes them for a month:
 * <pre>{@code
 * {"currency": "EUR", "period": {"from", "to"}, "events": 12,
 *  "mrr": {"start", "new", "expansion", "reactivation", "contraction", "churn", "end"},        (decimal strings)
 *  "movements": {"new", "expansion", "reactivation", "contraction", "churn"},                 (counts)
 *  "customers": {"start", "end"},
 *  "logoChurn": {"lost", "base", "joinedAndLeft", "rate"}, "grr": 0.95, "nrr": 1.02}            (null when undefined)
 * }</pre>
 *
 * <p>Bounds: at most {@value #MAX_EVENTS} events; the period and every date within the supported calendar; every amount
 * read by {@link Money#parseAmount} (see {@link KizunaValues}); a reactivation window of at most
 * {@value #MAX_REACTIVATION_WINDOW_DAYS} days. A figure of the period beyond what {@link Money} holds (more than
 * {@value Money#MAX_INTEGER_DIGITS} digits before the point) is a 400 at {@code $.events}.
 */
final class MetricsEndpoint {
    /** The most events one request may hold. */
    static final int MAX_EVENTS = 100_000;
    /** The longest reactivation window, in days: a hundred years. */
    static final int MAX_REACTIVATION_WINDOW_DAYS = 36_600;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** How MrrLedger names an event in its messages: {@code events[12]: ...}. */
    private static final Pattern EVENT = Pattern.compile("^events\\[(\\d+)]: ");

    private final KizunaValues values;

    MetricsEndpoint(KizunaValues values) {
        this.values = values;
    }

    JsonNode handle(BodyValue body) {
        BodyValue.Fields f = body.fields();
        BodyValue eventsIn = f.required("events");
        List<SubscriptionEvent> events = new ArrayList<>();
        for (BodyValue e : eventsIn.elements(0, MAX_EVENTS, "events")) {
            events.add(values.event(e));
        }
        DateRange period = period(body, f);
        LedgerOptions options = LedgerOptions.defaults();
        Optional<BodyValue> currency = f.optional("currency");
        if (currency.isPresent()) {
            String code = currency.get().text();
            Currency c = currency.get().build(() -> Money.currency(code));
            options = options.withCurrency(c);
        }
        Optional<BodyValue> recognition = f.optional("churnRecognition");
        if (recognition.isPresent()) {
            options = options.withChurnRecognition(recognition.get().enumValue(ChurnRecognition.class));
        }
        Optional<BodyValue> window = f.optional("reactivationWindowDays");
        if (window.isPresent()) {
            options = options.withReactivationWindow(ReactivationWindow.ofDays(
                    window.get().wholeNumber(0, MAX_REACTIVATION_WINDOW_DAYS)));
        }
        f.finish();

        MrrLedger ledger = ledger(events, options, eventsIn);
        PeriodSummary s;
        LogoChurn logo;
        RevenueRetention retention;
        try {
            s = ledger.summary(period);
            logo = LogoChurn.of(ledger, period);
            retention = RevenueRetention.of(ledger, period);
        } catch (IllegalArgumentException e) {
            // The events are each valid, but a total of the period is beyond what Money holds.
            throw eventsIn.error("a figure of the period is out of range: " + e.getMessage());
        }

        ObjectNode out = NODES.objectNode();
        out.put("currency", ledger.currency().getCurrencyCode());
        out.putObject("period").put("from", period.start().toString()).put("to", period.lastDay().toString());
        out.put("events", ledger.eventCount());
        ObjectNode mrr = out.putObject("mrr");
        money(mrr, "start", s.startMrr());
        money(mrr, "new", s.newMrr());
        money(mrr, "expansion", s.expansionMrr());
        money(mrr, "reactivation", s.reactivationMrr());
        money(mrr, "contraction", s.contractionMrr());
        money(mrr, "churn", s.churnedMrr());
        money(mrr, "end", s.endMrr());
        out.putObject("movements").put("new", s.newCount()).put("expansion", s.expansionCount())
                .put("reactivation", s.reactivationCount()).put("contraction", s.contractionCount())
                .put("churn", s.churnCount());
        out.putObject("customers").put("start", s.startCustomers()).put("end", s.endCustomers());
        ObjectNode churn = out.putObject("logoChurn");
        churn.put("lost", logo.lost()).put("base", logo.base()).put("joinedAndLeft", logo.joinedAndLeft());
        ratio(churn, "rate", logo.rate());
        ratio(out, "grr", retention.grr());
        ratio(out, "nrr", retention.nrr());
        return out;
    }

    private static DateRange period(BodyValue body, BodyValue.Fields f) {
        Optional<BodyValue> month = f.optional("month");
        Optional<BodyValue> from = f.optional("from");
        Optional<BodyValue> to = f.optional("to");
        if (month.isPresent()) {
            if (from.isPresent() || to.isPresent()) {
                throw (from.isPresent() ? from.get() : to.get()).error("give either month or from and to, not both");
            }
            YearMonth m = month.get().month();
            return DateRange.inclusive(m.atDay(1), m.atEndOfMonth());
        }
        if (from.isEmpty() && to.isEmpty()) {
            throw body.error("the period is missing: give month (yyyy-mm) or from and to (yyyy-mm-dd, both included)");
        }
        LocalDate first = f.required("from").date();
        BodyValue toIn = f.required("to");
        LocalDate last = toIn.date();
        if (last.isBefore(first)) {
            throw toIn.error("to: " + last + " must not be before from " + first);
        }
        return DateRange.inclusive(first, last);
    }

    /** Builds the ledger; an error that names {@code events[i]} is reported at that event's path. */
    private static MrrLedger ledger(List<SubscriptionEvent> events, LedgerOptions options, BodyValue eventsIn) {
        try {
            return MrrLedger.build(events, options);
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            Matcher m = EVENT.matcher(message);
            if (m.find()) {
                throw ApiException.badValue(JsonPaths.element(eventsIn.path(), Integer.parseInt(m.group(1))),
                        message.substring(m.end()));
            }
            throw eventsIn.error(message);
        }
    }

    private static void money(ObjectNode out, String name, Money amount) {
        out.put(name, amount.toPlainString());
    }

    private static void ratio(ObjectNode out, String name, Optional<Ratio> ratio) {
        if (ratio.isPresent()) {
            out.put(name, ratio.get().value());
        } else {
            out.putNull(name);
        }
    }
}
