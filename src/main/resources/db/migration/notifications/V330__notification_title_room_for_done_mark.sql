-- A title stored before sent titles were bounded to 295 characters (296–300 of them) lost its end when a 催报 was
-- marked done (【已办结】 + title cut to the column's 300). The column now holds a 300-character title with the mark,
-- so marking done never cuts a stored title (Notifications.markDone). Widening a varchar rewrites no row.
ALTER TABLE notification ALTER COLUMN title TYPE varchar(305);
