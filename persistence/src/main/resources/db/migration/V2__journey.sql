-- The partner journey: skills and the quiz, leads and their outcomes, sales and earnings, achievements and
-- quests (data-driven rules), community, next best actions and nudges. Content (questions, leads, tips) is
-- seeded by the application from files, so it can change without a migration; rules and skills live here.

alter table partners add column points int not null default 0;
create index partners_by_points on partners (points desc, id);
create index partners_by_city_points on partners (lower(city), points desc, id);

create table skills (
    code      text primary key,
    category  text not null check (category in ('PRODUCT', 'SALES', 'COMPLIANCE')),
    product   text,
    name_en   text not null,
    name_hi   text not null,
    sort      int  not null
);
insert into skills (code, category, product, name_en, name_hi, sort) values
    ('loans', 'PRODUCT', 'LOANS', 'Loans', 'लोन', 1),
    ('credit_cards', 'PRODUCT', 'CREDIT_CARDS', 'Credit cards', 'क्रेडिट कार्ड', 2),
    ('insurance', 'PRODUCT', 'INSURANCE', 'Insurance', 'बीमा', 3),
    ('savings', 'PRODUCT', 'SAVINGS_ACCOUNTS', 'Savings', 'बचत खाता', 4),
    ('demat', 'PRODUCT', 'DEMAT', 'Demat', 'डीमैट', 5),
    ('need_discovery', 'SALES', null, 'Need discovery', 'ज़रूरत समझना', 6),
    ('objection_handling', 'SALES', null, 'Objection handling', 'आपत्ति संभालना', 7),
    ('closing', 'SALES', null, 'Closing', 'डील पक्की करना', 8),
    ('compliance', 'COMPLIANCE', null, 'Compliance', 'नियम-पालन', 9);

create table quiz_questions (
    id          text primary key,
    skill       text        not null references skills (code),
    topic       text        not null,
    difficulty  int         not null check (difficulty between 1 and 3),
    answer      char(1)     not null check (answer in ('A', 'B', 'C', 'D')),
    en          jsonb       not null,
    hi          jsonb       not null,
    updated_at  timestamptz not null default now()
);

create table quiz_attempts (
    id           bigserial primary key,
    partner_id   bigint      not null references partners (id),
    attempt_no   int         not null,
    started_at   timestamptz not null,
    finished_at  timestamptz not null default now(),
    correct      int         not null,
    total        int         not null,
    unique (partner_id, attempt_no)
);

create table quiz_answers (
    attempt_id   bigint  not null references quiz_attempts (id) on delete cascade,
    position     int     not null,
    question_id  text    not null references quiz_questions (id),
    chosen       char(1) not null,
    correct      boolean not null,
    primary key (attempt_id, position)
);

-- Current score per skill (0-100) and level (1-5). previous_score shows the change of the last assessment.
create table partner_skills (
    partner_id      bigint      not null references partners (id),
    skill           text        not null references skills (code),
    score           int         not null check (score between 0 and 100),
    level           int         not null check (level between 1 and 5),
    previous_score  int,
    assessed_at     timestamptz not null default now(),
    primary key (partner_id, skill)
);

-- The first quiz, kept as it was, so improvement is always measured against the start.
create table initial_skill_assessments (
    partner_id   bigint      not null references partners (id),
    skill        text        not null references skills (code),
    score        int         not null,
    level        int         not null,
    assessed_at  timestamptz not null default now(),
    primary key (partner_id, skill)
);

create table leads (
    id              bigserial primary key,
    name            text        not null,
    phone           text        not null,
    gender          text        not null check (gender in ('F', 'M')),
    age             int         not null check (age between 18 and 100),
    city            text        not null,
    city_hi         text,
    state           text        not null,
    city_tier       int         not null check (city_tier between 1 and 3),
    product         text        not null,
    income_band     text        not null check (income_band in ('LOW', 'MID', 'HIGH')),
    credit_band     text        not null check (credit_band in ('NEW', 'POOR', 'FAIR', 'GOOD', 'EXCELLENT')),
    source          text        not null,
    note_en         text,
    note_hi         text,
    created_at      timestamptz not null,
    status          text        not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
    -- "never offered to two partners at once": a lead shown to a partner is reserved to them until
    -- reserved_until; claiming it is one conditional UPDATE, so two partners cannot both win it
    assigned_to     bigint references partners (id),
    reserved_until  timestamptz
);
create index leads_open_by_product on leads (product, created_at desc) where status = 'OPEN';
create index leads_open_by_city on leads (lower(city), product, created_at desc) where status = 'OPEN';
create index leads_by_assignee on leads (assigned_to) where assigned_to is not null;

create table lead_events (
    id          bigserial primary key,
    lead_id     bigint      not null references leads (id),
    partner_id  bigint      not null references partners (id),
    kind        text        not null check (kind in ('OFFERED', 'CALLED', 'INTERESTED', 'SOLD', 'NOT_INTERESTED', 'WRONG_NUMBER')),
    amount      numeric(14, 2),
    at          timestamptz not null default now()
);
create index lead_events_by_partner on lead_events (partner_id, at);
create index lead_events_by_lead on lead_events (lead_id, at);

