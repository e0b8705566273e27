-- Candidate leads for a LEADS turn, newest first, skipping those another partner holds. Over the indexes of V2
-- ("OPEN", by product or city and product) every held lead among the newest is read and filtered out, and the
-- newest are exactly the ones partners hold: with 19,000 of 100,000 leads held, a LEADS turn read 300-700 rows
-- per product to find 40. These hold only the free ones, and the expired holds, by when they ran out.
create index leads_free_by_product on leads (product, created_at desc) where status = 'OPEN' and assigned_to is null;
create index leads_free_by_city on leads (lower(city), product, created_at desc) where status = 'OPEN' and assigned_to is null;
create index leads_held_by_product on leads (product, reserved_until desc) where status = 'OPEN' and assigned_to is not null;
