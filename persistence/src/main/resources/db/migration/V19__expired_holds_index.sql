-- A partner's own holds ("assigned_to = :p and status = 'OPEN' and reserved_until > now()", read by every LEADS turn)
-- must be found through leads_by_assignee. V10's leads_held_by_product matched that query too (its predicate is
-- implied by assigned_to = :p, and reserved_until is its second column), and with statistics taken before partners
-- held leads (a fresh import: autoanalyze waits for a tenth of the rows to change) the planner believed it empty and
-- scanned every held lead instead, growing with every reservation (37 ms of a LEADS turn at 6,000 held leads on a
-- loaded machine).
-- The index for expired holds is now partial on "product is not null" as well: the expired-holds read names a
-- product, which implies it, and a partner's holds do not, so the planner cannot take it for them whatever the
-- statistics say. (product is never null; the predicate is there only for that proof.)
create index leads_expired_by_product on leads (product, reserved_until desc)
    where status = 'OPEN' and assigned_to is not null and product is not null;
drop index leads_held_by_product;
