package org.youguan.filing;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.MultiValueMap;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.documents.PdfFiles;
import org.youguan.filing.internal.FilingReceipts;
import org.youguan.filing.internal.FilingView;
import org.youguan.filing.internal.OutletDetails;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.org.CurrentUser;
import org.youguan.registry.OutletData;
import org.youguan.registry.Outlets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A change filing changes the branch (分支机构) an outlet is run through, by the new filing's rules: one of the
 * enterprise's own branches (400 {@code branchId}/{@code own-branch}), with the parent's authorisation when it names a
 * branch other than the recorded one (400 {@code attachments.AUTHORISATION}), none (the enterprise itself) without; the
 * approval applies it. The branch is shown on the filing's page (before → after), in the queue's export and on the
 * receipt.
 */
@IntegrationTest
class OutletFilingBranchChangeIntegrationTest {

	static final DataScope WUZHONG = DataScope.region("320506");

	@Autowired
	OutletFilings filings;

	@Autowired
	FilingReceipts receipts;

	@Autowired
	Outlets outlets;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FilingFixture fixture;

	CurrentUser sf() {
		return fixture.shunfeng();
	}

	String branchName(long id) {
		return jdbc.sql("SELECT name FROM branch WHERE id = :id").param("id", id).query(String.class).single();
	}

	static List<Upload> authorisation() {
		return List.of(new Upload(AttachmentKind.AUTHORISATION, "授权书.pdf", OutletFilingIntegrationTest.PDF));
	}

	void approved(long filing, long outletId, Long branch) {
		filings.approve(WUZHONG, filing, null);
		await().ignoreExceptions()
			.untilAsserted(() -> assertThat(outlets.get(WUZHONG, outletId).branchId()).isEqualTo(branch));
	}

	static void refused(String field, String rule, Runnable step) {
		assertThatThrownBy(step::run).isInstanceOfSatisfying(InvalidValueException.class,
				ex -> assertThat(ex.fieldErrors()).extracting(FieldError::field, FieldError::rule)
					.contains(org.assertj.core.groups.Tuple.tuple(field, rule)));
	}

