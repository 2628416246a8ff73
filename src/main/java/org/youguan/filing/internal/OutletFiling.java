package org.youguan.filing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.youguan.filing.FilingStatus;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.Wording;

/**
 * One filing (备案) and its procedure. The status changes only through the intention methods below, each guarded:
 * missing items are notified once and restart the clock when supplemented; a decided filing cannot be decided again.
 */
@Table("outlet_filing")
public class OutletFiling {

	@Id
	private Long id;

	private String number;

	private FilingKind kind;

	private Long outletId;

	private String outletName;

	private String enterpriseCreditCode;

	private String enterpriseName;

	private String brandName;

	/** The branch (分支机构) the outlet is run through as filed — proposed by a new or change filing — or null. */
	private Long branchId;

	/** That branch's name when filed, for the queue, the filing's page and its receipt. */
	private String branchName;

	private String regionCode;

	private FilingStatus status;

	private LocalDate submittedOn;

	private LocalDate clockStart;

	private LocalDate dueOn;

	private LocalDate missingNoticeDue;

	private boolean missingItemsNotified;

	private String missingItems;

	private String decisionNote;

	private LocalDate openedOn;

	private boolean lateFiling;

	private String changeDescription;

	/**
	 * A new or change filing's proposed outlet data (JSON, with the manager's ID and phone), encrypted at rest; the
	 * filing owns it until the decision.
	 */
	private byte[] proposedCipher;

	/** A change or closure filing's outlet as it stood at submission (JSON, manager's numbers masked). */
	private String outletBefore;

	private LocalDate completedOn;

	private Integer workingDaysTaken;

	private String filingNumber;

	/** The bureau that decided the filing, by its name on the day (V300): what its receipt names. Null while open. */
	private String decidedBy;

	private boolean demo;

	private Instant createdAt;

	@Version
	private Integer version;

	public OutletFiling() {
	}

	/**
	 * What a filing is about; {@code outletId} is null for a new outlet until it is approved; {@code branchId} and
	 * {@code branchName} the branch (分支机构) the outlet is run through as filed (a change: as proposed), null for the
	 * enterprise itself.
	 */
	public record Subject(Long outletId, String outletName, String enterpriseCreditCode, String enterpriseName,
			String brandName, String regionCode, Long branchId, String branchName) {
	}

	public static OutletFiling submit(String number, FilingKind kind, Subject subject, LocalDate today, FilingClock clock,
			LocalDate openedOn, boolean lateFiling, String changeDescription, byte[] proposedCipher, String outletBefore,
			boolean demo, Instant now) {
		OutletFiling f = new OutletFiling();
		f.number = number;
		f.kind = kind;
		f.outletId = subject.outletId();
		f.outletName = subject.outletName();
		f.enterpriseCreditCode = subject.enterpriseCreditCode();
		f.enterpriseName = subject.enterpriseName();
		f.brandName = subject.brandName();
		f.branchId = subject.branchId();
		f.branchName = subject.branchName();
		f.regionCode = subject.regionCode();
		f.status = FilingStatus.SUBMITTED;
		f.submittedOn = today;
		f.restartClock(clock);
		f.openedOn = openedOn;
		f.lateFiling = lateFiling;
		f.changeDescription = changeDescription;
		f.proposedCipher = proposedCipher;
		f.outletBefore = outletBefore;
		f.demo = demo;
		f.createdAt = now;
		return f;
	}

	/** 一次性告知: the bureau lists every missing item at once, and only once. */
	public void notifyMissingItems(String items) {
		if (status != FilingStatus.SUBMITTED) {
			throw DomainException.illegalTransition(Wording.of("filing.refusal.missingItemsPendingOnly", status),
					"只有待办理的备案可以告知补正，当前为“" + status.label() + "”");
		}
		if (missingItemsNotified) {
			throw DomainException.illegalTransition(Wording.of("refusal.filing.missingItemsOnce"), "补正事项只能一次性告知，本备案已告知过");
		}
		status = FilingStatus.MISSING_ITEMS;
		missingItemsNotified = true;
		missingItems = items;
	}

	/** The enterprise supplements: the filing is back with the bureau and the clock starts again. */
	public void supplement(FilingClock clock) {
		requireMissingItems();
		status = FilingStatus.SUBMITTED;
		restartClock(clock);
	}

	/** Checked before a 补正 is looked at: only a filing waiting for its missing items takes one. */
	public void requireMissingItems() {
		if (status != FilingStatus.MISSING_ITEMS) {
			throw DomainException.illegalTransition(Wording.of("filing.refusal.supplementOnlyMissing", status),
					"只有待补正的备案可以提交补正材料，当前为“" + status.label() + "”");
		}
	}

	/**
	 * 补正 with corrected data (行政许可法(2019) art.32 style: the applicant corrects its materials): the proposal as
	 * corrected, and what the filing shows of it — a new outlet's name, place, opening day and whether it is filed late
	 * (逾期备案, counted from the opening day as corrected to the day the filing was submitted); the branch it is run
	 * through. Only while 待补正; the caller checked the data as at filing.
	 * @param outletName the name as corrected (a change keeps the registered name it is about: pass the current one)
	 */
	public void correct(String outletName, String regionCode, Long branchId, String branchName, byte[] proposedCipher,
			LocalDate openedOn, boolean lateFiling) {
		requireMissingItems();
		this.outletName = outletName;
		this.regionCode = regionCode;
		this.branchId = branchId;
		this.branchName = branchName;
		this.proposedCipher = proposedCipher;
		this.openedOn = openedOn;
		this.lateFiling = lateFiling;
	}

