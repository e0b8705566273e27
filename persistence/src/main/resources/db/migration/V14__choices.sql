-- Tap instead of type. A reply's choices (WhatsApp quick-reply buttons or a list picker, the web chat's buttons) are
-- kept with the reply, so a send resumed after a crash still offers them; null for the many replies without (adding
-- a nullable column without a default rewrites nothing).
alter table outbound_messages add column choices jsonb;

-- The id of the choice a partner tapped (Twilio's ButtonPayload or ListId, the web chat's choice); null when typed.
-- Kept with the message, so a redelivered or recovered message is understood as the same tap.
alter table inbound_messages add column choice_id text;

-- What Twilio's Content API made for each distinct choice set (a ContentSid, HX...), created once and shared by
-- every instance. choices_key names the set and how it is shown (see TwilioContentApi); the first sid kept wins.
create table choice_contents (
    choices_key text        primary key,
    content_sid text        not null,
    created_at  timestamptz not null default now()
);