	@Test
	void aChangeFilingChangesTheBranchByTheNewFilingsRulesAndTheApprovalAppliesIt() throws Exception {
		LocalDate today = LocalDate.now(clock);
		LocalDate opened = today.minusDays(30);
		long outletId = fixture.filedOutlet(opened);
		long branch = fixture.ownBranch();
		String name = branchName(branch);
		OutletData changed = OutletFilingIntegrationTest.outlet(opened);

		refused("branchId", "own-branch", () -> filings.submitChange(sf(), outletId, changed.withBranch(fixture.othersBranch()),
				today, "改由分支机构经营", authorisation()));
		refused("attachments.AUTHORISATION", "required", () -> filings.submitChange(sf(), outletId,
				changed.withBranch(branch), today, "改由分支机构经营", List.of()));

		long change = filings.submitChange(sf(), outletId, changed.withBranch(branch), today, "改由分支机构经营",
				authorisation());
		FilingView f = filings.get(WUZHONG, change);
		assertThat(f.branchName()).isEqualTo(name);
		OutletDetails details = filings.details(WUZHONG, change);
		assertThat(details.proposed().branchName()).isEqualTo(name);
		assertThat(details.current().branchName()).isNull();
		assertThat(details.changes()).anySatisfy(c -> {
			assertThat(c.field()).isEqualTo("filing.branch");
			assertThat(c.before()).isEqualTo("—");
			assertThat(c.after()).isEqualTo(name);
		});
		approved(change, outletId, branch);

		// the receipt names the branch, read back from the .docx
		try (XWPFDocument receipt = new XWPFDocument(new ByteArrayInputStream(receipts.receipt(WUZHONG, change)))) {
			List<String> rows = new ArrayList<>();
			for (XWPFTableRow row : receipt.getTables().get(0).getRows()) {
				rows.add(row.getCell(0).getText() + "=" + row.getCell(1).getText());
			}
			assertThat(rows).contains("经营的分支机构=" + name);
		}

		// the page shows it, the queue's export has the column
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/filing/" + change).session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"filing-branch\">" + name + "<")));
		byte[] export = mvc.perform(get("/filing/export.xlsx").param("q", f.number()).param("state", "DONE").session(staff))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export))) {
			Row header = book.getSheetAt(0).getRow(0);
			int column = -1;
			for (int i = 0; i < header.getLastCellNum(); i++) {
				if (header.getCell(i).getStringCellValue().equals("经营的分支机构")) {
					column = i;
				}
			}
			assertThat(column).isNotNegative();
			assertThat(book.getSheetAt(0).getRow(1).getCell(column).getStringCellValue()).isEqualTo(name);
		}

		// the same branch kept needs no new authorisation; none (the enterprise itself) needs none either
		// (a change that changes something — a new manager —: an unchanged one is refused as such)
		OutletData newManager = new OutletData(changed.name(), changed.enterpriseId(), branch, changed.cooperation(),
				changed.address(), changed.regionCode(), changed.longitude(), changed.latitude(), "孙八",
				changed.managerIdNumber(), "13712345679", changed.storageArea(), changed.hasCommunications(),
				changed.hasShelving(), changed.hasSurveillance(), changed.hasSignage(), changed.openedOn());
		long kept = filings.submitChange(sf(), outletId, newManager, today, "更换负责人", List.of());
		approved(kept, outletId, branch);
		long back = filings.submitChange(sf(), outletId, changed.withBranch(null), today, "改由本企业直接经营", List.of());
		assertThat(filings.get(WUZHONG, back).branchName()).isNull();
		approved(back, outletId, null);
	}

	@Test
	void theChangeFormOffersTheBranchWithTheRecordedOneChosenAndRefusesAnothersBranch() throws Exception {
		LocalDate today = LocalDate.now(clock);
		LocalDate opened = today.minusDays(20);
		long outletId = fixture.filedOutlet(opened);
		long branch = fixture.ownBranch();
		approved(filings.submitChange(sf(), outletId, OutletFilingIntegrationTest.outlet(opened).withBranch(branch), today,
				"改由分支机构经营", authorisation()), outletId, branch);

		MockHttpSession enterprise = SignIn.session(mvc, "sf.wz");
		String page = mvc.perform(get("/enterprise/outlets/" + outletId + "/change").session(enterprise))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("name=\"branchId\"", "name=\"authorisation\"");
		assertThat(page).containsPattern("<option value=\"" + branch + "\" selected=\"selected\">");

		MultiValueMap<String, String> form = FilingFormAttachmentsIntegrationTest.outletForm(
				"分支变更网点" + System.nanoTime() % 100000, opened.toString());
		form.add("changeDescription", "改由其他分支机构经营");
		form.add("changedOn", today.toString());
		form.add("branchId", String.valueOf(fixture.othersBranch()));
		mvc.perform(multipart("/enterprise/outlets/" + outletId + "/change").params(form).session(enterprise).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"branchId\"")));
		form.set("branchId", "");
		mvc.perform(multipart("/enterprise/outlets/" + outletId + "/change")
			.file(new MockMultipartFile("authorisation", "授权书.pdf", "application/pdf", PdfFiles.blankPage()))
			.params(form).session(enterprise).with(csrf()))
			.andExpect(status().is3xxRedirection());
		long filing = jdbc.sql("SELECT max(id) FROM outlet_filing WHERE outlet_id = :o").param("o", outletId)
			.query(Long.class).single();
		assertThat(filings.details(WUZHONG, filing).changes()).anySatisfy(c -> {
			assertThat(c.field()).isEqualTo("filing.branch");
			assertThat(c.after()).isEqualTo("—");
		});
	}

	/**
	 * The branch named on a filing is checked again when the bureau approves: a branch that passed to another enterprise
	 * (or was deregistered) while the filing waited is no longer the enterprise's own, and the approval is refused (422
	 * {@code branchId}/{@code own-branch}) with nothing decided — a new outlet and a change alike.
	 */
	@Test
	void theApprovalRefusesABranchThatIsNoLongerTheEnterprisesOwn() {
		LocalDate today = LocalDate.now(clock);
		long branch = jdbc.sql("""
				INSERT INTO branch (enterprise_id, name, region_code, address, head_name, business_licence_date, filed_on,
				    filed_late, created_at)
				SELECT id, :name, '320506001', '吴中区分公司路9号', '赵六', DATE '2026-01-05', DATE '2026-01-12', false, now()
				FROM enterprise WHERE credit_code = :c RETURNING id""")
			.param("name", "顺丰吴中划转分公司" + System.nanoTime() % 1_000_000).param("c", sf().enterpriseCreditCode())
			.query(Long.class).single();
		List<Upload> uploads = new ArrayList<>(OutletFilingIntegrationTest.completeAttachments());
		uploads.addAll(authorisation());
		long filing = filings.submitNew(sf(), OutletFilingIntegrationTest.outlet(today.minusDays(3)).withBranch(branch),
				uploads);
		long outletId = fixture.filedOutlet(today.minusDays(10));
		long change = filings.submitChange(sf(), outletId, OutletFilingIntegrationTest.outlet(today.minusDays(10))
			.withBranch(branch), today, "改由分支机构经营", authorisation());

		// the branch passes to another enterprise while both filings wait
		jdbc.sql("UPDATE branch SET enterprise_id = (SELECT id FROM enterprise WHERE credit_code <> :c ORDER BY id LIMIT 1)"
				+ " WHERE id = :id").param("c", sf().enterpriseCreditCode()).param("id", branch).update();

		for (long id : List.of(filing, change)) {
			assertThatThrownBy(() -> filings.approve(WUZHONG, id, null))
				.isInstanceOfSatisfying(org.youguan.kernel.DomainException.class, ex -> {
					assertThat(ex.formErrors()).extracting(FieldError::field, FieldError::rule)
						.containsExactly(org.assertj.core.groups.Tuple.tuple("branchId", "own-branch"));
					assertThat(ex.getMessage()).contains("已不是", "不能准予备案");
				});
			assertThat(filings.get(WUZHONG, id).status()).as("nothing decided").isEqualTo(FilingStatus.SUBMITTED);
		}
		assertThat(outlets.get(WUZHONG, outletId).branchId()).isNull();
	}
}
