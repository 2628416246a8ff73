package org.youguan.safety.internal.ledgers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.Listing.Masked;
import org.youguan.kernel.NumberText;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.region.Regions;

import com.fasterxml.jackson.annotation.JsonAlias;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The bureau's own safety records of a region, kept alike: safety trainings (date, topic, number trained, audience,
 * organiser — e.g. 反恐培训 of 200+ company heads) and the seizures of joint operations with other agencies (date,
 * agencies, item, quantity and unit, value in yuan — e.g. 假烟 51条, ¥19,000). Staff see, record and correct those of
 * their region ({@link Corrections}); enterprises none. Each record and correction is audited
 * ({@code safety.training.create|correct}, {@code safety.seizure.create|correct}).
 */
@Service
public class RegionRecords {

	static final String TRAINING = "SafetyTraining";

	static final String SEIZURE = "SafetySeizure";

	private static final String REGION_NAME = "(SELECT r.name FROM region_name r WHERE r.code = x.region_code) AS region_name";

	private static final String TRAINING_SELECT = "SELECT x.id, x.region_code, " + REGION_NAME
			+ ", x.held_on, x.topic, x.trainees, x.audience, x.organiser";

	private static final String SEIZURE_SELECT = "SELECT x.id, x.region_code, " + REGION_NAME
			+ ", x.seized_on, x.agencies, x.item, x.quantity, x.unit, x.value_yuan, x.note";

	private static final Corrections.Ledger TRAINING_LEDGER = new Corrections.Ledger("safety_training", TRAINING,
			"safety.training.correct", "安全培训", null, null, "topic");

	private static final Corrections.Ledger SEIZURE_LEDGER = new Corrections.Ledger("safety_seizure", SEIZURE,
			"safety.seizure.correct", "联合执法查获", null, null, "item");

	private final JdbcClient jdbc;

	private final Regions regions;

	private final Corrections corrections;

	private final Clock clock;

	/** The days a training or seizure may carry (not in the future, within the catalogue's look-back). */
	private final LedgerDays days;

	RegionRecords(JdbcClient jdbc, Regions regions, Corrections corrections, Clock clock, LedgerDays days) {
		this.days = days;
		this.jdbc = jdbc;
		this.regions = regions;
		this.corrections = corrections;
		this.clock = clock;
	}

	/** A training as entered: region code, held on (not in the future), topic, trainees (≥ 1), audience, organiser. */
	public record TrainingData(@JsonAlias("regionCode") String region, String heldOn, String topic,
			@JsonDeserialize(using = NumberText.Judged.class) String trainees, String audience, String organiser) {
	}

	/**
	 * The most one seizure may count in its unit (条, 件, 公斤 …): a joint operation at express outlets seizes far less,
	 * and a quantity beyond it is a typing error (a waybill or phone number typed into the field), not a record.
	 */
	static final BigDecimal MAX_QUANTITY = BigDecimal.valueOf(1_000_000);

	/**
	 * A seizure as entered: region code, seized on (not in the future), agencies, item, quantity (at most
	 * {@link #MAX_QUANTITY}: a whole number from 1 in a unit of pieces — 条, 件, 个 —, more than 0 with up to three
	 * decimals in a unit of measure — 公斤, 升 —, {@link SeizureUnits}), unit, value (yuan and fen, more than 0, or blank).
	 */
	public record SeizureData(@JsonAlias("regionCode") String region, String seizedOn, String agencies, String item,
			@JsonDeserialize(using = NumberText.Judged.class) String quantity, String unit,
			@JsonDeserialize(using = NumberText.Judged.class) String valueYuan, String note) {
	}

	/** A page of trainings in the caller's region (newest first), searched by topic, audience or organiser. */
	public PageResult<TrainingView> trainings(DataScope scope, PageQuery page) {
		return Listing.from("FROM safety_training x")
			.scope(scope, "x.region_code")
			.search(page, jdbc, "x.id", List.of(Masked.numbers("x.topic"), Masked.numbers("x.audience"), Masked.numbers("x.organiser")))
			.sorts(Map.of("held_on", "x.held_on", "trainees", "x.trainees", "topic", "x.topic"), "held_on", true, "x.id")
			.page(jdbc, TRAINING_SELECT, page, Rows.of(TrainingView.class))
			.map(TrainingView::masked);
	}

