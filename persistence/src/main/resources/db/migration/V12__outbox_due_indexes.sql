-- outbound_due (status in PENDING, SENDING) matched the claim's "no older unsent row of this conversation" and
-- its lookup by id. With statistics taken while nothing waited, the planner priced it at one row and used it for
-- both: in a backlog each claim read every unsent row twice (10,000 rows, 10-20 ms). Split by status, neither
-- index matches those predicates any more; the sweep reads both (a bitmap OR), and "older unsent" is answered by
-- outbound_unsent_by_conversation, keyed by conversation.
drop index outbound_due;
create index outbound_pending_due on outbound_messages (next_attempt_at) where status = 'PENDING';
create index outbound_sending_lease on outbound_messages (lease_until) where status = 'SENDING';
