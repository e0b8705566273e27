-- The operator console's own data, mapped by JPA entities in com.shisha.persistence.console. The message
-- pipeline's tables are not touched: it stays on its own JDBC.

CREATE TABLE staff_members (
    id              BIGSERIAL PRIMARY KEY,
    email           TEXT        NOT NULL UNIQUE,
    display_name    TEXT        NOT NULL,
    role            TEXT        NOT NULL CHECK (role IN ('ADMIN', 'AGENT')),
    password_hash   TEXT        NOT NULL,
    active          BOOLEAN     NOT NULL DEFAULT TRUE,
    session_version BIGINT      NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL,
    version         BIGINT      NOT NULL DEFAULT 0
);

-- written once, never updated: who did what, when, to which partner
CREATE TABLE staff_audit (
    id         BIGSERIAL PRIMARY KEY,
    at         TIMESTAMPTZ NOT NULL,
    staff_id   BIGINT REFERENCES staff_members (id),
    who        TEXT,
    action     TEXT        NOT NULL,
    partner_id BIGINT,
    detail     TEXT
);
CREATE INDEX staff_audit_staff ON staff_audit (staff_id, id DESC);

CREATE TABLE handoffs (
    id         BIGSERIAL PRIMARY KEY,
    channel    TEXT        NOT NULL,
    address    TEXT        NOT NULL,
    reason     TEXT        NOT NULL CHECK (reason IN ('PARTNER_ASKED', 'COACH_ESCALATION', 'AGENT_TOOK_OVER')),
    state      TEXT        NOT NULL CHECK (state IN ('WAITING', 'WITH_AGENT', 'RETURNED')),
    note       TEXT,
    agent_id   BIGINT REFERENCES staff_members (id),
    opened_at  TIMESTAMPTZ NOT NULL,
    claimed_at TIMESTAMPTZ,
    closed_at  TIMESTAMPTZ,
    closed_by  BIGINT REFERENCES staff_members (id),
    version    BIGINT      NOT NULL DEFAULT 0
);
-- one open handoff per conversation, also when two instances queue it at once
CREATE UNIQUE INDEX handoffs_one_open ON handoffs (channel, address) WHERE state <> 'RETURNED';
CREATE INDEX handoffs_queue ON handoffs (opened_at) WHERE state <> 'RETURNED';

-- an agent's reply, once per client id: a retried send from the console finds its row and queues nothing twice
CREATE TABLE console_replies (
    id          BIGSERIAL PRIMARY KEY,
    handoff_id  BIGINT      NOT NULL REFERENCES handoffs (id),
    staff_id    BIGINT      NOT NULL REFERENCES staff_members (id),
    client_id   TEXT        NOT NULL UNIQUE,
    outbound_id BIGINT      NOT NULL,
    at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX console_replies_outbound ON console_replies (outbound_id);

-- the console's overview and the metrics read the last hours of traffic; without these they would scan every message
CREATE INDEX inbound_received_at ON inbound_messages (received_at);
CREATE INDEX outbound_created_at ON outbound_messages (created_at);
CREATE INDEX outbound_troubled_at ON outbound_messages (updated_at) WHERE status = 'FAILED' OR delivery_error_code IS NOT NULL;

-- A WhatsApp template sent to a segment of partners. DRAFT → SENDING → SENT, or CANCELLED; never back.
CREATE TABLE broadcasts (
    id            BIGSERIAL PRIMARY KEY,
    name          TEXT        NOT NULL,
    template_sid  TEXT        NOT NULL CHECK (template_sid ~ '^HX[0-9a-fA-F]{32}$'),
    body          TEXT        NOT NULL,
    city          TEXT,
    product       TEXT,
    language      TEXT,
    min_skill     INT,
    max_skill     INT,
    active_days   INT,
    inactive_days INT,
    state         TEXT        NOT NULL CHECK (state IN ('DRAFT', 'SENDING', 'SENT', 'CANCELLED')),
    created_by    BIGINT      NOT NULL REFERENCES staff_members (id),
    created_at    TIMESTAMPTZ NOT NULL,
    started_at    TIMESTAMPTZ,
    finished_at   TIMESTAMPTZ,
    version       BIGINT      NOT NULL DEFAULT 0
);

-- Who a broadcast goes to, fixed when it starts. One row per partner and broadcast, and the outbox row is written in
-- the same transaction that marks the row QUEUED: a partner gets a broadcast once, whatever restarts or instances.
CREATE TABLE broadcast_recipients (
    broadcast_id     BIGINT      NOT NULL REFERENCES broadcasts (id),
    partner_id       BIGINT      NOT NULL REFERENCES partners (id),
    conversation_key TEXT        NOT NULL,
    state            TEXT        NOT NULL CHECK (state IN ('PENDING', 'QUEUED', 'SKIPPED')),
    reason           TEXT,
    outbound_id      BIGINT,
    queued_at        TIMESTAMPTZ,
    PRIMARY KEY (broadcast_id, partner_id)
);
CREATE INDEX broadcast_recipients_pending ON broadcast_recipients (broadcast_id) WHERE state = 'PENDING';
CREATE INDEX broadcast_recipients_by_partner ON broadcast_recipients (partner_id, queued_at) WHERE state = 'QUEUED';

-- Leads brought in from GroMo's systems (CSV in the console, or the integration API): the external id makes every
-- import idempotent; leads made here have none
ALTER TABLE leads ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX leads_external_id ON leads (external_id) WHERE external_id IS NOT NULL;
-- an import merges a second lead for the same person and product into the open one
CREATE INDEX leads_open_by_phone ON leads (phone, product) WHERE status = 'OPEN';

-- One import, RUNNING → DONE or FAILED once; its counts grow chunk by chunk (the console's progress bar)
CREATE TABLE lead_imports (
    id          BIGSERIAL PRIMARY KEY,
    source      TEXT        NOT NULL CHECK (source IN ('CSV', 'API')),
    file_name   TEXT,
    staff_id    BIGINT REFERENCES staff_members (id),
    state       TEXT        NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED')),
    total_rows  BIGINT      NOT NULL DEFAULT 0,
    processed   BIGINT      NOT NULL DEFAULT 0,
    created     BIGINT      NOT NULL DEFAULT 0,
    updated     BIGINT      NOT NULL DEFAULT 0,
    merged      BIGINT      NOT NULL DEFAULT 0,
    refused     BIGINT      NOT NULL DEFAULT 0,
    failure     TEXT,
    created_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    version     BIGINT      NOT NULL DEFAULT 0
);

-- the rows an import refused and why: the downloadable report
CREATE TABLE lead_import_refusals (
    import_id   BIGINT NOT NULL REFERENCES lead_imports (id),
    row_number  BIGINT NOT NULL,
    external_id TEXT,
    reason      TEXT   NOT NULL,
    PRIMARY KEY (import_id, row_number)
);
