-- Every turn inserts an inbound and an outbound row and updates each once; with their indexes that was 17 index
-- inserts a turn, a third of them for the operator console's time ranges. These indexes cost less per turn and
-- still serve every query (bench/README.md has the figures).

-- The console's timeline and the turn latency metric read a time range of the newest messages. Rows are inserted in
-- received_at / created_at order, so a block range index serves those ranges: it keeps a summary per 128 pages
-- instead of an entry per row, and an insert into pages not yet summarised touches nothing.
create index inbound_received_at_brin on inbound_messages using brin (received_at) with (autosummarize = on);
drop index inbound_received_at;
create index outbound_created_at_brin on outbound_messages using brin (created_at) with (autosummarize = on);
drop index outbound_created_at;

-- The console's transcript reads a conversation's messages: the waiting ones through inbound_pending_by_conversation,
-- the processed ones through this index (it read the whole table before). Partial, so a message gets its entry only
-- when it is processed, whose update is never heap-only anyway (processed_at is in the pending index's predicate).
create index inbound_processed_by_conversation on inbound_messages (conversation_key, seq) where processed_at is not null;

-- A reply has no provider id until it is sent: the unique index held a null entry for every row queued. Only the
-- delivery statuses look rows up by it, always by a value (which implies "is not null", so the partial index serves).
create unique index outbound_provider_message_id on outbound_messages (provider_message_id)
    where provider_message_id is not null;
alter table outbound_messages drop constraint outbound_messages_provider_message_id_key;

-- A conversation row is updated twice a turn (the inbox's sequence, the turn's state), touching no indexed column:
-- with room left in its page the new version stays there as a heap-only tuple, and the primary key gets no entry.
alter table conversations set (fillfactor = 80);
