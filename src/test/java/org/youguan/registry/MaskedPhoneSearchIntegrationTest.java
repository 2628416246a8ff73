package org.youguan.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.CreditCodes;
import org.youguan.IntegrationTest;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.org.Bureaus;
import org.youguan.org.Role;
import org.youguan.org.UserData;
import org.youguan.org.UserKind;
import org.youguan.org.UserView;
import org.youguan.org.Users;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists that show a phone masked (an enterprise's contact phone, a user's phone: 139****5678) are searched as they show
 * it: the digits shown — and the masked form as shown — find the row; the hidden digits and the whole number, which
 * the reader never sees, find nothing (a match would confirm the masked number).
 */
@IntegrationTest
class MaskedPhoneSearchIntegrationTest {

	static final DataScope WUZHONG = DataScope.region("320506");

	@Autowired
	Enterprises enterprises;

	@Autowired
	Users users;

	@Autowired
	Bureaus bureaus;

	@Autowired
	Outlets outlets;

	@Autowired
	Brands brands;

	private static String phone() {
		return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

	private static String shown(String phone) {
		return phone.substring(0, 3) + "****" + phone.substring(7);
	}

	/** The mask typed with separators between its blocks (139-****-5678): the same mask (finding: separators). */
	private static String dashed(String phone) {
		return phone.substring(0, 3) + "-****-" + phone.substring(7);
	}

	@Test
	void anEnterpriseIsFoundByTheDigitsOfItsContactPhoneTheListShowsOnly() {
		String code = CreditCodes.unique();
		String phone = phone();
		String name = "号码检索测试快递有限公司" + code.substring(10);
		long id = enterprises.register(DataScope.all(), new EnterpriseData(name, code, EnterpriseType.EXPRESS, null, "张三",
				"吴中区测试路1号", "320506", "李四", phone), false);
		for (String q : new String[] { name + " " + phone.substring(7), name + " " + shown(phone), shown(phone),
				name + " " + dashed(phone), dashed(phone), phone.substring(0, 3) + " **** " + phone.substring(7) }) {
			assertThat(enterprises.list(WUZHONG, Enterprises.Filter.NONE, new PageQuery(q, 0, 100, null, false)).items())
				.as(q).extracting(EnterpriseView::id).contains(id);
		}
		for (String q : new String[] { name + " " + phone, name + " " + phone.substring(3, 7), phone }) {
			assertThat(enterprises.list(WUZHONG, Enterprises.Filter.NONE, new PageQuery(q, 0, 100, null, false)).items())
				.as(q).extracting(EnterpriseView::id).doesNotContain(id);
		}
	}

	@Test
	void anOutletIsFoundByTheDigitsOfItsManagersNumbersTheListShowsOnly() {
		String phone = phone();
		String id = RegistryIntegrationTest.idNumber();
		String name = "号码检索网点" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
		long outlet = outletManagedBy(name, id, phone);
		for (String q : new String[] { name + " " + phone.substring(7), name + " " + shown(phone), name + " " + id.substring(14),
				name + " " + id.substring(0, 6), name + " " + dashed(phone),
				// the mask typed in blocks with spaces, or in full width with full-width dashes and stars
				name + " " + phone.substring(0, 3) + " **** " + phone.substring(7),
				name + " " + fullWidth(phone.substring(0, 3)) + "－＊＊＊＊－" + fullWidth(phone.substring(7)) }) {
			assertThat(outlets.list(WUZHONG, Outlets.Filter.NONE, new PageQuery(q, 0, 100, null, false)).items())
				.as(q).extracting(OutletView::id).containsExactly(outlet);
		}
		for (String q : new String[] { name + " " + phone, name + " " + phone.substring(3, 7), name + " " + id,
				name + " " + id.substring(6, 14) }) {
			assertThat(outlets.list(WUZHONG, Outlets.Filter.NONE, new PageQuery(q, 0, 100, null, false)).items())
				.as(q).extracting(OutletView::id).doesNotContain(outlet);
		}
	}

	/**
	 * Finding (the outlet search read a phone typed with spaces apart from its other words): the manager's phone typed
	 * on its own as the list shows it — its mask in blocks (139 **** 5678), its shown digits apart (139 5678) or with any
	 * separators — finds the outlet as on the lists of the list idiom; the hidden digits in blocks, or the whole number in
	 * blocks, do not.
	 */
	@Test
	void anOutletIsFoundByItsManagersPhoneTypedOnItsOwnWithSpaces() {
		String phone = phone();
		String name = "空格号码网点" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
		long outlet = outletManagedBy(name, RegistryIntegrationTest.idNumber(), phone);
		String head = phone.substring(0, 3);
		String tail = phone.substring(7);
		for (String q : new String[] { head + " **** " + tail, head + " " + tail, head + " - **** - " + tail,
				head + "****" + tail, fullWidth(head) + "\u3000＊＊＊＊\u3000" + fullWidth(tail) }) {
			assertThat(outlets.list(WUZHONG, Outlets.Filter.NONE, new PageQuery(q, 0, 1000, null, false)).items())
				.as(q).extracting(OutletView::id).contains(outlet);
		}
		for (String q : new String[] { head + " " + phone.substring(3, 7) + " " + tail, phone.substring(3, 7) + " " + tail }) {
			assertThat(outlets.list(WUZHONG, Outlets.Filter.NONE, new PageQuery(name + " " + q, 0, 1000, null, false)).items())
				.as(q).extracting(OutletView::id).doesNotContain(outlet);
		}
	}

	/** A new outlet of a new 中通 enterprise in 吴中区, its manager's ID number and phone given. */
	private long outletManagedBy(String name, String idNumber, String phone) {
		long enterprise = enterprises.register(DataScope.all(), new EnterpriseData("网点号码检索快递有限公司" + name,
				RegistryIntegrationTest.creditCode(), EnterpriseType.EXPRESS, brands.findByShortName("中通").orElseThrow().id(),
				"张三", "测试路1号", "320506", "李四", null), false);
		return outlets.register(DataScope.all(), new OutletData(name, enterprise, null, "FRANCHISE", "吴中区检索路1号",
				"320506001", null, null, "王五", idNumber, phone, new BigDecimal("30"), true, true, true, true,
				LocalDate.of(2026, 1, 5)), false);
	}

	/** {@code s} as a Chinese input method types it in full width: ASCII digits and letters as ０–９, Ａ–Ｚ, ａ–ｚ. */
	private static String fullWidth(String s) {
		StringBuilder out = new StringBuilder();
		s.chars().forEach(c -> out.append(Character.isLetterOrDigit(c) && c < 0x80 ? (char) (c + 0xFEE0) : (char) c));
		return out.toString();
	}

	/**
	 * A search typed with a Chinese input method (full-width digits, letters and the ideographic space) finds what the
	 * same search typed in ASCII finds — the list's search text is folded once ({@code PageQuery}), so the outlet search
	 * (its own criteria) and the enterprise list (the list idiom) agree; the hidden digits still find nothing.
	 */
	@Test
	void aSearchTypedInFullWidthFindsWhatItsAsciiFormFinds() {
		long enterprise = enterprises.register(DataScope.all(), new EnterpriseData("全角检索快递有限公司",
				RegistryIntegrationTest.creditCode(), EnterpriseType.EXPRESS, brands.findByShortName("中通").orElseThrow().id(),
				"张三", "测试路1号", "320506", "李四", null), false);
		String phone = phone();
		String id = RegistryIntegrationTest.idNumber();
		String tag = UUID.randomUUID().toString().replaceAll("[^a-f]", "");
		String name = "全角网点" + tag;
		long outlet = outlets.register(DataScope.all(), new OutletData(name, enterprise, null, "FRANCHISE", "吴中区全角路1号",
				"320506001", null, null, "王五", id, phone, new BigDecimal("30"), true, true, true, true,
				LocalDate.of(2026, 1, 5)), false);
		for (String q : new String[] { name + "\u3000" + fullWidth(phone.substring(7)), fullWidth(name) + " " + fullWidth(phone.substring(7)),
				name + "\u3000" + fullWidth(id.substring(14)) }) {
			assertThat(outlets.list(WUZHONG, Outlets.Filter.NONE, new PageQuery(q, 0, 100, null, false)).items())
				.as(q).extracting(OutletView::id).containsExactly(outlet);
		}
		assertThat(outlets.list(WUZHONG, Outlets.Filter.NONE,
				new PageQuery(name + "\u3000" + fullWidth(phone.substring(3, 7)), 0, 100, null, false)).items())
			.extracting(OutletView::id).doesNotContain(outlet);
		String code = CreditCodes.unique();
		String contact = phone();
		String enterpriseName = "全角号码检索快递有限公司" + code.substring(10);
		long found = enterprises.register(DataScope.all(), new EnterpriseData(enterpriseName, code, EnterpriseType.EXPRESS,
				null, "张三", "吴中区测试路1号", "320506", "李四", contact), false);
		assertThat(enterprises.list(WUZHONG, Enterprises.Filter.NONE,
				new PageQuery(fullWidth(enterpriseName) + "\u3000" + fullWidth(contact.substring(7)), 0, 100, null, false)).items())
			.extracting(EnterpriseView::id).contains(found);
	}

	@Test
	void anAccountIsFoundByTheDigitsOfItsPhoneTheListShowsOnly() {
		String phone = phone();
		String name = "ms." + UUID.randomUUID().toString().substring(0, 8);
		long id = users.provision(new UserData(name, "号码检索", UserKind.STAFF,
				bureaus.findByRegion("320506").orElseThrow().id(), null, null, phone, EnumSet.of(Role.STAFF)),
				"Kx9#mQ2vLp7w", false, false);
		for (String q : new String[] { name + " " + phone.substring(7), name + " " + shown(phone) }) {
			assertThat(users.list(WUZHONG, Users.Filter.NONE, new PageQuery(q, 0, 100, null, false)).items())
				.as(q).extracting(UserView::id).containsExactly(id);
		}
		for (String q : new String[] { name + " " + phone, name + " " + phone.substring(3, 7), phone }) {
			assertThat(users.list(WUZHONG, Users.Filter.NONE, new PageQuery(q, 0, 100, null, false)).items())
				.as(q).extracting(UserView::id).doesNotContain(id);
		}
	}
}
