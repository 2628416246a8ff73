package org.youguan.safety.internal.ledgers;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.youguan.documents.UploadedFile;
import org.youguan.kernel.Masking;
import org.youguan.kernel.Rows;

/**
 * The submissions on an open ledger record kept one by one (table {@code safety_ledger_submission}): a hazard's
 * rectifications, an incident's follow-ups. The record's own column holds the latest text, which a later submission
 * replaces; here each stays as it was sent, with its time, author and the names of the files sent with it, so what
 * was first submitted never drops out of view.
 */
@Component
public class Submissions {

	/** What joins the names of the files of one submission ({@link Submission#fileNames}). */
	static final String FILE_SEPARATOR = "、";

	private final JdbcClient jdbc;

	private final Clock clock;

	Submissions(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * One submission as sent.
	 * @param note the text as it stood after the submission (null: files only)
	 * @param fileNames the names of the files sent with it, joined by {@value #FILE_SEPARATOR} (null: none)
	 * @param submittedAt when (null: submitted before submissions were kept, V351)
	 * @param submittedBy who, the actor's stored name (shown through {@code Actors.shown}); null as {@code submittedAt}
	 */
	public record Submission(String note, String fileNames, Instant submittedAt, String submittedBy) {
	}

	/**
	 * Keeps one submission, in the caller's transaction.
	 * @param ledger the record's table ({@code safety_hazard}, {@code safety_incident})
	 * @param id the record's id
	 * @param note the record's text after the submission, or null
	 * @param files the files sent with it
	 */
	void keep(String ledger, long id, String note, List<UploadedFile> files) {
		jdbc.sql("""
				INSERT INTO safety_ledger_submission (ledger, record_id, note, file_names, submitted_at, submitted_by)
				VALUES (:ledger, :id, :note, :files, :at, :by)""")
			.param("ledger", ledger)
			.param("id", id)
			.param("note", note)
			.param("files", files.isEmpty() ? null
					: String.join(FILE_SEPARATOR, files.stream().map(UploadedFile::fileName).toList()))
			.param("at", Timestamp.from(clock.instant()))
			.param("by", Actor.name())
			.update();
	}

	/**
	 * Every submission on a record, oldest first, personal numbers in the texts and file names masked as the record's
	 * page shows its texts. The caller has checked the record is in its scope.
	 */
	List<Submission> of(String ledger, long id) {
		return jdbc.sql("SELECT note, file_names, submitted_at, submitted_by FROM safety_ledger_submission"
				+ " WHERE ledger = :ledger AND record_id = :id ORDER BY id")
			.param("ledger", ledger)
			.param("id", id)
			.query(Rows.of(Submission.class))
			.list()
			.stream()
			.map(s -> new Submission(Masking.personalNumbersIn(s.note()), Masking.personalNumbersIn(s.fileNames()),
					s.submittedAt(), s.submittedBy()))
			.toList();
	}
}
