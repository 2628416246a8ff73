package org.youguan.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.youguan.kernel.ListRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One reading of what a handler binds serves both the API's unknown-parameter check and the region guard: a filter
 * record's components and a {@code @RequestParam} are taken by both, a map of every parameter leaves any name to the
 * handler, a handler reading the servlet request is left its parameters by the API check but still has its
 * {@code region} checked by the guard, and the reading is done once per handler method.
 */
class HandlerQueryParametersTest {

	/** A filter of the product's own, bound without annotation. */
	record Filter(String region, String status) {
	}

	@SuppressWarnings("unused")
	static class Handlers {

		void filtered(Filter filter, ListRequest list) {
		}

		void named(@RequestParam("region") String area, @RequestParam(required = false) Integer year) {
		}

		void everything(@RequestParam Map<String, String> parameters) {
		}

		void raw(HttpServletRequest request, @RequestParam String q) {
		}

		void path(@PathVariable String region) {
		}
	}

	static HandlerMethod handler(String name) {
		return new HandlerMethod(new Handlers(), java.util.Arrays.stream(Handlers.class.getDeclaredMethods())
			.filter(m -> m.getName().equals(name)).findFirst().orElseThrow());
	}

	@Test
	void aFilterRecordsComponentsAndTheListsParametersAreTakenByBothChecks() {
		HandlerQueryParameters.Bound bound = HandlerQueryParameters.read(handler("filtered"));
		assertThat(bound.names()).containsExactly("region", "status", "q", "page", "size", "sort", "dir");
		assertThat(bound.binds("region")).isTrue();
		assertThat(ApiQueryParameters.takenBy(bound)).isEqualTo(bound.names());
	}

	@Test
	void aRequestParamIsTakenByTheNameItIsBoundBy() {
		HandlerQueryParameters.Bound bound = HandlerQueryParameters.read(handler("named"));
		assertThat(bound.names()).containsExactly("region", "year");
		assertThat(bound.binds("region")).isTrue();
		assertThat(bound.binds("area")).isFalse();
	}

	@Test
	void aMapOfEveryParameterLeavesAnyNameToTheHandler() {
		HandlerQueryParameters.Bound bound = HandlerQueryParameters.read(handler("everything"));
		assertThat(bound.binds("region")).isTrue();
		assertThat(ApiQueryParameters.takenBy(bound)).containsExactly("*");
	}

	@Test
	void aHandlerReadingTheRequestIsLeftItsParametersButNotItsRegion() {
		HandlerQueryParameters.Bound bound = HandlerQueryParameters.read(handler("raw"));
		assertThat(ApiQueryParameters.takenBy(bound)).containsExactly("*");
		assertThat(bound.names()).containsExactly("q");
		assertThat(bound.binds("region")).as("the region guard still checks it").isFalse();
	}

	@Test
	void aPathVariableIsNoQueryParameter() {
		assertThat(HandlerQueryParameters.read(handler("path")).binds("region")).isFalse();
	}

	@Test
	void eachHandlerMethodIsReadOnce() {
		HandlerQueryParameters handlers = new HandlerQueryParameters();
		HandlerQueryParameters.Bound first = handlers.of(handler("filtered"));
		assertThat(handlers.of(handler("filtered"))).isSameAs(first);
		assertThat(handlers.of(handler("named"))).isNotSameAs(first);
	}
}
