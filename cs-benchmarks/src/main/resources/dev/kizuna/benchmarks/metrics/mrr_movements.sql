-- Monthly MRR movements of the subscription_events table, by the conventions of Kizuna's MrrLedger:
--   * a subscription's MRR: unit price x quantity, less the discount (a percentage, or a fixed amount floored at
--     zero), divided by the months of the billing interval, half-even at 12 decimal places; zero in a trial;
--   * a subscription's events are read by effective day, then kind (START, CHANGE, CANCEL, END);
--   * all of a customer's changes of one day are netted into at most one movement: from zero, NEW the first time and
--     afterwards REACTIVATION if within the reactivation window of the churn (else NEW); to zero, CHURN; otherwise
--     EXPANSION or CONTRACTION;
--   * churn is recognised when service ends, or optionally on the day the cancellation was requested (never before
--     the subscription's start), changes from that day on then having no effect.
-- Amounts are exact integers of 10^-12 currency units (HUGEINT) until the last step, which shows them as
-- DECIMAL(38, 12). A monthly amount that does not terminate is rounded half-even at 12 places, as Kizuna does; one that
-- terminates beyond 12 places, which Kizuna keeps exact, is rounded here: that needs a price with more than 7 decimal
-- places (or a percentage discount whose decimals and the price's add up to more than 7).
--
-- Parameters, in order: (1) the first day of the first month, (2) the first day after the last month,
-- (3) whether churn is recognised at the cancellation request, (4) the reactivation window in days, NULL for
-- unlimited.
WITH params AS (
    SELECT ?::DATE AS from_day, ?::DATE AS to_day, ?::BOOLEAN AS at_request, ?::BIGINT AS window_days
),
charges AS (
    -- The subscription's MRR after each event, as a quotient n / d of units to round half-even.
    SELECT account, subscription, kind, effective_day, recorded_day,
           CASE
               WHEN kind IN ('CANCEL', 'END') OR trial THEN 0::HUGEINT
               WHEN amount_off IS NOT NULL
                   THEN greatest((unit_price * 1000000000000)::HUGEINT * quantity
                                 - (amount_off * 1000000000000)::HUGEINT, 0::HUGEINT)
               ELSE (unit_price * 1000000000000)::HUGEINT * quantity
                    * (100000000000000::HUGEINT - (coalesce(percent_off, 0) * 1000000000000)::HUGEINT)
           END AS n,
           CASE
               WHEN kind IN ('CANCEL', 'END') OR trial THEN 1::HUGEINT
               WHEN amount_off IS NOT NULL THEN interval_months::HUGEINT
               ELSE 100000000000000::HUGEINT * interval_months
           END AS d
    FROM subscription_events
),
priced AS (
    SELECT account, subscription, kind, effective_day, recorded_day,
           n // d + CASE WHEN 2 * (n % d) > d OR (2 * (n % d) = d AND (n // d) % 2 = 1) THEN 1 ELSE 0 END AS mrr,
           -- Runs of a subscription: each START opens one.
           count(*) FILTER (WHERE kind = 'START') OVER (
               PARTITION BY account, subscription ORDER BY effective_day, kind ROWS UNBOUNDED PRECEDING) AS run
    FROM charges
),
runs AS (
    SELECT *,
           max(recorded_day) FILTER (WHERE kind = 'CANCEL') OVER run_window AS requested_day,
           min(effective_day) OVER run_window AS run_start
    FROM priced
    WINDOW run_window AS (PARTITION BY account, subscription, run)
),
applied AS (
    -- At the cancellation request, the CANCEL applies on the request day (not before the run started) and the
    -- changes from that day on are dropped: they no longer change MRR.
    SELECT account, subscription, kind, effective_day, mrr,
           CASE WHEN p.at_request AND kind = 'CANCEL' THEN greatest(requested_day, run_start)
                ELSE effective_day END AS day
    FROM runs, params p
    WHERE NOT (p.at_request AND kind = 'CHANGE' AND requested_day IS NOT NULL
               AND effective_day >= greatest(requested_day, run_start))
),
deltas AS (
    SELECT account, day,
           mrr - coalesce(lag(mrr) OVER (PARTITION BY account, subscription ORDER BY effective_day, kind), 0) AS delta
    FROM applied
),
daily AS (
    SELECT account, day, sum(delta) AS net
    FROM deltas
    GROUP BY account, day
    HAVING sum(delta) <> 0
),
movements AS (
    SELECT day, net,
           sum(net) OVER customer AS after,
           lag(day) OVER customer AS previous_day
    FROM daily
    WINDOW customer AS (PARTITION BY account ORDER BY day ROWS UNBOUNDED PRECEDING)
),
classified AS (
    SELECT day, net,
           CASE
               WHEN after = net THEN
                   CASE WHEN previous_day IS NULL THEN 'NEW'
                        WHEN p.window_days IS NULL OR day - previous_day <= p.window_days THEN 'REACTIVATION'
                        ELSE 'NEW' END
               WHEN after = 0 THEN 'CHURN'
               WHEN net > 0 THEN 'EXPANSION'
               ELSE 'CONTRACTION'
           END AS type
    FROM movements, params p
),
opening AS (
    SELECT coalesce(sum(net), 0) AS mrr,
           coalesce(sum(CASE type WHEN 'NEW' THEN 1 WHEN 'REACTIVATION' THEN 1 WHEN 'CHURN' THEN -1 ELSE 0 END), 0)
               AS customers
    FROM classified, params p
    WHERE day < p.from_day
),
by_month AS (
    SELECT date_trunc('month', day)::DATE AS month,
           sum(net) AS net,
           sum(net) FILTER (WHERE type = 'NEW') AS new_mrr,
           sum(net) FILTER (WHERE type = 'EXPANSION') AS expansion_mrr,
           sum(net) FILTER (WHERE type = 'REACTIVATION') AS reactivation_mrr,
           -sum(net) FILTER (WHERE type = 'CONTRACTION') AS contraction_mrr,
           -sum(net) FILTER (WHERE type = 'CHURN') AS churned_mrr,
           count(*) FILTER (WHERE type = 'NEW') AS new_count,
           count(*) FILTER (WHERE type = 'EXPANSION') AS expansion_count,
           count(*) FILTER (WHERE type = 'REACTIVATION') AS reactivation_count,
           count(*) FILTER (WHERE type = 'CONTRACTION') AS contraction_count,
           count(*) FILTER (WHERE type = 'CHURN') AS churn_count
    FROM classified, params p
    WHERE day >= p.from_day AND day < p.to_day
    GROUP BY 1
),
months AS (
    SELECT unnest(range(p.from_day::TIMESTAMP, p.to_day::TIMESTAMP, INTERVAL 1 MONTH))::DATE AS month
    FROM params p
),
bridged AS (
    SELECT m.month,
           o.mrr + coalesce(sum(b.net) OVER earlier, 0) AS start_mrr,
           coalesce(b.new_mrr, 0) AS new_mrr,
           coalesce(b.expansion_mrr, 0) AS expansion_mrr,
           coalesce(b.reactivation_mrr, 0) AS reactivation_mrr,
           coalesce(b.contraction_mrr, 0) AS contraction_mrr,
           coalesce(b.churned_mrr, 0) AS churned_mrr,
           o.mrr + coalesce(sum(b.net) OVER so_far, 0) AS end_mrr,
           o.customers + coalesce(sum(b.new_count + b.reactivation_count - b.churn_count) OVER earlier, 0)
               AS start_customers,
           coalesce(b.new_count, 0) AS new_count,
           coalesce(b.expansion_count, 0) AS expansion_count,
           coalesce(b.reactivation_count, 0) AS reactivation_count,
           coalesce(b.contraction_count, 0) AS contraction_count,
           coalesce(b.churn_count, 0) AS churn_count,
           o.customers + coalesce(sum(b.new_count + b.reactivation_count - b.churn_count) OVER so_far, 0)
               AS end_customers
    FROM months m
    CROSS JOIN opening o
    LEFT JOIN by_month b ON b.month = m.month
    WINDOW earlier AS (ORDER BY m.month ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING),
           so_far AS (ORDER BY m.month ROWS UNBOUNDED PRECEDING)
)
SELECT month,
       start_mrr::DECIMAL(38, 0) * 0.000000000001 AS start_mrr,
       new_mrr::DECIMAL(38, 0) * 0.000000000001 AS new_mrr,
       expansion_mrr::DECIMAL(38, 0) * 0.000000000001 AS expansion_mrr,
       reactivation_mrr::DECIMAL(38, 0) * 0.000000000001 AS reactivation_mrr,
       contraction_mrr::DECIMAL(38, 0) * 0.000000000001 AS contraction_mrr,
       churned_mrr::DECIMAL(38, 0) * 0.000000000001 AS churned_mrr,
       end_mrr::DECIMAL(38, 0) * 0.000000000001 AS end_mrr,
       start_customers, new_count, expansion_count, reactivation_count, contraction_count, churn_count, end_customers
FROM bridged
ORDER BY month
