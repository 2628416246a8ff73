package org.youguan.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageAddressTest {

	@Test
	void aValueIsEncodedWholeReservedCharactersAndChineseIncluded() {
		assertThat(PageAddress.value("3205&x=1 {a}")).isEqualTo("3205%26x%3D1%20%7Ba%7D");
		assertThat(PageAddress.value("苏州")).isEqualTo("%E8%8B%8F%E5%B7%9E");
		assertThat(PageAddress.value(null)).isEmpty();
	}

	@Test
	void aRedirectTargetKeepsItsURIAndEncodesWhatAURIMayNotHold() {
		assertThat(PageAddress.redirect("/statistics/targets?region=3205&year=2026#t"))
			.isEqualTo("redirect:/statistics/targets?region=3205&year=2026#t");
		assertThat(PageAddress.redirect("/x?a={foo}&b=<i> \"苏\""))
			.isEqualTo("redirect:/x?a=%7Bfoo%7D&b=%3Ci%3E%20%22%E8%8B%8F%22");
		assertThat(PageAddress.redirect("/x?a=%7B")).isEqualTo("redirect:/x?a=%7B");
	}
}
