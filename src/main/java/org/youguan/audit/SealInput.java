package org.youguan.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * What a seal's MAC covers, as bytes: the seal's number and time, the previous seal's MAC and every field of the event.
 * Each field is length-prefixed (a separator inside a text could otherwise shift fields), times are microseconds since
 * the epoch as PostgreSQL stores them, and JSON states are PostgreSQL's normalised {@code jsonb} text, so the bytes
 * read back for verification are the bytes sealed.
 */
final class SealInput {

	/** The event columns a seal covers, as {@link #event} reads them ({@code e} is audit_event). */
	static final String EVENT_COLUMNS = """
			e.id, e.occurred_at, e.actor, e.actor_user_id, e.bureau_id, e.region_code, e.action, e.object_type,
			e.object_id, e.summary, e.before_state::text AS before_state, e.after_state::text AS after_state,
			e.client_address""";

	private static final byte[] DOMAIN = "youguan-audit-seal-v1".getBytes(StandardCharsets.US_ASCII);

	/** The "previous MAC" of the first seal. */
	static final byte[] GENESIS = new byte[0];

	private SealInput() {
	}

	/** The canonical bytes of the event in the current row (read with {@link #EVENT_COLUMNS}). */
	static byte[] event(ResultSet rs) throws SQLException {
		var bytes = new ByteArrayOutputStream(256);
		try (var out = new DataOutputStream(bytes)) {
			out.writeLong(rs.getLong("id"));
			out.writeLong(micros(rs.getObject("occurred_at", OffsetDateTime.class).toInstant()));
			text(out, rs.getString("actor"));
			number(out, (Long) rs.getObject("actor_user_id"));
			number(out, (Long) rs.getObject("bureau_id"));
			text(out, rs.getString("region_code"));
			text(out, rs.getString("action"));
			text(out, rs.getString("object_type"));
			text(out, rs.getString("object_id"));
			text(out, rs.getString("summary"));
			text(out, rs.getString("before_state"));
			text(out, rs.getString("after_state"));
			text(out, rs.getString("client_address"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** What the MAC of seal {@code seq} covers. */
	static byte[] seal(long seq, Instant sealedAt, byte[] previousMac, byte[] event) {
		var bytes = new ByteArrayOutputStream(event.length + 96);
		try (var out = new DataOutputStream(bytes)) {
			blob(out, DOMAIN);
			out.writeLong(seq);
			out.writeLong(micros(sealedAt));
			blob(out, previousMac);
			blob(out, event);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	static long micros(Instant t) {
		return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
	}

	private static void text(DataOutputStream out, String s) throws IOException {
		blob(out, s == null ? null : s.getBytes(StandardCharsets.UTF_8));
	}

	private static void number(DataOutputStream out, Long n) throws IOException {
		out.writeBoolean(n != null);
		out.writeLong(n == null ? 0 : n);
	}

	private static void blob(DataOutputStream out, byte[] b) throws IOException {
		out.writeInt(b == null ? -1 : b.length);
		if (b != null) {
			out.write(b);
		}
	}
}
