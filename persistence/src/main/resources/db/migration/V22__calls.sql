-- Phone calls (the IVR, and calls bridged to leads). A call has no conversation of its own: its turns are inbound
-- messages of the caller's chat conversation, so a partner can start by voice and go on in WhatsApp.
create table calls (
    sid              text        primary key,
    conversation_key text        not null references conversations (conversation_key),
    direction        text        not null check (direction in ('INBOUND', 'OUTBOUND')),
    started_at       timestamptz not null,
    ended_at         timestamptz
);

-- Which inbound messages were turns of which call, and whether their replies were spoken before the call ended.
-- A reply not heard goes out on the conversation's own channel instead (the outbox holds it until this says).
create table call_turns (
    turn_id    text        primary key,
    call_sid   text        not null references calls (sid),
    taken_at   timestamptz not null default now(),
    heard_at   timestamptz
);
create index call_turns_by_call on call_turns (call_sid);
