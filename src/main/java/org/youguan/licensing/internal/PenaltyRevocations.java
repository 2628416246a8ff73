package org.youguan.licensing.internal;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.enforcement.Penalty;
import org.youguan.enforcement.PenaltyDecided;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.registry.LicenceRevoked;
import org.youguan.registry.LicenceStatus;
import org.youguan.registry.LicenceView;
import org.youguan.registry.Licences;

/**
 * Revocation comes from a penalty decision (行政处罚法(2021) art.9 吊销许可证件; 邮政法(2015) art.72): when enforcement
 * decides 吊销 against an enterprise, every licence of it still in force is revoked — this module tells the registry so
 * ({@link LicenceRevoked}), which changes its record. Imported past decisions revoke as well (they were decided).
 */
@Component
class PenaltyRevocations {

	private final Enterprises enterprises;

	private final Licences licences;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	PenaltyRevocations(Enterprises enterprises, Licences licences, ApplicationEventPublisher events, AuditTrail audit) {
		this.enterprises = enterprises;
		this.licences = licences;
		this.events = events;
		this.audit = audit;
	}

	@ApplicationModuleListener
	void on(PenaltyDecided decided) {
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
			String reason = "依据行政处罚决定书" + decided.decisionNumber() + "吊销";
			audit.record(AuditEntry.of("licensing.revoke", "ExpressLicence", l.id(), "许可证" + l.number() + "（" + enterprise.legalName()
					+ "）因行政处罚决定" + decided.decisionNumber() + "吊销").inRegion(enterprise.regionCode()));
			events.publishEvent(new LicenceRevoked(l.number(), decided.decisionNumber(), reason));
		}
	}
}
