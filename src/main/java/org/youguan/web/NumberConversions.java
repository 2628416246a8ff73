package org.youguan.web;

import java.math.BigDecimal;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.youguan.kernel.Decimals;
import org.youguan.kernel.Text;

/**
 * Numbers read through Spring MVC's conversion service as {@link InputBinding}'s editors read them. The editors serve a
 * parameter of a number type; a collection of numbers ({@code @RequestParam List<Long> ids} sent as {@code ids=1,2}
 * or {@code ids=1&ids=2}, an array, a form object's list) is split and converted element by element by the conversion
 * service, whose own readers ({@link Long#decode}, {@link BigDecimal}) take Arabic-Indic digits ({@code "1,٣"} would be
 * 1 and 3), hexadecimal ({@code 0x10}) and {@code 1e309}. Here a whole number is {@link Decimals#whole} (ASCII or
 * full-width digits, spaces around ignored), a decimal {@link Decimals#parse} within the editors' bound; anything else
 * fails the conversion, which is a type mismatch answered 400 naming the parameter (rule {@code format}). A blank
 * element is null, as Spring's own readers make it.
 */
@Configuration(proxyBeanMethods = false)
class NumberConversions implements WebMvcConfigurer {

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(String.class, Long.class, blankIsNull(InputBinding::whole));
		registry.addConverter(String.class, Integer.class, blankIsNull(text -> InputBinding.narrow(InputBinding.whole(text), text)));
		registry.addConverter(String.class, BigDecimal.class, blankIsNull(InputBinding.BoundedDecimal::parse));
		registry.addConverter(String.class, Double.class, blankIsNull(text -> InputBinding.BoundedDecimal.parse(text).doubleValue()));
		registry.addConverter(String.class, Float.class, blankIsNull(text -> InputBinding.BoundedDecimal.parse(text).floatValue()));
	}

	/** {@code read} for a text that is not blank ({@link Text#isBlank}); null for one that is. */
	private static <T> Converter<String, T> blankIsNull(Converter<String, T> read) {
		return text -> Text.isBlank(text) ? null : read.convert(text);
	}
}
