package org.youguan.complaints;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.complaints.internal.Complaint;
import org.youguan.complaints.internal.ComplaintRecords;
import org.youguan.complaints.internal.ComplaintRepository;
import org.youguan.complaints.internal.ComplaintStore;
import org.youguan.complaints.internal.FilerPhone;
import org.youguan.complaints.internal.QueryCodes;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.Masking;
import org.youguan.kernel.PublicTally;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.platform.Secrets;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * The filer's side without an account: the public status (number with the query code or the filer's phone; no personal
 * data) and withdrawal (number with the query code only). A wrong number or code is "not found", never telling which.
 */
@Service
public class ComplaintTracking {

	/**
	 * What anyone with the number and the query code sees: no personal data. {@code withdrawable}: the complaint is
	 * still open, so the filer may withdraw it (decided on the status itself, not on its label in some language). The
	 * API gives the status as its Chinese label ({@link #status()}); the page shows {@link #statusKind()} in the reader's
	 * language (attack B3: 待受理 on the English page).
	 */
	public record PublicStatus(String number, @JsonIgnore ComplaintStatus statusKind, LocalDate receivedOn,
			LocalDate answerDue, String brand, List<PublicEvent> history, boolean withdrawable) {

		/** The status's Chinese label. */
		@JsonProperty
		public String status() {
			return statusKind.label();
		}
	}

	/**
	 * A line of the public history. Its text is the step's public line (a refusal's reason, a transfer …) with every
	 * personal number and telephone in it masked ({@link Masking#telephonesIn}): a handler may have typed one in.
	 */
	public record PublicEvent(Instant occurredAt, String status, String text) {
	}

	private final ComplaintRepository complaints;

	private final ComplaintStore store;

	private final ComplaintRecords records;

	private final JdbcClient jdbc;

	private final Secrets secrets;

	private final Clock clock;

	private final PublicTally tally;

	private final StatutoryRules rules;

	private final TransactionTemplate transactions;

	ComplaintTracking(ComplaintRepository complaints, ComplaintStore store, ComplaintRecords records, JdbcClient jdbc,
			Secrets secrets, Clock clock, PublicTally tally, StatutoryRules rules, PlatformTransactionManager transactions) {
		this.transactions = new TransactionTemplate(transactions);
		this.tally = tally;
		this.rules = rules;
		this.complaints = complaints;
		this.store = store;
		this.records = records;
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.clock = clock;
	}

	/**
	 * The public status: the number with its query code or the filer's phone; no personal data — the history's texts
	 * with their ID, mobile and landline numbers masked.
	 * @throws DomainException not found (nothing tells which was wrong)
	 */
	public PublicStatus publicStatus(String number, String queryCodeOrPhone) {
		return publicStatus(number, queryCodeOrPhone, null);
	}

	/**
	 * The public status asked from a client address ({@link #publicStatus(String, String)}), under the limit of failed
	 * look-ups per address: the numbers run without gaps and the filer's phone is known to the respondent enterprise,
	 * so trying phone after phone (or code after code) would open other people's complaints. A look-up that finds
	 * nothing counts against the complaint and against {@code address}; once {@code complaint.lookup-failures} (rule
	 * catalogue, the complaint's county) failed for the complaint within the last hour, every further wrong look-up of
	 * it is answered 429 — the right code or phone is still answered ({@link #counted}: others' guesses never lock the
	 * filer out) —, and once {@code complaint.lookup-failures-per-address} failed from the address, every look-up from
	 * it is refused — each until the oldest of those failures is an hour old.
	 * @param address the client's address as the web layer sees it; null for a caller inside the application (not counted)
	 * @throws DomainException 400 ({@link #given}: a blank number or code, never counted); 429
	 * ({@link ErrorCode#TOO_MANY_REQUESTS}, field {@code number}, rule {@code lookup-limit}); not found as
	 * {@link #publicStatus(String, String)}, counted
	 */
	public PublicStatus publicStatus(String number, String queryCodeOrPhone, String address) {
		given(number, queryCodeOrPhone, "查询码或电话号码");
		return counted(address, number, () -> statusByCodeOrPhone(number, queryCodeOrPhone));
	}

