package org.youguan.registry.internal.outlets;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.Objects;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.ImportResult;
import org.youguan.documents.SheetCell;
import org.youguan.documents.SheetImport;
import org.youguan.documents.SheetRows.SheetRow;
import org.youguan.documents.SheetRows;
import org.youguan.documents.TemplateExamples;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.Masking;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.UniqueIdentifiers;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.platform.Secrets;
import org.youguan.registry.OutletData;
import org.youguan.registry.OutletForm;
import org.youguan.registry.OutletStatus;
import org.youguan.registry.Outlets;

/**
 * Bulk registration of terminal outlets from .xlsx (a bureau's existing list): every row is checked first — operator in
 * scope, dictionary values, the outlet rules, duplicates in the file (by the cells as typed, told beside a row's other
 * failures) and in the register, filing numbers unique — and one bad row imports nothing. Rows with a 备案编号 are recorded as filed under that number, the others as pending.
 */
@Service
public class OutletImport {

	/** The template's columns, in order (a sheet must have each of them). */
	public static final List<String> HEADERS = List.of("网点名称", "运营企业统一社会信用代码", "合作方式", "地址", "行政区划代码", "经度", "纬度",
			"负责人", "负责人身份证号", "负责人电话", "存储场地面积", "通信设施", "货架", "视频监控", "品牌标识", "开办日期", "备案编号");

	static final List<String> EXAMPLE = List.of("菜鸟驿站（示例店）", TemplateExamples.ENTERPRISE_CREDIT_CODE, "加盟",
			"江苏省苏州市吴中区示例路2号", TemplateExamples.STREET, "120.61", "31.26", "王五", "11010519491231002X", "13812345678", "30", "是", "是", "是", "是", "2026-01-15",
			"");

	private final Outlets outlets;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final Secrets secrets;

	private final Clock clock;

	OutletImport(Outlets outlets, AuditTrail audit, JdbcClient jdbc, JdbcTemplate batch, Secrets secrets, Clock clock) {
		this.outlets = outlets;
		this.audit = audit;
		this.jdbc = jdbc;
		this.batch = batch;
		this.secrets = secrets;
		this.clock = clock;
	}

	public byte[] template() {
		return template(TemplateExamples.Own.FIXED);
	}

	/**
	 * The template a user downloads ({@code org.OwnExamples}): its example row names the user's own place
	 * ({@link TemplateExamples.Own#row}), refused as the example all the same when left in.
	 */
	public byte[] template(TemplateExamples.Own own) {
		return SheetRows.template("末端网点", HEADERS, own.row(EXAMPLE));
	}

	/** An operator as the import needs it: in the caller's scope or not, and what an outlet row copies from it. */
	private record Operator(long id, String creditCode, Long brandId, String regionCode) {
	}

	/** A checked row: the clean outlet and the filing number it was filed under before YouGuan ("" when pending). */
	private record Checked(OutletData data, String filingNumber) {
	}

