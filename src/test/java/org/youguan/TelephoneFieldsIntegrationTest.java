package org.youguan;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.complaints.Channel;
import org.youguan.complaints.ComplaintForm;
import org.youguan.complaints.ComplaintReply;
import org.youguan.complaints.ComplaintIntake;
import org.youguan.complaints.ComplaintProcedure;
import org.youguan.complaints.ComplaintQueries;
import org.youguan.complaints.ComplaintTracking;
import org.youguan.complaints.FilerRole;
import org.youguan.complaints.Responsibility;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.IdCardNumber;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Telephone;
import org.youguan.org.BureauData;
import org.youguan.org.BureauView;
import org.youguan.org.Bureaus;
import org.youguan.org.Role;
import org.youguan.org.UserData;
import org.youguan.org.UserKind;
import org.youguan.org.Users;
import org.youguan.registry.Brands;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.Enterprises;
import org.youguan.registry.OutletData;
import org.youguan.registry.Outlets;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every telephone field takes the landlines people write (area code, extension, brackets, +86) and stores one
 * canonical form; a phone typed another way still finds its complaint; the account holder's 手机 stays mobile-only;
 * and the migration rewrites old values exactly as the kernel reads them.
 */
@IntegrationTest
class TelephoneFieldsIntegrationTest {

	static final DataScope SUZHOU = DataScope.region("3205");

	static final DataScope WUZHONG = DataScope.region("320506");

	static final String SF_WUZHONG = "91320506MA1ND7K3Q" + CreditCode.checkCharacter("91320506MA1ND7K3Q");

	@Autowired
	Enterprises enterprises;

	@Autowired
	Outlets outlets;

	@Autowired
	Brands brands;

	@Autowired
	ComplaintIntake intake;

	@Autowired
	ComplaintProcedure procedure;

	@Autowired
	ComplaintQueries queries;

	@Autowired
	ComplaintTracking tracking;

	@Autowired
	Bureaus bureaus;

	@Autowired
	Users users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	static String creditCode() {
		String base = "91320506MA" + org.youguan.RandomDigits.of(7);
		return base + CreditCode.checkCharacter(base);
	}

	@Test
	void anEnterpriseContactAndAnOutletManagerMayBeLandlinesWithExtensions() {
		long enterprise = enterprises.register(SUZHOU, new EnterpriseData("电话测试快递有限公司" + UUID.randomUUID().toString().substring(0, 6),
				creditCode(), EnterpriseType.EXPRESS, brands.findByShortName("中通").orElseThrow().id(), "张三", "测试路1号",
				"320506", "李四", "(0512)65551234"), false);
		assertThat(jdbc.sql("SELECT contact_phone FROM enterprise WHERE id = :id").param("id", enterprise).query(String.class)
			.single()).isEqualTo("0512-65551234");
		assertThat(enterprises.get(SUZHOU, enterprise).contactPhoneMasked()).isEqualTo("0512-****1234");

		String first17 = "32050619850101" + String.format("%03d", (int) (Math.random() * 1000));
		long outlet = outlets.register(SUZHOU, new OutletData("电话测试网点" + UUID.randomUUID().toString().substring(0, 6), enterprise,
				null, "FRANCHISE", "吴中区测试路" + UUID.randomUUID().toString().substring(0, 4) + "号", "320506001", null, null, "王五",
				first17 + IdCardNumber.checkCharacter(first17), "+86-512-65551234 转 801", new BigDecimal("30"), true, true, true,
				true, LocalDate.now(clock).minusDays(3)), false);
		assertThat(jdbc.sql("SELECT manager_phone_masked FROM terminal_outlet WHERE id = :id").param("id", outlet)
			.query(String.class).single()).isEqualTo("0512-****1234-801");

		assertThatThrownBy(() -> enterprises.register(SUZHOU, new EnterpriseData("电话测试快递有限公司乙", creditCode(),
				EnterpriseType.EXPRESS, null, null, null, "320506", null, "65551234"), false))
			.isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("联系电话是固定电话时请加区号");
	}

