-- A quiz run keeps the language it was drawn in: answering it (or reading it back) without ?lang= answers in that
-- language, not in whatever the account's language is by then. Runs from before have none and follow the account.
alter table api_quiz_runs add column language text check (language in ('en', 'hi'));
