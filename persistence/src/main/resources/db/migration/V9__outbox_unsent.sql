-- A reply may leave only when nothing older of its conversation is unsent (the claim, and the turn's commit that
-- claims its own replies, both ask). Over outbound_by_conversation that question reads every row the
-- conversation ever had; this index holds only the few unsent ones.
create index outbound_unsent_by_conversation on outbound_messages (conversation_key, id)
    where status in ('PENDING', 'SENDING');