	/** A page of seizures in the caller's region (newest first), searched by item, agencies or note. */
	public PageResult<SeizureView> seizures(DataScope scope, PageQuery page) {
		return Listing.from("FROM safety_seizure x")
			.scope(scope, "x.region_code")
			.search(page, jdbc, "x.id", List.of(Masked.numbers("x.item"), Masked.numbers("x.agencies"), Masked.numbers("x.note")))
			.sorts(Map.of("seized_on", "x.seized_on", "value", "x.value_yuan", "item", "x.item"), "seized_on", true, "x.id")
			.page(jdbc, SEIZURE_SELECT, page, Rows.of(SeizureView.class))
			.map(SeizureView::masked);
	}

	/**
	 * Records a training.
	 * @return its id
	 * @throws AccessRefusedException (403) for an enterprise user
	 * @throws InvalidValueException naming every failing field: region, heldOn, topic, trainees, audience, organiser
	 */
	@Transactional
	public long recordTraining(DataScope scope, TrainingData data, boolean demo) {
		Corrections.Facts facts = training(scope, data);
		return corrections.record(TRAINING_LEDGER, "safety.training.create", "登记安全培训：", facts, demo,
				id -> Corrections.state(facts.columns()));
	}

	/**
	 * Corrects a training of the caller's region, checked as {@link #recordTraining}; audited with the changed facts.
	 * @return the changed facts (empty: nothing changed)
	 * @throws DomainException not found (404) outside the caller's region
	 */
	@Transactional
	public Map<String, Object[]> correctTraining(DataScope scope, long id, TrainingData data) {
		training(scope, id);
		return corrections.correct(scope, TRAINING_LEDGER, id, () -> training(scope, data));
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
		Corrections.Facts facts = seizure(scope, data);
		return corrections.record(SEIZURE_LEDGER, "safety.seizure.create", "登记联合执法查获：", facts, demo,
				id -> Corrections.state(facts.columns()));
	}

	/**
	 * Corrects a seizure of the caller's region, checked as {@link #recordSeizure}; audited with the changed facts.
	 * @return the changed facts (empty: nothing changed)
	 * @throws DomainException not found (404) outside the caller's region
	 */
	@Transactional
	public Map<String, Object[]> correctSeizure(DataScope scope, long id, SeizureData data) {
		seizure(scope, id);
		return corrections.correct(scope, SEIZURE_LEDGER, id, () -> seizure(scope, data));
	}

	/**
	 * One training in the caller's region.
	 * @throws DomainException not found (404) otherwise
	 */
	public TrainingView training(DataScope scope, long id) {
		return one(scope, TRAINING_SELECT + " FROM safety_training x", id, TrainingView.class, "安全培训");
	}

	/**
	 * One seizure in the caller's region.
	 * @throws DomainException not found (404) otherwise
	 */
	public SeizureView seizure(DataScope scope, long id) {
		return one(scope, SEIZURE_SELECT + " FROM safety_seizure x", id, SeizureView.class, "联合执法查获");
	}

	private <T> T one(DataScope scope, String sql, long id, Class<T> type, String noun) {
		return jdbc.sql(sql + " WHERE x.id = :id AND " + scope.regionPredicate("x.region_code"))
			.params(scope.params())
			.param("id", id)
			.query(Rows.of(type))
			.optional()
			.orElseThrow(() -> DomainException.notFound(noun, id));
	}

