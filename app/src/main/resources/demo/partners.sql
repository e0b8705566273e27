-- Demo data for the zero-setup run (never loaded when DATABASE_URL is configured, unless SHISHA_DEMO_DATA=true).
-- Idempotent: safe on every start. Web chat conversations let the simulator open these partners at the main menu.
insert into partners (phone, name, language, city, products, onboarded_at) values
    ('+919800000001', 'Asha Verma',   'en', 'Indore',   '{LOANS,INSURANCE}',                now() - interval '40 days'),
    ('+919800000002', 'Ravi Kumar',   'hi', 'Jaipur',   '{CREDIT_CARDS,DEMAT}',             now() - interval '25 days'),
    ('+919800000003', 'Sunita Yadav', 'hi', 'Lucknow',  '{LOANS,SAVINGS_ACCOUNTS}',         now() - interval '12 days'),
    ('+919800000004', 'Imran Shaikh', 'en', 'Nagpur',   '{INSURANCE,SAVINGS_ACCOUNTS,DEMAT}', now() - interval '5 days'),
    ('+919800000005', 'Meena Iyer',   'en', 'Coimbatore', '{CREDIT_CARDS}',                 now() - interval '1 day')
on conflict (phone) do nothing;

insert into conversations (conversation_key, channel, address, step, slots, language)
select 'web:' || p.phone, 'WEB', p.phone, 'MAIN_MENU',
       jsonb_build_object('name', p.name, 'language', p.language, 'city', p.city,
                          'products', array_to_string(p.products, ','), 'confirmed', 'true'),
       p.language
from partners p
where p.phone in ('+919800000001', '+919800000002', '+919800000003', '+919800000004', '+919800000005')
on conflict (conversation_key) do nothing;