	/**
	 * Imports the outlets of an .xlsx sheet (the template's columns), all or nothing: every row is checked first by the
	 * outlet rules ({@link Outlets#check}) with the operators, existing name-and-address pairs and filing numbers looked
	 * up once for the whole sheet; any bad row imports nothing and every bad row is reported with the annotated sheet.
	 * Otherwise the outlets are inserted in batches (manager ID and phone encrypted) and the import is recorded as one
	 * audit entry naming the row count, the file's SHA-256 and the outlets' ids. No lock is taken that another user's
	 * action (a sign-in, another audited change) would wait for, except the sheet's filing numbers: an outlet given one
	 * of them (or a look-alike) elsewhere meanwhile waits for the import's end, and is then refused.
	 *
	 * @return the imported count, or the rejected rows and the annotated sheet
	 * @throws org.youguan.kernel.InvalidValueException when the file is not a sheet with these headers, or has no rows
	 * @throws DomainException when an outlet or filing number was registered by someone else meanwhile
	 */
	@Transactional
	public ImportResult importFile(DataScope scope, byte[] content) {
		Map<String, String> cooperation = new HashMap<>();
		outlets.cooperationTypes().forEach(t -> cooperation.put(t.label(), t.code()));
		SheetImport.Twins places = new SheetImport.Twins();
		SheetImport.Twins numbers = new SheetImport.Twins();
		Map<Long, Operator> operatorsById = new HashMap<>();
		return SheetImport.runPrepared(content, HEADERS, COLUMNS, rows -> {
			Map<String, Operator> operators = operators(rows);
			Set<String> registered = registeredPlaces(rows);
			Set<String> usedNumbers = usedFilingNumbers(rows);
			return (row, context) -> {
				if (context.refuseExample(row, HEADERS, EXAMPLE)) {
					return null;
				}
				String code = row.get("运营企业统一社会信用代码");
				Operator operator = operators.get(Objects.requireNonNullElse(CreditCode.written(code), ""));
				// a code that cannot be one is told by the rule it breaks (应为18位, 校验位错误 …), not as no enterprise
				Validation format = new Validation();
				CreditCode.checked(format, "运营企业统一社会信用代码", code);
				if (format.hasErrors()) {
					format.errors().forEach(e -> context.fail("运营企业统一社会信用代码", e.rule(), e.message()));
					operator = null;
				}
				else if (operator == null || !scope.containsRegion(operator.regionCode())) {
					context.fail("运营企业统一社会信用代码", "exists", Wording.of("import.refused.noEnterpriseInScope"), "辖区内没有该统一社会信用代码的企业");
					operator = null;
				}
				else {
					operatorsById.put(operator.id(), operator);
				}
				String coop = cooperation.get(row.get("合作方式"));
				if (coop == null) {
					context.fail("合作方式", "dictionary", Wording.of("import.invalid.dictionary", "合作方式", List.copyOf(cooperation.keySet())),
							"合作方式应为" + String.join("、", cooperation.keySet()));
				}
				OutletData data = new OutletData(row.get("网点名称"), operator == null ? 0 : operator.id(), null, coop,
						row.get("地址"), row.get("行政区划代码"), number(row, context, OutletForm.NumberField.LONGITUDE),
						number(row, context, OutletForm.NumberField.LATITUDE), row.get("负责人"), row.get("负责人身份证号"),
						row.get("负责人电话"), number(row, context, OutletForm.NumberField.STORAGE_AREA),
						context.yes(row, "通信设施"), context.yes(row, "货架"), context.yes(row, "视频监控"),
						context.yes(row, "品牌标识"), context.date(row, "开办日期"));
				if (row.cell("负责人身份证号").kind() == SheetCell.Kind.NUMBER) {
					// Excel keeps 15 digits of a number: an 18-digit ID typed as one has already lost its last three
					context.fail("负责人身份证号", "text-cell", Wording.of("import.refused.idNumberAsText", "负责人身份证号"), "负责人身份证号应以文本格式填写：按数字保存时Excel只保留15位有效数字，18位号码的末几位已变成0（15位旧身份证号码不受理）");
				}
				// the outlet rules run even without the operator or the cooperation, so every bad cell of the row is
				// reported at once; the service's failures of those two columns were reported above already
				OutletData clean = context.checked(() -> outlets.check(scope, data));
				// the twins by the cells as typed (folded as the register compares them), also for a row refused for
				// something else: every error of every row in one answer
				String name = row.get("网点名称");
				String address = row.get("地址");
				places.check(name == null || address == null ? null : place(name, address), row, context, "网点名称",
						"同名同址网点");
				String number = row.get("备案编号") == null ? "" : Text.identifier(row.get("备案编号"));
				if (!number.isEmpty()) {
					numbers.check(Text.identifierKey(number), row, context, "备案编号", "备案编号");
					Outlets.checkFiledNumber(new Validation(), "备案编号", number).errors()
						.forEach(e -> context.fail(e.field(), e.rule(), e.message()));
					if (usedNumbers.contains(Text.identifierKey(number))) {
						context.fail("备案编号", "unique", Wording.of("import.refused.filingNumberTaken", number), "备案编号已存在：" + number);
					}
				}
				if (operator == null || coop == null || clean == null) {
					return null;
				}
				if (registered.contains(place(clean.name(), clean.address()))) {
					context.fail("网点名称", "unique", Wording.of("import.refused.sameOutletAtAddress"), "该地址已有同名网点");
				}
				if (!number.isEmpty()) {
					List<String> missing = Outlets.missingFacilities(clean);
					if (!missing.isEmpty()) {
						context.fail("备案编号", "incomplete", Wording.of("import.refused.facilitiesIncomplete", missing), "填有备案编号的网点须五项设施齐全，该行缺少" + String.join("、", missing)
								+ "：设施不全的网点请不填备案编号（登记为待备案）");
					}
				}
				return new Checked(clean, number);
			};
		}, valid -> insert(valid, operatorsById, content));
	}

