-- The message pipeline: conversations (dialog state), the durable inbox and outbox, delivery statuses, partners.

create table partners (
    id            bigserial primary key,
    phone         text        not null unique,
    name          text,
    language      text        not null default 'en',
    city          text,
    products      text[]      not null default '{}',
    onboarded_at  timestamptz,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);

-- One row per (channel, address). inbox_seq is bumped under the row lock by every accepted inbound message,
-- so per-conversation arrival order equals commit order (see docs/architecture.md).
create table conversations (
    conversation_key text primary key,
    channel          text        not null,
    address          text        not null,
    step             text,
    slots            jsonb       not null default '{}'::jsonb,
    language         text        not null default 'en',
    opted_out_at     timestamptz,
    version          bigint      not null default 0,
    inbox_seq        bigint      not null default 0,
    last_inbound_at  timestamptz,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);

create table inbound_messages (
    id                  bigserial primary key,
    provider_message_id text        not null unique,
    conversation_key    text        not null references conversations (conversation_key),
    seq                 bigint      not null,
    to_address          text,
    body                text        not null,
    media               jsonb       not null default '[]'::jsonb,
    profile_name        text,
    received_at         timestamptz not null default now(),
    processed_at        timestamptz,
    outcome             text
);
create index inbound_pending_by_conversation on inbound_messages (conversation_key, seq) where processed_at is null;
create index inbound_pending_by_age on inbound_messages (received_at) where processed_at is null;

create table outbound_messages (
    id                  bigserial primary key,
    conversation_key    text        not null references conversations (conversation_key),
    inbound_id          bigint references inbound_messages (id),
    from_address        text,
    body                text        not null,
    -- the confirmation of an opt-out is the one message allowed to an opted-out address
    bypass_opt_out      boolean     not null default false,
    -- an earlier attempt got no answer: ask the provider whether it has the message before sending again
    reconcile           boolean     not null default false,
    status              text        not null default 'PENDING'
        check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SUPPRESSED')),
    attempts            int         not null default 0,
    next_attempt_at     timestamptz not null default now(),
    lease_until         timestamptz,
    provider_message_id text unique,
    last_error          text,
    delivery_status     text,
    delivery_rank       int         not null default 0,
    delivery_error_code text,
    created_at          timestamptz not null default now(),
    sent_at             timestamptz,
    updated_at          timestamptz not null default now()
);
create index outbound_due on outbound_messages (next_attempt_at) where status in ('PENDING', 'SENDING');
create index outbound_by_conversation on outbound_messages (conversation_key, id);

-- Twilio repeats a MessageSid once per status; (sid, status) is the natural dedupe key.
create table message_status_events (
    message_sid  text        not null,
    status       text        not null,
    error_code   text,
    received_at  timestamptz not null default now(),
    primary key (message_sid, status)
);
