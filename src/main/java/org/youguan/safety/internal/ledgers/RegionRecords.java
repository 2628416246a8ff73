package org.youguan.safety.internal.ledgers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Validation;
import org.youguan.region.Regions;

/**
 * The bureau's own safety records of a region, kept alike: safety trainings (date, topic, number trained, audience,
 * organiser — e.g. 反恐培训 of 200+ company heads) and the seizures of joint operations with other agencies (date,
 * agencies, item, quantity and unit, value in yuan — e.g. 假烟 51条, ¥19,000). Staff see and record those of their region;
 * enterprises none. Each record is audited ({@code safety.training.create}, {@code safety.seizure.create}).
 */
@Service
public class RegionRecords {

	static final String TRAINING = "SafetyTraining";

	static final String SEIZURE = "SafetySeizure";

	private static final String REGION_NAME = "(SELECT r.name FROM region_name r WHERE r.code = x.region_code) AS region_name";

	private final JdbcClient jdbc;

	private final Regions regions;

	private final AuditTrail audit;

	private final Clock clock;

	RegionRecords(JdbcClient jdbc, Regions regions, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.audit = audit;
		this.clock = clock;
	}

	/** A training as entered: region code, held on (not in the future), topic, trainees (≥ 1), audience, organiser. */
	public record TrainingData(String region, String heldOn, String topic, Integer trainees, String audience,
			String organiser) {
	}

	/** A seizure as entered: region code, seized on (not in the future), agencies, item, quantity (> 0), unit, value. */
	public record SeizureData(String region, String seizedOn, String agencies, String item, String quantity, String unit,
			String valueYuan, String note) {
	}

	/** A page of trainings in the caller's region (newest first), searched by topic, audience or organiser. */
	public PageResult<TrainingView> trainings(DataScope scope, PageQuery page) {
		return Listing.from("FROM safety_training x")
			.scope(scope, "x.region_code")
			.search(page, "x.topic", "x.audience", "x.organiser")
			.sorts(Map.of("held_on", "x.held_on", "trainees", "x.trainees", "topic", "x.topic"), "held_on", true, "x.id")
			.page(jdbc, "SELECT x.id, x.region_code, " + REGION_NAME + ", x.held_on, x.topic, x.trainees, x.audience,"
					+ " x.organiser", page, Rows.of(TrainingView.class));
	}

	/** A page of seizures in the caller's region (newest first), searched by item, agencies or note. */
	public PageResult<SeizureView> seizures(DataScope scope, PageQuery page) {
		return Listing.from("FROM safety_seizure x")
			.scope(scope, "x.region_code")
			.search(page, "x.item", "x.agencies", "x.note")
			.sorts(Map.of("seized_on", "x.seized_on", "value", "x.value_yuan", "item", "x.item"), "seized_on", true, "x.id")
			.page(jdbc, "SELECT x.id, x.region_code, " + REGION_NAME + ", x.seized_on, x.agencies, x.item, x.quantity,"
					+ " x.unit, x.value_yuan, x.note", page, Rows.of(SeizureView.class));
	}

