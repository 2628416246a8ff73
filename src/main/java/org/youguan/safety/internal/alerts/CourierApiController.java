package org.youguan.safety.internal.alerts;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.BodyTooLargeException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Wording;
import org.youguan.kernel.JsonSyntax;
import org.youguan.kernel.Text;
import org.youguan.org.CurrentUser;
import org.youguan.safety.SafetyRates;
import org.youguan.safety.internal.DeclaredCharset;
import org.youguan.safety.internal.SafetyAccess;

/**
 * The enterprise's courier roster API ({@code POST /api/v1/safety/couriers}): a JSON object, a JSON array or NDJSON
 * lines of {@code {"courierId","idType","idNumber"}} (idType optional, 居民身份证 by default; every line checked as
 * {@link Couriers#register} says, 400 listing each bad line); the ID number is pseudonymised on arrival and never
 * stored or returned. UTF-8 only: a body declared in another charset is refused ({@link DeclaredCharset}).
 */
@RestController
@Tag(name = "安全监管")
class CourierApiController {

	/** The answer: how many couriers were saved. */
	record Saved(int accepted) {
	}

	private final Couriers couriers;

	private final SafetyRates rates;

	/**
	 * The application's mapper, strict as every body's reading is ({@code web.JsonText}): a key given twice in a line
	 * fails it — a mapper of the controller's own let the last {@code courierId} silently win.
	 */
	private final JsonMapper json;

	CourierApiController(Couriers couriers, SafetyRates rates, JsonMapper json) {
		this.couriers = couriers;
		this.rates = rates;
		this.json = json;
	}

	/**
	 * The most couriers one request registers: a larger roster is sent in several requests (each all or nothing). The
	 * body is bounded by the web layer's limit too ({@code youguan.web.max-json-body}, 413).
	 */
	static final int MAX_COURIERS = 10_000;

