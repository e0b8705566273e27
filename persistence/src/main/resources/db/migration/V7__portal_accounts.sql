-- The web portal's own sign-in: email and password, one per partner, on the partner row that WhatsApp and the
-- app share. Only hashes are stored: BCrypt for passwords, HMAC-SHA256 (keyed with the session key) for codes,
-- so a leaked table yields neither passwords nor usable codes.

create table portal_accounts (
    id                 bigserial primary key,
    partner_id         bigint      not null unique references partners (id),
    email              text        not null,
    -- the name given at registration; copied to the partner only once the phone is proven, and only if the
    -- partner has none, so nobody can rename a WhatsApp partner by registering with their number
    display_name       text        not null,
    password_hash      text        not null,
    phone_verified_at  timestamptz,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now()
);
create unique index portal_accounts_by_email on portal_accounts (lower(email));

-- One live code per account and purpose; a new one replaces the old one and its attempt count.
create table portal_codes (
    account_id  bigint      not null references portal_accounts (id) on delete cascade,
    purpose     text        not null check (purpose in ('VERIFY_PHONE', 'RESET_PASSWORD')),
    code_hash   text        not null,
    expires_at  timestamptz not null,
    attempts    int         not null default 0,
    created_at  timestamptz not null default now(),
    primary key (account_id, purpose)
);
