-- The seq of a conversation's last processed inbound message. Messages are processed in seq order, so every
-- message at or below it is processed, and a message whose seq is one more is next in line. The inbox's hint
-- and the turn commit's order guard read it from the conversation row they lock anyway, instead of scanning
-- the partial index of unprocessed messages: a cached generic plan, made while few messages waited, did that
-- scan without an index condition (every waiting message of every conversation, per turn) and in a backlog
-- of 18,000 waiting messages a batch commit took ~80 ms of database CPU (bench/README.md, session 6).
alter table conversations add column processed_seq bigint not null default 0;

-- one pass over the messages (no index serves "processed messages by conversation"; a subquery per
-- conversation would scan the table once per partner)
update conversations c
set processed_seq = p.seq
from (select conversation_key, max(seq) as seq from inbound_messages
      where processed_at is not null group by conversation_key) p
where p.conversation_key = c.conversation_key;
