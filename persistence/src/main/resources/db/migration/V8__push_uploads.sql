-- Push notifications waiting for, or done with, FCM. Badge and hot-lead rows are inserted by the journey writer
-- in the transaction that caused them; (partner_id, dedupe_key) keeps each event to one push ever.
create table push_notifications (
    id          bigserial primary key,
    partner_id  bigint      not null references partners (id),
    kind        text        not null check (kind in ('BADGE', 'HOT_LEAD', 'QUEST_REMINDER')),
    dedupe_key  text        not null,
    params      jsonb       not null default '{}'::jsonb,
    status      text        not null default 'PENDING' check (status in ('PENDING', 'SENT', 'DROPPED')),
    attempts    int         not null default 0,
    -- when it may go out next: now, after a retry backoff, or after a claim's lease
    due_at      timestamptz not null default now(),
    created_at  timestamptz not null default now(),
    settled_at  timestamptz,
    detail      text,
    unique (partner_id, dedupe_key)
);
create index push_notifications_due on push_notifications (due_at) where status = 'PENDING';
create index push_notifications_sent on push_notifications (partner_id, settled_at) where status = 'SENT';

-- A call recording the app was allowed to upload (a presigned PUT for exactly this key, type and size).
create table call_review_uploads (
    id            text primary key,
    partner_id    bigint      not null references partners (id),
    object_key    text        not null unique,
    content_type  text        not null,
    size_bytes    bigint      not null check (size_bytes > 0),
    expires_at    timestamptz not null,
    created_at    timestamptz not null default now()
);
create index call_review_uploads_by_partner on call_review_uploads (partner_id, created_at desc);

-- The analysis of an upload or a pasted transcript. A worker claims a PENDING row (or a RUNNING one whose lease
-- ran out: its instance died) and completes it together with the skill deltas; upload_id unique makes a
-- repeated confirm return the same job.
create table call_review_jobs (
    id           text primary key,
    partner_id   bigint      not null references partners (id),
    upload_id    text unique references call_review_uploads (id),
    source       text        not null,
    transcript   text,
    status       text        not null default 'PENDING' check (status in ('PENDING', 'RUNNING', 'DONE', 'FAILED')),
    attempts     int         not null default 0,
    lease_until  timestamptz,
    failure      text,
    review       jsonb,
    created_at   timestamptz not null default now(),
    finished_at  timestamptz,
    check ((upload_id is null) <> (transcript is null))
);
create index call_review_jobs_open on call_review_jobs (created_at) where status in ('PENDING', 'RUNNING');
create index call_review_jobs_by_partner on call_review_jobs (partner_id, created_at desc);