-- Demo commission schedule (GroMo's real payouts vary by product and lender): a share of the amount plus a flat part.
create table product_commissions (
    product       text primary key,
    rate_percent  numeric(6, 3)  not null,
    flat_amount   numeric(14, 2) not null
);
insert into product_commissions (product, rate_percent, flat_amount) values
    ('LOANS', 1.000, 0), ('CREDIT_CARDS', 0, 1500), ('INSURANCE', 15.000, 0),
    ('SAVINGS_ACCOUNTS', 0, 300), ('DEMAT', 0, 400);

create table sales (
    id          bigserial primary key,
    partner_id  bigint         not null references partners (id),
    lead_id     bigint         not null unique references leads (id),
    product     text           not null,
    amount      numeric(14, 2) not null check (amount > 0),
    commission  numeric(14, 2) not null,
    sold_at     timestamptz    not null default now()
);
create index sales_by_partner on sales (partner_id, sold_at);

-- Days on which a partner did something in SHISHA (India time): streaks are counted from these.
create table partner_activity_days (
    partner_id  bigint not null references partners (id),
    day         date   not null,
    primary key (partner_id, day)
);

-- Rules, not code: a badge is earned when the partner's metric reaches the threshold. Metrics are computed by
-- JdbcJourney.METRICS; adding a badge on an existing metric is one insert.
create table achievements (
    code        text primary key,
    metric      text not null check (metric in ('quizzes', 'leads_contacted', 'sales', 'streak_days', 'skill_level_ups', 'followers')),
    threshold   int  not null check (threshold > 0),
    points      int  not null,
    name_en     text not null,
    name_hi     text not null,
    sort        int  not null
);
insert into achievements (code, metric, threshold, points, name_en, name_hi, sort) values
    ('FIRST_QUIZ', 'quizzes', 1, 20, 'First quiz', 'पहला क्विज़', 1),
    ('FIRST_CONTACT', 'leads_contacted', 1, 20, 'First lead contacted', 'पहला लीड संपर्क', 2),
    ('FIRST_SALE', 'sales', 1, 100, 'First sale', 'पहली बिक्री', 3),
    ('STREAK_5', 'streak_days', 5, 50, '5-day streak', '5 दिन लगातार', 4),
    ('LEVEL_UP', 'skill_level_ups', 1, 30, 'Skill level-up', 'स्किल लेवल-अप', 5),
    ('TEN_CONTACTS', 'leads_contacted', 10, 50, '10 leads contacted', '10 लीड संपर्क', 6),
    ('FIVE_SALES', 'sales', 5, 200, '5 sales', '5 बिक्री', 7);

create table partner_achievements (
    partner_id  bigint      not null references partners (id),
    code        text        not null references achievements (code),
    awarded_at  timestamptz not null default now(),
    primary key (partner_id, code)
);

-- Weekly quests (weeks start on Monday, India time); a completion is recorded once per week.
create table quests (
    code      text primary key,
    metric    text not null check (metric in ('quizzes', 'leads_contacted', 'sales')),
    target    int  not null check (target > 0),
    points    int  not null,
    name_en   text not null,
    name_hi   text not null,
    sort      int  not null
);
insert into quests (code, metric, target, points, name_en, name_hi, sort) values
    ('WEEK_CONTACT_5', 'leads_contacted', 5, 40, 'Contact 5 leads this week', 'इस हफ़्ते 5 लीड से संपर्क करें', 1),
    ('WEEK_QUIZ_1', 'quizzes', 1, 15, 'Take a quiz this week', 'इस हफ़्ते एक क्विज़ दें', 2),
    ('WEEK_SALE_1', 'sales', 1, 60, 'Close a sale this week', 'इस हफ़्ते एक बिक्री करें', 3);

create table partner_quest_completions (
    partner_id    bigint      not null references partners (id),
    quest         text        not null references quests (code),
    week_start    date        not null,
    completed_at  timestamptz not null default now(),
    primary key (partner_id, quest, week_start)
);

create table partner_following (
    follower_id  bigint      not null references partners (id),
    followee_id  bigint      not null references partners (id),
    created_at   timestamptz not null default now(),
    primary key (follower_id, followee_id),
    check (follower_id <> followee_id)
);
create index partner_followers on partner_following (followee_id);

create table community_tips (
    id          text primary key,
    partner_id  bigint not null references partners (id),
    skill       text   not null references skills (code),
    product     text,
    en          text   not null,
    hi          text   not null
);

create table next_best_actions (
    partner_id   bigint      primary key references partners (id),
    kind         text        not null,
    params       jsonb       not null default '{}'::jsonb,
    text_en      text        not null,
    text_hi      text        not null,
    computed_at  timestamptz not null default now()
);

-- At most one proactive message per partner per day (India time): the primary key is the guarantee, also
-- with several instances running the scheduler.
create table nudges (
    partner_id   bigint      not null references partners (id),
    day          date        not null,
    kind         text        not null,
    outbound_id  bigint references outbound_messages (id),
    created_at   timestamptz not null default now(),
    primary key (partner_id, day)
);

-- Template messages (outside WhatsApp's 24-hour window) go out by ContentSid with variables, not a body.
alter table outbound_messages add column content_sid text;
alter table outbound_messages add column content_variables jsonb;
