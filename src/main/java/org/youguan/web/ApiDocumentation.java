package org.youguan.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.rules.Provision;
import org.youguan.kernel.DataScope;
import org.youguan.org.CurrentUser;

/**
 * What the OpenAPI document (/api/v1/openapi, UI at /api/v1/docs) says about itself: its title, version and a
 * description of the API and its modules (each controller names its module's tag), and an example request body for
 * every write — written out for the main ones, otherwise built from the body's schema so no write goes without one.
 * Arguments the server supplies itself (the caller's {@link DataScope} and {@link CurrentUser}, the servlet request,
 * response and session) are not request parameters and are left out of the document, once, here; a
 * {@link org.youguan.kernel.ListRequest} is described by its fields (q, page, size, sort, dir) as query parameters.
 * Schemas of nested records are named with their enclosing classes ({@code Leads.ReportData}), so records sharing a
 * simple name each keep a schema of their own.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(DataScope.class, CurrentUser.class, HttpServletRequest.class,
				HttpServletResponse.class, HttpSession.class);
	}

	static final String TITLE = "YouGuan 邮管通 API";

	/** The API's version: the path segment every endpoint starts with (/api/v1). */
	static final String VERSION = "v1";

	/** Hand-written request examples: "METHOD path" → the body. */
	static final Map<String, Object> EXAMPLES = Map.of(
			"POST /api/v1/statistics/reports", Map.of("form", "monthly", "period", "2026-10",
					"values", Map.of("express.volume.local", "1250000", "express.volume.intercity", "4380000",
							"express.volume.international", "86000", "express.revenue", "5420.50"),
					"notes", Map.of("express.volume.local", "双11预售提前"), "comment", "本月数据已核对", "submit", true),
			"POST /api/v1/public/complaints", complaint(),
			"POST /api/v1/complaints", complaint(),
			"POST /api/v1/workplans/import", "苏州市邮政管理局关于印发2026年工作目标任务分解方案和邮政快递业民生实事分工安排的通知\n…",
			"POST /api/v1/audit-events/verification", """
					YouGuan audit checkpoint v1
					day: 2026-11-29
					seq: 18342
					mac: 9f2c…
					sealed-at: 2026-11-29T23:00:05Z
					events: 18342
					created-at: 2026-11-30T00:05:00Z
					public-key: audit-checkpoint-public.pem
					signature: MEUCIQ…
					""");

	@Bean
	OpenAPI youguanOpenApi() {
		return new OpenAPI().info(new Info().title(TITLE)
			.version(VERSION)
			.description("""
					邮管通（YouGuan）邮政管理信息平台的接口：市场主体与公众查询、末端网点备案、申诉、行业统计、工作目标任务、\
					机构与人员、行政区划、工作日历、法定时限、审计。调用时在请求头 Authorization: Bearer <令牌> 中带上账户的API令牌\
					（公众查询、公众申诉和工作日历无需令牌）；数据按调用者的数据权限返回，企业只看到本企业的数据。\
					错误按 RFC 9457 返回 application/problem+json，errors 逐项列出字段和规则。\
					日期和时间均写作 ISO 8601 文字（写在英文双引号中）：日期 "2026-11-20"，年月 "2026-11"，年份 "2026"，\
					带时区的时间 "2026-11-20T08:30:00+08:00"（时区写作+08:00，带冒号，或Z；+0800 不接受）；\
					以数字、数组或其他写法给出的日期返回400，errors 中写明字段和应有的格式。"""));
	}

	/**
	 * swagger-core's model resolver, configured as springdoc configures the default one (its object mapper, OpenAPI 3.1
	 * or 3.0) but naming schemas with {@link NestedTypeNames}; springdoc registers it in place of the default one (same
	 * class), so every schema of the document is named by it.
	 */
	@Bean
	ModelResolver nestedTypeNamesModelResolver(ObjectMapperProvider mapper, SpringDocConfigProperties properties) {
		return new ModelResolver(mapper.jsonMapper(), new NestedTypeNames()).openapi31(properties.isOpenapi31());
	}

	/**
	 * A schema's name: a top-level class's simple name ({@code Complaint}); a nested class's simple name after its
	 * enclosing classes' ({@code Leads.ReportData}, {@code AnnualReports.ReportData}). swagger-core names schemas by
	 * the simple name alone, so records sharing one (the many nested {@code ReportData}, {@code Decision},
	 * {@code Reason}, {@code Filing}…) were all published as one schema with one of them's fields, and an integrator
	 * following the document got 400 不认识的字段. A {@code @Schema(name)} on the class still wins.
	 */
	static final class NestedTypeNames extends TypeNameResolver {

		@Override
		protected String getNameOfClass(Class<?> type) {
			Class<?> enclosing = type.getEnclosingClass();
			return enclosing == null || getUseFqn() ? super.getNameOfClass(type)
					: getNameOfClass(enclosing) + "." + type.getSimpleName();
		}
	}

	/**
	 * Writes out the provision tokens of the operations' summaries and descriptions and of their parameters'
	 * descriptions ({@code [[PENALTY_HEAD_DECIDES]]}, {@link Provision#resolve}): an annotation cannot call the rule
	 * catalogue, so it names the article by token and the document cites it with the text's version.
	 */
	@Bean
	OpenApiCustomizer citeProvisions() {
		return api -> {
			if (api.getPaths() == null) {
				return;
			}
			api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
				operation.setSummary(Provision.resolve(operation.getSummary()));
				operation.setDescription(Provision.resolve(operation.getDescription()));
				if (operation.getParameters() != null) {
					operation.getParameters().forEach(p -> p.setDescription(Provision.resolve(p.getDescription())));
				}
			}));
		};
	}

	/** Gives every write an example request body (a hand-written one where there is one). */
	@Bean
	OpenApiCustomizer writeExamples() {
		return api -> {
			if (api.getPaths() == null) {
				return;
			}
			api.getPaths().forEach((path, item) -> writes(item).forEach((method, operation) -> {
				if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
					return;
				}
				operation.getRequestBody().getContent().forEach((type, media) -> {
					if (media.getExample() != null || media.getExamples() != null && !media.getExamples().isEmpty()) {
						return;
					}
					Object example = EXAMPLES.get(method + " " + path);
					media.setExample(example != null ? example : fromSchema(api, media.getSchema(), new HashSet<>()));
				});
			}));
		};
	}

	private static Map<String, Operation> writes(PathItem item) {
		Map<String, Operation> writes = new LinkedHashMap<>();
		if (item.getPost() != null) {
			writes.put("POST", item.getPost());
		}
		if (item.getPut() != null) {
			writes.put("PUT", item.getPut());
		}
		if (item.getPatch() != null) {
			writes.put("PATCH", item.getPatch());
		}
		if (item.getDelete() != null) {
			writes.put("DELETE", item.getDelete());
		}
		return writes;
	}

	/** A plausible value of the schema: the schema's own example, else one built from its type. */
	@SuppressWarnings("rawtypes")
	static Object fromSchema(OpenAPI api, Schema schema, Set<String> visiting) {
		if (schema == null) {
			return "…";
		}
		if (schema.get$ref() != null) {
			String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
			Schema target = api.getComponents() == null || api.getComponents().getSchemas() == null ? null
					: api.getComponents().getSchemas().get(name);
			if (target == null || !visiting.add(name)) {
				return Map.of();
			}
			Object value = fromSchema(api, target, visiting);
			visiting.remove(name);
			return value;
		}
		if (schema.getExample() != null) {
			return schema.getExample();
		}
		if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
			return schema.getEnum().get(0);
		}
		String type = schema.getType() != null ? schema.getType()
				: schema.getTypes() != null && !schema.getTypes().isEmpty() ? (String) schema.getTypes().iterator().next() : null;
		if (schema.getProperties() != null) {
			Map<String, Object> object = new LinkedHashMap<>();
			((Map<String, Schema>) schema.getProperties()).forEach((name, property) -> object.put(name,
					fromSchema(api, property, visiting)));
			return object;
		}
		if (type == null) {
			return "…";
		}
		return switch (type) {
			case "integer" -> 1;
			case "number" -> 1.5;
			case "boolean" -> true;
			case "array" -> new ArrayList<>(List.of(fromSchema(api, schema.getItems(), visiting)));
			case "object" -> schema.getAdditionalProperties() instanceof Schema values
					? Map.of("key", fromSchema(api, values, visiting)) : Map.of();
			default -> "date".equals(schema.getFormat()) ? "2026-11-30"
					: "date-time".equals(schema.getFormat()) ? "2026-11-30T09:00:00+08:00" : "…";
		};
	}

	private static Map<String, Object> complaint() {
		Map<String, Object> c = new LinkedHashMap<>();
		c.put("filerName", "张三");
		c.put("phone", "13800138000");
		c.put("filerRole", "SENDER");
		c.put("region", "320506");
		c.put("brand", "顺丰");
		c.put("enterprise", "苏州吴中顺丰快递服务有限公司");
		c.put("waybillNumber", "SF1234567890123");
		c.put("postedOn", "2026-11-02");
		c.put("priorComplaint", Map.of("date", "2026-11-10", "channel", "客服电话", "companyAnswer", "未答复"));
		c.put("category", "延误");
		c.put("reason", "派送延误");
		c.put("amountClaimed", 50);
		c.put("description", "11月2日寄出的快件至今未送达，多次联系快递公司未获答复。");
		return c;
	}
}
