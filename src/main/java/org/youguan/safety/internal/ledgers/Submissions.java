package org.youguan.safety.internal.ledgers;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
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
	 * How long after a submission the same one sent again (a double click, a retried call) is taken as that
	 * submission, not a second one ({@link #repeated}).
	 */
	static final Duration RESUBMISSION_WINDOW = Duration.ofSeconds(10);

	/**
	 * Whether this submission repeats the record's latest one: the same author, the same text and the same file names,
	 * within {@link #RESUBMISSION_WINDOW} — a double click or a retried call, which the caller answers as already done
	 * (idempotent: nothing saved twice, no second history entry). The caller holds the record's row lock
	 * ({@code lockOpen}), so two such submissions at once are ordered and the second sees the first.
	 * @param note the record's text after the submission, or null
	 * @param files the files sent with it
	 */
	boolean repeated(String ledger, long id, String note, List<UploadedFile> files) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM (SELECT note, file_names, submitted_at, submitted_by
				                                FROM safety_ledger_submission WHERE ledger = :ledger AND record_id = :id
				                               ORDER BY id DESC LIMIT 1) latest
				                WHERE latest.note IS NOT DISTINCT FROM CAST(:note AS text)
				                  AND latest.file_names IS NOT DISTINCT FROM CAST(:files AS text)
				                  AND latest.submitted_by IS NOT DISTINCT FROM CAST(:by AS text)
				                  AND latest.submitted_at >= :since)""")
			.param("ledger", ledger)
			.param("id", id)
			.param("note", note)
			.param("files", fileNames(files))
			.param("by", Actor.name())
			.param("since", Timestamp.from(clock.instant().minus(RESUBMISSION_WINDOW)))
			.query(Boolean.class)
			.single();
	}

	/** The names of a submission's files as kept, or null for none. */
	private static String fileNames(List<UploadedFile> files) {
		return files.isEmpty() ? null : String.join(FILE_SEPARATOR, files.stream().map(UploadedFile::fileName).toList());
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
			.param("files", fileNames(files))
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
