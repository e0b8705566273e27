-- Session tokens are stateless JWTs; the generation they were issued in must match this column, so raising it
-- (on a password reset) ends every session of the partner on every instance at once.
alter table partners
    add column session_version bigint not null default 0;