	private Corrections.Facts training(DataScope scope, TrainingData data) {
		Validation v = new Validation();
		String region = region(scope, v, data.region());
		LocalDate day = day(v, "heldOn", "培训日期", data.heldOn(), region);
		String topic = line(v, "topic", "培训主题", data.topic(), 200);
		// typed text (a form's "1e3" or "3000000000" is this field's error, never an error page)
		Long trainees = v.whole("trainees", "培训人数", data.trainees(), 7);
		v.require("trainees", data.trainees() != null && !Text.isBlank(data.trainees()), "required", "请填写培训人数");
		v.require("trainees", trainees == null || trainees > 0 && trainees <= 1_000_000, "range",
				"培训人数应为1至1000000之间的整数");
		String typedAudience = text(v, "audience", "培训对象", data.audience(), 500, true);
		v.names("audience", "培训对象", typedAudience);
		// stored on one line as every one-line text (Text.line): "公安  海关" is "公安 海关"
		String audience = Text.line(typedAudience);
		String organiser = Text.name(text(v, "organiser", "组织单位", data.organiser(), 200, true));
		v.name("organiser", "组织单位", organiser);
		v.throwIfInvalid();
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("region_code", region);
		columns.put("held_on", day);
		columns.put("topic", topic);
		columns.put("trainees", trainees.intValue());
		columns.put("audience", audience);
		columns.put("organiser", organiser);
		return new Corrections.Facts(region, ChineseText.day(day) + " " + topic + "，" + trainees + "人", columns);
	}

	private Corrections.Facts seizure(DataScope scope, SeizureData data) {
		Validation v = new Validation();
		String region = region(scope, v, data.region());
		LocalDate day = day(v, "seizedOn", "查获日期", data.seizedOn(), region);
		String typedAgencies = text(v, "agencies", "联合执法单位", data.agencies(), 500, true);
		v.names("agencies", "联合执法单位", typedAgencies);
		String agencies = Text.line(typedAgencies);
		String item = line(v, "item", "查获物品", data.item(), 200);
		BigDecimal quantity = v.decimal("quantity", "数量", data.quantity(), 12, 3);
		v.require("quantity", quantity != null || v.hasError("quantity"), "required", "数量不能为空");
		String unit = line(v, "unit", "计量单位", data.unit(), 20);
		// pieces (条, 件 …) are counted in whole numbers from 1, a weight or volume may have decimals
		SeizureUnits.check(v, "quantity", quantity, v.hasError("unit") ? null : unit, MAX_QUANTITY);
		BigDecimal value = v.decimal("valueYuan", "案值（元）", data.valueYuan(), 13, 2);
		// the project's money rule (yuan and fen, Validation.money) and an amount more than 0: a value unknown is left blank
		v.money("valueYuan", "案值（元）", value);
		v.require("valueYuan", value == null || v.hasError("valueYuan") || value.signum() > 0, "range",
				"案值应大于0元（不详时不填）");
		String note = text(v, "note", "备注", Hazards.freeText(data.note()), 1000, false);
		v.throwIfInvalid();
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("region_code", region);
		columns.put("seized_on", day);
		columns.put("agencies", agencies);
		columns.put("item", item);
		columns.put("quantity", quantity);
		columns.put("unit", unit);
		columns.put("value_yuan", value);
		columns.put("note", note);
		// the item is free text: a separator before the quantity keeps a number typed at its end a whole run for the
		// audit's masking (item "…13712345678" and quantity 1 would otherwise read as one 12-digit run)
		return new Corrections.Facts(region, ChineseText.day(day) + " " + agencies + "查获" + item + "，"
				+ quantity.stripTrailingZeros().toPlainString() + unit
				+ (value == null ? "" : "，案值" + ChineseText.yuan(value)), columns);
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
		return LedgerRegions.checked(scope, v, regions, text, "所选区域");
	}

	private LocalDate day(Validation v, String field, String label, String text, String region) {
		LocalDate day = days.day(v, field, label, text, v.hasError("region") ? null : region);
		v.require(field, text != null && !Text.isBlank(text), "required", "请填写" + label);
		return day;
	}

	/** A required one-line text ({@link Validation#line}), stored as {@link Text#line} gives it. */
	private static String line(Validation v, String field, String label, String value, int max) {
		String text = Text.line(value);
		v.required(field, label, text).line(field, label, value, max);
		return text;
	}

	/**
	 * A text as typed, trimmed ({@link Hazards#clean}): invisible characters stay for the name rules to refuse (an
	 * audience, the agencies, the organiser are names); the free-text note is cleaned of them by its caller.
	 */
	private static String text(Validation v, String field, String label, String value, int max, boolean required) {
		String text = Hazards.clean(value);
		if (required) {
			v.required(field, label, text);
		}
		v.maxLength(field, label, text, max);
		return text;
	}
}
