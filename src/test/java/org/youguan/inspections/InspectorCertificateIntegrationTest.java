package org.youguan.inspections;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.org.Bureaus;
import org.youguan.platform.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A 执法证号 is one number however it is typed: stored as {@code Text.identifier} writes it, found by the same number in
 * full-width letters and digits (as an inspection record or a case team types it), and refused as a second entry.
 */
@IntegrationTest
class InspectorCertificateIntegrationTest {

	@Autowired
	Inspectors inspectors;

	@Autowired
	Bureaus bureaus;

	/**
	 * The text with its visible ASCII characters in full-width forms, as a Chinese input method types them (Ｓ０１…);
	 * other characters (汉字, spaces) as they are.
	 */
	static String fullWidth(String text) {
		StringBuilder b = new StringBuilder();
		text.chars().forEach(c -> b.append(c > 0x20 && c < 0x7F ? (char) (c - 0x21 + 0xFF01) : (char) c));
		return b.toString();
	}

	@Test
	void aCertificateTypedInFullWidthIsTheOneOnTheRoster() {
		String certificate = "SZ" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		long bureau = bureaus.findByRegion("3205").orElseThrow().id();
		LocalDate until = LocalDate.now(ChinaTime.ZONE).plusYears(1);
		long id = inspectors.register(DataScope.region("3205"),
				new Inspectors.InspectorData(bureau, null, "全角测试", fullWidth(certificate), until, null));
		assertThat(inspectors.findByCertificate(certificate)).map(Inspector::id).contains(id);
		assertThat(inspectors.findByCertificate(fullWidth(certificate))).map(Inspector::id).contains(id);
		assertThatThrownBy(() -> inspectors.register(DataScope.region("3205"),
				new Inspectors.InspectorData(bureau, null, "重复测试", certificate, until, null)))
			.isInstanceOf(DomainException.class)
			.hasMessageContaining(certificate);
	}
}