	/** The operators the sheet names, by credit code (upper case), wherever they are: the scope is checked per row. */
	private Map<String, Operator> operators(List<SheetRow> rows) {
		Set<String> codes = new HashSet<>();
		rows.forEach(r -> {
			String code = r.get("运营企业统一社会信用代码");
			if (code != null && !Text.isBlank(code)) {
				codes.add(CreditCode.written(code));
			}
		});
		Map<String, Operator> found = new HashMap<>();
		if (!codes.isEmpty()) {
			jdbc.sql("SELECT id, credit_code, brand_id, region_code FROM enterprise WHERE credit_code = ANY (:codes)")
				.param("codes", codes.toArray(String[]::new))
				.query(Rows.of(Operator.class))
				.list()
				.forEach(o -> found.put(o.creditCode(), o));
		}
		return found;
	}

	/** The name-and-address pairs of the sheet already in the register. */
	private Set<String> registeredPlaces(List<SheetRow> rows) {
		Set<String> names = new HashSet<>();
		rows.forEach(r -> {
			if (r.get("网点名称") != null && !Text.isBlank(r.get("网点名称"))) {
				names.add(Text.textKey(Text.strip(r.get("网点名称"))));
			}
		});
		Set<String> found = new HashSet<>();
		if (!names.isEmpty()) {
			jdbc.sql("SELECT name, address FROM terminal_outlet WHERE text_key(name) = ANY (:names)")
				.param("names", names.toArray(String[]::new))
				.query((rs, i) -> place(rs.getString(1), rs.getString(2)))
				.list()
				.forEach(found::add);
		}
		return found;
	}

	/**
	 * The filing numbers of the sheet already given to an outlet, as their keys ({@link Text#identifierKey}: a number
	 * typed in another letter case or with other separators is the one given), each key locked until the import ends
	 * ({@link UniqueIdentifiers#takenKeys}: a look-alike registered meanwhile waits for it).
	 */
	private Set<String> usedFilingNumbers(List<SheetRow> rows) {
		List<String> numbers = new ArrayList<>();
		rows.forEach(r -> {
			if (r.get("备案编号") != null && !Text.isBlank(r.get("备案编号"))) {
				numbers.add(Text.identifier(r.get("备案编号")));
			}
		});
		return UniqueIdentifiers.takenKeys(jdbc, "terminal_outlet", "filing_number", numbers);
	}

	/**
	 * An outlet's place as the duplicate rule compares it (TerminalOutletRepository#existsByNameAndAddress): the name
	 * under {@link Text#textKey}, the address under {@link Text#folded}.
	 */
	private static String place(String name, String address) {
		return Text.textKey(name) + "\n" + Text.folded(address);
	}