	/**
	 * A closure's 补正 corrects the reason it was filed for (撤销原因): the reason the approved closure puts on the
	 * outlet's record. Only while 待补正; the caller checked it as at filing.
	 */
	public void correctClosureReason(String reason) {
		requireMissingItems();
		if (kind != FilingKind.CLOSURE) {
			throw DomainException.illegalTransition(Wording.of("refusal.filing.correctRevocationOnly"), "只有撤销备案可以更正撤销原因");
		}
		this.changeDescription = reason;
	}

	/** Checked before the registry is touched, so a decided filing never changes its outlet. */
	public void requireApprovable() {
		if (status != FilingStatus.SUBMITTED) {
			throw DomainException.illegalTransition(Wording.of("filing.refusal.approvePendingOnly", status),
					"只有待办理的备案可以准予备案，当前为“" + status.label() + "”");
		}
	}

	/**
	 * Approved: a new outlet gets the id and number reserved for it in the registry.
	 * @param bureau the name of the bureau deciding it, kept for its receipt ({@link #decidedBy})
	 */
	public void approve(Long outletId, String filingNumber, LocalDate today, int workingDays, String note, String bureau) {
		requireApprovable();
		status = FilingStatus.APPROVED;
		this.outletId = outletId;
		this.filingNumber = filingNumber;
		decide(today, workingDays, note, bureau);
	}

	/**
	 * Refused (不予备案).
	 * @param bureau the name of the bureau deciding it ({@link #decidedBy})
	 */
	public void reject(String reason, LocalDate today, int workingDays, String bureau) {
		if (status != FilingStatus.SUBMITTED && status != FilingStatus.MISSING_ITEMS) {
			throw DomainException.illegalTransition(Wording.of("filing.refusal.decidedAlready", status),
					"已办结的备案不能再作决定，当前为“" + status.label() + "”");
		}
		status = FilingStatus.REJECTED;
		decide(today, workingDays, reason, bureau);
	}

	private void decide(LocalDate today, int workingDays, String note, String bureau) {
		decidedBy = bureau;
		completedOn = today;
		workingDaysTaken = workingDays;
		decisionNote = note;
	}

	/**
	 * The clock counted again from the same start on a changed calendar (a year's holiday notice was loaded): only an
	 * open filing's due dates move.
	 */
	void recount(FilingClock clock) {
		if (status != FilingStatus.SUBMITTED && status != FilingStatus.MISSING_ITEMS) {
			throw DomainException.illegalTransition(Wording.of("filing.refusal.deadlineFinished", status),
					"已办结的备案不再重新计算时限，当前为“" + status.label() + "”");
		}
		if (!clock.start().equals(clockStart)) {
			throw new IllegalArgumentException("a recount keeps the clock's start " + clockStart + ": " + clock.start());
		}
		restartClock(clock);
	}

	LocalDate dueOn() {
		return dueOn;
	}

	LocalDate missingNoticeDue() {
		return missingNoticeDue;
	}

	private void restartClock(FilingClock clock) {
		clockStart = clock.start();
		dueOn = clock.dueOn();
		missingNoticeDue = clock.missingNoticeDue();
	}

	public Long id() {
		return id;
	}

	public String number() {
		return number;
	}

	public FilingKind kind() {
		return kind;
	}

	public FilingStatus status() {
		return status;
	}

	public Long outletId() {
		return outletId;
	}

	/** The branch the outlet is run through as filed (a change: as proposed), or null for the enterprise itself. */
	public Long branchId() {
		return branchId;
	}

	/** That branch's name when filed, or null. */
	public String branchName() {
		return branchName;
	}

	public String outletName() {
		return outletName;
	}

	/**
	 * The name of the bureau that decided the filing as it was named then, or null (open, or decided before V300 kept
	 * it).
	 */
	public String decidedBy() {
		return decidedBy;
	}

	public String regionCode() {
		return regionCode;
	}

	/** The filing enterprise's name as filed. */
	public String enterpriseName() {
		return enterpriseName;
	}

	public String enterpriseCreditCode() {
		return enterpriseCreditCode;
	}

	public LocalDate openedOn() {
		return openedOn;
	}

	public LocalDate submittedOn() {
		return submittedOn;
	}

	public LocalDate clockStart() {
		return clockStart;
	}

	public byte[] proposedCipher() {
		return proposedCipher;
	}

	/** A change's description, or a closure's reason (撤销原因). */
	public String changeDescription() {
		return changeDescription;
	}

	public String outletBefore() {
		return outletBefore;
	}

	public boolean lateFiling() {
		return lateFiling;
	}

	/** Whether the bureau has given its one notice of missing items (一次性告知): no other can follow. */
	public boolean missingItemsNotified() {
		return missingItemsNotified;
	}

	public Map<String, Object> snapshot() {
		var m = new LinkedHashMap<String, Object>();
		m.put("number", number);
		m.put("kind", kind);
		m.put("outletId", outletId);
		m.put("branchId", branchId);
		m.put("branchName", branchName);
		m.put("status", status);
		m.put("clockStart", clockStart.toString());
		m.put("dueOn", dueOn.toString());
		m.put("missingItems", missingItems);
		m.put("decisionNote", decisionNote);
		m.put("filingNumber", filingNumber);
		m.put("workingDaysTaken", workingDaysTaken);
		return m;
	}
}
