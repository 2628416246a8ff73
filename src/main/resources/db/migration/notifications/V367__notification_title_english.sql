-- A notification's title as an English reader reads it, worded from its title_words when it is sent, so the search
-- finds a title by the words the reader sees (an English reader searching "Complaint" found nothing: only the Chinese
-- title was searched). Null for a title sent as text only and for a notification sent before this column: those are
-- found by their Chinese title, as they are shown.
ALTER TABLE notification ADD COLUMN IF NOT EXISTS title_en text;