	@Test
	void aFilersLandlineIsStoredOnceAndFindsTheComplaintHoweverItIsTyped() throws Exception {
		LocalDate today = LocalDate.now(clock);
		String waybill = "SF" + org.youguan.RandomDigits.of(10);
		String body = """
				{"filerName":"张三","phone":"+86-512-65557788","filerRole":"RECIPIENT","region":"320506","brand":"顺丰",
				 "waybillNumber":"%s","postedOn":"%s","priorComplaint":{"date":"%s","channel":"电话","companyAnswer":null},
				 "category":"延误","reason":"中转或运输延误","amountClaimed":100,"description":"快件延误"}"""
			.formatted(waybill, today.minusDays(20), today.minusDays(10));
		String receipt = mvc.perform(post("/api/v1/public/complaints").contentType("application/json").content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String number = JsonPath.read(receipt, "$.number");
		long id = jdbc.sql("SELECT id FROM complaint WHERE number = :n").param("n", number).query(Long.class).single();
		assertThat(queries.get(DataScope.region("320506"), id).filerPhone()).isEqualTo("0512-65557788");
		assertThat(tracking.publicStatus(number, "(0512) 6555 7788").number()).isEqualTo(number);
		mvc.perform(get("/api/v1/complaints").header("Authorization", "Bearer demo-wz-staff-token").param("q", "0512 65557788"))
			.andExpect(jsonPath("$.items[0].number").value(number));
	}

	@Test
	void anEnterprisesHandlerAnswersFromACustomerServiceExtension() {
		long filed = complaintTransferredToShunfeng();
		procedure.reply(DataScope.enterprise(SF_WUZHONG), filed, new ComplaintReply("经查属实", Responsibility.RESPONSIBLE,
				"致歉", BigDecimal.ZERO, true, true, "王经理", "0512-65551234转801"));
		assertThat(queries.get(WUZHONG, filed).replyHandlerPhone()).isEqualTo("0512-65551234-801");
	}

	/** A complaint filed on the web against 顺丰 in 吴中, accepted and transferred to the enterprise to reply. */
	private long complaintTransferredToShunfeng() {
		LocalDate today = LocalDate.now(clock);
		var filed = intake.file(new ComplaintForm("李四", "13912340000", FilerRole.SENDER, "320506", "顺丰", null,
				"SF" + org.youguan.RandomDigits.of(10), today.minusDays(20),
				today.minusDays(10), "电话", null, "延误", "中转或运输延误", new BigDecimal("10"), "快件延误"), Channel.WEB, null,
				false);
		procedure.acceptAndTransfer(WUZHONG, filed.id(), null, null);
		return filed.id();
	}

	/** A refused phone is named as its form names the field (经办人电话), never as a bare 电话号码 the form does not show. */
	@Test
	void aRefusedPhoneIsNamedAsItsFormNamesIt() {
		long filed = complaintTransferredToShunfeng();
		for (String[] typed : new String[][] { { " ", "经办人电话不能为空" }, { "12", "经办人电话应为11位手机号码或带区号的固定电话" },
				{ "65551234", "经办人电话是固定电话时请加区号" } }) {
			assertThatThrownBy(() -> procedure.reply(DataScope.enterprise(SF_WUZHONG), filed, new ComplaintReply("经查属实",
					Responsibility.RESPONSIBLE, "致歉", BigDecimal.ZERO, true, true, "王经理", typed[0])))
				.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
					.anySatisfy(e -> {
						assertThat(e.field()).isEqualTo("handlerPhone");
						assertThat(e.message()).startsWith(typed[1]);
					}));
		}
	}

	@Test
	void aBureausOfficeLineIsStoredCanonicalAndAnAccountsMobileStaysMobile() {
		BureauView kunshan = bureaus.findByRegion("320583").orElseThrow();
		bureaus.update(DataScope.all(), kunshan.id(), new BureauData(kunshan.name(), kunshan.shortName(), kunshan.level(),
				kunshan.regionCode(), kunshan.parentId(), kunshan.address(), "（0512）5751 1234"));
		assertThat(bureaus.get(DataScope.all(), kunshan.id()).phone()).isEqualTo("0512-57511234");

		UserData landline = new UserData("phone.test." + UUID.randomUUID().toString().substring(0, 6), "测试", UserKind.STAFF,
				kunshan.id(), null, null, "0512-57511234", Set.of(Role.STAFF));
		assertThatThrownBy(() -> users.provision(landline, "Hn4!vRq8#Lz3w", false, false))
			.isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("固定电话");
	}

	@Test
	void theMigrationRewritesOldValuesAsTheKernelReadsThem() throws Exception {
		String script;
		try (InputStream in = getClass().getResourceAsStream("/db/migration/registry/V45__canonical_contact_phones.sql")) {
			script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String function = script.substring(script.indexOf("CREATE FUNCTION"), script.indexOf("$$;") + 3)
			.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION");
		try (Connection connection = dataSource.getConnection()) {
			try (Statement create = connection.createStatement()) {
				create.execute(function);
			}
			for (String old : new String[] { "051265551234", "0512-65551234", "051-26555123", "02162551234", "010-62551234",
					"(0512)65551234", "（0512）6555 1234", "+86 512 65551234", "0086-512-65551234", "０５１２－６５５５１２３４",
					"13912345678", "+86 139 1234 5678", "0571-8765432" }) {
				assertThat(canonical(connection, old)).as(old).isEqualTo(Telephone.of(old).value());
			}
			assertThat(canonical(connection, "请拨总机")).isEqualTo("请拨总机");
			assertThat(canonical(connection, null)).isNull();
			try (Statement drop = connection.createStatement()) {
				drop.execute("DROP FUNCTION pg_temp.canonical_phone(text)");
			}
		}
	}

	private static String canonical(Connection connection, String value) throws SQLException {
		try (PreparedStatement select = connection.prepareStatement("SELECT pg_temp.canonical_phone(?)")) {
			select.setString(1, value);
			try (ResultSet rs = select.executeQuery()) {
				rs.next();
				return rs.getString(1);
			}
		}
	}
}
