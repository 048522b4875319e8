-- The subscription events the MRR peer reads: one row per dev.kizuna.core.event.SubscriptionEvent, amounts exact.
-- The kinds are declared in Kizuna's order, which is how a subscription's events of one day are read.
CREATE TYPE event_kind AS ENUM ('START', 'CHANGE', 'CANCEL', 'END');
CREATE TABLE subscription_events (
    account         VARCHAR NOT NULL,
    subscription    VARCHAR NOT NULL,
    kind            event_kind NOT NULL,
    effective_day   DATE NOT NULL,
    recorded_day    DATE NOT NULL,
    -- The charge, for START and CHANGE only.
    unit_price      DECIMAL(38, 12),
    quantity        INTEGER,
    interval_months INTEGER,
    percent_off     DECIMAL(38, 12),
    amount_off      DECIMAL(38, 12),
    trial           BOOLEAN
);
