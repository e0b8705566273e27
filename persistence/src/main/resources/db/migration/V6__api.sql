-- The companion app's API: sign-in identities on partners, push device tokens, and quiz runs drawn for the app
-- (the WhatsApp quiz keeps its run in the conversation's slots; the app has no conversation, so runs live here).

alter table partners add column firebase_uid text;
alter table partners add column email text;
create unique index partners_by_firebase_uid on partners (firebase_uid) where firebase_uid is not null;

create table device_tokens (
    token       text primary key,
    partner_id  bigint      not null references partners (id),
    platform    text        not null check (platform in ('android', 'ios', 'web')),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create index device_tokens_by_partner on device_tokens (partner_id);

create table api_quiz_runs (
    id            text primary key,
    partner_id    bigint      not null references partners (id),
    question_ids  text[]      not null,
    started_at    timestamptz not null default now(),
    -- the letters chosen, one per question, once the run is answered; answered exactly once
    chosen        text,
    submitted_at  timestamptz
);
create index api_quiz_runs_by_partner on api_quiz_runs (partner_id, started_at desc);
