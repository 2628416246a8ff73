package org.youguan.universal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;

/**
 * 建制村通邮现场监督检查: one record per village checked — the mode and the deliveries a week found on site, whether
 * the handover records were kept, whether delivery is 规范, the findings, the day and a team of at least two
 * (邮政法(2015) art.63; 行政处罚法(2021) art.42, as for every inspection). Bureau staff record checks of villages in
 * their region.
 */
@Service
public class VillageChecks {

	private static final String FROM = "FROM village_check c";

	private static final String COLUMNS = """
			SELECT c.id, c.village_code, v.name AS village_name, c.checked_on, c.delivery_mode, c.deliveries_observed,
			    c.handover_records, c.standard_delivery, c.findings, c.inspectors, c.inspector_count""";

	private final JdbcClient jdbc;

	private final Villages villages;

	private final AuditTrail audit;

	private final Clock clock;

	VillageChecks(JdbcClient jdbc, Villages villages, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.villages = villages;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Records a check of a village in the caller's region and audits it.
	 * @param bureauId the recording bureau (null for a system caller)
	 * @return the check's id
	 * @throws DomainException not found (404) when the village is no 建制村 in the caller's region
	 * @throws InvalidValueException villageCode when none is named; then naming every field that fails: checkedOn (required, a date, not after today),
	 *         deliveryMode, deliveriesObserved (0–14), handoverRecords, standardDelivery, findings (required when not
	 *         规范, at most 1000 characters), inspectors (at least two different names)
	 */
	@Transactional
	public long record(DataScope scope, Long bureauId, VillageCheckData data, boolean demo) {
		if (scope.kind() == DataScope.Kind.ENTERPRISE) {
			throw DomainException.notFound("建制村", data.villageCode());
		}
		if (data.villageCode() == null || data.villageCode().isBlank()) {
			throw new InvalidValueException("villageCode", "required", "请选择检查的建制村（villageCode）");
		}
		VillageView village = villages.get(scope, data.villageCode().strip());
		LocalDate today = LocalDate.now(clock);
		Validation v = new Validation();
		LocalDate on = v.date("checkedOn", "检查日期", data.checkedOn(), Validation.EARLIEST_RECORD, today);
		v.require("checkedOn", data.checkedOn() != null && !data.checkedOn().isBlank(), "required", "请填写检查日期");
		DeliveryMode mode = DeliveryMode.parse(data.deliveryMode());
		v.require("deliveryMode", mode != null, "dictionary", "请选择实际通邮方式（直接通邮、邮乐购站、村邮站、其他交接点）");
		Integer observed = data.deliveriesObserved();
		v.require("deliveriesObserved", observed != null && observed >= 0 && observed <= 14, "range",
				"实际每周投递频次应在0至14次之间");
		v.require("handoverRecords", data.handoverRecords() != null, "required", "请选择是否有交接记录");
		v.require("standardDelivery", data.standardDelivery() != null, "required", "请选择是否规范投递");
		String findings = Villages.clean(data.findings());
		v.require("findings", !Boolean.FALSE.equals(data.standardDelivery()) || findings != null, "required",
				"投递不规范时请填写检查发现的问题");
		v.maxLength("findings", "检查发现的问题", findings, 1000);
		Set<String> team = new LinkedHashSet<>();
		for (String name : data.inspectors() == null ? List.<String>of() : data.inspectors()) {
			String clean = Villages.clean(name);
			if (clean != null) {
				team.add(clean);
			}
		}
		v.require("inspectors", team.size() >= 2, "min-team", "现场检查人员不得少于两人（请填写至少两名不同的检查人员）");
		String inspectors = String.join("、", team);
		v.maxLength("inspectors", "检查人员", inspectors, 400);
		v.throwIfInvalid();
		if (findings != null) {
			Text.requireClean("findings", "检查发现的问题", findings);
		}
		long id = jdbc.sql("""
				INSERT INTO village_check (village_code, checked_on, delivery_mode, deliveries_observed, handover_records,
				    standard_delivery, findings, inspectors, inspector_count, bureau_id, recorded_at, recorded_by, demo)
				VALUES (:code, :on, :mode, :observed, :handover, :standard, :findings, :inspectors, :count, :bureau, :at,
				    :by, :demo) RETURNING id""")
			.param("code", village.code())
			.param("on", on)
			.param("mode", mode.name())
			.param("observed", observed)
			.param("handover", data.handoverRecords())
			.param("standard", data.standardDelivery())
			.param("findings", findings)
			.param("inspectors", inspectors)
			.param("count", team.size())
			.param("bureau", bureauId)
			.param("at", OffsetDateTime.now(clock))
			.param("by", actor())
			.param("demo", demo)
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of("village.check.record", "VillageCheck", id, "登记建制村“" + village.name() + "”通邮检查（"
				+ on + "，" + (data.standardDelivery() ? "规范投递" : "投递不规范") + "）")
			.states(null, Map.of("villageCode", village.code(), "checkedOn", on.toString(), "deliveryMode", mode.name(),
					"deliveriesObserved", observed, "handoverRecords", data.handoverRecords(), "standardDelivery",
					data.standardDelivery(), "inspectors", inspectors))
			.inRegion(village.code()));
		return id;
	}

	/**
	 * The checks in the caller's region (optionally of one village), newest first.
	 */
	public PageResult<VillageCheck> list(DataScope scope, String villageCode, PageQuery page) {
		if (scope.kind() == DataScope.Kind.ENTERPRISE) {
			return new PageResult<>(List.of(), page.page(), page.size(), 0);
		}
		return Listing.from(FROM)
			.scope(scope, "c.village_code")
			.where(villageCode != null && !villageCode.isBlank(), "c.village_code = :village", "village",
					villageCode == null ? "" : villageCode.strip())
			.sorts(Map.of("checked_on", "c.checked_on"), "checked_on", true, "c.id DESC")
			.joinedToPage("JOIN region_name v ON v.code = c.village_code")
			.page(jdbc, COLUMNS, page, Rows.of(VillageCheck.class));
	}

	/** The checks of one village, newest first (at most 50), for its page. */
	public List<VillageCheck> ofVillage(DataScope scope, String villageCode) {
		return new ArrayList<>(list(scope, villageCode, new PageQuery("", 0, 50, "checked_on", true)).items());
	}

	private static String actor() {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null ? "system" : auth.getName();
	}
}
