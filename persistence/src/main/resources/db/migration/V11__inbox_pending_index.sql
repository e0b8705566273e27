-- The planner, with statistics taken while nothing waited, priced this partial index at one row and used it
-- for lookups by conversation (filtering 6,000-8,000 waiting rows per turn in a backlog). Its one reader, the
-- recovery sweep, is served by inbound_pending_by_conversation (a full scan of that index is cheap: it holds
-- only the unprocessed messages).
drop index inbound_pending_by_age;
