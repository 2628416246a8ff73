package org.youguan.licensing.internal;

import org.youguan.kernel.ChineseText;
import org.youguan.rules.Provision;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditEvent;
import org.youguan.audit.AuditTrail;
import org.youguan.enforcement.Penalty;
import org.youguan.enforcement.PenaltyDelivered;
import org.youguan.enforcement.RevocationLifted;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.licensing.LicenceApplications;
import org.youguan.registry.LicenceRestored;
import org.youguan.registry.LicenceRevoked;
import org.youguan.registry.LicenceStatus;
import org.youguan.registry.LicenceView;
import org.youguan.registry.Licences;

/**
 * Revocation comes from a penalty decision (行政处罚法(2021) art.9 吊销许可证件; 邮政法(2015) art.72) once it is
 * delivered to the party, when it takes effect (art.61; {@link PenaltyDelivered}, for a 公告送达 published on the day
 * it is deemed served, thirty days after the notice, 民事诉讼法(2023) art.95 — before that neither the party's
 * portal nor the public shows the decision): when enforcement delivers a 吊销 against an enterprise, the licences of it
 * still in force that the deciding bureau may revoke are revoked
 * — this module tells the registry so ({@link LicenceRevoked}), which changes its record. A licence is revoked only by
 * the authority that issued it (行政许可法(2019) art.70(四) with 行政处罚法(2021) art.9: 吊销 is the issuing organ's;
 * 邮政法(2015) art.53: the provincial bureau issues licences within its province, 国家邮政局 inter-province and
 * international ones): the licences the deciding bureau issues as the registry states the rule
 * ({@link Licences#revokedBy}, the one the decision was checked against); one of 国家邮政局 or of another province stands,
 * and the audit names it.
 * An imported past decision revokes nothing (it publishes no delivery): it is history, carried out off the platform —
 * the registry's record of the licence already shows what became of it.
 * <p>
 * The opposite: when the decision is annulled (撤销, 确认无效) or changed to another penalty by 行政复议, 行政诉讼 or the
 * bureau's own correction ({@link RevocationLifted}), the licences that stand revoked by it (on its delivery here, or
 * entered by hand in the registry naming it) are restored — audited with the outcome, and told to the registry ({@link LicenceRestored}), which returns each to its state
 * before (valid, or expired when its term ended meanwhile: the audit says so); the decisions approved meanwhile that the
 * revocation kept from taking effect — renewals, changes (变更) and branch decisions (分支机构) alike — take effect with
 * it ({@link LicenceApplications#reviveDecisions}).
 */
@Component
class PenaltyRevocations {

	private final Enterprises enterprises;

	private final Licences licences;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final LicenceEndings endings;

	private final Clock clock;

	private final LicenceApplications applications;

	PenaltyRevocations(Enterprises enterprises, Licences licences, ApplicationEventPublisher events, AuditTrail audit,
			LicenceEndings endings, Clock clock, LicenceApplications applications) {
		this.applications = applications;
		this.clock = clock;
		this.endings = endings;
		this.enterprises = enterprises;
		this.licences = licences;
		this.events = events;
		this.audit = audit;
	}

	@ApplicationModuleListener
	void on(PenaltyDelivered decided) {
		if (decided.penalty() != Penalty.REVOCATION) {
			return;
		}
		EnterpriseView enterprise = enterprises.findByCreditCode(decided.enterpriseCreditCode()).orElse(null);
		if (enterprise == null) {
			return;
		}
		List<LicenceView> valid = licences.list(DataScope.all(), new Licences.Filter(LicenceStatus.VALID, null, enterprise.id()),
				PageQuery.of(null, 0, PageQuery.MAX_SIZE, null, null)).items();
		for (LicenceView l : valid) {
			if (endings.lockAndFindEnding(l).isPresent()) {
				continue; // revoked or cancelled here already, the registry not yet told (a delivery heard twice)
			}
			if (!licences.revokedBy(decided.regionCode(), l)) {
				audit.record(AuditEntry.of("licensing.revoke-not-issuer", "ExpressLicence", l.id(), "许可证" + l.number() + "（"
						+ enterprise.legalName() + "）由" + l.issuingBureauName() + "颁发，行政处罚决定" + decided.decisionNumber()
						+ "的作出机关不是其发证机关，未吊销（" + Provision.LICENSING_CANCELLATION + "）").inRegion(enterprise.regionCode()));
				continue;
			}
			String reason = "依据行政处罚决定书" + decided.decisionNumber() + "吊销";
			audit.record(AuditEntry.of("licensing.revoke", "ExpressLicence", l.id(), "许可证" + l.number() + "（" + enterprise.legalName()
					+ "）因行政处罚决定" + decided.decisionNumber() + "吊销").inRegion(enterprise.regionCode()));
			events.publishEvent(new LicenceRevoked(l.number(), decided.decisionNumber(), reason));
		}
	}

	/**
	 * Restores the licences revoked by the decision the event names: those of the enterprise that stand revoked by it
	 * ({@link Licences#revokedByDecision}: on its delivery, or entered by hand in the registry naming it) — a licence
	 * cancelled since, or revoked by another decision, stays as it is. Each is audited here ({@link LicenceEndings#RESTORE},
	 * with the outcome and whether its term has ended meanwhile) and told to the registry. A lifting heard twice restores
	 * once (the lock, and the restoration found as this module's last entry on the licence).
	 */
	@ApplicationModuleListener
	void on(RevocationLifted lifted) {
		EnterpriseView enterprise = enterprises.findByCreditCode(lifted.enterpriseCreditCode()).orElse(null);
		if (enterprise == null) {
			return;
		}
		List<LicenceView> revoked = licences.list(DataScope.all(),
				new Licences.Filter(LicenceStatus.REVOKED, null, enterprise.id()),
				PageQuery.of(null, 0, PageQuery.MAX_SIZE, null, null)).items();
		for (LicenceView l : revoked) {
			if (!Licences.revokedByDecision(l, lifted.decisionNumber())) {
				continue;
			}
			Optional<AuditEvent> last = endings.lockAndFindLast(l);
			if (last.isPresent() && last.get().action().equals(LicenceEndings.RESTORE)) {
				continue; // restored here already, the registry not yet told (a lifting heard twice)
			}
			String reason = "行政处罚决定" + lifted.decisionNumber() + "经" + lifted.outcome() + "（" + lifted.documentNumber() + "，"
					+ ChineseText.day(lifted.decidedOn()) + "），不再吊销许可证";
			// the decisions the revocation kept from taking effect take effect with the licence (the revocation is void
			// from the start, the 准予 decisions stand)
			LicenceApplications.RevivedDecisions revived = applications.reviveDecisions(l, reason);
			LicenceRestored restored = new LicenceRestored(l.number(), lifted.decisionNumber(), reason, revived.renewals(),
					revived.changes());
			LocalDate until = restored.restoredUntil(l.expiresOn());
			String renewed = (until.equals(l.expiresOn()) ? "" : "，准予延续决定随之生效")
					+ (revived.changes().isEmpty() ? "" : "，准予变更决定随之生效");
			audit.record(AuditEntry.of(LicenceEndings.RESTORE, "ExpressLicence", l.id(), "许可证" + l.number() + "（"
					+ enterprise.legalName() + "）恢复：" + reason + (until.isBefore(LocalDate.now(clock)) ? "；有效期已于" + ChineseText.day(until)
							+ "届满" + renewed + "，恢复后为已过期" : "，恢复为有效（有效期至" + ChineseText.day(until) + renewed + "）"))
				.inRegion(enterprise.regionCode()));
			events.publishEvent(restored);
		}
	}
}
