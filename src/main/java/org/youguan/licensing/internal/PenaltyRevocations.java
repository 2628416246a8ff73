package org.youguan.licensing.internal;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.enforcement.Penalty;
import org.youguan.enforcement.PenaltyDelivered;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.registry.LicenceRevoked;
import org.youguan.registry.LicenceStatus;
import org.youguan.registry.LicenceView;
import org.youguan.registry.Licences;

/**
 * Revocation comes from a penalty decision (行政处罚法(2021) art.9 吊销许可证件; 邮政法(2015) art.72) once it is
 * delivered to the party, when it takes effect (art.61; {@link PenaltyDelivered} — before that neither the party's
 * portal nor the public shows the decision): when enforcement delivers a 吊销 against an enterprise, the licences of it
 * still in force that the deciding bureau may revoke are revoked
 * — this module tells the registry so ({@link LicenceRevoked}), which changes its record. A licence is revoked only by
 * the authority that issued it (行政许可法(2019) art.70(四) with 行政处罚法(2021) art.9: 吊销 is the issuing organ's;
 * 邮政法(2015) art.52: the provincial bureau issues licences within its province, 国家邮政局 inter-province and
 * international ones): the licences the deciding bureau issues as the registry states the rule
 * ({@link Licences#revokedBy}, the one the decision was checked against); one of 国家邮政局 or of another province stands,
 * and the audit names it.
 * An imported past decision revokes nothing (it publishes no delivery): it is history, carried out off the platform —
 * the registry's record of the licence already shows what became of it.
 */
@Component
class PenaltyRevocations {

	private final Enterprises enterprises;

	private final Licences licences;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final LicenceEndings endings;

	PenaltyRevocations(Enterprises enterprises, Licences licences, ApplicationEventPublisher events, AuditTrail audit,
			LicenceEndings endings) {
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
						+ "的作出机关不是其发证机关，未吊销（行政许可法第70条）").inRegion(enterprise.regionCode()));
				continue;
			}
			String reason = "依据行政处罚决定书" + decided.decisionNumber() + "吊销";
			audit.record(AuditEntry.of("licensing.revoke", "ExpressLicence", l.id(), "许可证" + l.number() + "（" + enterprise.legalName()
					+ "）因行政处罚决定" + decided.decisionNumber() + "吊销").inRegion(enterprise.regionCode()));
			events.publishEvent(new LicenceRevoked(l.number(), decided.decisionNumber(), reason));
		}
	}
}