	/**
	 * Records a training.
	 * @return its id
	 * @throws AccessRefusedException (403) for an enterprise user
	 * @throws InvalidValueException naming every failing field: region, heldOn, topic, trainees, audience, organiser
	 */
	@Transactional
	public long recordTraining(DataScope scope, TrainingData data, boolean demo) {
		Validation v = new Validation();
		String region = region(scope, v, data.region());
		LocalDate day = day(v, "heldOn", "培训日期", data.heldOn());
		String topic = text(v, "topic", "培训主题", data.topic(), 200, true);
		v.require("trainees", data.trainees() != null && data.trainees() > 0 && data.trainees() <= 1_000_000, "range",
				"培训人数应为1至1000000之间的整数");
		String audience = text(v, "audience", "培训对象", data.audience(), 500, true);
		String organiser = text(v, "organiser", "组织单位", data.organiser(), 200, true);
		v.throwIfInvalid();
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("heldOn", day.toString());
		state.put("topic", topic);
		state.put("trainees", data.trainees());
		state.put("audience", audience);
		state.put("organiser", organiser);
		long id = jdbc.sql("""
				INSERT INTO safety_training (region_code, held_on, topic, trainees, audience, organiser, created_at,
				    created_by, demo)
				VALUES (:region, :day, :topic, :trainees, :audience, :organiser, :at, :by, :demo) RETURNING id""")
			.param("region", region)
			.param("day", day)
			.param("topic", topic)
			.param("trainees", data.trainees())
			.param("audience", audience)
			.param("organiser", organiser)
			.param("at", OffsetDateTime.now(clock))
			.param("by", Actor.name())
			.param("demo", demo)
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of("safety.training.create", TRAINING, id, "登记安全培训：" + day + " " + topic + "，"
				+ data.trainees() + "人").states(null, state).inRegion(region));
		return id;
	}

	/**
	 * Records a seizure of a joint operation.
	 * @return its id
	 * @throws AccessRefusedException (403) for an enterprise user
	 * @throws InvalidValueException naming every failing field: region, seizedOn, agencies, item, quantity, unit,
	 *         valueYuan, note
	 */
	@Transactional
	public long recordSeizure(DataScope scope, SeizureData data, boolean demo) {
		Validation v = new Validation();
		String region = region(scope, v, data.region());
		LocalDate day = day(v, "seizedOn", "查获日期", data.seizedOn());
		String agencies = text(v, "agencies", "联合执法单位", data.agencies(), 500, true);
		String item = text(v, "item", "查获物品", data.item(), 200, true);
		BigDecimal quantity = v.decimal("quantity", "数量", data.quantity(), 12, 3);
		v.require("quantity", quantity != null && quantity.signum() > 0, "range", "数量应大于0");
		String unit = text(v, "unit", "计量单位", data.unit(), 20, true);
		BigDecimal value = v.decimal("valueYuan", "案值（元）", data.valueYuan(), 13, 2);
		v.money("valueYuan", "案值（元）", value);
		v.require("valueYuan", value == null || value.signum() >= 0, "range", "案值不能为负数");
		String note = text(v, "note", "备注", data.note(), 1000, false);
		v.throwIfInvalid();
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("seizedOn", day.toString());
		state.put("agencies", agencies);
		state.put("item", item);
		state.put("quantity", quantity.toPlainString() + unit);
		state.put("valueYuan", value == null ? null : value.toPlainString());
		long id = jdbc.sql("""
				INSERT INTO safety_seizure (region_code, seized_on, agencies, item, quantity, unit, value_yuan, note,
				    created_at, created_by, demo)
				VALUES (:region, :day, :agencies, :item, :quantity, :unit, :value, :note, :at, :by, :demo) RETURNING id""")
			.param("region", region)
			.param("day", day)
			.param("agencies", agencies)
			.param("item", item)
			.param("quantity", quantity)
			.param("unit", unit)
			.param("value", value)
			.param("note", note)
			.param("at", OffsetDateTime.now(clock))
			.param("by", Actor.name())
			.param("demo", demo)
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of("safety.seizure.create", SEIZURE, id, "登记联合执法查获：" + day + " " + agencies + "查获"
				+ item + quantity.stripTrailingZeros().toPlainString() + unit
				+ (value == null ? "" : "，案值" + value.toPlainString() + "元")).states(null, state).inRegion(region));
		return id;
	}

	/** One training or seizure in the caller's region, or 404 (for the audit trail's titles). */
	String title(DataScope scope, String type, long id) {
		String sql = TRAINING.equals(type)
				? "SELECT x.held_on || ' ' || x.topic FROM safety_training x WHERE x.id = :id AND "
				: "SELECT x.seized_on || ' ' || x.item FROM safety_seizure x WHERE x.id = :id AND ";
		return jdbc.sql(sql + scope.regionPredicate("x.region_code"))
			.param("id", id)
			.query(String.class)
			.optional()
			.orElseThrow(() -> DomainException.notFound(TRAINING.equals(type) ? "安全培训" : "联合执法查获", id));
	}

	private String region(DataScope scope, Validation v, String text) {
		if (scope.kind() == DataScope.Kind.ENTERPRISE) {
			throw new AccessRefusedException("region", "该台账由邮政管理部门登记");
		}
		String region = Hazards.clean(text);
		if (region == null) {
			v.require("region", false, "required", "请选择区域");
		}
		else if (!region.matches("\\d{2,12}") || regions.find(region).isEmpty()) {
			v.require("region", false, "exists", "区域代码不是行政区划：" + region);
		}
		else {
			scope.requireWithin(v, "region", region, "所选区域");
		}
		return region;
	}

	private LocalDate day(Validation v, String field, String label, String text) {
		LocalDate day = v.date(field, label, text, Validation.EARLIEST_RECORD, LocalDate.now(clock));
		v.require(field, text != null && !text.isBlank(), "required", "请填写" + label);
		return day;
	}

	private static String text(Validation v, String field, String label, String value, int max, boolean required) {
		String text = Hazards.clean(value);
		if (required) {
			v.required(field, label, text);
		}
		v.maxLength(field, label, text, max);
		return text;
	}
}