	/**
	 * Inserts the checked rows in batches and records the import as one audit entry: row count, the file's SHA-256 and
	 * the ids of the outlets it registered (an entry per outlet would double the import's writes).
	 */
	private void insert(List<Checked> valid, Map<Long, Operator> operators, byte[] content) {
		Timestamp now = Timestamp.from(clock.instant());
		List<Object[]> rows = new ArrayList<>(valid.size());
		int filed = 0;
		for (Checked c : valid) {
			OutletData d = c.data();
			Operator operator = operators.get(d.enterpriseId());
			boolean pending = c.filingNumber().isEmpty();
			filed += pending ? 0 : 1;
			rows.add(new Object[] { d.name(), d.enterpriseId(), operator.creditCode(), operator.brandId(), d.cooperation(),
					d.address(), d.regionCode(), d.longitude(), d.latitude(), d.managerName(),
					secrets.encrypt(d.managerIdNumber(), Outlets.MANAGER_ID), Masking.idNumber(d.managerIdNumber()),
					secrets.encrypt(d.managerPhone(), Outlets.MANAGER_PHONE), Masking.phone(d.managerPhone()),
					d.storageArea(), d.hasCommunications(), d.hasShelving(), d.hasSurveillance(), d.hasSignage(),
					Date.valueOf(d.openedOn()), pending ? null : c.filingNumber(),
					pending ? OutletStatus.PENDING.name() : OutletStatus.FILED.name(), now });
		}
		List<Long> ids = new ArrayList<>(valid.size());
		try {
			for (int from = 0; from < rows.size(); from += BATCH) {
				List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + BATCH));
				KeyHolder keys = new GeneratedKeyHolder();
				batch.batchUpdate(con -> con.prepareStatement(INSERT, new String[] { "id" }),
						new BatchPreparedStatementSetter() {

							@Override
							public void setValues(PreparedStatement ps, int i) throws SQLException {
								Object[] row = part.get(i);
								for (int c = 0; c < row.length; c++) {
									StatementCreatorUtils.setParameterValue(ps, c + 1, TYPES[c], row[c]);
								}
							}

							@Override
							public int getBatchSize() {
								return part.size();
							}
						}, keys);
				keys.getKeyList().forEach(k -> ids.add(((Number) k.get("id")).longValue()));
			}
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.duplicate("name", Wording.of("registry.refusal.outletImportRace"), "导入期间其他用户登记了同名同址网点或相同的备案编号，请重新导入");
		}
		String digest = HexFormat.of().formatHex(sha256(content));
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("rows", valid.size());
		after.put("filed", filed);
		after.put("pending", valid.size() - filed);
		after.put("sha256", digest);
		after.put("outletIds", ids);
		audit.record(AuditEntry.of("outlet.import", "TerminalOutlet", null,
				"批量导入末端网点" + valid.size() + "个（其中已备案" + filed + "个，文件SHA-256 " + digest + "）").states(null, after));
	}

	private static byte[] sha256(byte[] content) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(content);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Rows per INSERT batch. */
	private static final int BATCH = 1_000;

	private static final String INSERT = """
			INSERT INTO terminal_outlet (name, enterprise_id, operator_credit_code, brand_id, cooperation, address,
			    region_code, longitude, latitude, manager_name, manager_id_cipher, manager_id_masked, manager_phone_cipher,
			    manager_phone_masked, storage_area, has_communications, has_shelving, has_surveillance, has_signage,
			    opened_on, filing_number, status, demo, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?)""";

	private static final int[] TYPES = { Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.BIGINT, Types.VARCHAR,
			Types.VARCHAR, Types.VARCHAR, Types.NUMERIC, Types.NUMERIC, Types.VARCHAR, Types.BINARY, Types.VARCHAR,
			Types.BINARY, Types.VARCHAR, Types.NUMERIC, Types.BOOLEAN, Types.BOOLEAN, Types.BOOLEAN, Types.BOOLEAN,
			Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP };

	/**
	 * An outlet number's cell (经度, 纬度, 存储场地面积) read by the one reader of outlet numbers the filing form, the
	 * staff register and the filing API read it with ({@link OutletForm#longitude}, {@link OutletForm#latitude},
	 * {@link OutletForm#storageArea}: each by its column's digits): a number cell as its digits (120.1234567 is refused,
	 * not rounded to the column), a text cell as typed (full-width digits, − U+2212 as minus), each refusal the row's
	 * error under the column in the words the forms use. A number cell beyond any field's digits (1e40) is told by the
	 * field's own digits ({@link SheetImport.RowContext#toldBeyond}); an error cell (#N/A) by the sheet reader.
	 * @param field the outlet number; its label is the column's header
	 * @return the number, or null when blank or refused
	 */
	private static BigDecimal number(SheetRow row, SheetImport.RowContext context, OutletForm.NumberField field) {
		String column = field.label();
		context.reads(column, SheetImport.ValueKind.NUMBER);
		if (context.toldBeyond(column, column, field.integerDigits(), field.fractionDigits())) {
			return null;
		}
		Validation v = new Validation();
		BigDecimal n = field.read(v, row.cell(column).text());
		v.errors().forEach(e -> context.fail(column, e.rule(), e.message()));
		return n;
	}

	/** Service field names as the sheet's columns. */
	private static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("name", "网点名称"),
			Map.entry("enterpriseId", "运营企业统一社会信用代码"), Map.entry("cooperation", "合作方式"),
			Map.entry("address", "地址"), Map.entry("regionCode", "行政区划代码"), Map.entry("longitude", "经度"),
			Map.entry("latitude", "纬度"), Map.entry("managerName", "负责人"), Map.entry("managerIdNumber", "负责人身份证号"),
			Map.entry("managerPhone", "负责人电话"), Map.entry("storageArea", "存储场地面积"), Map.entry("openedOn", "开办日期"));
}
