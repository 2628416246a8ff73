-- A document the platform generates and keeps (a 责令改正通知书, issue 14) is a .docx, whose content type
-- (application/vnd.openxmlformats-officedocument.wordprocessingml.document, 71 characters) does not fit 60.
ALTER TABLE attachment ALTER COLUMN content_type TYPE varchar(100);
