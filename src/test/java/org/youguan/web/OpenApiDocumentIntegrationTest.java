package org.youguan.web;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.youguan.IntegrationTest;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.jsonFormatVisitors.JsonFormatVisitorWrapper;
import tools.jackson.databind.jsonFormatVisitors.JsonObjectFormatVisitor;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 13 item 11: the OpenAPI document describes itself — title, version, a description, the module tags, and an
 * example request body for every write (not "OpenAPI definition v0").
 */
@IntegrationTest
class OpenApiDocumentIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/** The application's mapper: what it writes is what an answer's schema must list. */
	@Autowired
	JsonMapper json;

	/**
	 * An operation's description names law by provision token (an annotation cannot call the rule catalogue); the
	 * document cites the article with its text's version, no token left raw.
	 */
	@Test
	void descriptionsCiteTheCataloguesArticlesNoTokenLeft() throws Exception {
		String json = mvc.perform(get("/api/v1/openapi").header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(json).doesNotContain("[[").contains("行政处罚法(2021) 第57条")
			.contains("行政处罚法(2021) 第64条、第85条");
	}

	@Test
	void theDocumentHasATitleAVersionADescriptionTagsAndAnExampleForEveryWrite() throws Exception {
		String json = mvc.perform(get("/api/v1/openapi").header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		JsonNode doc = JsonMapper.builder().build().readTree(json);
		assertThat(doc.at("/info/title").asString()).isEqualTo("YouGuan 邮管通 API");
		assertThat(doc.at("/info/version").asString()).isEqualTo("v1");
		assertThat(doc.at("/info/description").asString()).contains("Authorization: Bearer").contains("RFC 9457");
		List<String> tags = new ArrayList<>();
		doc.at("/tags").forEach(t -> tags.add(t.at("/name").asString()));
		assertThat(tags).contains("行业统计", "工作目标任务", "申诉", "市场主体");
		List<String> writes = new ArrayList<>();
		List<String> without = new ArrayList<>();
		doc.at("/paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
			if (List.of("post", "put", "patch", "delete").contains(op.getKey()) && op.getValue().has("requestBody")) {
				writes.add(op.getKey() + " " + path.getKey());
				op.getValue().at("/requestBody/content").properties().forEach(media -> {
					if (!media.getValue().has("example") && !media.getValue().has("examples")) {
						without.add(op.getKey() + " " + path.getKey() + " " + media.getKey());
					}
				});
			}
		}));
		assertThat(writes).contains("post /api/v1/statistics/reports", "post /api/v1/public/complaints");
		assertThat(without).as("writes without an example").isEmpty();
		assertThat(doc.at("/paths/~1api~1v1~1statistics~1reports/post/requestBody/content/application~1json/example/form")
			.asString()).isEqualTo("monthly");
	}

	@Test
	void argumentsTheServerSuppliesAreNotParametersAndListsShowTheirPagingParameters() throws Exception {
		String json = mvc.perform(get("/api/v1/openapi").header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		JsonNode doc = JsonMapper.builder().build().readTree(json);
		List<String> internal = new ArrayList<>();
		doc.at("/paths").properties().forEach(path -> path.getValue().properties().forEach(op -> op.getValue()
			.at("/parameters").forEach(p -> {
				String name = p.at("/name").asString();
				if (List.of("scope", "list", "request", "me", "user", "session", "response").contains(name)) {
					internal.add(op.getKey() + " " + path.getKey() + " " + name);
				}
			})));
		assertThat(internal).as("resolver-provided arguments shown as parameters").isEmpty();
		List<String> paging = new ArrayList<>();
		doc.at("/paths/~1api~1v1~1complaints/get/parameters").forEach(p -> {
			if ("query".equals(p.at("/in").asString()) && !p.at("/required").asBoolean(false)) {
				paging.add(p.at("/name").asString());
			}
		});
		assertThat(paging).contains("q", "page", "size", "sort", "dir", "status");
	}

	/**
	 * Attack round 24: schemas were named by the record's simple name, so records sharing one (Leads.ReportData,
	 * AnnualReports.ReportData and universal supervision's ReportData; Cancellation, Decision, Reason, Filing…) were
	 * published as one schema with one record's fields, and an integrator following the document got 400 "不认识的字段".
	 * Every record an /api/v1 operation reads as its body or answers with — and every record inside it — must be
	 * described by a schema with exactly its JSON properties.
	 */
	@Test
	void everyRecordAnOperationReadsOrAnswersIsDescribedByItsOwnSchema() throws Exception {
		JsonNode doc = JsonMapper.builder().build().readTree(mvc.perform(get("/api/v1/openapi")
			.header("Authorization", "Bearer demo-sz-admin-token")).andReturn().getResponse().getContentAsString());
		List<String> wrong = new ArrayList<>();
		Set<String> bodies = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
			HandlerMethod handler = m.getValue();
			if (!handler.getBeanType().getName().startsWith("org.youguan")) {
				continue;
			}
			for (String pattern : m.getKey().getPatternValues()) {
				if (!pattern.startsWith("/api/v1/")) {
					continue;
				}
				String path = pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
				for (RequestMethod method : m.getKey().getMethodsCondition().getMethods()) {
					String where = method + " " + path;
					JsonNode operation = doc.path("paths").path(path).path(method.name().toLowerCase(Locale.ROOT));
					if (operation.isMissingNode()) {
						continue; // a download a page controller also serves (a .docx template) is not documented
					}
					Set<MediaType> consumed = m.getKey().getConsumesCondition().getConsumableMediaTypes();
					for (MethodParameter p : handler.getMethodParameters()) {
						if (p.hasParameterAnnotation(RequestBody.class)) {
							ResolvableType body = ResolvableType.forMethodParameter(p);
							if (body.resolve(Object.class).isRecord()) {
								bodies.add(where);
							}
							// the content of one media type: another handler of the path may read another (multipart)
							operation.path("requestBody").path("content").properties().forEach(media -> {
								MediaType type = MediaType.parseMediaType(media.getKey());
								if (consumed.isEmpty() || consumed.stream().anyMatch(t -> t.includes(type))) {
									compare(doc, where + " body", body, media.getValue().path("schema"), false, wrong,
											new HashSet<>());
								}
							});
						}
					}
					ResolvableType answer = ResolvableType.forMethodReturnType(handler.getMethod());
					if (HttpEntity.class.isAssignableFrom(answer.resolve(Object.class))) {
						answer = answer.as(HttpEntity.class).getGeneric(0);
					}
					ResolvableType answered = answer;
					operation.path("responses").properties().forEach(response -> {
						if (response.getKey().startsWith("2")) {
							response.getValue().path("content").forEach(media -> compare(doc, where + " " + response.getKey(),
									answered, media.path("schema"), true, wrong, new HashSet<>()));
						}
					});
				}
			}
		}
		assertThat(bodies).contains("POST /api/v1/enforcement/leads", "POST /api/v1/licensing/annual-reports");
		assertThat(wrong).as("records described by another record's schema").isEmpty();
	}

	/**
	 * Adds to {@code wrong} where the document's {@code schema} (a $ref into components, or an array, map or nullable of
	 * one) does not have the JSON properties of {@code type}, for the type and the records inside it.
	 */
	private void compare(JsonNode doc, String where, ResolvableType type, JsonNode schema, boolean answer,
			List<String> wrong, Set<String> seen) {
		Class<?> raw = type.resolve(Object.class);
		if (raw == Optional.class) {
			compare(doc, where, type.getGeneric(0), schema, answer, wrong, seen);
			return;
		}
		if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
			compare(doc, where + "[]", raw.isArray() ? type.getComponentType() : type.as(Collection.class).getGeneric(0),
					inner(schema).path("items"), answer, wrong, seen);
			return;
		}
		if (Map.class.isAssignableFrom(raw)) {
			compare(doc, where + "{}", type.as(Map.class).getGeneric(1), inner(schema).path("additionalProperties"), answer,
					wrong, seen);
			return;
		}
		if (!raw.isRecord() || schema.isMissingNode()) {
			return; // an answer documented by an example alone
		}
		JsonNode reference = inner(schema);
		String name = reference.has("$ref") ? reference.path("$ref").asString().substring("#/components/schemas/".length())
				: "(inline)";
		JsonNode described = reference.has("$ref") ? doc.path("components").path("schemas").path(name) : reference;
		if (!seen.add(type + " " + name)) {
			return;
		}
		Map<String, ResolvableType> expected = properties(type, answer);
		Set<String> documented = new TreeSet<>();
		described.path("properties").properties().forEach(p -> documented.add(p.getKey()));
		if (!documented.equals(new TreeSet<>(expected.keySet()))) {
			wrong.add(where + ": " + raw.getName() + " described by schema " + name + " " + documented + ", its JSON is "
					+ new TreeSet<>(expected.keySet()));
			return;
		}
		expected.forEach((property, propertyType) -> compare(doc, where + "." + property, propertyType,
				described.path("properties").path(property), answer, wrong, seen));
	}

	/** The schema itself, or the one schema of a nullable (oneOf/anyOf/allOf with one reference). */
	private static JsonNode inner(JsonNode schema) {
		for (String composition : List.of("allOf", "oneOf", "anyOf")) {
			for (JsonNode part : schema.path(composition)) {
				if (part.has("$ref") || part.has("properties") || part.has("items")) {
					return part;
				}
			}
		}
		return schema;
	}

	/**
	 * The JSON properties of a record → their types (none for a property that is not a component): as the application
	 * writes it when it is an answer (its components and getters, is-getters and methods marked @JsonProperty); as it
	 * reads it when it is a body (its components, renamed by @JsonProperty, less @JsonIgnore).
	 */
	private Map<String, ResolvableType> properties(ResolvableType type, boolean answer) {
		Class<?> raw = type.resolve(Object.class);
		Map<String, ResolvableType> properties = new LinkedHashMap<>();
		for (RecordComponent c : raw.getRecordComponents()) {
			Method accessor = c.getAccessor();
			if (accessor.isAnnotationPresent(JsonIgnore.class)) {
				continue;
			}
			JsonProperty renamed = accessor.getAnnotation(JsonProperty.class);
			properties.put(renamed != null && !renamed.value().isEmpty() ? renamed.value() : c.getName(),
					ResolvableType.forType(c.getGenericType(), type));
		}
		if (!answer) {
			return properties;
		}
		Map<String, ResolvableType> written = new LinkedHashMap<>();
		json.acceptJsonFormatVisitor(raw, new JsonFormatVisitorWrapper.Base() {

			@Override
			public JsonObjectFormatVisitor expectObjectFormat(JavaType object) {
				return new JsonObjectFormatVisitor.Base(getContext()) {

					@Override
					public void property(BeanProperty property) {
						written.put(property.getName(), properties.getOrDefault(property.getName(), ResolvableType.NONE));
					}

					@Override
					public void optionalProperty(BeanProperty property) {
						property(property);
					}
				};
			}
		});
		return written;
	}
}