	@PostMapping(path = "/api/v1/safety/couriers", consumes = { "application/json", "application/x-ndjson" })
	@PreAuthorize(SafetyAccess.ENTERPRISE)
	@Operation(summary = "报送快递员名册", description = "请求体为JSON对象、JSON数组或NDJSON（每行一个对象）：courierId（与收寄记录的"
			+ "courierId一致，1–40位字母、数字、-、_，不分大小写，按大写保存）、idType（证件类型，缺省为居民身份证）、idNumber（快递员证件号码，与收寄记录的"
			+ "senderIdNumber同样校验：居民身份证等须为18位、校验码正确（GB 11643-1999）；到达即假名化，不保存明文）。同一快递员再次报送即更新。"
			+ "每次最多" + MAX_COURIERS + "名（超过则400，field为couriers，rule为count），请求体不超过youguan.web.max-json-body（默认5MB，超过则413）。"
			+ "全部有效才保存，否则400列出每个错误行。UTF-8编码（Content-Type声明其他charset如GBK为400，field为Content-Type，rule为encoding）。"
			+ "用于“快递员收寄本人寄件”预警。",
			// the body is read as a stream (InputStream), which the document would not show: the shape is named here
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
					@Content(mediaType = "application/json",
							array = @ArraySchema(schema = @Schema(implementation = Couriers.Entry.class))),
					@Content(mediaType = "application/x-ndjson", schema = @Schema(implementation = Couriers.Entry.class)) }))
	Saved register(@AuthenticationPrincipal CurrentUser me, HttpServletRequest request, InputStream body) {
		Long enterprise = me.enterpriseCreditCode() == null ? null : rates.enterpriseId(me.enterpriseCreditCode());
		if (enterprise == null) {
			throw new AccessRefusedException("enterprise", "当前令牌不属于已登记的企业");
		}
		// a roster declared GBK (or another charset) was read as UTF-8 all the same: refused as the parcel upload is
		DeclaredCharset.requireUtf8(request.getContentType(), "名册未保存");
		return new Saved(couriers.register(enterprise, parse(body, isNdjson(request.getContentType()))));
	}

	/** A field's text; {@link #refuseUnknownFields} has refused any other value than text or null. */
	private static String text(JsonNode n, String field) {
		return n.path(field).isString() ? n.path(field).asString() : null;
	}

	/**
	 * The roster lines read one at a time from the stream — a JSON array's elements, or objects one after another
	 * (NDJSON) — never the body whole as text; more than {@link #MAX_COURIERS} is refused at the first line over.
	 * Anything after a JSON array — or, under {@code application/json}, after a single object (objects one after
	 * another are NDJSON, declared {@code application/x-ndjson}) — is a 400 on {@code body}, rule {@code trailing},
	 * naming where it begins: it was ignored, and the couriers it listed were never registered. NDJSON holds one object
	 * a line (a second on the same line: 400 rule {@code ndjson}), so the roster's 第N行 is the line's. A body that is
	 * not UTF-8 is a 400 {@code encoding} ({@link JsonSyntax#notUtf8}), one that is no JSON a 400 {@code json} saying
	 * where ({@link JsonSyntax#message}).
	 */
	private List<Couriers.Entry> parse(InputStream body, boolean ndjson) {
		List<JsonNode> nodes = new ArrayList<>();
		// the first token of the body's one JSON value once that value is read whole (array or object), else null
		JsonToken closed = null;
		try (JsonParser p = json.createParser(body)) {
			JsonToken first = p.nextToken();
			if (first == JsonToken.START_ARRAY || !ndjson) {
				if (first == JsonToken.START_ARRAY) {
					for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY && t != null; t = p.nextToken()) {
						add(nodes, p);
					}
				}
				else if (first != null) {
					add(nodes, p);
				}
				closed = first;
				if (p.nextToken() != null) {
					throw trailing(JsonSyntax.where(p.currentTokenLocation()), first == JsonToken.START_ARRAY);
				}
			}
			else {
				long lastLine = 0;
				for (JsonToken t = first; t != null; t = p.nextToken()) {
					long line = p.currentTokenLocation().getLineNr();
					if (line == lastLine) {
						// NDJSON is one object a line: a second on the same line would be told by the wrong line number
						throw new InvalidValueException("body", "ndjson", "请求体在" + JsonSyntax.where(p.currentTokenLocation())
								+ "：NDJSON每行只能有一个对象，请把每名快递员写在单独一行；名册未保存");
					}
					add(nodes, p);
					lastLine = p.currentTokenLocation().getLineNr();
				}
			}
		}
		catch (JacksonException ex) {
			BodyTooLargeException.rethrowIfAmong(ex);
			if (closed != null) {
				throw trailing(JsonSyntax.where(ex, 0), closed == JsonToken.START_ARRAY);
			}
			String key = JsonSyntax.duplicateKey(ex);
			if (key != null) {
				// the key twice in one line: named with its line, as the roster's other errors are
				throw new InvalidValueException(key, "duplicate-key", Wording.of("safety.invalid.rosterDuplicateKey",
						nodes.size() + 1, key), "第" + (nodes.size() + 1) + "行：JSON中字段“" + key + "”出现了不止一次，请只保留一个");
			}
			if (JsonSyntax.notUtf8(ex)) {
				throw new InvalidValueException("body", "encoding", JsonSyntax.message("名册", ex, 0) + "；名册未保存");
			}
			throw new InvalidValueException("body", "json", JsonSyntax.message("请求体", ex, 0)
					+ "（应为JSON数组，或NDJSON每行一个对象）");
		}
		refuseUnknownFields(nodes);
		return nodes.stream()
			.map(n -> new Couriers.Entry(text(n, "courierId"), text(n, "idType"), text(n, "idNumber")))
			.toList();
	}

	/** Whether the body is declared NDJSON (objects one a line); otherwise it is one JSON value, an array or an object. */
	private static boolean isNdjson(String contentType) {
		return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-ndjson");
	}

	/** Reads the roster line the parser stands at, refusing the line over {@link #MAX_COURIERS}. */
	private static void add(List<JsonNode> nodes, JsonParser p) {
		if (nodes.size() == MAX_COURIERS) {
			throw new InvalidValueException("couriers", "count",
					"一次最多报送" + MAX_COURIERS + "名快递员（courierId、idNumber），请分批报送");
		}
		nodes.add(p.readValueAsTree());
	}

	/**
	 * The 400 of content after the roster's one JSON value (an array, or an object under {@code application/json}),
	 * {@code where} it begins ("第1行第60列", or "").
	 */
	private static InvalidValueException trailing(String where, boolean array) {
		return new InvalidValueException("body", "trailing", "请求体" + (where.isEmpty() ? "" : "在" + where) + "：名册的JSON"
				+ (array ? "数组" : "对象") + "结束后还有内容，名册未保存；请把所有快递员写在一个数组中，或改用NDJSON"
				+ "（Content-Type: application/x-ndjson，每行一个对象）");
	}

	/** The names a roster line takes. */
	private static final List<String> FIELDS = List.of("courierId", "idType", "idNumber");

	/** The labels of {@link #FIELDS}, as {@link Couriers#register} names them. */
	private static final List<String> LABELS = List.of("快递员编号（courierId）", "证件类型（idType）", "证件号码（idNumber）");

	/**
	 * A line naming a field the roster does not take is refused, as every JSON body's is ({@code "type"} for
	 * {@code idType} would have registered the courier under the default 居民身份证): 400 naming it, line by line. So is
	 * a line that is no object, and a value that is not text ({@code "idNumber":320502199001011234}, a number, was
	 * answered 证件号码不能为空): 400 {@code format} naming the field and the line, as every body's text field is.
	 */
	private static void refuseUnknownFields(List<JsonNode> nodes) {
		List<FieldError> unknown = new ArrayList<>();
		for (int i = 0; i < nodes.size(); i++) {
			String line = "第" + (i + 1) + "行：";
			if (!nodes.get(i).isObject()) {
				unknown.add(new FieldError("couriers", "format", line + "应为JSON对象（courierId、idType、idNumber）"));
				continue;
			}
			for (String name : nodes.get(i).propertyNames()) {
				JsonNode value = nodes.get(i).get(name);
				if (!FIELDS.contains(name)) {
					unknown.add(FieldError.unknown(Text.printable(name), Text.printable(name), FIELDS, line));
				}
				else if (!value.isString() && !value.isNull()) {
					unknown.add(new FieldError(name, "format",
							line + LABELS.get(FIELDS.indexOf(name)) + "应为文字，写在英文双引号中"));
				}
			}
		}
		if (!unknown.isEmpty()) {
			throw new InvalidValueException(unknown);
		}
	}
}
