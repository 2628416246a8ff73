-- A notification's title as words of the UI bundle beside its Chinese title, so each reader's list words it in their
-- language (an English reader read a safety alert's notification in Chinese): {"key": …, "arguments": [texts, lists,
-- nested {"key", "arguments"}]}, null for a title sent as text only (shown as it is).
ALTER TABLE notification ADD COLUMN title_words jsonb;
