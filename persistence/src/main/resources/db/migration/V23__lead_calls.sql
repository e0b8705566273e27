-- Calls from a partner to a lead bridged through SHISHA: Twilio calls the partner (or the partner is already on the
-- phone line), then dials the lead with SHISHA's number as caller ID, so neither sees the other's number. A row is
-- written with the turn that asked for it; the placer dials what is REQUESTED.
create table lead_calls (
    id               bigserial   primary key,
    partner_id       bigint      not null references partners (id),
    lead_id          bigint      not null references leads (id),
    -- recorded (and reviewed) only where the partner chose so for this call; both sides hear a notice
    record           boolean     not null,
    status           text        not null
        check (status in ('REQUESTED', 'DIALLING', 'BRIDGED', 'ENDED', 'FAILED')),
    -- the partner's leg: the call Twilio placed to them, or the phone-line call they asked from
    call_sid         text        unique,
    requested_at     timestamptz not null default now(),
    ended_at         timestamptz,
    seconds          int,
    recording_url    text,
    failure          text
);
create index lead_calls_requested on lead_calls (requested_at) where status = 'REQUESTED';
create index lead_calls_by_partner on lead_calls (partner_id, requested_at desc);

-- What was said on a bridged call, heard live from Twilio's media stream (one row per utterance, either side), and
-- the tips shown to the partner while it went on, with their thumbs up or down.
alter table lead_calls add column summary text;

create table lead_call_utterances (
    call_id    bigint      not null references lead_calls (id),
    seq        int         not null,
    speaker    text        not null check (speaker in ('PARTNER', 'CUSTOMER')),
    at_ms      int         not null,
    words      text        not null,
    primary key (call_id, seq)
);

create table lead_call_tips (
    id         bigserial   primary key,
    call_id    bigint      not null references lead_calls (id),
    kind       text        not null check (kind in ('OBJECTION', 'QUESTION', 'SIGNAL', 'LISTENING_OFF')),
    heard      text,
    tip        text        not null,
    source     text,
    at_ms      int         not null,
    useful     boolean,
    created_at timestamptz not null default now()
);
create index lead_call_tips_by_call on lead_call_tips (call_id, id);