	private PublicStatus statusByCodeOrPhone(String number, String queryCodeOrPhone) {
		String secret = queryCodeOrPhone == null ? "" : Text.strip(queryCodeOrPhone);
		return publicStatus(byNumber(number)
			.filter(x -> QueryCodes.matches(x.queryCodeHash(), secret)
					|| !secret.isEmpty() && MessageDigest.isEqual(x.filerPhoneIndex(), FilerPhone.index(secrets, secret)))
			.orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, Wording.of("complaints.refusal.trackNotFoundOrPhone"), "未找到该申诉，请核对申诉编号和查询码（或申诉时填写的电话号码）", List.of())));
	}

	/**
	 * The public status by the number and the query code only: for a request whose values end up in addresses and logs
	 * (a GET, a link), where the filer's phone must not be typed; the phone is looked up by {@link #publicStatus(String,
	 * String)} from a form sent by POST.
	 * @throws DomainException not found (nothing tells which was wrong)
	 */
	public PublicStatus publicStatusByCode(String number, String queryCode) {
		return publicStatusByCode(number, queryCode, null);
	}

	/**
	 * The public status by the number and the query code asked from a client address, under the same limit of failed
	 * look-ups as {@link #publicStatus(String, String, String)}.
	 * @param address the client's address; null for a caller inside the application (not counted)
	 * @throws DomainException 400 ({@link #given}, never counted); 429 (rule {@code lookup-limit}) past the limit; not
	 * found, counted
	 */
	public PublicStatus publicStatusByCode(String number, String queryCode, String address) {
		given(number, queryCode, "查询码");
		return counted(address, number, () -> statusByCode(number, queryCode));
	}

	private PublicStatus statusByCode(String number, String queryCode) {
		return publicStatus(byNumber(number).filter(x -> QueryCodes.matches(x.queryCodeHash(), queryCode))
			.orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, Wording.of("complaints.refusal.trackNotFoundLookupPage"), "未找到该申诉，请核对申诉编号和查询码（用电话号码查询请在查询页面提交）", List.of())));
	}

	private PublicStatus publicStatus(Complaint c) {
		List<PublicEvent> history = jdbc.sql("""
				SELECT occurred_at, status, public_text FROM complaint_event WHERE complaint_id = :id ORDER BY occurred_at, id""")
			.param("id", c.id())
			.query((rs, i) -> new PublicEvent(rs.getTimestamp(1).toInstant(), ComplaintStatus.valueOf(rs.getString(2)).label(),
					Masking.telephonesIn(rs.getString(3))))
			.list();
		return new PublicStatus(c.number(), c.status(), c.receivedOn(), c.answerDue(), c.brandName(), history,
				!EnumSet.of(ComplaintStatus.CLOSED, ComplaintStatus.WITHDRAWN, ComplaintStatus.REJECTED).contains(c.status()));
	}

	/**
	 * The filer withdraws, proving it with the number and the query code given at filing. The phone number is no
	 * secret (the respondent enterprise knows it) and may only show the status, never change anything.
	 * @throws DomainException not found when the number and query code do not match (nothing tells which was wrong);
	 * illegal transition once the complaint is finished
	 */
	@Transactional
	public void withdraw(String number, String queryCode) {
		withdraw(number, queryCode, null);
	}

	/**
	 * The filer withdraws ({@link #withdraw(String, String)}) from a client address: a wrong number or code counts as a
	 * failed look-up of that address and of the complaint, and past the address's limit
	 * ({@link #publicStatus(String, String, String)}) the withdrawal is refused before anything is looked up — a code
	 * cannot be found by trying withdrawals either; the right code withdraws whatever others tried on the complaint.
	 * @param address the client's address; null for a caller inside the application (not counted)
	 * @throws DomainException 400 ({@link #given}, never counted); 429 (rule {@code lookup-limit}); not found (counted);
	 * illegal transition when finished (the code was right)
	 */
	public void withdraw(String number, String queryCode, String address) {
		given(number, queryCode, "查询码");
		// the withdrawal's own transaction inside the count: the count's row is held and given back apart from it
		counted(address, number, () -> transactions.execute(status -> {
			withdrawn(number, queryCode);
			return null;
		}));
	}

	/**
	 * Runs a public look-up of complaint {@code number} from {@code address} under two hourly limits of failed look-ups
	 * (ones that found nothing): the address's ({@code complaint.lookup-failures-per-address}, default 100 — trying
	 * number after number, or one number's code from one address) and the complaint's own
	 * ({@code complaint.lookup-failures}, default 10, counted whatever address asks). A look-up past the address's limit
	 * is refused with 429 before anything is looked up. The complaint's limit never refuses the right code (or the
	 * filer's phone): the look-up is made, and only when it finds nothing is it counted against the complaint — past its
	 * limit the wrong guess is answered 429 (rule {@code lookup-limit}, "该申诉编号的查询失败次数过多") instead of not
	 * found, so others' wrong guesses cannot lock the filer out of its own complaint, its status and its withdrawal
	 * (attack: ten wrong codes from anywhere did).
	 * <p>
	 * Why guessing stays infeasible: a query code is 8 characters of a 31-character alphabet ({@link QueryCodes}), 31^8 ≈
	 * 8.5×10^11 codes (≈ 39.6 bits). Every wrong guess, on any number, uses up the guessing address's allowance
	 * (100 an hour): one address tries at most 876,000 codes a year (one chance in about a million), ten thousand
	 * addresses together at most 8.8×10^9 (about one in a hundred) — for a complaint answered within 30 days
	 * (邮政法 art.65), and each of their guesses past the complaint's limit is told 429. The phone (number+phone) opens
	 * the status only, no personal data and no withdrawal, under the same allowance.
	 * <p>
	 * The limits are those set for the complaint's county (its override, else the city's, province's or national value;
	 * the national values for a number that names no complaint). A wrong guess is counted against the number as typed
	 * (normalised as {@link #byNumber} reads it) whether or not it names a complaint, so past the limit an unknown number
	 * is answered 429 as an existing one is: the answer never tells which numbers exist. The
	 * look-up takes one of the remaining failures of the address first ({@link PublicTally#reserve}, under the key's
	 * lock, in a transaction of its own, in the last {@link PublicTally#LOOKUP_WINDOW}) and gives it back when it found the complaint or failed otherwise: parallel
	 * wrong look-ups get the address's remaining allowance and no more. A failure stays counted when the caller's
	 * transaction rolls back.
	 */
	private <T> T counted(String address, String number, Supplier<T> lookUp) {
		if (address == null) {
			return lookUp.get();
		}
		Optional<Complaint> named = byNumber(number);
		String county = named.map(c -> c.regionCode().substring(0, 6)).orElse(StatutoryRule.NATIONAL_REGION);
		int perAddress = rules.intValue(StatutoryRule.COMPLAINT_LOOKUP_FAILURES_PER_ADDRESS, county);
		List<Long> reserved = reserve(new PublicTally.Limit(LOOKUP_FAILED, address, perAddress),
				"您所在网络的查询失败次数过多（每小时最多" + perAddress + "次），请一小时后再试",
				Wording.of("complaint.refusal.lookupLimitAddress", perAddress));
		boolean failed = false;
		try {
			return lookUp.get();
		}
		catch (DomainException ex) {
			failed = ex.code() == ErrorCode.NOT_FOUND;
			String key = Text.identifier(number);
			if (failed && key != null && !key.isBlank()) {
				// a wrong guess on this number, whether or not it names a complaint: counted against the number and past
				// its limit told so (429) alike, so that 429 never tells that the number exists
				int limit = rules.intValue(StatutoryRule.COMPLAINT_LOOKUP_FAILURES, county);
				reserve(new PublicTally.Limit(LOOKUP_FAILED_NUMBER, key, limit),
						"该申诉编号的查询失败次数过多（每小时最多" + limit + "次），请一小时后再试",
						Wording.of("complaint.refusal.lookupLimitNumber", limit));
			}
			throw ex;
		}
		finally {
			if (!failed) {
				tally.giveBack(reserved);
			}
		}
	}

	/**
	 * Takes one of the failures {@code limit}'s key has left ({@link PublicTally#reserve}); past the limit refuses with
	 * 429 (field {@code number}, rule {@code lookup-limit}) saying {@code tooMany} ({@code words} its sentence's key,
	 * for the pages), with {@code Retry-After} the time until the hour frees a look-up.
	 * @return the row taken, to be given back when the look-up found the complaint
	 */
	private List<Long> reserve(PublicTally.Limit limit, String tooMany, Wording words) {
		return tally.reserve(limit)
			.orElseThrow(() -> PublicTally.lookupLimit("number", words, tooMany + "；忘记查询码的，请凭受理回执或拨打12305咨询",
					tally.retryAfter(limit)));
	}

	/**
	 * The one check of what every public look-up needs, for its page and its API alike: a blank number or code (empty,
	 * only spaces or invisible characters) is refused with 400 ({@link ErrorCode#INVALID_VALUE}, rule {@code required},
	 * field {@code number} "申诉编号不能为空" or {@code queryCode} "{label}不能为空") before anything is looked up — it is
	 * no guess, so it is never counted as a failed look-up.
	 */
	private static void given(String number, String code, String codeLabel) {
		new Validation().required("number", "申诉编号", number).required("queryCode", codeLabel, code).throwIfInvalid();
	}

	/** A status look-up whose number and query code (or phone) found nothing; keyed by client address. */
	static final String LOOKUP_FAILED = "lookup-failed";

	/**
	 * A status look-up whose query code (or phone) was wrong or whose number names no complaint; keyed by the number as
	 * typed and normalised (an existing complaint's number as stored), whatever address asked.
	 */
	static final String LOOKUP_FAILED_NUMBER = "lookup-number";

	private void withdrawn(String number, String queryCode) {
		Complaint c = byNumber(number).filter(x -> QueryCodes.matches(x.queryCodeHash(), queryCode))
			.orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, Wording.of("complaints.refusal.trackNotFound"), "未找到该申诉，请核对申诉编号和查询码", List.of()));
		var before = c.snapshot();
		c.withdraw(LocalDate.now(clock));
		store.save(c);
		records.history(c, "申诉人已撤回申诉。");
		records.auditByFiler(c, "complaint.withdraw", c.number() + "由申诉人撤回", before);
	}

	private Optional<Complaint> byNumber(String number) {
		// typed by the filer: 申诉-3205-2026-123 or with full-width digits or other dashes is the number the receipt shows
		String n = Text.identifier(number);
		return complaints.findByNumber(n == null ? "" : n);
	}
}
